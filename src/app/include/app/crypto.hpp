// Small wrappers over libsodium used across the service: initialisation, SHA-256 in hex, random
// bytes in hex. Internal to the service module (the header is not part of its public API).
#pragma once

#include <string>
#include <string_view>

namespace tatakerja::app::detail {

// Calls sodium_init() once per process; throws std::runtime_error when libsodium cannot start.
void ensure_sodium();
// Lowercase hex SHA-256 (crypto_hash_sha256) of the bytes of `data`: 64 characters.
std::string sha256_hex(std::string_view data);
// `n` bytes from randombytes_buf, as 2n lowercase hex characters.
std::string random_hex(std::size_t n);

}  // namespace tatakerja::app::detail
