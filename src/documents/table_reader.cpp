// CSV and XLSX read into a Table (table_reader.hpp). The CSV is read by one pass over the decoded
// text; the XLSX is unpacked from memory by libzip and its XML read by expat (a streaming parser:
// memory bounded by the parts' sizes, which the limits bound), both well-kept Debian libraries.
#include "documents/table_reader.hpp"

#include <expat.h>
#include <fmt/core.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/error.hpp"
#include "textio/decode.hpp"

namespace tatakerja::documents {
namespace {

[[noreturn]] void unreadable(std::string message) {
  fail(ErrorCode::TableUnreadable, "file", std::move(message));
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n\xC2\xA0");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// The cell as a reader means it: trimmed, without the apostrophe that spreadsheet_safe puts before
// a cell that starts like a formula.
std::string cell_text(std::string_view raw) {
  auto s = trim(raw);
  if (s.size() >= 2 && s[0] == '\'' && std::strchr("=+-@", s[1]) != nullptr) s.remove_prefix(1);
  return std::string(s);
}

bool row_is_empty(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return c.empty(); });
}

// Collects rows: the first non-empty one is the heading; the others are cut or padded to its
// width. Bounded by the limits.
class TableBuilder {
 public:
  explicit TableBuilder(const TableLimits& limits) : limits_(limits) {}

  void add_row(std::vector<std::string> row) {
    if (row.size() > limits_.max_columns) row.resize(limits_.max_columns);
    for (auto& c : row) c = cell_text(c);
    if (row_is_empty(row)) return;
    if (!has_heading_) {
      while (!row.empty() && row.back().empty()) row.pop_back();
      table_.columns = std::move(row);
      has_heading_ = true;
      return;
    }
    if (table_.rows.size() + 1 >= limits_.max_rows)
      unreadable(
          fmt::format("Tabel terlalu panjang: paling banyak {} baris data dalam satu berkas; "
                      "bagi menjadi beberapa berkas.",
                      limits_.max_rows - 1));
    row.resize(table_.columns.size());
    table_.rows.push_back(std::move(row));
  }

  void check_cell_size(std::size_t bytes) const {
    if (bytes > limits_.max_cell_bytes)
      unreadable(fmt::format("Ada sel yang terlalu panjang (lebih dari {} bita).",
                             limits_.max_cell_bytes));
  }

  Table finish() {
    if (!has_heading_ || table_.columns.empty())
      unreadable("Tabel kosong: tidak ada baris judul kolom.");
    return std::move(table_);
  }

 private:
  const TableLimits& limits_;
  Table table_;
  bool has_heading_ = false;
};

// ---- CSV ----

// The separator the heading row (the first line that is not blank, up to its line break outside
// quotes) has most of.
char csv_separator(std::string_view text) {
  const auto first = text.find_first_not_of(" \r\n");
  text.remove_prefix(first == std::string_view::npos ? text.size() : first);
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

Table read_csv(std::string_view bytes, const TableLimits& limits) {
  auto decoded = textio::decode_text(bytes, limits.max_unpacked_bytes);
  if (const auto* e = std::get_if<textio::ReadError>(&decoded)) unreadable(e->message);
  const std::string& text = std::get<textio::DecodedText>(decoded).text;
  const char sep = csv_separator(text);
  TableBuilder builder(limits);
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool was_quoted = false;
  auto end_cell = [&] {
    builder.check_cell_size(cell.size());
    if (row.size() < limits.max_columns + 1) row.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        cell.push_back(c);
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && (cell.empty() || trim(cell).empty()) && !was_quoted) {
      cell.clear();
      quoted = was_quoted = true;
    } else if (c == sep) {
      end_cell();
    } else if (c == '\n') {
      end_cell();
      builder.add_row(std::move(row));
      row.clear();
    } else if (c != '\r') {
      cell.push_back(c);
    }
    if (cell.size() > limits.max_cell_bytes) builder.check_cell_size(cell.size());
  }
  if (quoted) unreadable("Tanda petik (\") di CSV tidak ditutup.");
  if (!cell.empty() || !row.empty()) {
    end_cell();
    builder.add_row(std::move(row));
  }
  return builder.finish();
}

// ---- XLSX ----

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// The archive opened over the bytes in memory (libzip reads them where they are).
std::unique_ptr<zip_t, ZipCloser> open_archive(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) unreadable("Berkas XLSX tidak dapat dibuka.");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    unreadable("Berkas ini bukan XLSX yang utuh (arsip ZIP-nya rusak).");
  }
  return std::unique_ptr<zip_t, ZipCloser>(archive);
}

