// Internals of the store shared by its translation units and its tests (not part of the public
// interface): the two driver factories, the placeholder rewriting the PostgreSQL driver does, the
// name tokens of the people search, and the ISO 8601 clock. Nothing outside src/storage,
// src/org/sql and tests/storage includes this header.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace tatakerja::storage::detail {

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

// The search tokens of a person's name or of a query: words split at spaces and separators,
// lowercased, Latin-1 accents folded to ASCII ("É" -> "e"), apostrophes and dots removed inside a
// word ("S.Kom." -> "skom", "Ma'ruf" -> "maruf"). Duplicates removed, order of first appearance
// kept. Bytes of other scripts are kept as they are; bytes that cannot occur in UTF-8 are dropped.
std::vector<std::string> name_tokens(std::string_view name);

// The exclusive upper bound of the byte-wise range of strings that start with `prefix` (the prefix
// with its last byte incremented; trailing 0xFF bytes dropped first). Empty when there is none.
std::string prefix_upper_bound(std::string_view prefix);

// The current time as ISO 8601 UTC text, "2026-11-23T10:15:00Z".
std::string now_iso8601();

// Maps a driver failure to the DatabaseError thrown to callers.
[[noreturn]] void throw_error(DatabaseError::Kind kind, std::string_view context,
                              std::string_view message);

}  // namespace tatakerja::storage::detail
