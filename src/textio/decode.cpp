#include "textio/decode.hpp"

#include <iconv.h>

#include <cerrno>

#include "core/sixteen_bytes.hpp"

namespace tatakerja::textio {
namespace {

std::variant<std::string, ReadError> convert(std::string_view in, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  // NOLINTNEXTLINE(performance-no-int-to-ptr): (iconv_t)-1 is how iconv_open says it failed.
  if (cd == reinterpret_cast<iconv_t>(-1))
    return ReadError{ErrorCode::EncodingUnsupported,
                     std::string("Pengodean ") + from + " tidak didukung pada mesin ini."};
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t used = 0;
  while (src_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    const std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      iconv_close(cd);
      return ReadError{ErrorCode::EncodingInvalid, std::string("Isi berkas bukan teks ") + from +
                                                       " yang sah; simpan ulang sebagai UTF-8."};
    }
  }
  iconv_close(cd);
  out.resize(used);
  return out;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned int cp = 0;
  if ((c & 0xE0) == 0xC0)
    len = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0)
    len = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0)
    len = 4, cp = c & 0x07;
  else
    return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

namespace {

// Whether the sixteen bytes from p are all ASCII.
bool ascii_block(const char* p) {
  return text::bits_of(text::sixteen_bytes_at(p) >= 0x80) == 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII, sixteen bytes at a time (most of a regulation text).
    if (i + 16 <= s.size() && ascii_block(s.data() + i)) {
      i += 16;
      continue;
    }
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

namespace {

// The NUL bytes and the control bytes other than the line break, carriage return, tab and form
// feed among the sixteen bytes from p, as decode counts them.
struct ControlBytes {
  int nul = 0;
  int control = 0;
};
ControlBytes control_bytes(const char* p) {
  const text::SixteenBytes v = text::sixteen_bytes_at(p);
  const auto allowed = (v == '\n') | (v == '\r') | (v == '\t') | (v == '\f');
  const auto nul = v == 0;
  const auto control = (v < 0x20) & ~(allowed | nul);  // the bytes are unsigned
  return {text::count_of(nul), text::count_of(control)};
}

// `owned`, when given, holds the same bytes as `bytes` and may be taken as the text (no copy of a
// large file when it is UTF-8 already).
std::variant<DecodedText, ReadError> decode(std::string_view bytes, std::size_t max_bytes,
                                            std::string* owned) {
  if (bytes.size() > max_bytes)
    return ReadError{ErrorCode::FileTooLarge,
                     "Berkas terlalu besar (lebih dari " + std::to_string(max_bytes >> 20) +
                         " MiB); naskah peraturan jauh lebih kecil. Periksa apakah berkas yang "
                         "benar yang dipilih."};
  DecodedText out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    auto r = convert(bytes.substr(2), "UTF-16LE");
    if (auto* e = std::get_if<ReadError>(&r)) return *e;
    out.text = std::get<std::string>(std::move(r));
    out.encoding = "UTF-16LE";
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    auto r = convert(bytes.substr(2), "UTF-16BE");
    if (auto* e = std::get_if<ReadError>(&r)) return *e;
    out.text = std::get<std::string>(std::move(r));
    out.encoding = "UTF-16BE";
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      bytes.remove_prefix(3);
      owned = nullptr;  // the text is the bytes after the mark: copied
    }
    std::size_t nul = 0, control = 0;
    const auto count = [&](unsigned char c) {
      if (c == 0)
        ++nul;
      else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        ++control;
    };
    std::size_t i = 0;
    // Sixteen bytes at a time, counted without looking at them one by one: every line has its
    // line break, so a test that sent each block holding one to a byte-by-byte count would send
    // most of them.
    for (; i + 16 <= bytes.size(); i += 16) {
      const ControlBytes c = control_bytes(bytes.data() + i);
      nul += c.nul;
      control += c.control;
    }
    // The last bytes, fewer than sixteen, one by one.
    for (; i < bytes.size(); ++i) count(static_cast<unsigned char>(bytes[i]));
    if (nul > 0) {
      // UTF-16 without a byte-order mark has a NUL in every other byte.
      const bool utf16_like = nul * 3 >= bytes.size();
      return ReadError{utf16_like ? ErrorCode::EncodingUnsupported : ErrorCode::FileBinary,
                       utf16_like ? "Berkas tampaknya UTF-16 tanpa tanda urutan bait (BOM); simpan "
                                    "ulang sebagai UTF-8 atau UTF-16 dengan BOM."
                                  : "Berkas berisi data biner, bukan teks peraturan."};
    }
    if (control * 100 > bytes.size() + 100)
      return ReadError{ErrorCode::FileBinary, "Berkas berisi data biner, bukan teks peraturan."};
    if (is_valid_utf8(bytes)) {
      out.text = owned != nullptr ? std::move(*owned) : std::string(bytes);
      out.encoding = "UTF-8";
    } else {
      // Not UTF-8: the other encoding such texts come in is Windows-1252 (Word on Windows).
      auto r = convert(bytes, "WINDOWS-1252");
      if (std::holds_alternative<ReadError>(r))
        return ReadError{
            ErrorCode::EncodingUnsupported,
            "Pengodean berkas tidak dikenali (bukan UTF-8, UTF-16 atau Windows-1252)."};
      out.text = std::get<std::string>(std::move(r));
      out.encoding = "WINDOWS-1252";
    }
  }
  bool blank = true;
  for (char c : out.text)
    if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      blank = false;
      break;
    }
  if (blank) return ReadError{ErrorCode::FileEmpty, "Berkas kosong: tidak ada teks untuk dibaca."};
  return out;
}

}  // namespace

std::variant<DecodedText, ReadError> decode_text(std::string_view bytes, std::size_t max_bytes) {
  return decode(bytes, max_bytes, nullptr);
}

std::variant<DecodedText, ReadError> decode_text_owned(std::string&& bytes, std::size_t max_bytes) {
  return decode(bytes, max_bytes, &bytes);
}

}  // namespace tatakerja::textio
