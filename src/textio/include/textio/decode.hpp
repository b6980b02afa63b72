// Turns the bytes of an uploaded or read file into UTF-8 text, or says clearly why it cannot.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/error.hpp"

namespace tatakerja::textio {

// Why a file cannot be read as a regulation text: a file code of the error table (core/error.hpp:
// FileEmpty, FileTooLarge, FileBinary, EncodingUnsupported, ...; name_of gives its stable name) and
// an Indonesian message about this file.
struct ReadError {
  ErrorCode code;
  std::string message;
};

struct DecodedText {
  std::string text;      // UTF-8, without byte-order mark, "\r\n" left as is
  std::string encoding;  // what the bytes were: "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252"
};

// The largest regulation text the registry takes (upload, import): a regulation is far smaller.
inline constexpr std::size_t kMaxRegulationBytes = std::size_t{32} * 1024 * 1024;
// The largest file the command line reads for `regulation parse|extract|lint`, which store
// nothing: a whole region's regulations concatenated (the engine's time and memory are linear).
inline constexpr std::size_t kMaxReadingBytes = std::size_t{256} * 1024 * 1024;

// Detects the encoding and converts. Refuses empty input, input over `max_bytes`, binary data (NUL
// bytes without a UTF-16 byte-order mark, or many control characters), and UTF-16 without a
// byte-order mark.
std::variant<DecodedText, ReadError> decode_text(std::string_view bytes,
                                                 std::size_t max_bytes = kMaxRegulationBytes);
// The same, taking the bytes: UTF-8 without a byte-order mark becomes the text without a copy.
std::variant<DecodedText, ReadError> decode_text_owned(std::string&& bytes,
                                                       std::size_t max_bytes = kMaxRegulationBytes);

bool is_valid_utf8(std::string_view s);
// The length of the well-formed UTF-8 character that starts at byte `i` of `s` (i < s.size()):
// 1 to 4, or 0 when the bytes there are not one (a stray continuation byte, a cut sequence, an
// overlong form, a surrogate, beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace tatakerja::textio
