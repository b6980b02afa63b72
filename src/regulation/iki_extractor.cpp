// IKI tables (Indikator Kinerja Individu), as an agency decree's Lampiran lists them: for each
// position a "Jabatan : ..." block with its Tugas Pokok and Fungsi, then a table of sasaran,
// indikator, formula and sumber data. When the text has no structure article, the positions and
// units the blocks name are created here, with superiors by the order of the blocks.
#include <algorithm>

#include "core/text.hpp"
#include "regulation/extraction.hpp"
#include "regulation/formula.hpp"

namespace tatakerja::regulation {
namespace {

std::string field_value(std::string_view s) {
  const std::size_t c = s.find(':');
  return c == std::string_view::npos ? std::string() : text::collapse_spaces(s.substr(c + 1));
}

bool field_is(std::string_view s, std::string_view name) {
  const std::size_t c = s.find(':');
  return c != std::string_view::npos && text::iequals(text::trim(s.substr(0, c)), name);
}

struct Columns {
  int number = -1, sasaran = -1, indikator = -1, formula = -1, sumber = -1;
  bool usable() const { return indikator >= 0 && formula >= 0; }
};

Columns header_columns(const std::vector<std::string>& cells) {
  Columns c;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string k = text::to_lower(cells[i]);
    const int idx = static_cast<int>(i);
    if (k.rfind("no", 0) == 0 && k.size() <= 3)
      c.number = idx;
    else if (k.find("sasaran") != std::string::npos)
      c.sasaran = idx;
    else if (k.find("indikator") != std::string::npos)
      c.indikator = idx;
    else if (k.find("formula") != std::string::npos || k.find("rumus") != std::string::npos)
      c.formula = idx;
    else if (k.find("sumber") != std::string::npos)
      c.sumber = idx;
    else if (k == "kinerja" && c.sasaran < 0)
      c.sasaran = idx;
  }
  return c;
}

std::string cell(const std::vector<std::string>& cells, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? text::collapse_spaces(cells[i])
                                                              : std::string();
}

bool is_column_numbers(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (text::trim(cells[i]) != std::to_string(i + 1)) return false;
  return !cells.empty();
}

std::string row_number(std::string s) {
  std::string digits;
  for (char ch : s)
    if (text::is_digit(ch)) digits.push_back(ch);
  return digits;
}

// "Kepala Badan Pengelola Perbatasan Daerah Kab. Kapuas Hulu" -> without the region.
std::string clean_title(std::string title) {
  for (std::string_view level : {" Kab. ", " Kabupaten ", " Provinsi ", " Kota "}) {
    const std::size_t p = text::ifind(title, level);
    if (p != std::string::npos && p > 0) title.resize(p);
  }
  title = text::strip_item_end(title);
  return text::is_upper_text(title) ? text::title_case(title) : title;
}

struct Block {
  std::string title;
  std::string summary;
  std::vector<std::string> functions;
  bool in_functions = false;
  const Node* table = nullptr;
  SourceSpan span;
};

std::vector<Block> read_blocks(const Node& root) {
  std::vector<Block> blocks;
  for (const Node& n : root.children) {
    if (n.kind == NodeKind::Text && field_is(n.text, "Jabatan")) {
      blocks.push_back({});
      blocks.back().title = clean_title(field_value(n.text));
      blocks.back().span = n.span;
      continue;
    }
    if (blocks.empty()) continue;
    Block& b = blocks.back();
    b.span.extend(n.span.last_line);
    if (n.kind == NodeKind::Text && field_is(n.text, "Tugas Pokok")) {
      b.summary = text::strip_item_end(field_value(n.text));
      b.in_functions = false;
    } else if (n.kind == NodeKind::Text && field_is(n.text, "Fungsi")) {
      b.in_functions = true;
    } else if (n.kind == NodeKind::Table) {
      if (!b.table) b.table = &n;
      b.in_functions = false;
    } else if (b.in_functions && (is_list_item(n.kind) || n.kind == NodeKind::Text)) {
      b.functions.push_back(text::strip_item_end(n.full_text()));
    }
  }
  return blocks;
}

// The position a block names; created (with its unit) when the text established none.
Position& position_for(const Block& b, const std::string& last_administrator, Extraction& out) {
  if (Position* p = out.find_position(b.title)) return *p;
  Position p;
  p.id = out.next_position_id();
  p.title = b.title;
  p.source = b.span;
  std::string unit_name;
  const std::string key = text::name_key(b.title);
  const bool head_of_agency =
      out.agency && text::istarts_with(b.title, "Kepala " + out.agency->kind + " ");
  const auto unit_kind =
      unit_kind_of_name(key.rfind("kepala ", 0) == 0 ? b.title.substr(7) : b.title);
  if (head_of_agency) {
    p.kind = PositionKind::JptPratama;
  } else if (key == "sekretaris") {
    p.kind = PositionKind::Administrator;
    unit_name = "Sekretariat";
  } else if (unit_kind && *unit_kind != UnitKind::KelompokJabatanFungsional) {
    unit_name = key.rfind("kepala ", 0) == 0 ? b.title.substr(7) : b.title;
    p.kind = (*unit_kind == UnitKind::Bidang || *unit_kind == UnitKind::Bagian)
                 ? PositionKind::Administrator
                 : PositionKind::Pengawas;
    if (key.rfind("kepala ", 0) != 0) p.title = "Kepala " + b.title;
  } else {
    p.kind = position_kind_of_title(b.title);
  }
  const Position* head = out.positions.empty() ? nullptr : &out.positions.front();
  const Position* admin = out.position_by_id(last_administrator);
  if (!unit_name.empty()) {
    Unit u;
    u.id = out.next_unit_id();
    u.name = text::title_case(unit_name);
    u.kind = *unit_kind_of_name(unit_name);
    u.source = b.span;
    if (u.kind == UnitKind::SubBagian || u.kind == UnitKind::Seksi ||
        u.kind == UnitKind::SubBidang) {
      for (const Unit& parent : out.units)
        if (parent.kind == UnitKind::Sekretariat || parent.kind == UnitKind::Bidang)
          u.parent = parent.id;  // the latest Sekretariat or Bidang above it
      if (admin) u.parent = admin->unit;
    }
    p.unit = u.id;
    out.units.push_back(std::move(u));
  }
  if (!head_of_agency && head) p.superior = head->id;
  if (p.kind == PositionKind::Pengawas && admin) p.superior = admin->id;
  if ((p.kind == PositionKind::Fungsional || p.kind == PositionKind::Pelaksana) && admin) {
    p.superior = admin->id;
    p.unit = admin->unit;
  }
  out.positions.push_back(std::move(p));
  return out.positions.back();
}

}  // namespace

