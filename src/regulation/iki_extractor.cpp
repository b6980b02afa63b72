// IKI tables (Indikator Kinerja Individu), as an agency decree's Lampiran lists them: for each
// position a "Jabatan : ..." block with its Tugas Pokok and Fungsi, then a table of sasaran,
// indikator, formula and sumber data. When the text has no structure article, the positions and
// units the blocks name are created here, with superiors by the order of the blocks.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "regulation/extraction.hpp"
#include "regulation/formula.hpp"
#include "regulation/iki_titles.hpp"
#include "regulation/node_query.hpp"
#include "regulation/table_cells.hpp"

namespace tatakerja::regulation {
namespace {

// ---- Fields: "Jabatan : Sekretaris", "Tugas Pokok : ...", "Fungsi : ..." ----

std::string field_value(std::string_view s) {
  const std::size_t c = s.find(':');
  if (c == std::string_view::npos) return {};
  std::string v = text::collapse_spaces(s.substr(c + 1));
  // Emphasis left over from a converted document: "SEKRETARIS**".
  while (!v.empty() && (v.back() == '*' || v.back() == '_')) v.pop_back();
  while (!v.empty() && (v.front() == '*' || v.front() == '_')) v.erase(0, 1);
  return std::string(text::trim(v));
}

// A field name ends at a colon within the first 40 bytes: only they are searched for one.
constexpr std::size_t kLongestFieldName = 40;

// Where the first ':' stands among the first 41 bytes of `s` (a field name's and its colon), or
// npos. Every line of the annexes and the body is asked, most have none, and three reads of
// sixteen bytes cost less than a call to memchr for so few (a shorter text is searched as it is).
std::size_t field_colon(std::string_view s) {
  constexpr std::size_t kReach = kLongestFieldName + 1;
  constexpr std::size_t kRead = 48;  // three reads of sixteen bytes cover the reach
  if (s.size() < kRead) return s.substr(0, kReach).find(':');
  std::uint64_t colons = 0;
  for (std::size_t k = 0; k < kRead; k += 16)
    colons |= static_cast<std::uint64_t>(text::bits_of(text::sixteen_bytes_at(s.data() + k) == ':'))
              << k;
  colons &= (std::uint64_t{1} << kReach) - 1;
  return colons == 0 ? std::string_view::npos : static_cast<std::size_t>(std::countr_zero(colons));
}

// The field name before the colon, when the text is a field ("Tugas Pokok : ..."): single-spaced,
// without leading '*' or '-', trimmed and lowered; empty when the text is no field. Made in a
// buffer of its own rather than in strings: every line of an annex is asked, and few are fields.
class FieldName {
 public:
  explicit FieldName(std::string_view s) {
    const std::size_t c = field_colon(s);
    if (c > kLongestFieldName) return;  // also no colon at all (npos)
    // collapse_spaces_to trims as text::collapse_spaces does; the name is at most 40 bytes.
    char* const end = text::collapse_spaces_to(s.substr(0, c), bytes_.data());
    std::string_view name(bytes_.data(), static_cast<std::size_t>(end - bytes_.data()));
    while (!name.empty() && (name.front() == '*' || name.front() == '-')) name.remove_prefix(1);
    name = text::trim(name);
    begin_ = static_cast<std::size_t>(name.data() - bytes_.data());
    size_ = name.size();
    for (std::size_t i = begin_; i < begin_ + size_; ++i)
      bytes_[i] = text::detail::ascii_lower(bytes_[i]);
  }
  std::string_view view() const { return {bytes_.data() + begin_, size_}; }
  bool empty() const { return size_ == 0; }

 private:
  std::array<char, kLongestFieldName> bytes_{};
  std::size_t begin_ = 0;
  std::size_t size_ = 0;
};

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  if (name.empty()) return false;
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return name == n; });
}
bool field_in(std::string_view s, std::initializer_list<std::string_view> names) {
  return name_in(FieldName(s).view(), names);
}

