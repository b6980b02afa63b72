// Importing regulation texts: each corpus text stores its region, regulation, articles, agency,
// units and positions linked to their articles; the same text twice changes nothing; a text that
// revokes an earlier one marks it, records the structural changes and carries the agency over
// with its incumbents; the preview writes nothing; `diff` agrees with the import. On SQLite and in
// memory: the use cases need nothing but the ports.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include "app/error.hpp"
#include "app/importer.hpp"
#include "app/structure_diff.hpp"
#include "regulation/engine.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using org::ChangeKind;
using testing::corpus_text;
using testing::count_rows;
using testing::TestBackend;

class Import : public testing::BackendTest {};

const char* kTables[] = {
    "regions", "regulations", "regulation_texts", "articles",   "findings",          "agencies",
    "units",   "positions",   "employees",        "placements", "structure_changes", "audit_log"};

std::map<std::string, std::int64_t> row_counts(TestBackend& db) {
  std::map<std::string, std::int64_t> m;
  for (const char* t : kTables) m[t] = count_rows(db, t);
  return m;
}

// 003 (Perwako Batam 20/2024) rewritten as the regulation its Pasal 30 huruf a revokes:
// Peraturan Wali Kota Batam Nomor 77 Tahun 2021. Against 003 it has the Kepala Badan at II.a
// (003: II.b), "Bidang Pengadaan dan Pemberhentian" (003 renames it "Bidang Pengadaan,
// Pemberhentian, dan Informasi"), a Sub Bagian Keuangan (003 drops it) and no Bidang Mutasi dan
// Promosi (003 adds it). With `keep_number`, the same differences in a text that keeps 003's
// number and year: a first text of 003 that 003 then corrects.
std::string old_batam_text(bool keep_number = false) {
  std::string s = corpus_text("003");
  auto replace_all = [&](const std::string& from, const std::string& to) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size(), ++n)
      s.replace(p, from.size(), to);
    EXPECT_GT(n, 0u) << from;
  };
  if (!keep_number) replace_all("NOMOR **20** TAHUN 2024", "NOMOR 77 TAHUN 2021");
  replace_all("Pengadaan, Pemberhentian, dan Informasi", "Pengadaan dan Pemberhentian");
  replace_all("Kepala Badan merupakan jabatan struktural eselon II.b",
              "Kepala Badan merupakan jabatan struktural eselon II.a");
  replace_all(" 2. Sub Bagian Perencanaan Program; dan\n 3. Kelompok Jabatan Fungsional.",
              " 2. Sub Bagian Perencanaan Program;\n 3. Sub Bagian Keuangan; dan\n"
              " 4. Kelompok Jabatan Fungsional.");
  replace_all(
      " - d. Bidang Mutasi dan Promosi;\n - e. Bidang Kinerja Aparatur dan Penghargaan;\n"
      " - f. Bidang Pengembangan Kompetensi Aparatur;\n - g. UPTD; dan\n"
      " - h. Kelompok Jabatan Fungsional.",
      " - d. Bidang Kinerja Aparatur dan Penghargaan;\n"
      " - e. Bidang Pengembangan Kompetensi Aparatur;\n - f. UPTD; dan\n"
      " - g. Kelompok Jabatan Fungsional.");
  return s;
}

const org::Position* by_title(const std::vector<org::Position>& ps, const std::string& title) {
  for (const auto& p : ps)
    if (p.title == title) return &p;
  return nullptr;
}

// An employee born 1970, appointed March 1995, named after the position and placed in it from
// `start`; returns the employee's id.
org::Id place_person(org::OrgStore& st, org::Id region_id, const org::Position& position,
                     const std::string& nip, const std::string& rank, Date start) {
  org::Employee e;
  e.region_id = region_id;
  e.nip = nip;
  e.name = "Pegawai " + position.title;
  e.birth_date = Date{1970, 1, 1};
  e.appointed_year = 1995;
  e.appointed_month = 3;
  e.rank = rank;
  e.id = st.insert_employee(e);
  org::Placement pl;
  pl.employee_id = e.id;
  pl.position_id = position.id;
  pl.start = start;
  st.insert_placement(pl);
  return e.id;
}

// The Kepala Badan's duties name the Bidang, so the rename shows in three of them too.
void expect_changes(const std::vector<org::StructureChange>& c) {
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].kind, ChangeKind::Regraded);
  EXPECT_EQ(c[0].position_title, "Kepala Badan");
  EXPECT_EQ(c[0].before, "II.a");
  EXPECT_EQ(c[0].after, "II.b");
  EXPECT_EQ(c[1].kind, ChangeKind::DutiesChanged);
  EXPECT_EQ(c[1].position_title, "Kepala Badan");
  EXPECT_EQ(std::count(c[1].before.begin(), c[1].before.end(), '\n'), 2);
  EXPECT_EQ(std::count(c[1].after.begin(), c[1].after.end(), '\n'), 2);
  EXPECT_NE(c[1].before.find("Bidang Pengadaan dan Pemberhentian,"), std::string::npos);
  EXPECT_NE(c[1].after.find("Bidang Pengadaan, Pemberhentian, dan Informasi,"), std::string::npos);
  EXPECT_EQ(c[2].kind, ChangeKind::Renamed);
  EXPECT_EQ(c[2].before, "Kepala Bidang Pengadaan dan Pemberhentian");
  EXPECT_EQ(c[2].after, "Kepala Bidang Pengadaan, Pemberhentian, dan Informasi");
  EXPECT_EQ(c[3].kind, ChangeKind::Added);
  EXPECT_EQ(c[3].position_title, "Kepala Bidang Mutasi dan Promosi");
  EXPECT_EQ(c[3].after, "III.b");
  EXPECT_EQ(c[4].kind, ChangeKind::Removed);
  EXPECT_EQ(c[4].position_title, "Kepala Sub Bagian Keuangan");
  EXPECT_EQ(c[4].before, "IV.a");
}

