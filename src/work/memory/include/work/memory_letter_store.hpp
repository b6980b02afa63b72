// The letters in memory: LetterStore without a database, for tests. It behaves as the SQL store
// does on every point the port promises (work/letter_store.hpp), checked by the same conformance
// suite: ids numbered from 1, the same orders, migration 15's rules refused as
// storage::DatabaseError of kind Constraint before anything is written. Transactional on its own
// by journaling (a rollback gives back the sequence numbers taken); persistence::MemoryStores
// groups it with the other stores. Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <tuple>
#include <utility>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "work/letter_store.hpp"

namespace tatakerja::work {

// The records migration 15's foreign keys point at. An empty function is not checked.
struct LetterKeys {
  std::function<bool(Id)> region_exists;
  std::function<bool(Id)> agency_exists;
  std::function<bool(Id)> employee_exists;
  std::function<bool(Id)> team_exists;
};

class MemoryLetterStore final : public LetterStore, public Transactional {
 public:
  explicit MemoryLetterStore(LetterKeys keys = {}) : keys_(std::move(keys)) {}
  MemoryLetterStore(const MemoryLetterStore&) = delete;
  MemoryLetterStore& operator=(const MemoryLetterStore&) = delete;

  void begin() override;
  void commit() override;
  void rollback() noexcept override;

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
  void check_letter(const Letter& l, Id self) const;
  template <typename F>
  void each_table(F f) {
    f(schemes_);
    f(sequences_);
    f(letters_);
    f(by_sequence_);
    f(by_number_);
    f(by_token_);
  }

  LetterKeys keys_;
  JournaledMap<Id, LetterScheme> schemes_;
  JournaledMap<std::pair<Id, int>, std::int64_t> sequences_;
  JournaledMap<Id, Letter> letters_;
  JournaledMap<std::tuple<Id, int, std::int64_t>, Id> by_sequence_;  // UNIQUE (agency, year, seq)
  JournaledMap<std::pair<Id, std::string>, Id> by_number_;           // UNIQUE (agency, number)
  JournaledMap<std::string, Id> by_token_;                           // UNIQUE (token)
  bool in_transaction_ = false;
};

}  // namespace tatakerja::work
