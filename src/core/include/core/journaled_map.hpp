// A std::map that can take its changes back: between begin() and commit() every change is
// journaled (the key and the value it replaced), and rollback() restores the map as it was at
// begin(). The in-memory stores (org/memory, identity/memory) keep their tables in these, so a
// transaction costs what it changes, not a copy of everything. Not thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace tatakerja {

template <typename K, typename V>
class JournaledMap {
 public:
  const std::map<K, V>& rows() const { return rows_; }
  std::size_t size() const { return rows_.size(); }
  bool contains(const K& k) const { return rows_.contains(k); }
  const V* find(const K& k) const {
    auto it = rows_.find(k);
    return it == rows_.end() ? nullptr : &it->second;
  }
  // For integer keys: one more than the largest key, 1 when empty (as SQLite numbers its rows;
  // a rolled-back insert gives its key back).
  K next_key() const { return rows_.empty() ? K{1} : K{rows_.rbegin()->first + 1}; }

  // Inserts or replaces the value of `k`.
  void put(const K& k, V v) {
    auto it = rows_.find(k);
    if (journaling_) {
      journal_.emplace_back(k, it == rows_.end() ? std::nullopt : std::optional<V>(it->second));
    }
    if (it == rows_.end()) {
      rows_.emplace(k, std::move(v));
    } else {
      it->second = std::move(v);
    }
  }
  bool erase(const K& k) {
    auto it = rows_.find(k);
    if (it == rows_.end()) return false;
    if (journaling_) journal_.emplace_back(k, std::move(it->second));
    rows_.erase(it);
    return true;
  }

  void begin() {
    journaling_ = true;
    journal_.clear();
  }
  void commit() {
    journaling_ = false;
    journal_.clear();
  }
  // Undoes every change since begin(), newest first.
  void rollback() noexcept {
    for (auto it = journal_.rbegin(); it != journal_.rend(); ++it) {
      if (it->second) {
        rows_.insert_or_assign(it->first, std::move(*it->second));
      } else {
        rows_.erase(it->first);
      }
    }
    journaling_ = false;
    journal_.clear();
  }

 private:
  std::map<K, V> rows_;
  bool journaling_ = false;
  std::vector<std::pair<K, std::optional<V>>> journal_;
};

}  // namespace tatakerja
