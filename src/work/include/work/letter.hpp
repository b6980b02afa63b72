// Letters of the work system (issue 12 item 6; DOMAIN.md section 7; 003 Pasal 20 ayat (5)): a
// Surat Tugas for work within the main duties (tugas pokok dan fungsi), a Surat Perintah for work
// outside them. A letter keeps what it printed (the letterhead, the people's names, NIPs, ranks and
// positions as they were on the day it was issued), so that it reads the same later whatever the
// registry says then. Its number comes from the agency's numbering scheme: a pattern such as
// "800.1.11.1/{seq}/{unit_code}/{year}" with one gap-free sequence per agency and year. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

enum class LetterKind { Tugas, Perintah };
std::string_view to_string(LetterKind k);  // "surat_tugas", "surat_perintah"
std::optional<LetterKind> letter_kind_from_string(std::string_view s);
std::string_view letter_title(LetterKind k);  // "SURAT TUGAS", "SURAT PERINTAH"

enum class LetterStatus { InForce, Revoked };
std::string_view to_string(LetterStatus s);  // "berlaku", "dicabut"
std::optional<LetterStatus> letter_status_from_string(std::string_view s);

// A person as the letter prints them (Kepada, or the signatory).
struct LetterPerson {
  Id employee_id = 0;
  std::optional<Id> position_id;  // the position held on the letter's date (none: not placed)
  std::string name;
  std::string nip;
  std::string rank;      // "Penata Tk. I (III/d)" or the golongan as the registry has it
  std::string position;  // the position's title
  friend bool operator==(const LetterPerson&, const LetterPerson&) = default;
};

struct Letter {
  Id id = 0;
  Id region_id = 0;
  Id agency_id = 0;
  LetterKind kind = LetterKind::Tugas;
  std::string number;  // "800.1.11.1/7/DISKOMINFO/2026"
  int year = 0;        // the year of its sequence (its date's)
  std::int64_t sequence = 0;
  std::optional<Id> team_id;
  // The assignment it carries out (issue 12 item 3: the assignment flow calls the issue use case
  // with it). No foreign key yet.
  std::optional<Id> assignment_id;
  // The letterhead.
  std::string government;  // "PEMERINTAH KOTA BATAM"
  std::string agency_name;
  std::string address;  // "" when unknown
  std::string place;    // where it is signed: "Batam"
  Date date;
  std::vector<std::string> grounds;      // Dasar
  std::vector<LetterPerson> recipients;  // Kepada
  std::vector<std::string> tasks;        // Untuk
  LetterPerson signatory;
  std::vector<std::string> copies;  // Tembusan
  LetterStatus status = LetterStatus::InForce;
  std::string revoked_at;  // ISO 8601 UTC; "" while in force
  std::string revoked_reason;
  // The verification token of its QR code: 32 random bytes as 43 base64url characters.
  std::string token;
  std::optional<Id> issued_by;  // the account that issued it
  std::string created_at;
  friend bool operator==(const Letter&, const Letter&) = default;
};

// An agency's numbering scheme and letterhead data. An agency without one numbers by
// kDefaultNumberPattern.
struct LetterScheme {
  Id agency_id = 0;
  std::string pattern;
  std::string unit_code;  // what {unit_code} stands for: "DISKOMINFO"
  std::string address;    // the letterhead's address line
  std::string place;      // the place of signing: "Batam"
  std::string updated_at;
  friend bool operator==(const LetterScheme&, const LetterScheme&) = default;
};

inline constexpr std::string_view kDefaultNumberPattern = "800.1.11.1/{seq}/{year}";

// A parsed numbering pattern: literal text and placeholders. {seq} (the sequence number) and
// {year} (four digits) are required, each once; {unit_code}, {month} (two digits) and
// {month_roman} (I..XII) are optional. Literal text: printable ASCII without braces or spaces, at
// most 100 bytes in all.
struct NumberPattern {
  enum class Part { Text, Sequence, UnitCode, Year, Month, MonthRoman };
  struct Segment {
    Part part = Part::Text;
    std::string text;  // for Text
  };
  std::vector<Segment> segments;
  bool uses_unit_code() const;
};

// Why a pattern was refused: a stable reason and the Indonesian message (the API answers it as
// LETTER_PATTERN_INVALID with this message, field "pattern").
struct PatternError {
  enum class Reason {
    Empty,
    TooLong,
    BadCharacter,
    UnclosedBrace,
    UnknownPlaceholder,
    MissingSequence,
    MissingYear,
    Repeated,
  };
  Reason reason = Reason::Empty;
  std::string message;
};

std::variant<NumberPattern, PatternError> parse_number_pattern(std::string_view pattern);

// What a unit code may be: 1..30 bytes of letters, digits, '.', '-' and '_'.
bool valid_unit_code(std::string_view code);

// The number a pattern gives. {unit_code} is `unit_code` as given.
std::string format_letter_number(const NumberPattern& p, std::int64_t sequence,
                                 std::string_view unit_code, const Date& date);

// "4 Desember 2026".
std::string indonesian_date(const Date& d);

// The address the QR code holds: `base` (the server's public address, without a trailing slash)
// + "/verifikasi/" + token.
std::string verification_url(std::string_view base, std::string_view token);

// Whether `token` has the shape of a verification token (43 base64url characters), so a lookup of
// anything else is answered without a query.
bool valid_token_shape(std::string_view token);

}  // namespace tatakerja::work