TEST_P(Import, EachCorpusText) {
  const std::map<std::string, std::string> region = {{"000", "Provinsi Nusa Tenggara Timur"},
                                                     {"001", "Kabupaten Kapuas Hulu"},
                                                     {"002", "Provinsi Nusa Tenggara Timur"},
                                                     {"003", "Kota Batam"},
                                                     {"004", "Kabupaten Kupang"}};
  for (const auto& [prefix, region_name] : region) {
    SCOPED_TRACE(prefix);
    TestBackend db(GetParam());
    ASSERT_TRUE(db.error().empty()) << db.error();
    const std::string text = corpus_text(prefix);
    const auto facts = regulation::read_regulation(text).facts;
    const auto r = app::import_regulation(db.stores(), app::cli_actor(), text);
    EXPECT_TRUE(r.created);
    EXPECT_TRUE(r.region_created);
    const auto rg = db.org().region(r.region_id);
    ASSERT_TRUE(rg);
    EXPECT_EQ(rg->name, region_name);
    EXPECT_EQ(rg->code, app::slug(region_name));
    const auto reg = db.org().regulation(r.regulation_id);
    ASSERT_TRUE(reg);
    EXPECT_EQ(reg->status, org::RegulationStatus::InForce);
    EXPECT_EQ(reg->sha256.size(), 64u);
    EXPECT_EQ(db.org().regulation_text(reg->id).value_or(""), text);
    // Articles: every one has its lines' text.
    const auto arts = db.org().articles_of_regulation(reg->id);
    EXPECT_GE(arts.size(), 3u);
    for (const auto& a : arts) {
      EXPECT_FALSE(a.label.empty());
      EXPECT_LE(a.first_line, a.last_line);
      EXPECT_FALSE(a.text.empty()) << a.label;
    }
    EXPECT_EQ(db.org().findings_of_regulation(reg->id).size(), facts.findings.size());
    if (prefix == "001") {
      EXPECT_TRUE(
          std::any_of(arts.begin(), arts.end(), [](const auto& a) { return a.label == "KESATU"; }));
    }
    if (prefix == "003") {
      const auto p30 = std::find_if(arts.begin(), arts.end(),
                                    [](const auto& a) { return a.label == "Pasal 30"; });
      ASSERT_NE(p30, arts.end());
      EXPECT_NE(p30->text.find("dicabut dan dinyatakan tidak berlaku"), std::string::npos);
      EXPECT_EQ(p30->path, "BAB XI > Pasal 30");
    }
    // The agency, its units and positions, each position linked to the article holding its
    // source line, with work levels.
    if (!facts.agency) {
      EXPECT_FALSE(r.agency_id());
      EXPECT_EQ(count_rows(db, "agencies"), 0);
    } else {
      ASSERT_TRUE(r.agency_id());
      EXPECT_EQ(db.org().units_of_agency(*r.agency_id(), false).size(), facts.units.size());
      const auto ps = db.org().positions_of_agency(*r.agency_id());
      ASSERT_EQ(ps.size(), facts.positions.size());
      for (std::size_t i = 0; i < ps.size(); ++i) {
        SCOPED_TRACE(ps[i].title);
        ASSERT_TRUE(ps[i].source_article);
        const auto a = db.org().article(*ps[i].source_article);
        ASSERT_TRUE(a);
        const auto* fp = &facts.positions[i];  // stored in the text's order
        ASSERT_EQ(fp->title, ps[i].title);
        EXPECT_LE(a->first_line, fp->source.first_line);
        EXPECT_GE(a->last_line, fp->source.first_line);
        if (!fp->duties_source.empty()) {
          ASSERT_TRUE(ps[i].duties_article);
          const auto d = db.org().article(*ps[i].duties_article);
          EXPECT_LE(d->first_line, fp->duties_source.first_line);
          EXPECT_GE(d->last_line, fp->duties_source.first_line);
        }
      }
      const auto* head = ps.empty() ? nullptr : &ps.front();
      ASSERT_TRUE(head);
      EXPECT_EQ(head->work_level, 1);
      EXPECT_FALSE(head->appraiser_outside.empty());
      for (const auto& p : ps)
        if (p.superior_id) {
          EXPECT_TRUE(p.appraiser_id) << p.title;
        }
    }
    // One audit entry: the import.
    const auto log = db.identity().audit_log({10});
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "import");
    EXPECT_EQ(log[0].entity, "regulation");
    EXPECT_EQ(log[0].entity_id, std::to_string(r.regulation_id));
  }
}

