// The error table of core/error.hpp: every code has a 4xx/5xx status, a stable upper-case name
// and an Indonesian message; names are unique and read back to their code; a Refusal carries the
// code's default message unless given a specific one.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/error.hpp"

namespace tatakerja {
namespace {

bool is_stable_name(std::string_view name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  for (const char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

TEST(ErrorTable, EveryCodeHasAnErrorStatusAndAMessage) {
  for (const auto& e : kErrorTable) {
    EXPECT_GE(e.http_status, 400) << e.name;
    EXPECT_LE(e.http_status, 599) << e.name;
    EXPECT_FALSE(e.message.empty()) << e.name;
    EXPECT_TRUE(e.message.ends_with('.')) << e.name << ": " << e.message;
    EXPECT_TRUE(is_stable_name(e.name)) << e.name;
    // The transport writes the INTERNAL answer without a JSON library.
    for (const char c : e.message) {
      EXPECT_TRUE(c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) << e.name;
    }
  }
}

TEST(ErrorTable, NamesAreUniqueAndReadBack) {
  std::set<std::string_view> names;
  for (const auto& e : kErrorTable) {
    EXPECT_TRUE(names.insert(e.name).second) << "twice: " << e.name;
    EXPECT_EQ(name_of(e.code), e.name);
    const auto back = code_from_name(e.name);
    ASSERT_TRUE(back.has_value()) << e.name;
    EXPECT_EQ(*back, e.code) << e.name;
  }
  EXPECT_FALSE(code_from_name("").has_value());
  EXPECT_FALSE(code_from_name("not_found").has_value());
  EXPECT_FALSE(code_from_name("NOT_FOUND ").has_value());
}

TEST(ErrorTable, KnownCodesKeepTheirStatusAndName) {
  EXPECT_EQ(name_of(ErrorCode::NotFound), "NOT_FOUND");
  EXPECT_EQ(http_status_of(ErrorCode::NotFound), 404);
  EXPECT_EQ(message_of(ErrorCode::NotFound), "Data tidak ditemukan.");
  EXPECT_EQ(http_status_of(ErrorCode::InvalidField), 422);
  EXPECT_EQ(http_status_of(ErrorCode::RateLimited), 429);
  EXPECT_EQ(http_status_of(ErrorCode::Unavailable), 503);
  EXPECT_TRUE(answered_by_api(ErrorCode::Internal));
  EXPECT_FALSE(answered_by_api(ErrorCode::FileBinary));
  EXPECT_EQ(name_of(ErrorCode::FileBinary), "FILE_BINARY");
}

TEST(Refusal, DefaultsToTheMessageOfItsCode) {
  const Refusal plain(ErrorCode::Forbidden);
  EXPECT_EQ(plain.code(), ErrorCode::Forbidden);
  EXPECT_EQ(plain.name(), "FORBIDDEN");
  EXPECT_EQ(plain.message(), message_of(ErrorCode::Forbidden));
  EXPECT_FALSE(plain.field().has_value());
  EXPECT_FALSE(plain.retry_after().has_value());

  const Refusal specific(ErrorCode::Conflict, "nip", "NIP ini sudah terdaftar.");
  EXPECT_EQ(specific.field(), "nip");
  EXPECT_EQ(specific.message(), "NIP ini sudah terdaftar.");
  EXPECT_STREQ(specific.what(), "NIP ini sudah terdaftar.");
}

TEST(Refusal, FailThrowsIt) {
  try {
    fail(ErrorCode::InvalidField, "nip");
  } catch (const Refusal& r) {
    EXPECT_EQ(r.code(), ErrorCode::InvalidField);
    EXPECT_EQ(r.field(), "nip");
    EXPECT_EQ(r.message(), "Isian tidak sah.");
    return;
  }
  ADD_FAILURE() << "fail() did not throw";
}

TEST(Refusal, CarriesARetryAfter) {
  try {
    throw Refusal(ErrorCode::RateLimited).set_retry_after(30);
  } catch (const Refusal& r) {
    EXPECT_EQ(r.retry_after(), 30);
    return;
  }
  ADD_FAILURE() << "not thrown";
}

}  // namespace
}  // namespace tatakerja
