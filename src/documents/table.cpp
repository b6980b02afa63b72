// CSV (pure) and XLSX (libxlsxwriter, through a temporary file) forms of a table.
#include "documents/table.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace tatakerja::documents {

std::string spreadsheet_safe(std::string_view cell) {
  if (!cell.empty()) {
    const char c = cell.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + std::string(cell);
    }
  }
  return std::string(cell);
}

std::string csv_field(std::string_view cell) {
  std::string safe = spreadsheet_safe(cell);
  if (safe.find_first_of(",\"\r\n") == std::string::npos) return safe;
  std::string out = "\"";
  for (const char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string to_csv(const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(cells[i]);
    }
    out += "\r\n";
  };
  row(t.columns);
  for (const auto& r : t.rows) row(r);
  return out;
}

namespace {

// A temporary file's path, removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    // mkstemp replaces the name's last six characters (which must be 'X') with a unique suffix.
    constexpr std::size_t kUniqueSuffix = 6;
    path_ = (std::filesystem::temp_directory_path() / "tatakerja-xlsx-").string() +
            std::string(kUniqueSuffix, 'X');
    const int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("XLSX: cannot create a temporary file");
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The number of characters (not bytes) of UTF-8 text.
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string to_xlsx(const Table& t) {
  TempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to the file as written: bounded memory
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (wb == nullptr) throw std::runtime_error("XLSX: cannot create the workbook");
  lxw_worksheet* ws =
      workbook_add_worksheet(wb, t.sheet_name.empty() ? nullptr : t.sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  // Column widths to fit (up to 60 characters), set before any row is written.
  std::vector<std::size_t> widths(t.columns.size(), 8);
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    widths[c] = std::max(widths[c], characters(t.columns[c]));
  for (const auto& r : t.rows)
    for (std::size_t c = 0; c < r.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], characters(r[c]));
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col,
                         static_cast<double>(std::min<std::size_t>(widths[c], 60) + 2), nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), bold);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      if (t.rows[r][c].empty()) continue;
      const std::string safe = spreadsheet_safe(t.rows[r][c]);
      worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                             safe.c_str(), nullptr);
    }
  }
  const lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(error));
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tatakerja::documents
