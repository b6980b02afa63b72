// Eselon (the grade of a structural position, PP 100/2000 as amended by PP 13/2002): a grade I..V
// and a sub-grade a or b, written "II.a". A smaller grade is a higher rank, and within a grade a
// ranks above b: II.a outranks II.b outranks III.a.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tatakerja {

class Eselon {
 public:
  // Reads the ways regulations write an eselon ("II.a", "II-A", "IIa", "II/a", "eselon II.a");
  // nullopt when the text is not one.
  static std::optional<Eselon> parse(std::string_view text);
  // grade 1..5, sub_grade 'a' or 'b'; nullopt otherwise.
  static std::optional<Eselon> of(int grade, char sub_grade);

  int grade() const { return grade_; }     // 1..5 for I..V
  char sub_grade() const { return sub_; }  // 'a' or 'b'
  std::string str() const;                 // "III.a"
  // True when this eselon ranks above `other` (II.a above II.b above III.a).
  bool outranks(const Eselon& other) const { return *this < other; }
  // Ordered by rank, highest first: a < b means a outranks b. (Written out: clang-tidy 14 reads a
  // defaulted operator<=> as a null pointer constant.)
  friend bool operator<(const Eselon& a, const Eselon& b) {
    return a.grade_ != b.grade_ ? a.grade_ < b.grade_ : a.sub_ < b.sub_;
  }
  friend bool operator==(const Eselon& a, const Eselon& b) {
    return a.grade_ == b.grade_ && a.sub_ == b.sub_;
  }

 private:
  Eselon(int grade, char sub) : grade_(grade), sub_(sub) {}
  int grade_ = 0;
  char sub_ = 'a';
};

// The eselon's text, or "" when there is none (how the registry's records and the API write it).
std::string to_string(const std::optional<Eselon>& e);

// Normalises the ways regulations write an eselon: "II.a", "II-A", "IIa", "II/a", "eselon II.a" ->
// "II.a". Returns nullopt when the text is not an eselon (grades I..V, sub-grades a or b).
std::optional<std::string> normalize_eselon(std::string_view input);
// Finds the first eselon written in free text ("... jabatan struktural eselon III.b;").
std::optional<std::string> find_eselon(std::string_view text);
// The major grade of a normalised eselon: "III.b" -> 3; 0 when malformed.
int eselon_grade(std::string_view normalized);

}  // namespace tatakerja
