#include "textio/read_file.hpp"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>
#include <utility>

namespace tatakerja::textio {

std::variant<DecodedText, ReadError> read_regulation_file(const std::string& path,
                                                          std::size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return ReadError{ErrorCode::FileNotFound, "Berkas tidak dapat dibuka: " + path + " (" +
                                                  std::generic_category().message(errno) + ")."};
  if (S_ISDIR(st.st_mode))
    return ReadError{ErrorCode::FileIsDirectory,
                     "Yang diberikan adalah folder, bukan berkas: " + path + "."};
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f)
    return ReadError{ErrorCode::FileNotFound, "Berkas tidak dapat dibuka: " + path + " (" +
                                                  std::generic_category().message(errno) + ")."};
  // Read straight into the string, sized by the file's size (a pipe or a growing file reads on
  // in 64 KiB steps); never more than max_bytes + 1, so decode_text can report the size.
  const std::size_t limit = max_bytes + 1;
  std::string bytes;
  std::size_t size = 0;
  bytes.resize(std::min<std::size_t>(
      S_ISREG(st.st_mode) && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16,
      limit));
  for (;;) {
    if (size == bytes.size()) {
      if (size >= limit) break;
      bytes.resize(std::min(limit, size + std::max<std::size_t>(size, 1 << 16)));
    }
    const std::size_t got = std::fread(bytes.data() + size, 1, bytes.size() - size, f.get());
    size += got;
    if (got == 0) break;
  }
  bytes.resize(size);
  if (std::ferror(f.get()))
    return ReadError{ErrorCode::FileReadFailed, "Berkas gagal dibaca: " + path + "."};
  return decode_text_owned(std::move(bytes), max_bytes);
}

}  // namespace tatakerja::textio
