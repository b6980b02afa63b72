// Changes made all together or not at all. A store that can group its changes (a database
// connection, the in-memory stores) is Transactional; the application layer, the one place that
// opens transactions, does so through the Transaction guard.
#pragma once

namespace tatakerja {

class Transactional {
 public:
  virtual ~Transactional() = default;
  // Nested begin() is an error.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// Begins a transaction; rolls it back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Transactional& t) : t_(t) { t_.begin(); }
  ~Transaction() {
    if (!done_) t_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    t_.commit();
    done_ = true;
  }

 private:
  Transactional& t_;
  bool done_ = false;
};

}  // namespace tatakerja
