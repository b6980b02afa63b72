// The memory store against the SQL store on the same random registry: people with colliding,
// accented and punctuated names, shared NIP prefixes, two regions, units and positions with and
// without eselon, placements of every kind, some ended. Hundreds of people searches (word and NIP
// prefixes, several words, region filters, pages that cut through people listed twice) and every
// holders, history and unit-head read must give the very same answers on both. Run against SQLite
// and PostgreSQL (value-parameterised); the memory store is the other side.
#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_backends.hpp"

namespace tatakerja::org {
namespace {

using testing::TestBackend;

class OrgStoreDifferentialTest : public testing::BackendTest {};

// What a search answer says, as comparable values.
using HitRow = std::tuple<Id, std::string, std::string, std::optional<Id>, std::string, std::string,
                          std::string>;
std::vector<HitRow> rows_of(const std::vector<EmployeeHit>& hits) {
  std::vector<HitRow> out;
  for (const auto& h : hits) {
    out.emplace_back(h.employee.id, h.employee.name, h.employee.nip, h.position_id,
                     h.position_title, h.agency_name, h.placement_kind);
  }
  return out;
}
using HolderRow = std::tuple<Id, Id, Id, std::string, int, bool, Id>;
std::vector<HolderRow> rows_of(const std::vector<Holder>& hs) {
  std::vector<HolderRow> out;
  for (const auto& h : hs) {
    out.emplace_back(h.placement.id, h.placement.employee_id, h.placement.position_id,
                     h.placement.start.iso(), static_cast<int>(h.placement.kind),
                     h.placement.end.has_value(), h.employee.id);
  }
  return out;
}

TEST_P(OrgStoreDifferentialTest, SameAnswersAsMemory) {
  TestBackend memory("memory");
  OrgStore& sql = backend().org();
  OrgStore& mem = memory.org();
  std::mt19937 rng(20261203);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  // Every write goes to both stores, which must give the same ids.
  auto both = [&](auto write) {
    const Id a = write(sql);
    const Id b = write(mem);
    EXPECT_EQ(a, b);
    return a;
  };

  Transaction tx_sql(backend().transactions());
  Transaction tx_mem(memory.transactions());
  std::vector<Id> regions;
  for (const char* code : {"provinsi-ntt", "kota-kupang"}) {
    regions.push_back(both([&](OrgStore& s) {
      return s.insert_region({0, code, std::string("Daerah ") + code, RegionKind::City});
    }));
  }
  Regulation r;
  r.region_id = regions[0];
  r.kind = "Peraturan Gubernur";
  r.number = "1";
  r.year = 2024;
  r.title = "Susunan";
  r.sha256 = std::string(64, 'a');
  const Id reg = both([&](OrgStore& s) { return s.insert_regulation(r, "teks"); });
  std::vector<Id> agencies, units, positions;
  for (int a = 0; a < 2; ++a) {
    Agency ag;
    ag.region_id = regions[static_cast<std::size_t>(a)];
    ag.regulation_id = reg;
    ag.name = a == 0 ? "Dinas Pendidikan" : "Badan Kepegawaian";
    ag.kind = AgencyKind::Dinas;
    agencies.push_back(both([&](OrgStore& s) { return s.insert_agency(ag); }));
  }
  for (int i = 0; i < 12; ++i) {
    Unit u;
    u.agency_id = agencies[static_cast<std::size_t>(pick(2))];
    u.name = "Unit " + std::to_string(i);
    u.kind = UnitKind::Bidang;
    u.ordinal = pick(4);
    u.abolished = pick(6) == 0;
    units.push_back(both([&](OrgStore& s) { return s.insert_unit(u); }));
  }
  const char* eselons[] = {"", "II.a", "III.a", "III.b", "IV.a", "IV.b"};
  const PositionKind kinds[] = {PositionKind::JptPratama, PositionKind::Administrator,
                                PositionKind::Pengawas, PositionKind::Fungsional,
                                PositionKind::Pelaksana};
  for (int i = 0; i < 60; ++i) {
    Position p;
    const Id unit = units[static_cast<std::size_t>(pick(12))];
    p.agency_id = sql.unit(unit)->agency_id;
    if (pick(5) != 0) p.unit_id = unit;
    if (!positions.empty() && pick(3) != 0) {
      const Id sup = positions[static_cast<std::size_t>(pick(static_cast<int>(positions.size())))];
      if (sql.position(sup)->agency_id == p.agency_id) p.superior_id = sup;
    }
    p.title = "Jabatan " + std::to_string(i);
    p.kind = kinds[pick(5)];
    p.eselon = Eselon::parse(eselons[pick(6)]);
    p.ordinal = pick(10);
    p.abolished = pick(8) == 0;
    positions.push_back(both([&](OrgStore& s) { return s.insert_position(p); }));
  }
  const char* words[] = {"Budi",   "Budiman", "Sita",   "Sitorus", "Siti",       "Ani",   "Ánita",
                         "Çahaya", "Ma'ruf",  "S.Kom.", "Dewi",    "dewi",       "Santo", "Santoso",
                         "Sant",   "José",    "пётр",   "ſtefan",  "Ramos-Horta"};
  constexpr int kWords = static_cast<int>(std::size(words));
  std::vector<Id> people;
  std::vector<std::string> nips;
  for (int i = 0; i < 400; ++i) {
    Employee e;
    e.region_id = regions[static_cast<std::size_t>(pick(2))];
    auto digits = [&](int value, std::size_t width) {
      std::string d = std::to_string(value);
      return std::string(width - std::min(width, d.size()), '0') + d;
    };
    e.nip = "19" + digits(60 + pick(3), 2) + digits(1 + pick(2), 2) + "12" +
            digits(2000 + pick(3), 4) + digits(pick(1000000), 6);
    if (std::find(nips.begin(), nips.end(), e.nip) != nips.end()) continue;
    nips.push_back(e.nip);
    const int n = 1 + pick(3);
    for (int w = 0; w < n; ++w) e.name += std::string(w ? " " : "") + words[pick(kWords)];
    e.birth_date = Date{1960, 1, 12};
    e.appointed_year = 2000;
    e.appointed_month = 1;
    e.rank = "III/a";
    people.push_back(both([&](OrgStore& s) { return s.insert_employee(e); }));
  }
  const PlacementKind pkinds[] = {PlacementKind::Definitive, PlacementKind::Plt,
                                  PlacementKind::Plh};
  for (int i = 0; i < 500; ++i) {
    Placement pl;
    pl.employee_id = people[static_cast<std::size_t>(pick(static_cast<int>(people.size())))];
    pl.position_id = positions[static_cast<std::size_t>(pick(60))];
    pl.start = Date{2015 + pick(10), 1 + pick(12), 1 + pick(3)};
    pl.kind = pkinds[pick(3)];
    const Id id = both([&](OrgStore& s) { return s.insert_placement(pl); });
    if (pick(3) == 0) {
      sql.end_placement(id, Date{2025, 1, 1});
      mem.end_placement(id, Date{2025, 1, 1});
    }
  }
  // Some renames: the search follows them.
  for (int i = 0; i < 40; ++i) {
    auto e = *sql.employee(people[static_cast<std::size_t>(pick(static_cast<int>(people.size())))]);
    e.name = std::string(words[pick(kWords)]) + " " + words[pick(kWords)];
    sql.update_employee(e);
    mem.update_employee(e);
  }
  tx_sql.commit();
  tx_mem.commit();

  // People searches.
  std::vector<std::string> queries = {"",          " ",         ",.",  "1",  "19", "1961",   "zzz",
                                      "budi sant", "SANT BUDI", "sit", "s",  "d",  "ma'ruf", "skom",
                                      "ç",         "é",         "п",   "пё", "ſ"};
  for (int i = 0; i < 60; ++i) {
    // A prefix of a word, cut between characters (a query is UTF-8: PostgreSQL refuses other
    // bytes in a parameter).
    const std::string w = words[pick(kWords)];
    std::size_t cut = static_cast<std::size_t>(1 + pick(static_cast<int>(w.size())));
    while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) ++cut;
    std::string q = w.substr(0, cut);
    if (pick(3) == 0) q += std::string(" ") + std::string(words[pick(kWords)]).substr(0, 2);
    queries.push_back(q);
    const auto& nip = nips[static_cast<std::size_t>(pick(static_cast<int>(nips.size())))];
    queries.push_back(nip.substr(0, static_cast<std::size_t>(1 + pick(18))));
  }
  const Page pages[] = {{50, 0}, {1, 0}, {3, 2}, {7, 5}, {500, 0}, {5, 20}, {2, 1}};
  int compared = 0;
  for (const auto& q : queries) {
    for (Id region : {Id{0}, regions[0], regions[1]}) {
      SCOPED_TRACE("query '" + q + "' region " + std::to_string(region));
      EXPECT_EQ(sql.count_search_employees(q, region), mem.count_search_employees(q, region));
      for (const auto& page : pages) {
        EXPECT_EQ(rows_of(sql.search_employees(q, region, page)),
                  rows_of(mem.search_employees(q, region, page)))
            << "page " << page.limit << "/" << page.offset;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 2000);
  for (Id region : {Id{0}, regions[0], regions[1]}) {
    EXPECT_EQ(sql.count_employees(region), mem.count_employees(region));
  }

  // Holders, histories, unit heads, briefs.
  for (Id p : positions) {
    EXPECT_EQ(rows_of(sql.holders_of_position(p)), rows_of(mem.holders_of_position(p))) << p;
    std::vector<Id> a, b;
    for (const auto& x : sql.subordinates_of_position(p)) a.push_back(x.id);
    for (const auto& x : mem.subordinates_of_position(p)) b.push_back(x.id);
    EXPECT_EQ(a, b) << p;
  }
  for (Id e : people) {
    std::vector<Id> a, b;
    for (const auto& x : sql.placements_of_employee(e)) a.push_back(x.id);
    for (const auto& x : mem.placements_of_employee(e)) b.push_back(x.id);
    EXPECT_EQ(a, b) << e;
  }
  for (Id ag : agencies) {
    EXPECT_EQ(rows_of(sql.holders_of_agency(ag)), rows_of(mem.holders_of_agency(ag))) << ag;
    std::vector<std::pair<Id, std::optional<Id>>> a, b;
    for (const auto& x : sql.units_with_heads(ag)) a.emplace_back(x.unit.id, x.head_position_id);
    for (const auto& x : mem.units_with_heads(ag)) b.emplace_back(x.unit.id, x.head_position_id);
    EXPECT_EQ(a, b) << ag;
    for (const auto& x : sql.units_with_heads(ag)) {
      EXPECT_EQ(sql.head_of_unit(x.unit.id), x.head_position_id) << x.unit.id;
      EXPECT_EQ(mem.head_of_unit(x.unit.id), x.head_position_id) << x.unit.id;
    }
    EXPECT_EQ(sql.agency_level_one_position(ag), mem.agency_level_one_position(ag)) << ag;
    std::vector<Id> pa, pb;
    for (const auto& x : sql.position_briefs_of_agency(ag)) pa.push_back(x.id);
    for (const auto& x : mem.position_briefs_of_agency(ag)) pb.push_back(x.id);
    EXPECT_EQ(pa, pb) << ag;
    for (bool all : {false, true}) {
      std::vector<Id> ua, ub;
      for (const auto& x : sql.units_of_agency(ag, all)) ua.push_back(x.id);
      for (const auto& x : mem.units_of_agency(ag, all)) ub.push_back(x.id);
      EXPECT_EQ(ua, ub) << ag;
    }
    EXPECT_EQ(sql.count_units(ag), mem.count_units(ag));
    EXPECT_EQ(sql.count_positions(ag), mem.count_positions(ag));
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, OrgStoreDifferentialTest,
                         ::testing::Values("sqlite", "postgresql"), testing::backend_name);

}  // namespace
}  // namespace tatakerja::org
