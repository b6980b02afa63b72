// The letters' store over SQL (SQLite and PostgreSQL alike), `?` parameters only. Every method
// throws storage::DatabaseError on failure; the contract of each is LetterStore's
// (work/letter_store.hpp).
#pragma once

#include "storage/database.hpp"
#include "work/letter_store.hpp"

namespace tatakerja::work {

class SqlLetterStore final : public LetterStore {
 public:
  explicit SqlLetterStore(storage::Connection& c) : c_(c) {}

  std::optional<LetterScheme> letter_scheme(Id agency_id) override;
  void put_letter_scheme(const LetterScheme& s) override;
  std::int64_t next_letter_sequence(Id agency_id, int year) override;
  std::int64_t last_letter_sequence(Id agency_id, int year) override;
  Id insert_letter(const Letter& l) override;
  void update_letter(const Letter& l) override;
  std::optional<Letter> letter(Id id) override;
  std::optional<Letter> letter_by_token(std::string_view token) override;
  std::vector<Letter> letters_of_agency(Id agency_id) override;
  std::vector<Letter> letters_of_person(Id employee_id, int limit) override;
  std::optional<Letter> letter_of_assignment(Id assignment_id) override;

 private:
  storage::Connection& c_;
};

}  // namespace tatakerja::work
