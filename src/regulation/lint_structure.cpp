// The organisation the text establishes:
//   STRUCTURE_LIMIT               more Bidang than the agency's type allows;
//   ESELON_MISMATCH               the articles and the annex block give a position another eselon;
//   UNIT_WITHOUT_JOB_DESCRIPTION  a unit whose head has no duties while others have them;
//   JOB_DESCRIPTION_WITHOUT_UNIT  an annex job-description block ("NAMA JABATAN : X") for a
//                                 position the structure does not have.
#include <algorithm>

#include "core/text.hpp"
#include "lint_rules.hpp"

namespace tatakerja::regulation::lint_rules {
namespace {

// "II-A", "II.a", "II/a", "ii a" -> "II.A"
std::string eselon_key(std::string_view s) {
  std::string k;
  for (char c : text::trim(s)) {
    if (c == '-' || c == '/' || c == ' ' || c == '.') {
      if (!k.empty() && k.back() != '.') k.push_back('.');
    } else if (c != '*') {
      k.push_back(c);
    }
  }
  while (!k.empty() && k.back() == '.') k.pop_back();
  return text::to_upper(k);
}

bool described(const Position& p) {
  return !p.duties.empty() || !p.summary.empty();
}

bool starts_with_word(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
         (s.size() == prefix.size() || s[prefix.size()] == ' ');
}

// The name keys a block title is compared with, made once for all blocks: each position's title,
// the agency's name and short name, the region.
struct StructureKeys {
  std::vector<std::string> positions;  // as x.positions
  std::string agency, short_name;      // empty without an agency
  std::string region;
};

StructureKeys structure_keys(const Extraction& x) {
  StructureKeys k;
  k.positions.reserve(x.positions.size());
  for (const Position& p : x.positions) k.positions.push_back(text::name_key(p.title));
  if (x.agency) {
    k.agency = text::name_key(x.agency->name);
    k.short_name =
        text::name_key(x.agency->short_name.empty() ? x.agency->kind : x.agency->short_name);
  }
  k.region = text::name_key(x.regulation.region);
  return k;
}

// The block title names the position (its title keyed as `key`): the same name, or the name
// followed by the agency's name and region ("KEPALA BADAN PENGELOLA PERBATASAN DAERAH" is the
// agency head "Kepala Badan"; "KEPALA DINAS KOPERASI ... PROVINSI NTT" is "Kepala Dinas").
bool names_position(const std::string& block, const std::string& key, const StructureKeys& keys,
                    const Extraction& x) {
  if (key.empty()) return false;
  if (block == key) return true;
  if (!starts_with_word(block, key)) return false;
  std::string rest(text::trim(std::string_view(block).substr(key.size())));
  if (x.agency) {
    // "kepala badan" + "pengelola perbatasan daerah": the agency's name after its short name.
    const std::string& agency = keys.agency;
    const std::string& shortn = keys.short_name;
    if (!shortn.empty() && starts_with_word(agency, shortn) && agency.size() > shortn.size()) {
      const std::string tail(text::trim(std::string_view(agency).substr(shortn.size())));
      if (starts_with_word(rest, tail))
        rest = std::string(text::trim(std::string_view(rest).substr(tail.size())));
    }
    if (starts_with_word(rest, agency))
      rest = std::string(text::trim(std::string_view(rest).substr(agency.size())));
  }
  if (rest.empty()) return true;
  // What is left may only be the region: "provinsi nusa tenggara timur", "provinsi ntt".
  if (rest == keys.region) return true;
  for (const char* w : {"provinsi", "kabupaten", "kota"})
    if (starts_with_word(rest, w)) return true;
  return false;
}

// Whether a label's letters, in order and in either case, are those of "nama jabatan" and it has
// no byte that a name key keeps besides them and digits: what a label keying to "nama jabatan"
// (after an item number) must have. Most labels are told by this without the key.
bool may_key_to_job_title(std::string_view label) {
  constexpr std::string_view kLetters = "namajabatan";
  std::size_t matched = 0;
  for (const char c : label) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (!text::is_alpha(c)) continue;
    if (matched == kLetters.size() || (c | 0x20) != kLetters[matched]) return false;
    ++matched;
  }
  return matched == kLetters.size();
}

// Whether a text may start with a label may_key_to_job_title takes: its first letter (or byte
// past ASCII) is an 'n'. Any label cut from its start is told by that letter, so that most texts
// and rows are not searched for a colon at all.
bool may_start_job_title(std::string_view t) {
  for (const char c : t)
    if (text::is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) return (c | 0x20) == 'n';
  return false;
}

// The position a job-description block names: "NAMA JABATAN : X" in a list item or a table row.
void job_blocks(const Node& n, std::vector<std::pair<std::string, int>>& out) {
  auto take = [&](std::string_view label, std::string_view value, int line) {
    // Most labels are told by their first letter (not an 'n') and not keyed at all.
    if (!may_key_to_job_title(label)) return;
    std::string l = text::name_key(label);
    // "1 nama jabatan" (the item number kept in a table cell)
    while (!l.empty() && (text::is_digit(l.front()) || l.front() == ' ')) l.erase(0, 1);
    if (l != "nama jabatan") return;
    std::string v = text::collapse_spaces(value);
    while (!v.empty() && (v.front() == ':' || v.front() == ' ' || v.front() == '*')) v.erase(0, 1);
    while (!v.empty() && (v.back() == '*' || v.back() == ' ')) v.pop_back();
    if (!v.empty()) out.emplace_back(v, line);
  };
  if ((is_list_item(n.kind) || n.kind == NodeKind::Text) && may_start_job_title(n.text)) {
    const std::size_t colon = n.text.find(':');
    if (colon != std::string::npos)
      take(std::string_view(n.text).substr(0, colon), std::string_view(n.text).substr(colon + 1),
           n.span.first_line);
  } else if (n.kind == NodeKind::Row && n.cells.size() >= 2 && may_start_job_title(n.cells[0])) {
    // Views into the row's cells: most rows are no block title and need no copies.
    std::string_view value;
    for (std::size_t i = 1; i < n.cells.size(); ++i) {
      const std::string_view c = text::trim(n.cells[i]);
      if (c.empty() || c == ":") continue;
      value = c;
      break;
    }
    std::string_view label = n.cells[0];
    const auto colon = label.find(':');
    if (colon != std::string::npos) {  // "NAMA JABATAN : X" in one cell
      if (value.empty()) value = label.substr(colon + 1);
      label = label.substr(0, colon);
    }
    take(label, value, n.span.first_line);
  }
  for (const Node& c : n.children) job_blocks(c, out);
}

}  // namespace

