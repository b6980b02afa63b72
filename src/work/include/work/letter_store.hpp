// The letters' storage port (issue 12 item 6), apart from WorkStore: each agency's numbering
// scheme, its gap-free sequences (one per agency and year) and the letters. Implemented over SQL
// (work/sql: SqlLetterStore) and in memory (work/memory: MemoryLetterStore); one conformance suite
// (tests/work/letter_store_conformance_test.cpp) runs against SQLite, PostgreSQL and memory. The
// schema's rules (migration 15: a letter's region, agency, team and signatory must exist; one
// letter per agency, year and sequence; one per agency and number; one per token) are refused as
// storage::DatabaseError of kind Constraint. No write here moves the registry revision.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "work/letter.hpp"

namespace tatakerja::work {

class LetterStore {
 public:
  virtual ~LetterStore() = default;

  virtual std::optional<LetterScheme> letter_scheme(Id agency_id) = 0;
  // Stores the agency's scheme, replacing the one it had.
  virtual void put_letter_scheme(const LetterScheme& s) = 0;

  // The next number of the agency's sequence of `year` (1 for the first), counted inside the
  // caller's transaction: another transaction that asks for the same sequence waits until this one
  // ends (SQLite: the write lock; PostgreSQL: the sequence's row lock), and a rollback gives the
  // number back, so the numbers of committed letters have no gaps and no repeats.
  virtual std::int64_t next_letter_sequence(Id agency_id, int year) = 0;
  // The last number handed out of the sequence (0: none yet).
  virtual std::int64_t last_letter_sequence(Id agency_id, int year) = 0;

  // Stores `l` (its id is ignored) and returns its id.
  virtual Id insert_letter(const Letter& l) = 0;
  // Replaces the stored letter of l.id.
  virtual void update_letter(const Letter& l) = 0;
  virtual std::optional<Letter> letter(Id id) = 0;
  virtual std::optional<Letter> letter_by_token(std::string_view token) = 0;
  // The agency's letters, newest first (by id).
  virtual std::vector<Letter> letters_of_agency(Id agency_id) = 0;
  // The newest letter issued for the assignment `assignment_id` (by id), if any.
  // The letters that name a person as their signatory or as a recipient (migration 20), newest
  // first (by id), at most `limit`.
  virtual std::vector<Letter> letters_of_person(Id employee_id, int limit) = 0;
  virtual std::optional<Letter> letter_of_assignment(Id assignment_id) = 0;
};

}  // namespace tatakerja::work