// A text line, list item or (when written in capitals) heading line.
bool is_line(const Node& n) {
  return n.kind == NodeKind::Text || n.kind == NodeKind::Heading || is_list_item(n.kind);
}
bool is_title_field(const Node& n) {
  if (!is_line(n)) return false;
  // Every line of an annex is asked: one whose words before the colon do not hold "jabatan" (as
  // both names do) is turned away before its field name is made.
  const std::string_view s = n.text;
  // A colon past the 40th byte (or none) ends no field name (FieldName); and both names end in
  // "n", as the words before the colon then do, white space aside.
  const std::size_t colon = field_colon(s);
  if (colon > kLongestFieldName) return false;
  std::size_t end = colon;
  while (end > 0 && text::detail::is_white_space(s[end - 1])) --end;
  if (end == 0 || (s[end - 1] | 0x20) != 'n' ||
      text::ifind(s.substr(0, colon), "jabatan") == std::string_view::npos)
    return false;
  return field_in(s, {"jabatan", "nama jabatan"});
}
// By the field's name (FieldName), made once per line.
bool names_summary(std::string_view field) {
  return name_in(field, {"tugas pokok", "tugas", "rumusan tugas", "ikhtisar jabatan"});
}
bool names_functions(std::string_view field) {
  return name_in(field, {"fungsi", "fungsi jabatan"});
}

// ---- Blocks ----

struct Block {
  std::string title;  // as written
  std::string summary;
  std::vector<std::string> functions;
  std::vector<const Node*> tables;
  SourceSpan span;
  bool in_functions = false;
  bool summary_pending = false;  // "Tugas Pokok :" with the text on the next line
};

// Nodes that open a new part of an annex or body: a block never runs across them.
bool is_part(NodeKind k) {
  return k == NodeKind::Chapter || k == NodeKind::Section || k == NodeKind::Paragraph ||
         k == NodeKind::Article || k == NodeKind::Dictum || k == NodeKind::Roman ||
         k == NodeKind::UpperLetter || k == NodeKind::Heading || k == NodeKind::Root;
}

// Adds one node that follows a block's title to the block.
void feed(Block& b, const Node& n) {
  b.span.extend(n.span.first_line);
  b.span.extend(n.span.last_line);
  if (n.kind == NodeKind::Table) {
    b.tables.push_back(&n);
    b.in_functions = b.summary_pending = false;
    return;
  }
  if (!is_line(n)) return;
  const FieldName field(n.text);
  if (names_summary(field.view())) {
    b.summary = text::strip_item_end(field_value(n.text));
    b.summary_pending = b.summary.empty();
    b.in_functions = false;
    return;
  }
  if (names_functions(field.view())) {
    b.in_functions = true;
    b.summary_pending = false;
    for (const Node& c : n.children)  // the items written under the field
      if (is_list_item(c.kind) || c.kind == NodeKind::Text) b.functions.push_back(item_text(c));
    return;
  }
  if (b.summary_pending && n.kind == NodeKind::Text) {
    b.summary = item_text(n);
    b.summary_pending = false;
    return;
  }
  if (!field.empty() && !b.in_functions) return;  // "Kode Jabatan : ...", "Eselon"
  if (b.in_functions) {
    const std::string item = item_text(n);
    if (!item.empty()) b.functions.push_back(item);
  }
}

// The position a table outside any block belongs to: named by the last title line since the
// table before (`since`), else by the signature below it (before the next table, a few nodes on).
std::string title_around(const std::vector<Node>& nodes, std::size_t since, std::size_t table) {
  std::string title;
  for (std::size_t i = since; i < table; ++i)
    if (is_line(nodes[i])) {
      if (std::string t = position_in_title_line(nodes[i].text); !t.empty()) title = std::move(t);
    }
  if (!title.empty()) return title;
  constexpr std::size_t kSignatureReach = 8;
  for (std::size_t i = table + 1; i < nodes.size() && i <= table + kSignatureReach; ++i) {
    if (nodes[i].kind == NodeKind::Table || is_title_field(nodes[i])) break;
    if (is_line(nodes[i])) {
      if (std::string t = position_in_signature(nodes[i].text); !t.empty()) return t;
    }
  }
  return {};
}

