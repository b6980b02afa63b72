// Fuzz target for the small parsers of untrusted text outside the regulation engine: the NIP
// (org::decode_nip and friends), PNS ranks and PPPK grades, eselon rank ranges, the URL
// percent-decoding and the route matcher of the HTTP server, the server's settings, and the
// letters' numbering pattern (work::parse_number_pattern). The whole
// input goes to each one-argument function; two-argument functions get the input split at its
// first '\n' (a key / method / rank before it, the rest after it). Besides crashes and undefined
// behaviour, every accepted value is checked against what its header promises; a violation aborts
// with a message (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "api/config.hpp"
#include "api/router.hpp"
#include "http/message.hpp"
#include "org/model.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
#include "work/letter.hpp"

namespace {

namespace tk = tatakerja;
using tk::org::NipError;
using tk::org::NipInfo;

[[noreturn]] void violation(const char* what, std::string_view input) {
  std::string shown;
  for (const char c : input.substr(0, 400)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && u != '\\') {
      shown += c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      shown += buf;
    }
  }
  std::fprintf(stderr, "\nnip_fuzz: INVARIANT VIOLATED: %s\n  input: \"%s\"\n\n", what,
               shown.c_str());
  std::abort();
}

void expect(bool ok, const char* what, std::string_view input) {
  if (!ok) violation(what, input);
}

