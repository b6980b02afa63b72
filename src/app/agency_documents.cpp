// The documents of an agency, read from the registry (app/agency_documents.hpp).
#include "app/agency_documents.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tatakerja::app {
namespace {

// The current holders of each position of the agency (definitive ones first).
std::unordered_map<org::Id, std::vector<org::Holder>> holders_by_position(org::OrgStore& store,
                                                                          org::Id agency_id) {
  std::unordered_map<org::Id, std::vector<org::Holder>> out;
  for (auto& h : store.holders_of_agency(agency_id))
    out[h.placement.position_id].push_back(std::move(h));
  return out;
}

const org::Holder* definitive_of(const std::vector<org::Holder>* holders) {
  if (holders == nullptr) return nullptr;
  for (const auto& h : *holders)
    if (h.placement.kind == org::PlacementKind::Definitive) return &h;
  return nullptr;
}

const org::Holder* acting_of(const std::vector<org::Holder>* holders) {
  if (holders == nullptr) return nullptr;
  for (const auto& h : *holders)
    if (h.placement.kind != org::PlacementKind::Definitive) return &h;
  return nullptr;
}

std::string acting_prefix(org::PlacementKind k) {
  return k == org::PlacementKind::Plh ? "Plh. " : "Plt. ";
}

// "Nama", "Plt. Nama" or "Lowong".
std::string holder_text(const std::vector<org::Holder>* holders) {
  if (const auto* d = definitive_of(holders)) return d->employee.name;
  if (const auto* a = acting_of(holders))
    return acting_prefix(a->placement.kind) + a->employee.name;
  return "Lowong";
}

std::unordered_map<org::Id, std::string> unit_names(org::OrgStore& store, org::Id agency_id) {
  std::unordered_map<org::Id, std::string> out;
  for (auto& u : store.units_of_agency(agency_id, false)) out.emplace(u.id, std::move(u.name));
  return out;
}

std::string unit_of(const std::unordered_map<org::Id, std::string>& units,
                    const std::optional<org::Id>& id) {
  if (!id) return "";
  const auto it = units.find(*id);
  return it == units.end() ? "" : it->second;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& m, org::Id id) {
  const auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

// An XLSX sheet name: at most 31 characters.
std::string sheet_name(std::string_view what) {
  return std::string(what.substr(0, 31));
}

// The top-level units without a head position (a UPTD whose structure another regulation gives,
// the Kelompok Jabatan Fungsional): each is drawn as a box of its own under the agency's head, as
// a regulation's Lampiran I draws them, with the positions of the unit that report to the head
// hung under it. A unit's box id is the unit's id negated, so that it meets no position's.
std::vector<documents::ChartBox> headless_top_units(org::OrgStore& store, org::Id agency_id) {
  std::vector<documents::ChartBox> out;
  for (const auto& u : store.units_with_heads(agency_id)) {
    if (u.unit.parent_id || u.head_position_id) continue;
    documents::ChartBox b;
    b.id = -u.unit.id;
    b.title = u.unit.name;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

documents::ChartSource agency_chart_source(org::OrgStore& store, const org::Agency& agency,
                                           bool with_holders) {
  documents::ChartSource s;
  s.agency_name = agency.name;
  if (const auto region = store.region(agency.region_id)) s.region_name = region->name;
  if (const auto g = store.regulation(agency.regulation_id)) {
    s.regulation_kind = g->kind;
    s.number = g->number;
    s.year = g->year ? std::to_string(*g->year) : "";
    s.regulation_title = g->title;
  }
  const auto holders = with_holders ? holders_by_position(store, agency.id)
                                    : std::unordered_map<org::Id, std::vector<org::Holder>>{};
  auto units = headless_top_units(store, agency.id);
  std::unordered_set<org::Id> headless;
  for (const auto& u : units) headless.insert(-u.id);
  long long head = 0;  // the agency head's box: the first at the top
  for (const auto& p : store.position_briefs_of_agency(agency.id)) {
    documents::ChartBox b;
    b.id = p.id;
    b.superior_id = p.superior_id.value_or(0);
    b.title = p.title;
    if (with_holders) b.holder = holder_text(find_in(holders, p.id));
    if (head == 0 && b.superior_id == 0) head = b.id;
    if (p.unit_id && headless.contains(*p.unit_id) && b.superior_id == head && head != 0)
      b.superior_id = -*p.unit_id;
    s.boxes.push_back(std::move(b));
  }
  for (auto& u : units) {
    u.superior_id = head;
    s.boxes.push_back(std::move(u));
  }
  documents::select_chart_boxes(s);
  return s;
}

documents::Table agency_positions_table(org::OrgStore& store, const org::Agency& agency,
                                        bool with_holders) {
  documents::Table t;
  t.sheet_name = sheet_name("Jabatan");
  t.columns = {"No", "Jabatan", "Unit kerja", "Eselon", "Jenis jabatan", "Status"};
  if (with_holders) t.columns.emplace_back("Pemangku");
  const auto units = unit_names(store, agency.id);
  const auto holders = holders_by_position(store, agency.id);
  int n = 0;
  for (const auto& p : store.position_briefs_of_agency(agency.id)) {
    const auto* hs = find_in(holders, p.id);
    std::string status = "lowong";
    if (definitive_of(hs) != nullptr) {
      status = "terisi";
    } else if (const auto* a = acting_of(hs)) {
      status = a->placement.kind == org::PlacementKind::Plh ? "lowong, Plh." : "lowong, Plt.";
    }
    std::vector<std::string> row{std::to_string(++n), p.title,           unit_of(units, p.unit_id),
                                 to_string(p.eselon), to_string(p.kind), status};
    if (with_holders) row.push_back(holder_text(hs));
    t.rows.push_back(std::move(row));
  }
  return t;
}

documents::Table agency_people_table(org::OrgStore& store, const org::Agency& agency) {
  documents::Table t;
  t.sheet_name = sheet_name("Pegawai");
  t.columns = {"No",         "NIP",        "Nama", "Jenis pegawai", "Pangkat/golongan", "Jabatan",
               "Unit kerja", "Penempatan", "TMT"};
  const auto units = unit_names(store, agency.id);
  std::unordered_map<org::Id, org::PositionBrief> positions;
  for (auto& p : store.position_briefs_of_agency(agency.id)) positions.emplace(p.id, std::move(p));
  int n = 0;
  for (const auto& h : store.holders_of_agency(agency.id)) {
    const auto* p = find_in(positions, h.placement.position_id);
    const char* kind = h.placement.kind == org::PlacementKind::Definitive ? "definitif"
                       : h.placement.kind == org::PlacementKind::Plt      ? "Plt."
                                                                          : "Plh.";
    t.rows.push_back({std::to_string(++n), h.employee.nip, h.employee.name,
                      org::to_string(h.employee.kind), h.employee.rank, p ? p->title : "",
                      p ? unit_of(units, p->unit_id) : "", kind, h.placement.start.iso()});
  }
  return t;
}

documents::Table agency_vacancies_table(org::OrgStore& store, const org::Agency& agency,
                                        bool with_holders) {
  documents::Table t;
  t.sheet_name = sheet_name("Lowongan");
  t.columns = {"No", "Jabatan", "Unit kerja", "Eselon", "Jenis jabatan", "Keterangan"};
  const auto units = unit_names(store, agency.id);
  const auto holders = holders_by_position(store, agency.id);
  int n = 0;
  for (const auto& p : store.position_briefs_of_agency(agency.id)) {
    const auto* hs = find_in(holders, p.id);
    if (definitive_of(hs) != nullptr) continue;
    std::string note = "lowong";
    if (const auto* a = acting_of(hs)) {
      note = "dilaksanakan oleh " + acting_prefix(a->placement.kind);
      if (with_holders) note += a->employee.name;
      while (!note.empty() && note.back() == ' ') note.pop_back();
    }
    t.rows.push_back({std::to_string(++n), p.title, unit_of(units, p.unit_id), to_string(p.eselon),
                      to_string(p.kind), note});
  }
  return t;
}

}  // namespace tatakerja::app