// A table that no "Jabatan :" field names, as a block of its own when a title line above it or
// the signature below it names its position.
void read_untitled(const std::vector<Node>& nodes, std::size_t since, std::size_t table,
                   std::vector<Block>& blocks) {
  std::string title = title_around(nodes, since, table);
  if (title.empty()) return;
  Block b;
  b.title = std::move(title);
  b.span = nodes[table].span;
  b.tables.push_back(&nodes[table]);
  blocks.push_back(std::move(b));
}

// The blocks under `root`, in document order. A block starts at a title field and takes the nodes
// that follow it in the same container (and the title's own children), up to the next title or
// the next part; a table outside blocks is one when a title line or a signature names its
// position. Containers without blocks are searched inside; depth is the tree's.
void read_blocks(const Node& root, std::vector<Block>& blocks) {
  bool open = false;
  std::size_t since = 0;  // the first node after the last table
  for (std::size_t i = 0; i < root.children.size(); ++i) {
    const Node& n = root.children[i];
    if (n.kind == NodeKind::Table && !open) read_untitled(root.children, since, i, blocks);
    if (n.kind == NodeKind::Table) since = i + 1;
    if (is_title_field(n)) {
      Block b;
      b.title = field_value(n.text);
      b.span = n.span;
      for (const Node& c : n.children) feed(b, c);
      blocks.push_back(std::move(b));
      open = true;
      continue;
    }
    if (open && (!is_part(n.kind) || (n.kind == NodeKind::Heading && !FieldName(n.text).empty()))) {
      feed(blocks.back(), n);
      continue;
    }
    open = false;
    if (!n.children.empty() && n.kind != NodeKind::Table) read_blocks(n, blocks);
  }
}

// ---- Tables ----

struct Columns {
  int number = -1, sasaran = -1, indikator = -1, formula = -1, sumber = -1;
  bool usable() const { return indikator >= 0 && formula >= 0; }
};

// The columns a header row names (table_cells.hpp's vocabulary); "KINERJA" names the sasaran
// only when no column says "sasaran" before it.
Columns header_columns(const std::vector<std::string>& cells) {
  Columns c;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int idx = static_cast<int>(i);
    switch (iki_column_of(cells[i])) {
      case IkiColumn::Number:
        c.number = idx;
        break;
      case IkiColumn::Sasaran:
        if (c.sasaran < 0 || text::ifind(cells[i], "sasaran") != std::string::npos) c.sasaran = idx;
        break;
      case IkiColumn::Indikator:
        c.indikator = idx;
        break;
      case IkiColumn::Formula:
        c.formula = idx;
        break;
      case IkiColumn::SumberData:
        c.sumber = idx;
        break;
      case IkiColumn::Other:
        break;
    }
  }
  return c;
}

std::string cell(const std::vector<std::string>& cells, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? text::collapse_spaces(cells[i])
                                                              : std::string();
}

// The cell as written (cell's text before it is single-spaced), or "" for a column not there.
std::string_view cell_view(const std::vector<std::string>& cells, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? std::string_view(cells[i])
                                                              : std::string_view();
}

// "1 2 3 4 5" (or "(1) (2) ..."): the row that numbers the columns.
bool is_column_numbers(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string c(text::trim(cells[i]));
    if (c.size() >= 2 && c.front() == '(' && c.back() == ')') c = c.substr(1, c.size() - 2);
    if (c != std::to_string(i + 1)) return false;
  }
  return true;
}

// "1`", "1.", " 2 " -> "1", "1", "2"; a cell without a leading number is kept as written.
std::string row_number(const std::string& s) {
  const std::string_view t = text::trim(s);
  std::size_t n = 0;
  while (n < t.size() && text::is_digit(t[n])) ++n;
  return n > 0 ? std::string(t.substr(0, n)) : std::string(t);
}