int digits(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

bool same(const NipInfo& a, const NipInfo& b) {
  return a.birth_date == b.birth_date && a.appointed_year == b.appointed_year &&
         a.appointed_month == b.appointed_month && a.sex == b.sex && a.serial == b.serial;
}

// decode_nip, normalize_nip, format_nip, make_nip, message and code.
void check_nip(std::string_view input) {
  namespace reg = tk::org;
  const std::string normal = reg::normalize_nip(input);
  expect(normal.find_first_of(" \t") == std::string::npos, "normalize_nip left a space", input);
  const bool eighteen_digits =
      normal.size() == 18 && normal.find_first_not_of("0123456789") == std::string::npos;
  const std::string formatted = reg::format_nip(input);
  const auto decoded = reg::decode_nip(input);

  if (const auto* err = std::get_if<NipError>(&decoded)) {
    expect(reg::message(*err) != nullptr && *reg::message(*err) != '\0', "empty message", input);
    expect(reg::code(*err) != nullptr && std::strncmp(reg::code(*err), "NIP_", 4) == 0,
           "code without NIP_", input);
    // The first reason in the order of nip.hpp.
    if (normal.empty()) {
      expect(*err == NipError::Empty, "an empty NIP not refused as Empty", input);
    } else if (normal.size() != 18) {
      expect(*err == NipError::Length, "a NIP of the wrong length not refused as Length", input);
    } else if (!eighteen_digits) {
      expect(*err == NipError::NotDigits, "18 characters with a non-digit not NotDigits", input);
    } else {
      expect(*err != NipError::Empty && *err != NipError::Length && *err != NipError::NotDigits,
             "18 digits refused for their form", input);
      if (*err == NipError::Serial)
        expect(normal.substr(15) == "000", "serial refused but not 000", input);
      if (*err == NipError::Sex) expect(normal[14] != '1' && normal[14] != '2', "sex", input);
    }
    if (!eighteen_digits) expect(formatted == input, "format_nip changed a non-NIP", input);
    return;
  }

  const NipInfo& info = std::get<NipInfo>(decoded);
  expect(eighteen_digits, "accepted NIP is not 18 digits once spaces are removed", input);
  // The fields are the digits.
  expect(
      info.birth_date == tk::Date{digits(normal, 0, 4), digits(normal, 4, 2), digits(normal, 6, 2)},
      "birth date is not digits 1-8", input);
  expect(info.appointed_year == digits(normal, 8, 4), "appointment year is not digits 9-12", input);
  expect(info.appointed_month == digits(normal, 12, 2), "appointment month is not digits 13-14",
         input);
  expect(info.sex == (normal[14] == '1' ? reg::Sex::Male : reg::Sex::Female) &&
             (normal[14] == '1' || normal[14] == '2'),
         "sex is not digit 15", input);
  expect(info.serial == digits(normal, 15, 3), "serial is not digits 16-18", input);
  // And they obey the rules.
  expect(info.birth_date.year >= 1940 &&
             tk::is_valid_date(info.birth_date.year, info.birth_date.month, info.birth_date.day),
         "accepted an invalid birth date", input);
  expect(info.appointed_year >= 1960 && info.appointed_month >= 1 && info.appointed_month <= 12,
         "accepted an invalid appointment", input);
  expect(info.appointed_year * 12 + info.appointed_month >=
             (info.birth_date.year + 18) * 12 + info.birth_date.month,
         "accepted an appointment before 18", input);
  expect(info.serial >= 1 && info.serial <= 999, "accepted serial 000", input);

  // Re-validating is idempotent, through every form of the number.
  for (const std::string& again : {normal, formatted, reg::normalize_nip(formatted)}) {
    const auto d = reg::decode_nip(again);
    expect(std::holds_alternative<NipInfo>(d) && same(std::get<NipInfo>(d), info),
           "decoding the NIP again gives other fields", input);
  }
  expect(formatted.size() == 21 && formatted[8] == ' ' && formatted[15] == ' ' &&
             formatted[17] == ' ' && reg::normalize_nip(formatted) == normal,
         "format_nip is not \"8 6 1 3\"", input);
  expect(reg::format_nip(formatted) == formatted, "format_nip is not idempotent", input);
  expect(reg::make_nip(info.birth_date, info.appointed_year, info.appointed_month, info.sex,
                       info.serial) == normal,
         "make_nip does not rebuild the NIP", input);
}

// make_nip always gives 18 digits, whatever the fields.
void check_make_nip(std::string_view input) {
  if (input.size() < 24) return;
  int v[6];
  std::memcpy(v, input.data(), sizeof v);
  const auto sex = (v[4] & 1) != 0 ? tk::org::Sex::Male : tk::org::Sex::Female;
  const std::string nip = tk::org::make_nip(tk::Date{v[0], v[1], v[2]}, v[3], v[5], sex, v[4] >> 1);
  expect(nip.size() == 18 && nip.find_first_not_of("0123456789") == std::string::npos,
         "make_nip did not give 18 digits", input);
}

// pns_rank, normalize_rank, rank_range_for_eselon, rank_fits_eselon.
void check_ranks(std::string_view input, std::string_view first, std::string_view rest) {
  namespace reg = tk::org;
  const auto& table = reg::pns_ranks();
  expect(table.size() == 17, "not 17 PNS ranks", input);
  if (const auto r = reg::pns_rank(input)) {
    expect(r->order >= 1 && r->order <= 17 &&
               table[static_cast<std::size_t>(r->order - 1)].code == r->code,
           "pns_rank gave a rank not in the table", input);
    const auto by_code = reg::pns_rank(r->code);
    const auto by_name = reg::pns_rank(r->name);
    expect(by_code && by_code->code == r->code && by_name && by_name->code == r->code,
           "pns_rank of the rank's code or name differs", input);
    const auto n = reg::normalize_rank(input, reg::EmployeeKind::Pns);
    expect(n && *n == r->code, "normalize_rank (PNS) disagrees with pns_rank", input);
  } else {
    expect(!reg::normalize_rank(input, reg::EmployeeKind::Pns),
           "normalize_rank (PNS) accepted what pns_rank refused", input);
  }
  if (const auto g = reg::normalize_rank(input, reg::EmployeeKind::Pppk)) {
    expect(!g->empty() && g->find_first_not_of("IVX") == std::string::npos,
           "a PPPK grade that is not a Roman numeral", input);
    const auto again = reg::normalize_rank(*g, reg::EmployeeKind::Pppk);
    expect(again && *again == *g, "normalize_rank (PPPK) is not idempotent", input);
  }
  if (const auto range = reg::rank_range_for_eselon(input)) {
    const auto lo = reg::pns_rank(range->lowest);
    const auto hi = reg::pns_rank(range->highest);
    expect(lo && hi && lo->order <= hi->order, "an eselon range of unknown or reversed ranks",
           input);
    expect(
        reg::rank_fits_eselon(range->lowest, input) && reg::rank_fits_eselon(range->highest, input),
        "the ends of an eselon's range do not fit it", input);
  }
  // rank before the first '\n', eselon after it.
  const bool fits = reg::rank_fits_eselon(first, rest);
  if (const auto range = reg::rank_range_for_eselon(rest)) {
    const auto r = reg::pns_rank(first);
    const auto lo = reg::pns_rank(range->lowest);
    const auto hi = reg::pns_rank(range->highest);
    expect(fits == (r && lo && hi && r->order >= lo->order && r->order <= hi->order),
           "rank_fits_eselon disagrees with the range", input);
  } else {
    expect(fits, "a rank does not fit an eselon without a range", input);
  }
}

// percent_decode: text without '%' (and '+') comes out as it went in; encoded bytes come back.
void check_percent(std::string_view input) {
  const auto plain = tk::server::percent_decode(input, false);
  const auto query = tk::server::percent_decode(input, true);
  if (input.find('%') == std::string_view::npos) {
    expect(plain && *plain == input, "percent_decode changed text without '%'", input);
    std::string spaced(input);
    for (char& c : spaced)
      if (c == '+') c = ' ';
    expect(query && *query == spaced, "percent_decode (query) did more than '+' to ' '", input);
  } else {
    expect(plain.has_value() == query.has_value(), "'+' changed whether an escape is valid", input);
    if (plain) expect(plain->size() < input.size(), "decoding did not shorten", input);
  }
  // Every byte escaped, in lower and upper case hex digits by turns.
  static constexpr const char* kHex[] = {"0123456789abcdef", "0123456789ABCDEF"};
  std::string encoded;
  for (const char c : input) {
    const auto u = static_cast<unsigned char>(c);
    const char* hex = kHex[u & 1];
    encoded += '%';
    encoded += hex[u >> 4];
    encoded += hex[u & 15];
  }
  const auto back = tk::server::percent_decode(encoded, true);
  expect(back && *back == input, "percent_decode does not undo percent-encoding", input);
}

// match_route: a match names a route of the table, and the path is the route's pattern with its
// ids (and its {token} or {key}) written back.
void check_route(std::string_view input, std::string_view method, std::string_view path) {
  const auto& routes = tk::server::route_list();
  for (const std::string_view m :
       {method, std::string_view("GET"), std::string_view("POST"), std::string_view("PATCH")}) {
    for (const std::string_view p : {path, input}) {
      const auto match = tk::server::match_route(m, p);
      if (match.kind == tk::server::MatchKind::MethodNotAllowed) {
        expect(!match.allow.empty(), "405 without the allowed methods", input);
        continue;
      }
      if (match.kind != tk::server::MatchKind::Found) continue;
      expect(match.route < routes.size(), "match_route gave a route out of the table", input);
      const auto& r = routes[match.route];
      expect(r.method == m, "match_route matched another method", input);
      std::string rebuilt;
      std::string_view pattern = r.pattern;
      std::size_t ids = 0;
      for (auto at = pattern.find("{id}"); at != std::string_view::npos;
           at = pattern.find("{id}")) {
        rebuilt += pattern.substr(0, at);
        expect(ids < match.ids.size() && match.ids[ids] > 0, "an {id} that is not positive", input);
        rebuilt += std::to_string(match.ids[ids++]);
        pattern.remove_prefix(at + 4);
      }
      rebuilt += pattern;
      // A letter's verification token (issue 12 item 6): 1..64 base64url characters.
      if (const auto at = rebuilt.find("{token}"); at != std::string::npos) {
        expect(
            !match.token.empty() && match.token.size() <= 64 &&
                match.token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                              "0123456789-_") == std::string::npos,
            "a {token} that is not base64url", input);
        rebuilt.replace(at, 7, match.token);
      }
      // A mechanism's or an agency kind's key (issue 12 item 7): 1..64 of [a-z0-9_].
      if (const auto at = rebuilt.find("{key}"); at != std::string::npos) {
        expect(!match.token.empty() && match.token.size() <= 64 &&
                   match.token.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                       std::string::npos,
               "a {key} that is not [a-z0-9_]", input);
        rebuilt.replace(at, 5, match.token);
      }
      expect(rebuilt == p, "a matched path is not its pattern with the ids", input);
    }
  }
}