// Streams the archive's part `name` into `sink(data, size)`; false when there is no such part.
// Refuses a part that unpacks past `budget` (what is left of max_unpacked_bytes).
template <typename Sink>
bool stream_part(zip_t* archive, const char* name, std::size_t& budget, Sink sink) {
  const zip_int64_t index = zip_name_locate(archive, name, ZIP_FL_NOCASE);
  if (index < 0) return false;
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
  if (!file) unreadable(fmt::format("Bagian {} dari berkas XLSX tidak dapat dibaca.", name));
  constexpr std::size_t kChunk = std::size_t{64} * 1024;
  std::vector<char> buffer(kChunk);
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) unreadable(fmt::format("Bagian {} dari berkas XLSX rusak.", name));
    if (n == 0) return true;
    const auto size = static_cast<std::size_t>(n);
    if (size > budget)
      unreadable("Berkas XLSX terlalu besar setelah dibuka; bagi menjadi beberapa berkas.");
    budget -= size;
    sink(buffer.data(), size);
  }
}

// An expat parser fed part by part; `Handler` has start(name, attrs), end(name), text(s, n).
// A refusal thrown by a handler is kept and the parser stopped, so that no exception crosses
// expat's C frames; parse_part throws it once XML_Parse has returned.
template <typename Handler>
struct BoundHandler {
  Handler& handler;
  XML_Parser parser = nullptr;
  bool doctype = false;
  std::exception_ptr error;

  template <typename Call>
  void guarded(Call call) {
    if (error) return;
    try {
      call(handler);
    } catch (...) {
      error = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }
};

template <typename Handler>
void parse_part(zip_t* archive, const char* name, std::size_t& budget, Handler& handler,
                bool required) {
  using Bound = BoundHandler<Handler>;
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  Bound bound{handler, parser.get()};
  XML_SetUserData(parser.get(), &bound);
  XML_SetElementHandler(
      parser.get(),
      [](void* b, const XML_Char* n, const XML_Char** a) {
        static_cast<Bound*>(b)->guarded([&](Handler& h) { h.start(n, a); });
      },
      [](void* b, const XML_Char* n) {
        static_cast<Bound*>(b)->guarded([&](Handler& h) { h.end(n); });
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* b, const XML_Char* s, int len) {
    static_cast<Bound*>(b)->guarded([&](Handler& h) { h.text(s, static_cast<std::size_t>(len)); });
  });
  // No document type, so no entity to expand: a part that declares one is not what a spreadsheet
  // program writes, and parsing stops there.
  XML_SetStartDoctypeDeclHandler(
      parser.get(), [](void* b, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* self = static_cast<Bound*>(b);
        self->doctype = true;
        XML_StopParser(self->parser, XML_FALSE);
      });
  auto feed = [&](const char* data, std::size_t size, bool last) {
    const auto status = XML_Parse(parser.get(), data, static_cast<int>(size), last ? 1 : 0);
    if (bound.error) std::rethrow_exception(bound.error);
    if (status != XML_STATUS_OK || bound.doctype)
      unreadable(fmt::format("Bagian {} dari berkas XLSX bukan XML yang sah.", name));
  };
  const bool found =
      stream_part(archive, name, budget, [&](const char* d, std::size_t n) { feed(d, n, false); });
  if (!found) {
    if (required) unreadable(fmt::format("Berkas XLSX tidak memiliki bagian {}.", name));
    return;
  }
  feed("", 0, true);
}

// The local name of an element ("x:row" -> "row").
std::string_view local(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view wanted) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (local(attrs[i]) == wanted) return attrs[i + 1];
  }
  return nullptr;
}

// xl/sharedStrings.xml: <si> items, each the text of its <t> elements (rich text runs joined,
// phonetic runs <rPh> left out).
struct SharedStrings {
  const TableLimits& limits;
  std::vector<std::string> strings;
  std::string current;
  bool in_text = false;
  int phonetic = 0;

  void start(const XML_Char* n, const XML_Char**) {
    const auto name = local(n);
    if (name == "si") current.clear();
    if (name == "rPh") ++phonetic;
    if (name == "t") in_text = phonetic == 0;
  }
  void end(const XML_Char* n) {
    const auto name = local(n);
    if (name == "t") in_text = false;
    if (name == "rPh") --phonetic;
    if (name == "si") {
      if (strings.size() >= limits.max_rows * limits.max_columns)
        unreadable("Berkas XLSX memiliki terlalu banyak teks.");
      strings.push_back(std::move(current));
      current.clear();
    }
  }
  void text(const XML_Char* s, std::size_t n) {
    if (!in_text) return;
    if (current.size() + n > limits.max_cell_bytes)
      unreadable(
          fmt::format("Ada sel yang terlalu panjang (lebih dari {} bita).", limits.max_cell_bytes));
    current.append(s, n);
  }
};