// The rows of a block's tables. A table without a header row continues the one before it (a
// table broken by a page).
IkiTable read_table(const Block& b) {
  IkiTable table;
  Columns cols;
  std::string sasaran;
  for (const Node* t : b.tables) {
    bool header_seen = false;
    int scanned = 0;
    for (const Node& row : t->children) {
      if (row.kind != NodeKind::Row) continue;
      if (!header_seen && scanned < 3) {
        ++scanned;
        const Columns h = header_columns(row.cells);
        if (h.usable()) {
          cols = h;
          header_seen = true;
          table.source.extend(row.span.first_line);
          continue;
        }
      }
      if (!cols.usable()) continue;
      if (is_column_numbers(row.cells)) continue;
      IkiRow r;
      r.number = row_number(cell(row.cells, cols.number));
      r.sasaran = cell(row.cells, cols.sasaran);
      if (r.sasaran.empty() && !sasaran.empty()) {
        r.sasaran = sasaran;
        r.sasaran_carried = true;
      }
      sasaran = r.sasaran;
      r.indikator = cell(row.cells, cols.indikator);
      // The cell as written: read_formula single-spaces it first (cell's copy, made again), and
      // a cell that is white space alone (empty once single-spaced) holds no formula.
      if (const std::string_view formula = cell_view(row.cells, cols.formula);
          !text::trim(formula).empty())
        r.formula = read_formula(formula);
      r.sumber_data = cell(row.cells, cols.sumber);
      r.source = row.span;
      if (r.indikator.empty() && r.formula.text.empty()) continue;
      table.source.extend(row.span.first_line);
      table.source.extend(row.span.last_line);
      table.rows.push_back(std::move(r));
    }
  }
  return table;
}

// ---- Positions and units ----

bool starts_with_word(std::string_view key, std::string_view word) {
  return key.size() >= word.size() && key.compare(0, word.size(), word) == 0 &&
         (key.size() == word.size() || key[word.size()] == ' ');
}

// Whether a name may begin a unit's kind: every kind unit_kind_of_name knows starts with one of
// the letters s, b, u, i, k, a, and a name that starts with another letter (its key with that
// letter, lowered) names no unit, which is told without making its key.
bool may_start_unit_kind(std::string_view name) {
  if (name.empty() || !text::is_alpha(name.front())) return true;
  switch (name.front() | 0x20) {
    case 's':
    case 'b':
    case 'u':
    case 'i':
    case 'k':
    case 'a':
      return true;
    default:
      return false;
  }
}

// The unit a title names, without "Kepala ": "Kepala Bidang X" and "Bidang X" -> "Bidang X"; a
// view into the title (empty when it names none), so that asking whether it names one copies
// nothing.
std::string_view unit_named_by(const std::string& title) {
  const std::string_view rest =
      text::istarts_with(title, "Kepala ") ? std::string_view(title).substr(7) : title;
  if (!may_start_unit_kind(rest)) return {};
  const auto kind = unit_kind_of_name(rest);
  if (!kind || *kind == UnitKind::KelompokJabatanFungsional) return {};
  return rest;
}

bool is_secretary(const std::string& title) {
  const std::string key = text::name_key(title);
  return starts_with_word(key, "sekretaris") && !starts_with_word(key, "sekretaris daerah");
}

// What is_agency_head reads of a title on the way, which position_for asks of the same title
// again: where the unit it names starts in it (unit_named_by; npos when it names none) and, when
// it names none, its kind (position_kind_of_title). Both read the title's words against every kind
// of unit and position.
struct TitleFacts {
  std::size_t unit_at = std::string::npos;
  std::optional<PositionKind> kind;
};

// The head of the agency: "Kepala Badan ...", "Kepala Dinas ...", "Inspektur", or "Kepala" and the
// agency's kind when the text named one. `facts` is set to what was read of the title.
bool is_agency_head(const std::string& title, const Extraction& out, TitleFacts& facts) {
  facts = {};
  if (const std::string_view unit = unit_named_by(title); !unit.empty()) {
    facts.unit_at = static_cast<std::size_t>(unit.data() - title.data());
    return false;
  }
  facts.kind = position_kind_of_title(title);
  if (*facts.kind == PositionKind::JptPratama) return true;
  const std::string key = text::name_key(title);
  if (out.agency && !out.agency->kind.empty() &&
      starts_with_word(key, "kepala " + text::name_key(out.agency->kind)))
    return true;
  static constexpr std::array<std::string_view, 4> kAgencies = {"kepala kantor", "kepala satuan",
                                                                "kepala inspektorat", "camat"};
  return std::any_of(kAgencies.begin(), kAgencies.end(),
                     [&](std::string_view a) { return starts_with_word(key, a); });
}