void check_structure(const Document& doc, const Extraction& x, std::vector<Finding>& out) {
  if (x.agency && x.agency->max_bidang) {
    const auto bidang = std::count_if(x.units.begin(), x.units.end(),
                                      [](const Unit& u) { return u.kind == UnitKind::Bidang; });
    if (bidang > *x.agency->max_bidang) {
      int line = 0;
      for (const Unit& u : x.units)
        if (u.kind == UnitKind::Bidang) line = u.source.first_line;  // the one over the limit
      add(out, "STRUCTURE_LIMIT", Severity::Error, line,
          x.agency->name + (x.agency->type.empty() ? "" : " (Tipe " + x.agency->type + ")") +
              " paling banyak mempunyai " + std::to_string(*x.agency->max_bidang) +
              " bidang, tetapi susunan organisasinya memuat " + std::to_string(bidang) +
              " bidang.");
    }
  }
  for (const Position& p : x.positions)
    if (!p.eselon.empty() && !p.eselon_annex.empty() &&
        eselon_key(p.eselon) != eselon_key(p.eselon_annex))
      add(out, "ESELON_MISMATCH", Severity::Error,
          p.duties_source.first_line ? p.duties_source.first_line : p.source.first_line,
          p.title + " menurut pasal ber-eselon " + p.eselon + ", menurut lampiran " +
              p.eselon_annex + ".");
  // Job descriptions: when the text describes some positions, each unit's head needs one.
  const bool describes = std::any_of(x.positions.begin(), x.positions.end(), described);
  if (describes) {
    for (const Unit& u : x.units) {
      if (u.kind == UnitKind::KelompokJabatanFungsional || u.kind == UnitKind::Uptd) continue;
      bool has_description = false;
      for (const Position& p : x.positions)
        if (p.unit == u.id && described(p)) has_description = true;
      if (!has_description)
        add(out, "UNIT_WITHOUT_JOB_DESCRIPTION", Severity::Warning, u.source.first_line,
            u.name + " dibentuk, tetapi uraian tugas kepalanya tidak ada dalam naskah ini.");
    }
  }
  // Annex blocks naming a position the structure does not have.
  if (x.positions.empty()) return;
  std::vector<std::pair<std::string, int>> blocks;
  for (const Annex& a : doc.annexes) job_blocks(a.content, blocks);
  if (blocks.empty()) return;
  const StructureKeys keys = structure_keys(x);
  for (const auto& [title, line] : blocks) {
    const std::string key = text::name_key(title);
    const bool known =
        std::any_of(keys.positions.begin(), keys.positions.end(),
                    [&](const std::string& p) { return names_position(key, p, keys, x); });
    if (!known)
      add(out, "JOB_DESCRIPTION_WITHOUT_UNIT", Severity::Warning, line,
          "Lampiran memuat uraian tugas jabatan \"" + title +
              "\", tetapi jabatan itu tidak ada dalam susunan organisasi.");
  }
}

}  // namespace tatakerja::regulation::lint_rules