// The zero-based column of a cell reference ("B12" -> 1), or nullopt when it has none.
std::optional<std::size_t> column_of(const XML_Char* ref) {
  if (ref == nullptr) return std::nullopt;
  std::size_t col = 0;
  std::size_t letters = 0;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + static_cast<std::size_t>(*p - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  return col - 1;
}

// A worksheet: <row> of <c r="B2" t="s|inlineStr|str|b|n|e"> with <v> or <is><t>.
struct Worksheet {
  const TableLimits& limits;
  const std::vector<std::string>& shared;
  TableBuilder& builder;
  std::vector<std::string> row;
  std::size_t next_column = 0;
  std::size_t column = 0;
  std::string type;
  std::string value;
  bool in_value = false;
  bool in_cell = false;

  void start(const XML_Char* n, const XML_Char** attrs) {
    const auto name = local(n);
    if (name == "row") {
      row.clear();
      next_column = 0;
    } else if (name == "c") {
      in_cell = true;
      column = column_of(attribute(attrs, "r")).value_or(next_column);
      const XML_Char* t = attribute(attrs, "t");
      type = t != nullptr ? t : "n";
      value.clear();
    } else if (in_cell && (name == "v" || name == "t")) {
      in_value = true;
    }
  }
  void end(const XML_Char* n) {
    const auto name = local(n);
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "c") {
      in_cell = false;
      next_column = column + 1;
      if (column >= limits.max_columns) return;
      if (row.size() <= column) row.resize(column + 1);
      row[column] = cell_value();
    } else if (name == "row") {
      builder.add_row(std::move(row));
      row.clear();
    }
  }
  void text(const XML_Char* s, std::size_t n) {
    if (!in_value) return;
    if (value.size() + n > limits.max_cell_bytes) builder.check_cell_size(value.size() + n);
    value.append(s, n);
  }
  std::string cell_value() const {
    if (type == "s") {
      char* end = nullptr;
      const unsigned long k = std::strtoul(value.c_str(), &end, 10);
      if (end == value.c_str() || k >= shared.size())
        unreadable("Berkas XLSX merujuk teks yang tidak ada.");
      return shared[k];
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    return value;  // n, str, inlineStr, e: as written
  }
};

// The path of the workbook's first sheet, from xl/workbook.xml and its relationships; the usual
// "xl/worksheets/sheet1.xml" when they do not say.
struct FirstSheetId {
  std::string rel_id;
  void start(const XML_Char* n, const XML_Char** attrs) {
    if (local(n) != "sheet" || !rel_id.empty()) return;
    if (const XML_Char* id = attribute(attrs, "id")) rel_id = id;
  }
  void end(const XML_Char*) {}
  void text(const XML_Char*, std::size_t) {}
};
struct SheetTarget {
  const std::string& rel_id;
  std::string target;
  void start(const XML_Char* n, const XML_Char** attrs) {
    if (local(n) != "Relationship") return;
    const XML_Char* id = attribute(attrs, "Id");
    const XML_Char* t = attribute(attrs, "Target");
    if (id != nullptr && t != nullptr && rel_id == id) target = t;
  }
  void end(const XML_Char*) {}
  void text(const XML_Char*, std::size_t) {}
};

std::string first_sheet_path(zip_t* archive, std::size_t& budget) {
  FirstSheetId sheet;
  parse_part(archive, "xl/workbook.xml", budget, sheet, true);
  if (sheet.rel_id.empty()) unreadable("Buku kerja XLSX tidak memiliki lembar kerja.");
  SheetTarget rel{sheet.rel_id, {}};
  parse_part(archive, "xl/_rels/workbook.xml.rels", budget, rel, false);
  std::string target = rel.target.empty() ? "worksheets/sheet1.xml" : rel.target;
  if (target.starts_with('/')) return target.substr(1);
  return "xl/" + target;
}

Table read_xlsx(std::string_view bytes, const TableLimits& limits) {
  auto archive = open_archive(bytes);
  std::size_t budget = limits.max_unpacked_bytes;
  SharedStrings shared{limits, {}, {}};
  parse_part(archive.get(), "xl/sharedStrings.xml", budget, shared, false);
  TableBuilder builder(limits);
  Worksheet sheet{limits, shared.strings, builder};
  const std::string path = first_sheet_path(archive.get(), budget);
  parse_part(archive.get(), path.c_str(), budget, sheet, true);
  return builder.finish();
}

bool is_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

// An old Excel workbook (.xls, a Compound File Binary): refused with its own message.
bool is_old_excel(std::string_view bytes) {
  return bytes.size() >= 8 &&
         bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

}  // namespace

Table read_table(std::string_view bytes, const TableLimits& limits) {
  if (bytes.empty()) unreadable("Berkas kosong.");
  if (is_old_excel(bytes))
    unreadable("Berkas Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau .csv.");
  if (is_zip(bytes)) return read_xlsx(bytes, limits);
  return read_csv(bytes, limits);
}

}  // namespace tatakerja::documents
