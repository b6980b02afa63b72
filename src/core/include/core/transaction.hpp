// Changes made all together or not at all. A store that can group its changes (a database
// connection, the in-memory stores) is Transactional; the application layer, the one place that
// opens transactions, does so through the Transaction guard. Reads made together can see one
// state of the data through the ReadSnapshot guard (an answer of the API is read in one).
#pragma once

namespace tatakerja {

class Transactional {
 public:
  virtual ~Transactional() = default;
  // Nested begin() is an error.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  // A read snapshot: the reads between begin_read() and end_read() see one state of the data,
  // whatever other connections commit meanwhile, and pay for one read transaction instead of one
  // per statement. No transaction may begin inside one (begin() and begin_read() throw where the
  // store enforces it); end_read() never fails. A store that no other writer can change while it
  // is read (one in memory, used by one thread) has nothing to do, which is the default.
  virtual void begin_read() {}
  virtual void end_read() noexcept {}
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

// Begins a read snapshot and ends it when it goes out of scope.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Transactional& t) : t_(t) { t_.begin_read(); }
  ~ReadSnapshot() { t_.end_read(); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Transactional& t_;
};

}  // namespace tatakerja
