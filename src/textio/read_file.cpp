#include "textio/read_file.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

namespace tatakerja::textio {

std::variant<DecodedText, ReadError> read_regulation_file(const std::string& path) {
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
  std::string bytes;
  char buf[1 << 16];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    bytes.append(buf, got);
    if (bytes.size() > kMaxRegulationBytes) break;  // decode_text reports the size
  }
  if (std::ferror(f.get()))
    return ReadError{ErrorCode::FileReadFailed, "Berkas gagal dibaca: " + path + "."};
  return decode_text(bytes);
}

}  // namespace tatakerja::textio