// work::parse_number_pattern (issue 12 item 6): refused with a reason and an Indonesian message,
// or accepted at most 100 bytes long, its segments printing back to the pattern, and its number
// holding the sequence, the year and every literal part.
void check_number_pattern(std::string_view input) {
  namespace w = tk::work;
  const auto r = w::parse_number_pattern(input);
  if (const auto* e = std::get_if<w::PatternError>(&r)) {
    expect(std::string_view(e->message).starts_with("Pola nomor surat tidak sah: "),
           "a refused pattern without its message", input);
    return;
  }
  const auto& p = std::get<w::NumberPattern>(r);
  expect(!input.empty() && input.size() <= 100, "an accepted pattern of a refused length", input);
  std::string printed;
  int sequences = 0, years = 0;
  for (const auto& seg : p.segments) {
    switch (seg.part) {
      case w::NumberPattern::Part::Text:
        expect(!seg.text.empty(), "an empty literal segment", input);
        printed += seg.text;
        break;
      case w::NumberPattern::Part::Sequence:
        ++sequences;
        printed += "{seq}";
        break;
      case w::NumberPattern::Part::UnitCode:
        printed += "{unit_code}";
        break;
      case w::NumberPattern::Part::Year:
        ++years;
        printed += "{year}";
        break;
      case w::NumberPattern::Part::Month:
        printed += "{month}";
        break;
      case w::NumberPattern::Part::MonthRoman:
        printed += "{month_roman}";
        break;
    }
  }
  expect(printed == input, "an accepted pattern does not print back to itself", input);
  expect(sequences == 1 && years == 1, "an accepted pattern without one {seq} and one {year}",
         input);
  const std::string number = w::format_letter_number(p, 4711, "UNIT", tk::Date{2031, 7, 9});
  expect(number.find("4711") != std::string::npos && number.find("2031") != std::string::npos,
         "a number without its sequence or year", input);
  for (const auto& seg : p.segments) {
    if (seg.part == w::NumberPattern::Part::Text) {
      expect(number.find(seg.text) != std::string::npos, "a number without a literal part", input);
    }
  }
}

