// The letters in memory: each method does what the SQL store's statement does
// (src/work/sql/sql_letter_store.cpp), with migration 15's rules checked before anything is
// written.
#include "work/memory_letter_store.hpp"

#include <algorithm>
#include <string>

#include "memory_rules.hpp"
#include "storage/database.hpp"

namespace tatakerja::work {
namespace {

using memory_rules::check_key;
using memory_rules::refuse;

}  // namespace

void MemoryLetterStore::begin() {
  memory_rules::begin_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryLetterStore::commit() {
  memory_rules::commit_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryLetterStore::rollback() noexcept {
  memory_rules::rollback_tables(in_transaction_, [this](auto f) { each_table(f); });
}

std::optional<LetterScheme> MemoryLetterStore::letter_scheme(Id agency_id) {
  const LetterScheme* s = schemes_.find(agency_id);
  if (s == nullptr) return std::nullopt;
  return *s;
}

void MemoryLetterStore::put_letter_scheme(const LetterScheme& s) {
  check_key(keys_.agency_exists, s.agency_id, "letter_schemes.agency_id");
  schemes_.put(s.agency_id, s);
}

std::int64_t MemoryLetterStore::next_letter_sequence(Id agency_id, int year) {
  check_key(keys_.agency_exists, agency_id, "letter_sequences.agency_id");
  const auto key = std::make_pair(agency_id, year);
  const std::int64_t* last = sequences_.find(key);
  const std::int64_t next = last == nullptr ? 1 : *last + 1;
  sequences_.put(key, next);
  return next;
}

std::int64_t MemoryLetterStore::last_letter_sequence(Id agency_id, int year) {
  const std::int64_t* last = sequences_.find(std::make_pair(agency_id, year));
  return last == nullptr ? 0 : *last;
}

void MemoryLetterStore::check_letter(const Letter& l, Id self) const {
  if (l.sequence <= 0) refuse("CHECK constraint failed (letters.sequence)");
  check_key(keys_.region_exists, l.region_id, "letters.region_id");
  check_key(keys_.agency_exists, l.agency_id, "letters.agency_id");
  check_key(keys_.employee_exists, l.signatory.employee_id, "letters.signatory_employee_id");
  if (l.team_id) check_key(keys_.team_exists, *l.team_id, "letters.team_id");
  const Id* seq = by_sequence_.find(std::make_tuple(l.agency_id, l.year, l.sequence));
  if (seq != nullptr && *seq != self) refuse("UNIQUE constraint failed (letters.sequence)");
  const Id* num = by_number_.find(std::make_pair(l.agency_id, l.number));
  if (num != nullptr && *num != self) refuse("UNIQUE constraint failed (letters.number)");
  const Id* tok = by_token_.find(l.token);
  if (tok != nullptr && *tok != self) refuse("UNIQUE constraint failed (letters.token)");
}

Id MemoryLetterStore::insert_letter(const Letter& l) {
  check_letter(l, 0);
  for (const auto& r : l.recipients)  // letter_parties.employee_id (migration 20)
    check_key(keys_.employee_exists, r.employee_id, "letter_parties.employee_id");
  Letter x = l;
  x.id = letters_.next_key();
  letters_.put(x.id, x);
  by_sequence_.put(std::make_tuple(x.agency_id, x.year, x.sequence), x.id);
  by_number_.put(std::make_pair(x.agency_id, x.number), x.id);
  by_token_.put(x.token, x.id);
  return x.id;
}

void MemoryLetterStore::update_letter(const Letter& l) {
  const Letter* stored = letters_.find(l.id);
  if (stored == nullptr) return;
  check_letter(l, l.id);
  by_sequence_.erase(std::make_tuple(stored->agency_id, stored->year, stored->sequence));
  by_number_.erase(std::make_pair(stored->agency_id, stored->number));
  by_token_.erase(stored->token);
  letters_.put(l.id, l);
  by_sequence_.put(std::make_tuple(l.agency_id, l.year, l.sequence), l.id);
  by_number_.put(std::make_pair(l.agency_id, l.number), l.id);
  by_token_.put(l.token, l.id);
}

std::optional<Letter> MemoryLetterStore::letter(Id id) {
  const Letter* l = letters_.find(id);
  if (l == nullptr) return std::nullopt;
  return *l;
}

std::optional<Letter> MemoryLetterStore::letter_by_token(std::string_view token) {
  const Id* id = by_token_.find(std::string(token));
  if (id == nullptr) return std::nullopt;
  return letter(*id);
}

std::vector<Letter> MemoryLetterStore::letters_of_agency(Id agency_id) {
  std::vector<Letter> out;
  for (auto it = letters_.rows().rbegin(); it != letters_.rows().rend(); ++it) {
    if (it->second.agency_id == agency_id) out.push_back(it->second);
  }
  return out;
}

std::vector<Letter> MemoryLetterStore::letters_of_person(Id employee_id, int limit) {
  std::vector<Letter> out;
  for (auto it = letters_.rows().rbegin();
       it != letters_.rows().rend() && static_cast<int>(out.size()) < limit; ++it) {
    const Letter& l = it->second;
    const bool named = l.signatory.employee_id == employee_id ||
                       std::ranges::any_of(l.recipients, [&](const LetterPerson& r) {
                         return r.employee_id == employee_id;
                       });
    if (named) out.push_back(l);
  }
  return out;
}

std::optional<Letter> MemoryLetterStore::letter_of_assignment(Id assignment_id) {
  for (auto it = letters_.rows().rbegin(); it != letters_.rows().rend(); ++it) {
    if (it->second.assignment_id == assignment_id) return it->second;
  }
  return std::nullopt;
}

}  // namespace tatakerja::work