// "Kepala Badan Pengelola Perbatasan Daerah Kab. Kapuas Hulu" -> "Kepala Badan Pengelola
// Perbatasan Daerah": the region the agency belongs to is not part of the position's title.
std::string strip_region(std::string title, const Extraction& out) {
  // The agency's own name, when the text gave it: what follows it is the region.
  if (out.agency && !out.agency->name.empty()) {
    const std::string head = "Kepala " + out.agency->name;
    if (text::istarts_with(title, head) && title.size() > head.size() && title[head.size()] == ' ')
      return title.substr(0, head.size());
  }
  static constexpr std::array<std::string_view, 8> kRegions = {
      " Kab. ",     " Kab ",   " Kabupaten ", " Kota ",
      " Provinsi ", " Prov. ", " Prov ",      " Pemerintah "};
  std::size_t cut = std::string::npos;
  for (std::string_view r : kRegions) {
    std::size_t p = text::ifind(title, r);
    // "Dinas Tata Kota" names a field of work, not a region.
    if (p != std::string::npos && r == " Kota " && p >= 5 &&
        text::iends_with(title.substr(0, p), " Tata"))
      p = text::ifind(title, r, p + 1);
    if (p != std::string::npos && p > 0 && p < cut) cut = p;
  }
  if (cut != std::string::npos) title.resize(cut);
  return title;
}

// A block's title as a position's, and whether it is the agency's head (is_agency_head of it),
// which the cleaning asks already, with what that read of it.
struct CleanTitle {
  std::string title;
  bool agency_head = false;
  TitleFacts facts;
};

CleanTitle clean_title(const std::string& written, const Extraction& out) {
  std::string title = text::strip_item_end(text::collapse_spaces(written));
  if (text::is_upper_text(title)) title = text::title_case(title);
  TitleFacts facts;
  if (!is_agency_head(title, out, facts)) return {std::move(title), false, facts};
  std::string stripped = strip_region(title, out);
  if (stripped == title) return {std::move(title), true, facts};
  const bool head = is_agency_head(stripped, out, facts);
  return {std::move(stripped), head, facts};
}

const Unit* unit_by_name(const Extraction& out, const std::string& name) {
  const std::string key = text::name_key(name);
  for (const Unit& u : out.units)
    if (text::name_key(u.name) == key) return &u;
  return nullptr;
}

const Position* agency_head(const Extraction& out) {
  for (const Position& p : out.positions)
    if (p.kind == PositionKind::JptPratama && p.superior.empty()) return &p;
  return nullptr;
}

// The structural head of a unit (the position that leads it), or nullptr.
const Position* head_of(const Extraction& out, const std::string& unit) {
  if (unit.empty()) return nullptr;
  for (const Position& p : out.positions)
    if (p.unit == unit && (p.kind == PositionKind::Administrator ||
                           p.kind == PositionKind::Pengawas || p.kind == PositionKind::JptPratama))
      return &p;
  return nullptr;
}

// The unit a structural title leads: found among the units, or (when the text set up no units)
// created. Empty when the title leads no unit. `unit_named` is unit_named_by(title).
std::string unit_for(const std::string& title, std::string_view unit_named,
                     const std::string& administrator, bool derive, const SourceSpan& span,
                     Extraction& out) {
  std::string name = is_secretary(title) ? std::string("Sekretariat") : std::string(unit_named);
  if (name.empty()) return {};
  if (const Unit* u = unit_by_name(out, name)) return u->id;
  if (!derive) return {};
  Unit u;
  u.id = out.next_unit_id();
  u.name = text::is_upper_text(name) ? text::title_case(name) : name;
  u.kind = *unit_kind_of_name(name);
  u.source = span;
  if (u.kind == UnitKind::SubBagian) {
    for (const Unit& parent : out.units)
      if (parent.kind == UnitKind::Sekretariat) u.parent = parent.id;
  }
  if (u.parent.empty() && (u.kind == UnitKind::SubBagian || u.kind == UnitKind::Seksi ||
                           u.kind == UnitKind::SubBidang)) {
    if (const Position* a = out.position_by_id(administrator)) u.parent = a->unit;
  }
  out.units.push_back(std::move(u));
  return out.units.back().id;
}