TEST_P(Import, SameTextTwiceChangesNothing) {
  auto& db = backend();
  for (const char* p : {"000", "001", "002", "003", "004"})
    EXPECT_TRUE(app::import_regulation(db.stores(), app::cli_actor(), corpus_text(p)).created);
  const auto before = row_counts(db);
  EXPECT_EQ(before.at("regions"), 4);
  EXPECT_EQ(before.at("regulations"), 5);
  EXPECT_EQ(before.at("agencies"), 4);
  for (const char* p : {"000", "001", "002", "003", "004"}) {
    const auto r = app::import_regulation(db.stores(), app::cli_actor(), corpus_text(p));
    EXPECT_FALSE(r.created) << p;
    EXPECT_GT(r.regulation_id, 0);
    EXPECT_TRUE(app::preview_import(db.stores(), corpus_text(p)).already_imported);
  }
  EXPECT_EQ(row_counts(db), before);
}

// Bytes that are not UTF-8 (a Latin-1 "é" in a corpus text) are refused by the service, which
// works on UTF-8 only; nothing is written. Callers convert first (textio::decode_text).
TEST_P(Import, TextNotInUtf8IsRefusedAndWritesNothing) {
  auto& db = backend();
  std::string text = corpus_text("000");
  text.insert(text.size() / 2, "\xE9");
  const auto before = row_counts(db);
  for (int preview = 0; preview < 2; ++preview) {
    try {
      if (preview)
        app::preview_import(db.stores(), text);
      else
        app::import_regulation(db.stores(), app::cli_actor(), text);
      ADD_FAILURE() << "accepted";
    } catch (const Refusal& e) {
      EXPECT_EQ(e.name(), "INVALID_FIELD");
      EXPECT_EQ(e.field(), "text");
    }
  }
  EXPECT_EQ(row_counts(db), before);
}

TEST_P(Import, TextWithoutRegionIsRefusedAndWritesNothing) {
  auto& db = backend();
  const auto before = row_counts(db);
  try {
    app::import_regulation(db.stores(), app::cli_actor(), "Sebuah catatan tanpa kepala.\n");
    ADD_FAILURE() << "accepted";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.name(), "INVALID_FIELD");
    EXPECT_EQ(e.field(), "region");
  }
  EXPECT_EQ(row_counts(db), before);
}

