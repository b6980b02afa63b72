#include "regulation_commands.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <limits>
#include <variant>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <filesystem>

#include "json/document_json.hpp"
#include "json/extraction_json.hpp"
#include "read_text.hpp"
#include "regulation/engine.hpp"
#include "regulation/lint.hpp"
#include "regulation/parser.hpp"
#include "textio/read_file.hpp"

namespace tatakerja::cli {
namespace {

// A regulation command reads one text of up to 256 MiB through passes that each build the next
// copy of its lines and nodes and free the last. glibc would give each block of 32 MiB or more
// its own mapping and return it on free, so that the next pass faults fresh pages in (0.15 s of
// the CLI's 3 s on a 100 MiB text), and would trim the heap's top after each large free. The
// command ends when the text is read: freed memory is kept for the next pass instead.
void keep_freed_memory_for_the_next_pass() {
#if defined(__GLIBC__)
  // Called before any other thread of the command starts (a regulation command starts none).
  mallopt(M_MMAP_MAX, 0);                                      // NOLINT(concurrency-mt-unsafe)
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());  // NOLINT(concurrency-mt-unsafe)
#endif
}

}  // namespace

int regulation_parse(const std::string& file, const std::string& format) {
  keep_freed_memory_for_the_next_pass();
  std::string text;
  if (!read_text(file, text, textio::kMaxReadingBytes)) return 2;
  const auto doc = regulation::parse_document(text);
  if (format != "json") {
    fmt::print("{}", json::to_text(doc));
    return 0;
  }
  // Written out as it is walked: the tree's JSON is many times the size of the text.
  std::string out;
  json::PrettyJson w(
      out, [](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
  json::write_document(w, doc);
  out += '\n';
  w.finish();
  return 0;
}

int regulation_extract(const std::vector<std::string>& files) {
  keep_freed_memory_for_the_next_pass();
  // One file's facts as an object, several files' as an array of them; printed only when every
  // file was read.
  std::string out;
  json::PrettyJson w(out);
  if (files.size() != 1) w.begin_array();
  for (const auto& file : files) {
    std::string text;
    if (!read_text(file, text, textio::kMaxReadingBytes)) return 2;
    json::write_extraction(w, regulation::read_regulation(text).facts);
  }
  if (files.size() != 1) w.end_array();
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int regulation_lint(const std::vector<std::string>& files, const std::string& format) {
  keep_freed_memory_for_the_next_pass();
  std::vector<regulation::Reading> readings;
  readings.reserve(files.size());
  for (const auto& file : files) {
    std::string text;
    if (!read_text(file, text, textio::kMaxReadingBytes)) return 2;
    readings.push_back(regulation::read_regulation(text));
  }
  std::vector<Finding> findings;
  std::vector<regulation::NamedExtraction> set;
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (Finding f : readings[i].facts.findings) {
      f.file = files[i];
      findings.push_back(std::move(f));
    }
    set.push_back({files[i], &readings[i].facts});
  }
  if (files.size() > 1) {
    auto across = regulation::lint_set(set);
    findings.insert(findings.end(), across.begin(), across.end());
  }
  // Findings that only describe how the text was read (info) do not fail the lint.
  const bool defects = std::any_of(findings.begin(), findings.end(),
                                   [](const Finding& f) { return f.severity != Severity::Info; });
  if (format == "json") {
    std::string out;
    json::PrettyJson w(out);
    w.begin_array();
    for (const auto& f : findings) json::write_finding(w, f);
    w.end_array();
    fmt::print("{}\n", out);
  } else {
    for (const auto& f : findings)
      fmt::print("{}:{}: {} [{}] {}\n", f.file, f.line, to_string(f.severity), f.code, f.message);
    if (findings.empty()) fmt::print("Tidak ada temuan.\n");
  }
  return defects ? 1 : 0;
}

int summary(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  if (ec || files.empty()) {
    fmt::print(stderr, "Folder {} tidak berisi naskah (.txt).\n", folder);
    return 2;
  }
  std::sort(files.begin(), files.end());
  fmt::print("{:<26} {:<24} {:>8} {:>5} {:<30} {:<36} {:>5} {:>7} {:>6} {:>4} {:>7}\n", "berkas",
             "jenis", "nomor", "tahun", "daerah", "perangkat daerah", "unit", "jabatan", "tugas",
             "IKI", "temuan");
  int rc = 0;
  for (const auto& file : files) {
    std::string text;
    if (!read_text(file, text, textio::kMaxReadingBytes)) {
      rc = 2;
      continue;
    }
    const auto r = regulation::read_regulation(text);
    const auto& x = r.facts;
    std::size_t duties = 0, iki_rows = 0, defects = 0;
    for (const auto& p : x.positions) duties += p.duties.size();
    for (const auto& t : x.iki) iki_rows += t.rows.size();
    for (const auto& f : x.findings) defects += f.severity != Severity::Info;
    auto cut = [](const std::string& s, std::size_t n) {
      return s.size() <= n ? s : s.substr(0, n - 3) + "...";
    };
    fmt::print("{:<26} {:<24} {:>8} {:>5} {:<30} {:<36} {:>5} {:>7} {:>6} {:>4} {:>7}\n",
               cut(fs::path(file).filename().string(), 26), cut(x.regulation.kind, 24),
               x.regulation.number.empty() ? "-" : cut(x.regulation.number, 8),
               x.regulation.year ? std::to_string(*x.regulation.year) : "-",
               cut(x.regulation.region, 30), cut(x.agency ? x.agency->name : "-", 36),
               x.units.size(), x.positions.size(), duties, iki_rows, defects);
  }
  return rc;
}

}  // namespace tatakerja::cli
