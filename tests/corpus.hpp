// Test helper: the corpus texts under data/regulations, read and decoded once per test program.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <variant>

#include "textio/read_file.hpp"

namespace tatakerja::testing {

// The text of the corpus file whose name starts with `prefix` ("000" ... "004").
inline const std::string& corpus_text(const std::string& prefix) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(prefix);
  if (it != cache.end()) return it->second;
  static const std::map<std::string, std::string> kFiles = {{"000", "000_d4cc20e29af5e30c.txt"},
                                                            {"001", "001_39b4b52b71b1491f.txt"},
                                                            {"002", "002_a81f241600ba5598.txt"},
                                                            {"003", "003_f59819efda1a4d52.txt"},
                                                            {"004", "004_53ec527bd789c19a.txt"}};
  const std::string path = std::string(TATAKERJA_DATA_DIR) + "/regulations/" + kFiles.at(prefix);
  auto r = textio::read_regulation_file(path);
  if (std::holds_alternative<textio::ReadError>(r)) throw std::runtime_error("cannot read " + path);
  return cache[prefix] = std::get<textio::DecodedText>(std::move(r)).text;
}

inline std::string corpus_path(const std::string& file) {
  return std::string(TATAKERJA_DATA_DIR) + "/regulations/" + file;
}

}  // namespace tatakerja::testing