TEST_P(Import, RevocationCarriesTheAgencyOverWithItsIncumbents) {
  auto& db = backend();
  auto& st = db.org();
  const std::string old_text = old_batam_text();
  const std::string new_text = corpus_text("003");

  // 1. The old regulation, and people in three of its positions.
  const auto old = app::import_regulation(db.stores(), app::cli_actor(), old_text);
  ASSERT_TRUE(old.created);
  ASSERT_TRUE(old.agency_id());
  const auto old_positions = st.positions_of_agency(*old.agency_id());
  ASSERT_EQ(old_positions.size(), 8u);
  const auto* old_head = by_title(old_positions, "Kepala Badan");
  const auto* old_bidang = by_title(old_positions, "Kepala Bidang Pengadaan dan Pemberhentian");
  const auto* old_keuangan = by_title(old_positions, "Kepala Sub Bagian Keuangan");
  ASSERT_TRUE(old_head && old_bidang && old_keuangan);
  ASSERT_EQ(to_string(old_head->eselon), "II.a");
  std::map<std::string, org::Id> person;  // title -> employee id
  int serial = 1;
  for (const auto* p : {old_head, old_bidang, old_keuangan}) {
    person[p->title] =
        place_person(st, old.region_id, *p, "19700101199503100" + std::to_string(serial++), "IV/a",
                     Date{2022, 1, 1});
  }

  // 2. The preview says what the import will do, and writes nothing.
  const auto counts = row_counts(db);
  const auto pv = app::preview_import(db.stores(), new_text);
  EXPECT_EQ(row_counts(db), counts);
  EXPECT_FALSE(pv.already_imported);
  EXPECT_TRUE(pv.region_exists);
  ASSERT_EQ(pv.revokes.size(), 1u);
  EXPECT_EQ(pv.revokes[0].regulation.id, old.regulation_id);
  EXPECT_EQ(pv.updates_agency_id, old.agency_id());
  expect_changes(pv.changes);

  // 3. The import.
  const auto r = app::import_regulation(db.stores(), app::cli_actor(), new_text);
  ASSERT_TRUE(r.created);
  EXPECT_FALSE(r.region_created);
  EXPECT_EQ(r.region_id, old.region_id);
  // The old regulation is revoked article by article (Pasal 30 huruf a).
  const auto old_reg = st.regulation(old.regulation_id);
  ASSERT_TRUE(old_reg);
  EXPECT_EQ(old_reg->status, org::RegulationStatus::PartlyRevoked);
  EXPECT_EQ(old_reg->revoked_by, r.regulation_id);
  EXPECT_EQ(old_reg->revoked_articles,
            (std::vector<std::string>{"Pasal 3 huruf d", "Pasal 30", "Pasal 31", "Pasal 32",
                                      "Pasal 33", "Lampiran VII"}));
  EXPECT_EQ(st.regulation(r.regulation_id)->status, org::RegulationStatus::InForce);
  // The same agency, now under the new regulation.
  ASSERT_EQ(r.agency_id(), old.agency_id());
  EXPECT_TRUE(r.agencies.at(0).updated);
  EXPECT_EQ(count_rows(db, "agencies"), 1);
  EXPECT_EQ(st.agency(*r.agency_id())->regulation_id, r.regulation_id);
  // The changes, stored.
  expect_changes(r.changes);
  const auto stored = st.structure_changes_of_agency(*r.agency_id());
  expect_changes(stored);
  for (const auto& c : stored) {
    EXPECT_EQ(c.old_regulation_id, old.regulation_id);
    EXPECT_EQ(c.new_regulation_id, r.regulation_id);
  }
  // Positions: kept ids, new eselon, new title, one abolished, one added.
  const auto now = st.positions_of_agency(*r.agency_id());
  ASSERT_EQ(now.size(), 8u);
  const auto* head = by_title(now, "Kepala Badan");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->id, old_head->id);
  EXPECT_EQ(to_string(head->eselon), "II.b");
  const auto* bidang = by_title(now, "Kepala Bidang Pengadaan, Pemberhentian, dan Informasi");
  ASSERT_TRUE(bidang);
  EXPECT_EQ(bidang->id, old_bidang->id);
  EXPECT_FALSE(by_title(now, "Kepala Sub Bagian Keuangan"));
  const auto* mutasi = by_title(now, "Kepala Bidang Mutasi dan Promosi");
  ASSERT_TRUE(mutasi);
  EXPECT_GT(mutasi->id, old_keuangan->id);
  EXPECT_EQ(mutasi->superior_id, head->id);
  const auto abolished = st.position(old_keuangan->id);
  ASSERT_TRUE(abolished);
  EXPECT_TRUE(abolished->abolished);
  // Its unit (Sub Bagian Keuangan) is abolished too: kept, out of the current structure.
  ASSERT_TRUE(old_keuangan->unit_id);
  const auto keuangan_unit = st.unit(*old_keuangan->unit_id);
  ASSERT_TRUE(keuangan_unit);
  EXPECT_EQ(keuangan_unit->name, "Sub Bagian Keuangan");
  EXPECT_TRUE(keuangan_unit->abolished);
  const auto current_units = st.units_of_agency(*r.agency_id(), false);
  const auto all_units = st.units_of_agency(*r.agency_id(), true);
  EXPECT_EQ(all_units.size(), current_units.size() + 1);
  for (const auto& u : current_units) {
    EXPECT_FALSE(u.abolished) << u.name;
    EXPECT_NE(u.name, "Sub Bagian Keuangan");
  }
  EXPECT_EQ(st.count_units(*r.agency_id()), static_cast<std::int64_t>(current_units.size()));
  ASSERT_TRUE(mutasi->unit_id);
  EXPECT_FALSE(st.unit(*mutasi->unit_id)->abolished);
  // Every position now points at the new regulation's articles.
  for (const auto& p : now) {
    ASSERT_TRUE(p.source_article) << p.title;
    EXPECT_EQ(st.article(*p.source_article)->regulation_id, r.regulation_id) << p.title;
  }
  // Incumbents stay in office (Pasal 29), the abolished position's placement is kept.
  for (const auto& [title, employee] : person) {
    const auto pls = st.placements_of_employee(employee);
    ASSERT_EQ(pls.size(), 1u) << title;
    EXPECT_FALSE(pls[0].end) << title;
  }
  ASSERT_EQ(st.holders_of_position(head->id).size(), 1u);
  EXPECT_EQ(st.holders_of_position(head->id)[0].employee.id, person["Kepala Badan"]);
  ASSERT_EQ(st.holders_of_position(bidang->id).size(), 1u);
  EXPECT_EQ(st.holders_of_position(bidang->id)[0].employee.id,
            person["Kepala Bidang Pengadaan dan Pemberhentian"]);
  EXPECT_EQ(st.holders_of_position(old_keuangan->id).size(), 1u);
  // The renamed Bidang's unit keeps its id and takes the new name.
  ASSERT_TRUE(bidang->unit_id);
  EXPECT_EQ(bidang->unit_id, old_bidang->unit_id);
  EXPECT_EQ(st.unit(*bidang->unit_id)->name, "Bidang Pengadaan, Pemberhentian, dan Informasi");
  // Two audit entries: the two imports.
  const auto log = db.identity().audit_log({10});
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].action, "import");
  EXPECT_NE(log[0].after.find("\"diganti_nama\""), std::string::npos);

  // 4. `diff` over the two texts gives the same changes.
  expect_changes(app::diff_regulation_texts(old_text, new_text));
  // Importing 003 again changes nothing.
  const auto again = row_counts(db);
  EXPECT_FALSE(app::import_regulation(db.stores(), app::cli_actor(), new_text).created);
  EXPECT_EQ(row_counts(db), again);
}

