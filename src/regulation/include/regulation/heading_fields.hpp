// Reading the identity fields a regulation repeats in its heading and in each annex header:
// the kind of regulation, its number and year, its region.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tatakerja::regulation {

struct KindAndRegion {
  std::string kind;    // "Peraturan Gubernur", "Keputusan Kepala Badan", ...
  std::string region;  // "Provinsi Nusa Tenggara Timur"; empty when the line does not say
  std::string issuer;  // "Kepala Badan Pengelola Perbatasan Daerah Kapuas Hulu" for decrees
};

// "PERATURAN GUBERNUR NUSA TENGGARA TIMUR" -> {"Peraturan Gubernur", "Provinsi Nusa Tenggara
// Timur"}; nullopt when the line does not name a kind of regulation.
std::optional<KindAndRegion> read_kind_line(std::string_view raw);

// "NOMOR : 07 / BPPD/ TAHUN 2023" -> number "07/BPPD", year 2023. The number is as written
// with spaces and surrounding slashes removed; empty when it was left blank ("/O/", "...").
// Without "TAHUN", a number ending in a year gives it: "050/027/DISTANBUN/2024" -> 2024. The
// number stops at "TENTANG" (a heading on one line), which starts `rest`.
struct NumberAndYear {
  std::string number;
  std::string raw;
  std::optional<int> year;
  std::string rest;  // text after the number and year (e.g. "TENTANG ..." on the same line)
};
std::optional<NumberAndYear> read_number_line(std::string_view raw);

// "KABUPATEN KAPUAS HULU" inside a text -> "Kabupaten Kapuas Hulu" (first match of Provinsi,
// Kabupaten or Kota followed by a name in capitals or title case).
std::string find_region(std::string_view text);

}  // namespace tatakerja::regulation