// The position a block names; created (with its unit, when `derive`) when the text established
// none. `administrator` is the nearest Administrator-level position above the block.
// The name keys of the positions' titles, made once each: the IKI reading only adds positions
// and renames none, so a lookup (Extraction::find_position keys every title again) needs only the
// keys of the positions added since the last one.
class TitleKeys {
 public:
  Position* find(const std::string& title, Extraction& out) {
    for (std::size_t i = keys_.size(); i < out.positions.size(); ++i)
      keys_.push_back(text::name_key(out.positions[i].title));
    const std::string key = text::name_key(title);
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] == key) return &out.positions[i];
    return nullptr;
  }

 private:
  std::vector<std::string> keys_;  // of out.positions[0 .. size)
};

Position& position_for(const Block& b, const std::string& administrator, bool derive,
                       Extraction& out, TitleKeys& titles) {
  const CleanTitle clean = clean_title(b.title, out);
  const std::string& title = clean.title;
  if (Position* p = titles.find(title, out)) return *p;
  // unit_named_by(title) and position_kind_of_title(title), as the cleaning read them.
  const bool names_unit = clean.facts.unit_at != std::string::npos;
  const std::string_view unit_named =
      names_unit ? std::string_view(title).substr(clean.facts.unit_at) : std::string_view();
  if (names_unit && !text::istarts_with(title, "Kepala ")) {
    if (Position* p = titles.find("Kepala " + title, out)) return *p;
  }
  Position p;
  p.id = out.next_position_id();
  p.title = names_unit && !text::istarts_with(title, "Kepala ") ? "Kepala " + title : title;
  p.source = b.span;
  const bool head = clean.agency_head;
  p.kind = head               ? PositionKind::JptPratama
           : clean.facts.kind ? *clean.facts.kind
                              : position_kind_of_title(title);
  const Position* top = agency_head(out);
  const std::string top_id = top ? top->id : std::string();
  const Position* admin = out.position_by_id(administrator);
  if (head) {
    // The top of the agency: no superior, no unit.
  } else if (p.kind == PositionKind::Administrator || p.kind == PositionKind::Pengawas) {
    p.unit = unit_for(title, unit_named, administrator, derive, b.span, out);
    const Unit* unit = out.unit_by_id(p.unit);
    const Position* parent_head = unit ? head_of(out, unit->parent) : nullptr;
    if (parent_head)
      p.superior = parent_head->id;
    else if (p.kind == PositionKind::Pengawas && admin)
      p.superior = admin->id;
    else
      p.superior = top_id;
  } else {  // Fungsional, Pelaksana: under the nearest Administrator above the block
    if (admin) {
      p.superior = admin->id;
      p.unit = admin->unit;
    } else {
      p.superior = top_id;
    }
  }
  out.positions.push_back(std::move(p));
  return out.positions.back();
}

}  // namespace

void extract_iki(const Document& doc, Extraction& out) {
  std::vector<const Node*> roots;
  for (const Annex& a : doc.annexes) roots.push_back(&a.content);
  roots.push_back(&doc.body);
  const bool derive_units = out.units.empty();
  TitleKeys titles;
  for (const Node* root : roots) {
    std::vector<Block> blocks;
    read_blocks(*root, blocks);
    std::string administrator;  // id of the nearest Administrator-level position above
    for (const Block& b : blocks) {
      if (b.tables.empty() || text::trim(b.title).empty()) continue;
      IkiTable table = read_table(b);
      if (table.rows.empty()) continue;
      Position& p = position_for(b, administrator, derive_units, out, titles);
      if (p.summary.empty()) p.summary = b.summary;
      if (p.functions.empty()) p.functions = b.functions;
      if (p.kind == PositionKind::Administrator) administrator = p.id;
      if (p.kind == PositionKind::JptPratama) administrator.clear();
      table.position = p.id;
      out.iki.push_back(std::move(table));
    }
  }
}

}  // namespace tatakerja::regulation