// A corrected text of a regulation already stored (same region, kind, number and year, another
// text) is its next version: the preview says so and lists the changes against it; saving stores
// version 2, marks version 1 replaced (its articles stay readable), carries the agency over with
// its incumbents and records the changes; never a second regulation in force or a second agency.
TEST_P(Import, CorrectedTextIsStoredAsTheNextVersion) {
  auto& db = backend();
  auto& st = db.org();
  const std::string first_text = old_batam_text(/*keep_number=*/true);
  const std::string corrected = corpus_text("003");
  const auto first = app::import_regulation(db.stores(), app::cli_actor(), first_text);
  ASSERT_TRUE(first.created);
  ASSERT_TRUE(first.agency_id());
  EXPECT_EQ(st.regulation(first.regulation_id)->version, 1);
  const auto first_positions = st.positions_of_agency(*first.agency_id());
  const auto* head = by_title(first_positions, "Kepala Badan");
  ASSERT_TRUE(head);
  const org::Id head_holder =
      place_person(st, first.region_id, *head, "197001011995031001", "IV/c", Date{2024, 6, 1});

  // The preview: "sudah ada", the changes against version 1, nothing written.
  const auto counts = row_counts(db);
  const auto pv = app::preview_import(db.stores(), corrected);
  EXPECT_EQ(row_counts(db), counts);
  EXPECT_FALSE(pv.already_imported);
  ASSERT_TRUE(pv.previous_version);
  EXPECT_EQ(pv.previous_version->id, first.regulation_id);
  EXPECT_TRUE(pv.revokes.empty());
  EXPECT_EQ(pv.updates_agency_id, first.agency_id());
  expect_changes(pv.changes);

  // Saving: version 2, version 1 replaced by it, one agency.
  const auto r = app::import_regulation(db.stores(), app::cli_actor(), corrected);
  ASSERT_TRUE(r.created);
  EXPECT_EQ(r.previous_version_id, first.regulation_id);
  const auto v1 = st.regulation(first.regulation_id);
  const auto v2 = st.regulation(r.regulation_id);
  ASSERT_TRUE(v1 && v2);
  EXPECT_EQ(v1->status, org::RegulationStatus::Superseded);
  EXPECT_EQ(v1->revoked_by, r.regulation_id);
  EXPECT_EQ(v2->status, org::RegulationStatus::InForce);
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->number, v1->number);
  EXPECT_EQ(count_rows(db, "regulations"), 2);
  EXPECT_EQ(count_rows(db, "agencies"), 1);
  EXPECT_EQ(r.agency_id(), first.agency_id());
  EXPECT_FALSE(st.articles_of_regulation(first.regulation_id).empty());
  expect_changes(r.changes);
  for (const auto& c : st.structure_changes_of_agency(*r.agency_id())) {
    EXPECT_EQ(c.old_regulation_id, first.regulation_id);
    EXPECT_EQ(c.new_regulation_id, r.regulation_id);
  }
  // The Kepala Badan keeps the position (same id), now at II.b.
  const auto positions_now = st.positions_of_agency(*r.agency_id());
  const auto* head_now = by_title(positions_now, "Kepala Badan");
  ASSERT_TRUE(head_now);
  EXPECT_EQ(head_now->id, head->id);
  EXPECT_EQ(to_string(head_now->eselon), "II.b");
  ASSERT_EQ(st.holders_of_position(head_now->id).size(), 1u);
  EXPECT_EQ(st.holders_of_position(head_now->id)[0].employee.id, head_holder);
  const auto log = db.identity().audit_log({10});
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log[0].after.find("\"previous_version_id\":" + std::to_string(first.regulation_id)),
            std::string::npos)
      << log[0].after;

  // The same corrected text again: nothing.
  const auto again = row_counts(db);
  EXPECT_FALSE(app::import_regulation(db.stores(), app::cli_actor(), corrected).created);
  EXPECT_EQ(row_counts(db), again);
}

