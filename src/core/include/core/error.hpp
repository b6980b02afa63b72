// The one error model of Tatakerja: every refusal the API, the application layer and the CLI can
// report has an ErrorCode, and kErrorTable gives each code its stable name ("NOT_FOUND"), its HTTP
// status and its Indonesian default message. Nothing else in the project repeats a name, a status
// or a default message beside a code: call sites name the code only.
//
// A refusal is thrown as tatakerja::Refusal (the code, the offending field when there is one, and
// a message that defaults to the code's). Infrastructure failures (storage::DatabaseError) are not
// refusals; app/error.hpp maps them to one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tatakerja {

enum class ErrorCode : std::uint8_t {
  // Answered by the HTTP API (docs/api.md's error table, the OpenAPI document's Error schema).
  MalformedJson,
  InvalidParameter,
  Unauthenticated,
  WrongCredentials,
  Forbidden,
  OutOfScope,
  CsrfInvalid,
  NotFound,
  MethodNotAllowed,
  Conflict,
  PayloadTooLarge,
  UnsupportedMediaType,
  InvalidField,
  NipInvalid,
  HierarchyCycle,
  RateLimited,
  Internal,
  Unavailable,
  // Accounts and sign-in (issue 10).
  PasswordTooShort,
  PasswordTooLong,
  PasswordTooCommon,
  PasswordContainsName,
  CurrentPasswordWrong,
  SignInBusy,
  // The transport's own refusals (server/http_server.cpp; issue 10: limits).
  ServerBusy,
  WorkTimeout,
  HeaderTooLarge,
  // The work system (issue 12).
  ReasonRequired,
  TeamMemberUnplaced,
  // Assignments (issue 12 item 3).
  RoleRequired,
  TransitionNotAllowed,
  VersionConflict,
  // Imports of tables of people (issue 11, item 9).
  TableUnreadable,
  PeopleImportRefused,
  // Letters (issue 12 item 6).
  LetterPatternInvalid,
  // A file that cannot be read as a regulation text (textio::ReadError; printed by the CLI). The
  // API never answers these: an uploaded text it cannot decode is INVALID_FIELD "text".
  FileNotFound,
  FileIsDirectory,
  FileEmpty,
  FileTooLarge,
  FileBinary,
  FileReadFailed,
  EncodingUnsupported,
  EncodingInvalid,
};

// Where a code is reported.
enum class ErrorScope : std::uint8_t {
  Api,   // answered by the HTTP API (and reported by the CLI when a use case refuses)
  File,  // reading a file; CLI only (its status is what the API would answer, were it to)
};

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;     // stable, never translated: "NOT_FOUND"
  int http_status;           // 4xx or 5xx
  std::string_view message;  // Indonesian, for people
  ErrorScope scope;
};

