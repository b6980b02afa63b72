// Internals of the store shared by its translation units and its tests (not part of the public
// interface): the two driver factories, the placeholder rewriting the PostgreSQL driver does and
// the ISO 8601 clock. Nothing outside src/storage, the domains' stores (src/org/sql,
// src/identity/sql; the memory ones for the clock) and tests/storage includes this header.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "storage/database.hpp"

namespace tatakerja::storage::detail {

// Runs `work` again after a growing pause (10 ms, 20 ms, ...; about 8 s in all) while it fails with
// a busy database, which SQLite may answer at once where waiting could deadlock (two connections of
// a file that is just being switched to WAL). `work` must be safe to repeat: one transaction, or
// settings of a connection. Any other error, or the last busy one, is thrown.
template <typename Work>
void retry_while_busy(Work work) {
  for (int attempt = 0;; ++attempt) {
    try {
      work();
      return;
    } catch (const DatabaseError& e) {
      if (e.kind() != DatabaseError::Kind::Busy || attempt >= 40) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(10 + 10 * attempt));
    }
  }
}

// Opens (creating when absent) the SQLite file at `path` with WAL, foreign keys, synchronous=NORMAL
// and a 5 s busy timeout. Throws DatabaseError when the file cannot be opened.
std::unique_ptr<Connection> open_sqlite(const std::string& path);

// Connects to a PostgreSQL server with a libpq URL ("postgresql://user@host:port/db"). Throws
// DatabaseError (Kind::Busy) when the server cannot be reached or refuses the connection.
std::unique_ptr<Connection> open_postgres(const std::string& url);

// Rewrites `?` placeholders to $1, $2, ... outside string literals ('...', E'...'), quoted
// identifiers ("..."), dollar-quoted strings and comments. `count` receives the number of
// placeholders.
std::string rewrite_placeholders(std::string_view sql, int& count);

// The current time as ISO 8601 UTC text, "2026-11-23T10:15:00Z".
std::string now_iso8601();

// The transaction a connection has open: none, a write transaction (begin) or a read snapshot
// (begin_read). A transaction of either kind may not begin inside another.
class OpenTransaction {
 public:
  enum class Kind { None, Write, Read };
  // Throws DatabaseError (Kind::Other) naming `what` ("begin()") when one is open.
  void refuse_nested(const char* what) const;
  Kind kind = Kind::None;
};

// Maps a driver failure to the DatabaseError thrown to callers.
[[noreturn]] void throw_error(DatabaseError::Kind kind, std::string_view context,
                              std::string_view message);

}  // namespace tatakerja::storage::detail