// parse_listen and apply_setting: ConfigError for what they refuse, nothing else.
void check_config(std::string_view input, std::string_view first, std::string_view rest) {
  namespace srv = tk::server;
  try {
    const auto a = srv::parse_listen(input);
    expect(!a.host.empty(), "parse_listen accepted an empty host", input);
  } catch (const srv::ConfigError& e) {
    expect(*e.what() != '\0', "ConfigError without a message", input);
  }
  static constexpr std::string_view kKeys[] = {"db",          "listen",         "threads",
                                               "web_root",    "secure_cookies", "log_level",
                                               "session_ttl", "cache_mb"};
  const auto apply = [&](std::string_view key, std::string_view value) {
    srv::ServerConfig c;
    try {
      srv::apply_setting(c, key, value);
      expect(c.threads >= 0 && c.threads <= 1024, "threads out of range", input);
      expect(c.session_ttl_seconds >= 60, "session_ttl below a minute", input);
      expect(c.answer_cache_mb >= 0, "negative cache_mb", input);
      expect(!c.db.empty(), "empty db", input);
      if (key == "listen") (void)srv::parse_listen(c.listen);  // accepted, so it parses
    } catch (const srv::ConfigError& e) {
      expect(*e.what() != '\0', "ConfigError without a message", input);
    }
  };
  for (const auto key : kKeys) apply(key, input);
  apply(first, rest);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nl = input.find('\n');
  const std::string_view first = input.substr(0, nl);
  const std::string_view rest =
      nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
  check_nip(input);
  check_nip(first);
  check_make_nip(input);
  check_ranks(input, first, rest);
  check_percent(input);
  check_route(input, first, rest);
  check_config(input, first, rest);
  check_number_pattern(input);
  check_number_pattern(first);
  return 0;
}