// The table, in the order of ErrorCode (checked below).
inline constexpr std::array<ErrorInfo, 43> kErrorTable{{
    {ErrorCode::MalformedJson, "MALFORMED_JSON", 400,
     "Isi permintaan bukan JSON yang sah atau bukan objek.", ErrorScope::Api},
    {ErrorCode::InvalidParameter, "INVALID_PARAMETER", 400, "Parameter alamat tidak sah.",
     ErrorScope::Api},
    {ErrorCode::Unauthenticated, "UNAUTHENTICATED", 401, "Silakan masuk terlebih dahulu.",
     ErrorScope::Api},
    {ErrorCode::WrongCredentials, "WRONG_CREDENTIALS", 401, "Nama pengguna atau kata sandi salah.",
     ErrorScope::Api},
    {ErrorCode::Forbidden, "FORBIDDEN", 403, "Peran Anda tidak diizinkan melakukan tindakan ini.",
     ErrorScope::Api},
    {ErrorCode::OutOfScope, "OUT_OF_SCOPE", 403,
     "Data ini di luar wilayah kewenangan akun Anda; hanya daerah (dan perangkat daerah) yang "
     "ditetapkan untuk akun Anda yang dapat diubah.",
     ErrorScope::Api},
    {ErrorCode::CsrfInvalid, "CSRF_INVALID", 403,
     "Token CSRF tidak ada atau tidak cocok; muat ulang halaman.", ErrorScope::Api},
    {ErrorCode::NotFound, "NOT_FOUND", 404, "Data tidak ditemukan.", ErrorScope::Api},
    {ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405,
     "Metode ini tidak diizinkan untuk alamat ini.", ErrorScope::Api},
    {ErrorCode::Conflict, "CONFLICT", 409, "Data bertentangan dengan data yang sudah ada.",
     ErrorScope::Api},
    {ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413, "Isi permintaan terlalu besar.",
     ErrorScope::Api},
    {ErrorCode::UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", 415,
     "Jenis isi tidak didukung; kirim application/json.", ErrorScope::Api},
    {ErrorCode::InvalidField, "INVALID_FIELD", 422, "Isian tidak sah.", ErrorScope::Api},
    {ErrorCode::NipInvalid, "NIP_INVALID", 422, "NIP tidak sah.", ErrorScope::Api},
    {ErrorCode::HierarchyCycle, "HIERARCHY_CYCLE", 422,
     "Perpindahan ini menempatkan data di bawah dirinya sendiri.", ErrorScope::Api},
    {ErrorCode::RateLimited, "RATE_LIMITED", 429,
     "Terlalu banyak percobaan masuk; coba lagi nanti.", ErrorScope::Api},
    {ErrorCode::Internal, "INTERNAL", 500, "Terjadi kesalahan di server.", ErrorScope::Api},
    {ErrorCode::Unavailable, "UNAVAILABLE", 503,
     "Basis data sedang sibuk atau tidak dapat dihubungi; coba lagi.", ErrorScope::Api},
    // Accounts and sign-in (issue 10).
    {ErrorCode::PasswordTooShort, "PASSWORD_TOO_SHORT", 422,
     "Kata sandi terlalu pendek: paling sedikit 10 karakter.", ErrorScope::Api},
    {ErrorCode::PasswordTooLong, "PASSWORD_TOO_LONG", 422,
     "Kata sandi terlalu panjang: paling banyak 128 karakter.", ErrorScope::Api},
    {ErrorCode::PasswordTooCommon, "PASSWORD_TOO_COMMON", 422,
     "Kata sandi ini terlalu umum atau mudah ditebak; pilih kata sandi lain.", ErrorScope::Api},
    {ErrorCode::PasswordContainsName, "PASSWORD_CONTAINS_NAME", 422,
     "Kata sandi terlalu mirip dengan nama pengguna atau nama aplikasi; pilih kata sandi lain.",
     ErrorScope::Api},
    {ErrorCode::CurrentPasswordWrong, "CURRENT_PASSWORD_WRONG", 403, "Kata sandi saat ini salah.",
     ErrorScope::Api},
    {ErrorCode::SignInBusy, "SIGN_IN_BUSY", 503,
     "Terlalu banyak permintaan masuk bersamaan; coba lagi sebentar.", ErrorScope::Api},
    // The transport's own refusals (issue 10: limits).
    {ErrorCode::ServerBusy, "SERVER_BUSY", 503,
     "Server sedang penuh dengan pekerjaan lain; coba lagi sebentar lagi.", ErrorScope::Api},
    {ErrorCode::WorkTimeout, "WORK_TIMEOUT", 503,
     "Pemrosesan melebihi batas waktu server; coba lagi nanti atau kirim naskah yang lebih kecil.",
     ErrorScope::Api},
    {ErrorCode::HeaderTooLarge, "HEADER_TOO_LARGE", 431,
     "Kepala permintaan terlalu besar; hapus cookie lama lalu coba lagi.", ErrorScope::Api},
    // The work system (issue 12).
    {ErrorCode::ReasonRequired, "REASON_REQUIRED", 422,
     "Alasan perubahan wajib diisi; perubahan aturan sistem kerja dicatat beserta alasannya.",
     ErrorScope::Api},
    {ErrorCode::TeamMemberUnplaced, "TEAM_MEMBER_UNPLACED", 422,
     "Pegawai ini tidak sedang menduduki jabatan, sehingga unit organisasinya tidak diketahui; "
     "tempatkan pegawai pada jabatan terlebih dahulu.",
     ErrorScope::Api},
    // Assignments (issue 12 item 3).
    {ErrorCode::RoleRequired, "ROLE_REQUIRED", 403,
     "Anda tidak memegang peran yang ditetapkan untuk langkah penugasan ini.", ErrorScope::Api},
    {ErrorCode::TransitionNotAllowed, "TRANSITION_NOT_ALLOWED", 409,
     "Langkah ini tidak dapat diambil pada keadaan penugasan sekarang.", ErrorScope::Api},
    {ErrorCode::VersionConflict, "VERSION_CONFLICT", 409,
     "Penugasan ini sudah diubah oleh orang lain; muat ulang lalu coba lagi.", ErrorScope::Api},
    // Imports of tables of people (issue 11, item 9).
    {ErrorCode::TableUnreadable, "TABLE_UNREADABLE", 422,
     "Berkas tidak dapat dibaca sebagai tabel; kirim berkas XLSX atau CSV.", ErrorScope::Api},
    {ErrorCode::PeopleImportRefused, "PEOPLE_IMPORT_REFUSED", 422,
     "Ada baris yang ditolak, jadi tidak ada yang disimpan; perbaiki baris tersebut lalu kirim "
     "ulang, atau pilih untuk melewati baris yang ditolak.",
     ErrorScope::Api},
    // Letters (issue 12 item 6).
    {ErrorCode::LetterPatternInvalid, "LETTER_PATTERN_INVALID", 422,
     "Pola nomor surat tidak sah; contoh pola yang sah: 800.1.11.1/{seq}/{unit_code}/{year}.",
     ErrorScope::Api},
    {ErrorCode::FileNotFound, "FILE_NOT_FOUND", 404, "Berkas tidak dapat dibuka.",
     ErrorScope::File},
    {ErrorCode::FileIsDirectory, "FILE_IS_DIRECTORY", 422,
     "Yang diberikan adalah folder, bukan berkas.", ErrorScope::File},
    {ErrorCode::FileEmpty, "FILE_EMPTY", 422, "Berkas kosong: tidak ada teks untuk dibaca.",
     ErrorScope::File},
    {ErrorCode::FileTooLarge, "FILE_TOO_LARGE", 413, "Berkas terlalu besar (lebih dari 32 MiB).",
     ErrorScope::File},
    {ErrorCode::FileBinary, "FILE_BINARY", 422, "Berkas berisi data biner, bukan teks peraturan.",
     ErrorScope::File},
    {ErrorCode::FileReadFailed, "FILE_READ_FAILED", 500, "Berkas gagal dibaca.", ErrorScope::File},
    {ErrorCode::EncodingUnsupported, "ENCODING_UNSUPPORTED", 415,
     "Pengodean berkas tidak didukung; simpan ulang sebagai UTF-8.", ErrorScope::File},
    {ErrorCode::EncodingInvalid, "ENCODING_INVALID", 422,
     "Isi berkas bukan teks yang sah; simpan ulang sebagai UTF-8.", ErrorScope::File},
}};