std::string amendment_of_002() {
  std::ifstream in(std::string(TATAKERJA_DATA_DIR) +
                   "/../tests/amendments/perubahan-pergub-ntt-77-2023.txt");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has_finding(org::OrgStore& st, org::Id regulation, const std::string& code) {
  const auto fs = st.findings_of_regulation(regulation);
  return std::any_of(fs.begin(), fs.end(),
                     [&](const org::StoredFinding& f) { return f.code == code; });
}

// An amending regulation ("Perubahan atas Pergub NTT 77/2023", a fourth Bidang, an inserted and
// a revoked article) is applied to the regulation it amends: that regulation's text with the
// amendment applied becomes its next version, the agency is carried over with its incumbents and
// the new Bidang's head is a new position; the amending text itself establishes no agency.
TEST_P(Import, AmendmentIsAppliedToTheRegulationItAmends) {
  auto& db = backend();
  auto& st = db.org();
  const std::string amendment = amendment_of_002();
  ASSERT_FALSE(amendment.empty());
  const auto base = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("002"));
  ASSERT_TRUE(base.agency_id());
  const auto positions_at_first = st.positions_of_agency(*base.agency_id());
  const auto* head = by_title(positions_at_first, "Kepala Dinas");
  ASSERT_TRUE(head);
  const org::Id holder =
      place_person(st, base.region_id, *head, "197001011995031001", "IV/c", Date{2024, 6, 1});
  const auto positions_before = positions_at_first.size();

  // The preview: what it amends and the new position; nothing written.
  const auto counts = row_counts(db);
  const auto pv = app::preview_import(db.stores(), amendment);
  EXPECT_EQ(row_counts(db), counts);
  ASSERT_TRUE(pv.amendment);
  ASSERT_TRUE(pv.amendment->amended);
  EXPECT_EQ(pv.amendment->amended->id, base.regulation_id);
  EXPECT_EQ(pv.amendment->applied.size(), 3u);
  EXPECT_EQ(pv.amendment->not_applied.size(), 1u);  // Lampiran II
  EXPECT_FALSE(pv.agency);                          // the amending text's own: none
  EXPECT_TRUE(std::any_of(pv.amendment->changes.begin(), pv.amendment->changes.end(),
                          [](const org::StructureChange& c) {
                            return c.kind == ChangeKind::Added &&
                                   c.position_title.find("Kewirausahaan") != std::string::npos;
                          }));

  const auto r = app::import_regulation(db.stores(), app::cli_actor(), amendment);
  ASSERT_TRUE(r.created);
  EXPECT_TRUE(r.agencies.empty());
  ASSERT_TRUE(r.amendment && r.amendment->new_version_id);
  const auto amending = st.regulation(r.regulation_id);
  const auto v1 = st.regulation(base.regulation_id);
  const auto v2 = st.regulation(*r.amendment->new_version_id);
  ASSERT_TRUE(amending && v1 && v2);
  EXPECT_EQ(amending->number, "12");
  EXPECT_EQ(amending->status, org::RegulationStatus::InForce);
  EXPECT_EQ(v1->status, org::RegulationStatus::Superseded);
  EXPECT_EQ(v1->revoked_by, v2->id);
  EXPECT_EQ(v2->number, "77");
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(count_rows(db, "agencies"), 1);
  // The agency, carried over: one more position, the Kepala Dinas still held by the same person.
  const auto positions_now = st.positions_of_agency(*base.agency_id());
  EXPECT_EQ(positions_now.size(), positions_before + 1);
  const auto* head_now = by_title(positions_now, "Kepala Dinas");
  ASSERT_TRUE(head_now);
  EXPECT_EQ(head_now->id, head->id);
  ASSERT_EQ(st.holders_of_position(head_now->id).size(), 1u);
  EXPECT_EQ(st.holders_of_position(head_now->id)[0].employee.id, holder);
  // The articles as they were stay readable in version 1; version 2 has Pasal 6A.
  const auto labels = [&](org::Id reg) {
    std::vector<std::string> out;
    for (const auto& a : st.articles_of_regulation(reg)) out.push_back(a.label);
    return out;
  };
  const auto old_labels = labels(v1->id);
  const auto new_labels = labels(v2->id);
  EXPECT_EQ(std::count(old_labels.begin(), old_labels.end(), "Pasal 6A"), 0);
  EXPECT_EQ(std::count(new_labels.begin(), new_labels.end(), "Pasal 6A"), 1);
  EXPECT_TRUE(has_finding(st, amending->id, "AMENDMENT_APPLIED"));
  EXPECT_TRUE(has_finding(st, amending->id, "AMENDMENT_STEP_NOT_APPLIED"));
  EXPECT_TRUE(has_finding(st, v2->id, "CONSOLIDATED_TEXT"));
  // The same amending text again: nothing.
  const auto again = row_counts(db);
  EXPECT_FALSE(app::import_regulation(db.stores(), app::cli_actor(), amendment).created);
  EXPECT_EQ(row_counts(db), again);
}

// An amendment of a regulation the registry does not have is stored alone, with a finding; it
// establishes no agency of its own.
TEST_P(Import, AmendmentOfARegulationNotStoredIsKeptWithAFinding) {
  auto& db = backend();
  auto& st = db.org();
  const auto r = app::import_regulation(db.stores(), app::cli_actor(), amendment_of_002());
  ASSERT_TRUE(r.created);
  ASSERT_TRUE(r.amendment);
  EXPECT_FALSE(r.amendment->amended);
  EXPECT_FALSE(r.amendment->new_version_id);
  EXPECT_EQ(count_rows(db, "agencies"), 0);
  EXPECT_EQ(count_rows(db, "regulations"), 1);
  EXPECT_TRUE(has_finding(st, r.regulation_id, "AMENDMENT_NOT_APPLIED"));
}