void extract_iki(const Document& doc, Extraction& out) {
  std::vector<const Node*> roots;
  for (const Annex& a : doc.annexes) roots.push_back(&a.content);
  roots.push_back(&doc.body);
  const bool had_positions = !out.positions.empty();
  for (const Node* root : roots) {
    std::string last_administrator;
    for (const Block& b : read_blocks(*root)) {
      if (!b.table || b.title.empty()) continue;
      Position& p = position_for(b, last_administrator, out);
      if (!had_positions) {
        if (p.summary.empty()) p.summary = b.summary;
        if (p.functions.empty()) p.functions = b.functions;
      }
      if (p.kind == PositionKind::Administrator || p.kind == PositionKind::JptPratama)
        last_administrator = p.kind == PositionKind::Administrator ? p.id : std::string();
      IkiTable table;
      table.position = p.id;
      table.source = b.table->span;
      Columns cols;
      std::string sasaran;
      for (const Node& row : b.table->children) {
        if (!cols.usable()) {
          cols = header_columns(row.cells);
          continue;
        }
        if (is_column_numbers(row.cells)) continue;
        IkiRow r;
        r.number = row_number(cell(row.cells, cols.number));
        r.sasaran = cell(row.cells, cols.sasaran);
        if (r.sasaran.empty()) {
          r.sasaran = sasaran;
          r.sasaran_carried = true;
        }
        sasaran = r.sasaran;
        r.indikator = cell(row.cells, cols.indikator);
        r.formula = read_formula(cell(row.cells, cols.formula));
        r.sumber_data = cell(row.cells, cols.sumber);
        r.source = row.span;
        if (r.indikator.empty() && r.formula.text.empty()) continue;
        table.rows.push_back(std::move(r));
      }
      if (!table.rows.empty()) out.iki.push_back(std::move(table));
    }
  }
}

}  // namespace tatakerja::regulation