constexpr const ErrorInfo& info_of(ErrorCode code) {
  return kErrorTable[static_cast<std::size_t>(code)];
}

namespace detail {
constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kErrorTable.size(); ++i) {
    if (static_cast<std::size_t>(kErrorTable[i].code) != i) return false;
  }
  return true;
}
}  // namespace detail
static_assert(detail::table_in_enum_order(), "kErrorTable must list ErrorCode in order");
static_assert(kErrorTable.back().code == ErrorCode::EncodingInvalid,
              "kErrorTable must end with the last ErrorCode");

// "NOT_FOUND" for ErrorCode::NotFound.
constexpr std::string_view name_of(ErrorCode code) {
  return info_of(code).name;
}
// 404 for ErrorCode::NotFound.
constexpr int http_status_of(ErrorCode code) {
  return info_of(code).http_status;
}
// The Indonesian default message of `code`.
constexpr std::string_view message_of(ErrorCode code) {
  return info_of(code).message;
}
// Whether the HTTP API may answer `code`.
constexpr bool answered_by_api(ErrorCode code) {
  return info_of(code).scope == ErrorScope::Api;
}
// The code named `name` ("NOT_FOUND"), nullopt for a name of no code.
std::optional<ErrorCode> code_from_name(std::string_view name);

// A request refused: the code, the request field at fault when there is one ("nip"), and an
// Indonesian message (the code's default unless a more specific one is given; what() returns it).
// The API answers it as {"error":{"code","message","field"}} with the code's status; the CLI
// prints the message and the code's name.
class Refusal : public std::runtime_error {
 public:
  explicit Refusal(ErrorCode code, std::optional<std::string> field = {}, std::string message = {});

  ErrorCode code() const { return code_; }
  std::string_view name() const { return name_of(code_); }
  const std::optional<std::string>& field() const { return field_; }
  std::string_view message() const { return what(); }
  // Seconds after which the same request may succeed (RATE_LIMITED, UNAVAILABLE), when known.
  std::optional<std::int64_t> retry_after() const { return retry_after_; }
  Refusal& set_retry_after(std::int64_t seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  ErrorCode code_;
  std::optional<std::string> field_;
  std::optional<std::int64_t> retry_after_;
};

// Throws Refusal(code, field, message): `fail(ErrorCode::NotFound)`,
// `fail(ErrorCode::InvalidField, "nip")`, `fail(ErrorCode::Conflict, "nip", "NIP ini ...")`.
[[noreturn]] void fail(ErrorCode code, std::optional<std::string> field = {},
                       std::string message = {});

}  // namespace tatakerja