// A regulation another has revoked takes no new version: the corrected text is refused and
// nothing is written.
TEST_P(Import, CorrectionOfARevokedRegulationIsRefused) {
  auto& db = backend();
  auto& st = db.org();
  const auto first =
      app::import_regulation(db.stores(), app::cli_actor(), old_batam_text(/*keep_number=*/true));
  ASSERT_TRUE(first.created);
  auto reg = *st.regulation(first.regulation_id);
  reg.status = org::RegulationStatus::Revoked;
  st.update_regulation_status(reg);
  const auto before = row_counts(db);
  for (int preview = 0; preview < 2; ++preview) {
    try {
      if (preview)
        app::preview_import(db.stores(), corpus_text("003"));
      else
        app::import_regulation(db.stores(), app::cli_actor(), corpus_text("003"));
      ADD_FAILURE() << "accepted";
    } catch (const Refusal& e) {
      EXPECT_EQ(e.name(), "CONFLICT");
      EXPECT_EQ(e.field(), "text");
      EXPECT_NE(std::string(e.what()).find("sudah ada dan telah dicabut"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(row_counts(db), before);
}

// A regulation of many agencies (one chapter each): the preview shows them all, and the import
// stores every one with its own units and positions, in the text's order.
TEST_P(Import, ManyAgencyRegulationStoresEveryAgency) {
  auto& db = backend();
  std::ifstream in(std::string(TATAKERJA_DATA_DIR) +
                       "/../tests/golden/regulation/provinsi-kalimantan-utara-many-agencies.txt",
                   std::ios::binary);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  ASSERT_FALSE(text.empty());
  const auto facts = regulation::read_regulation(text).facts;
  ASSERT_TRUE(facts.agency);
  ASSERT_EQ(facts.more_agencies.size(), 3u);

  const auto pv = app::preview_import(db.stores(), text);
  ASSERT_EQ(pv.more_agencies.size(), 3u);
  EXPECT_EQ(pv.more_updates_agency_ids.size(), 3u);
  EXPECT_EQ(pv.more_agencies[2].agency.name, "Satuan Polisi Pamong Praja");

  const auto r = app::import_regulation(db.stores(), app::cli_actor(), text);
  ASSERT_EQ(r.agencies.size(), 4u);
  std::vector<const regulation::AgencyStructure*> more;
  for (const auto& m : facts.more_agencies) more.push_back(&m);
  for (std::size_t k = 0; k < r.agencies.size(); ++k) {
    const auto& a = r.agencies[k];
    const auto stored = db.org().agency(a.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->regulation_id, r.regulation_id);
    EXPECT_FALSE(a.updated);
    const auto& name = k == 0 ? facts.agency->name : more[k - 1]->agency.name;
    const auto& units = k == 0 ? facts.units : more[k - 1]->units;
    const auto& positions = k == 0 ? facts.positions : more[k - 1]->positions;
    EXPECT_EQ(stored->name, name);
    EXPECT_EQ(a.units, units.size());
    EXPECT_EQ(a.positions, positions.size());
    EXPECT_EQ(db.org().units_of_agency(a.id, false).size(), units.size()) << name;
    const auto ps = db.org().positions_of_agency(a.id);
    ASSERT_EQ(ps.size(), positions.size()) << name;
    // Each agency's hierarchy is its own: superiors and units inside the same agency.
    for (const auto& p : ps) {
      if (p.superior_id) {
        EXPECT_EQ(db.org().position(*p.superior_id)->agency_id, a.id);
      }
      if (p.unit_id) {
        EXPECT_EQ(db.org().unit(*p.unit_id)->agency_id, a.id);
      }
    }
    EXPECT_EQ(std::count_if(ps.begin(), ps.end(), [](const auto& p) { return !p.superior_id; }), 1)
        << name;
  }
}

// Issue 11: the IKI tables of 001 are stored with the import, each linked to the stored position
// its "Jabatan :" names, with its rows, their lines and each formula as written and as read; a
// corrected text stores its own tables for the same (carried-over) positions.
TEST_P(Import, IkiTablesAreStoredWithTheirPositions) {
  auto& db = backend();
  auto& st = db.org();
  const std::string text = corpus_text("001");
  const auto facts = regulation::read_regulation(text).facts;
  ASSERT_EQ(facts.iki.size(), 15u);
  const auto r = app::import_regulation(db.stores(), app::cli_actor(), text);
  ASSERT_TRUE(r.agency_id());
  EXPECT_EQ(r.iki_tables, 15u);
  const auto tables = st.iki_tables_of_regulation(r.regulation_id);
  ASSERT_EQ(tables.size(), 15u);
  const auto positions = st.positions_of_agency(*r.agency_id());
  std::size_t rows = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = tables[i];
    SCOPED_TRACE(t.position_title);
    ASSERT_TRUE(t.position_id);
    const auto p = st.position(*t.position_id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->agency_id, *r.agency_id());
    EXPECT_EQ(p->title, t.position_title);
    EXPECT_EQ(t.first_line, facts.iki[i].source.first_line);
    EXPECT_EQ(t.last_line, facts.iki[i].source.last_line);
    ASSERT_EQ(t.rows.size(), facts.iki[i].rows.size());
    rows += t.rows.size();
  }
  EXPECT_EQ(rows, 46u);

  const auto* sekretaris = by_title(positions, "Sekretaris");
  ASSERT_TRUE(sekretaris);
  auto of_position = st.iki_tables_of_position(sekretaris->id);
  ASSERT_EQ(of_position.size(), 1u);
  const auto& row = of_position[0].rows[0];
  EXPECT_EQ(row.number, "1");  // "1." in the text: the engine keeps the number
  EXPECT_EQ(row.sasaran, "Meningkatnya realisasi penyerapan keuangan perangkat Daerah");
  EXPECT_EQ(row.sumber_data, "DPA, SPJ, BKU");
  EXPECT_EQ(row.first_line, 122);
  EXPECT_EQ(row.formula_kind, "ratio");
  EXPECT_EQ(row.numerator, "Jumlah Realisasi Anggaran");
  EXPECT_EQ(row.denominator, "Jumlah Total Anggaran");
  EXPECT_TRUE(row.percent);
  EXPECT_EQ(row.formula_written,
            "$\\frac{\\text{(Jumlah Realisasi Anggaran)}}{\\text{Jumlah Total Anggaran}} \\times "
            "100\\%$");
  EXPECT_EQ(row.formula_text.find('\\'), std::string::npos);

  // A corrected text (one sasaran reworded): its tables for the same positions, beside version 1's.
  std::string corrected = text;
  const std::string from = "Meningkatnya realisasi penyerapan keuangan perangkat Daerah";
  corrected.replace(corrected.find(from), from.size(),
                    "Meningkatnya realisasi penyerapan anggaran perangkat Daerah");
  const auto second = app::import_regulation(db.stores(), app::cli_actor(), corrected);
  ASSERT_TRUE(second.created);
  EXPECT_EQ(second.previous_version_id, r.regulation_id);
  EXPECT_EQ(second.agency_id(), r.agency_id());
  of_position = st.iki_tables_of_position(sekretaris->id);
  ASSERT_EQ(of_position.size(), 2u);
  EXPECT_EQ(of_position[0].regulation_id, r.regulation_id);
  EXPECT_EQ(of_position[1].regulation_id, second.regulation_id);
  EXPECT_EQ(of_position[1].rows[0].sasaran,
            "Meningkatnya realisasi penyerapan anggaran perangkat Daerah");
  EXPECT_EQ(st.iki_tables_of_regulation(second.regulation_id).size(), 15u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Import, testing::app_backends(), testing::backend_name);

// Rules 4 and 5: a kept position under another superior is Moved; one whose duties both texts
// give, but not the same, is DutiesChanged (a text without duties says nothing about them).
TEST(StructureDiff, SuperiorsAndDuties) {
  using app::DiffPosition;
  const std::vector<DiffPosition> old_ps = {
      {"Kepala Dinas", "II.a", "", {}},
      {"Sekretaris", "III.a", "Kepala Dinas", {"menyusun program", "mengelola keuangan"}},
      {"Kepala Bidang Bina Marga", "III.a", "Kepala Dinas", {"membina jalan"}},
      {"Kepala Seksi Jalan", "IV.a", "Kepala Bidang Bina Marga", {"memelihara jalan"}},
      {"Kepala Sub Bagian Umum", "IV.a", "Sekretaris", {}},
  };
  const std::vector<DiffPosition> new_ps = {
      {"Kepala Dinas", "II.a", "", {"memimpin Dinas"}},
      {"Sekretaris", "III.a", "Kepala Dinas", {"Menyusun  program.", "mengelola aset"}},
      {"Kepala Bidang Bina Marga dan Jembatan", "III.a", "Kepala Dinas", {}},
      {"Kepala Seksi Jalan", "IV.a", "Kepala Bidang Bina Marga dan Jembatan", {"memelihara jalan"}},
      {"Kepala Sub Bagian Umum", "IV.a", "Kepala Dinas", {}},
  };
  const auto d = app::diff_structures(old_ps, new_ps);
  ASSERT_EQ(d.changes.size(), 3u);
  // The Sekretaris: one duty replaced ("Menyusun  program." is the same duty as written before).
  EXPECT_EQ(d.changes[0].kind, ChangeKind::DutiesChanged);
  EXPECT_EQ(d.changes[0].position_title, "Sekretaris");
  EXPECT_EQ(d.changes[0].before, "mengelola keuangan");
  EXPECT_EQ(d.changes[0].after, "mengelola aset");
  // The Bidang is renamed; its Seksi keeps its superior through the rename.
  EXPECT_EQ(d.changes[1].kind, ChangeKind::Renamed);
  // The Sub Bagian Umum now answers to the Kepala Dinas.
  EXPECT_EQ(d.changes[2].kind, ChangeKind::Moved);
  EXPECT_EQ(d.changes[2].position_title, "Kepala Sub Bagian Umum");
  EXPECT_EQ(d.changes[2].before, "Sekretaris");
  EXPECT_EQ(d.changes[2].after, "Kepala Dinas");
}

TEST(StructureDiff, RulesOnTitles) {
  using app::DiffPosition;
  const std::vector<DiffPosition> old_ps = {
      {"Kepala Dinas", "II.a", ""},
      {"Sekretaris", "III.a", "Kepala Dinas"},
      {"Kepala Bidang Bina Marga", "III.a", "Kepala Dinas"},
      {"Kepala Seksi Jalan", "IV.a", "Kepala Bidang Bina Marga"},
      {"Kepala Bidang Cipta Karya", "III.a", "Kepala Dinas"},
  };
  const std::vector<DiffPosition> new_ps = {
      {"Kepala Dinas", "II.a", ""},
      {"Sekretaris", "III.a", "Kepala Dinas"},
      {"Kepala Bidang Bina Marga dan Jembatan", "III.b", "Kepala Dinas"},
      {"Kepala Seksi Jalan", "IV.a", "Kepala Bidang Bina Marga dan Jembatan"},
      {"Kepala Sub Bagian Keuangan", "III.a", "Sekretaris"},
  };
  const auto d = app::diff_structures(old_ps, new_ps);
  // Renamed (and re-graded within grade III); the Seksi follows its renamed superior; Cipta
  // Karya is removed (a Sub Bagian is another role), the Sub Bagian added.
  ASSERT_EQ(d.changes.size(), 4u);
  EXPECT_EQ(d.changes[0].kind, ChangeKind::Renamed);
  EXPECT_EQ(d.changes[1].kind, ChangeKind::Regraded);
  EXPECT_EQ(d.changes[2].kind, ChangeKind::Added);
  EXPECT_EQ(d.changes[2].position_title, "Kepala Sub Bagian Keuangan");
  EXPECT_EQ(d.changes[3].kind, ChangeKind::Removed);
  EXPECT_EQ(d.changes[3].position_title, "Kepala Bidang Cipta Karya");
  EXPECT_EQ(d.new_of_old[3], 3u);
  EXPECT_EQ(app::role_prefix("Kepala Sub Bagian Umum"), "kepala sub bagian");
  EXPECT_EQ(app::role_prefix("Kepala Subbagian Umum"), "kepala sub bagian");
  EXPECT_EQ(app::role_prefix("Analis Kebijakan Ahli Muda Kerja sama"),
            "analis kebijakan ahli muda");
}

}  // namespace
}  // namespace tatakerja
