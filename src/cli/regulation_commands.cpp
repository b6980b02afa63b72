#include "cli/regulation_commands.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <variant>

#include "json/document_json.hpp"
#include "regulation/parser.hpp"
#include "textio/read_file.hpp"

namespace tatakerja::cli {
namespace {

// Reads a file as UTF-8 text; on failure prints the reason and returns false.
bool read_text(const std::string& file, std::string& out) {
  auto r = textio::read_regulation_file(file);
  if (auto* e = std::get_if<textio::ReadError>(&r)) {
    fmt::print(stderr, "{}: {} [{}]\n", file, e->message, e->code);
    return false;
  }
  out = std::get<textio::DecodedText>(std::move(r)).text;
  return true;
}

}  // namespace

int regulation_parse(const std::string& file, const std::string& format) {
  std::string text;
  if (!read_text(file, text)) return 2;
  const auto doc = regulation::parse_document(text);
  if (format == "json")
    fmt::print("{}\n", json::to_json(doc).dump(2));
  else
    fmt::print("{}", json::to_text(doc));
  return 0;
}

int regulation_extract(const std::vector<std::string>&) { return 2; }
int regulation_lint(const std::vector<std::string>&, const std::string&) { return 2; }
int summary(const std::string&) { return 2; }

}  // namespace tatakerja::cli
