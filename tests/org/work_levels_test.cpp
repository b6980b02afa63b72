// Work-system levels (Pejabat Level I/II/III) and appraisers (Pejabat Penilai Kinerja) for
// agencies built by hand the way the regulations structure them (000/003 Badan, 004 Pasal 11
// Sekretariat Daerah, UPTD and DPMPTSP), for incomplete and cyclic data, and for the structure the
// engine reads from the real 003 text.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "corpus.hpp"
#include "org/unit_head.hpp"
#include "org/work_levels.hpp"
#include "regulation/engine.hpp"

namespace tatakerja::org {
namespace {

Unit unit(Id id, std::string name, UnitKind kind, std::optional<Id> parent = std::nullopt) {
  Unit u;
  u.id = id;
  u.agency_id = 1;
  u.name = std::move(name);
  u.kind = kind;
  u.parent_id = parent;
  u.ordinal = static_cast<int>(id);
  return u;
}

Position position(Id id, std::string title, PositionKind kind, std::string eselon,
                  std::optional<Id> unit_id, std::optional<Id> superior) {
  Position p;
  p.id = id;
  p.agency_id = 1;
  p.title = std::move(title);
  p.kind = kind;
  p.eselon = Eselon::parse(eselon);
  p.unit_id = unit_id;
  p.superior_id = superior;
  p.ordinal = static_cast<int>(id);
  return p;
}

Agency agency(std::string name, std::string kind) {
  Agency a;
  a.id = 1;
  a.name = std::move(name);
  a.kind = agency_kind_from_string(kind);
  return a;
}

using Assignments = std::map<Id, LevelAssignment>;

Assignments resolve(const Agency& a, const std::vector<Unit>& units,
                    const std::vector<Position>& positions) {
  Assignments out;
  for (LevelAssignment& l : resolve_work_levels(a, units, positions)) {
    EXPECT_FALSE(l.appraiser_id && *l.appraiser_id == l.position_id) << l.position_id;
    EXPECT_FALSE(l.rule.empty()) << l.position_id;
    out.emplace(l.position_id, std::move(l));
  }
  return out;
}

// Expects `id` at `level`, appraised by the position `appraiser` inside the agency.
void expect_inside(const Assignments& got, Id id, int level, Id appraiser) {
  SCOPED_TRACE("position " + std::to_string(id));
  ASSERT_TRUE(got.count(id));
  const LevelAssignment& a = got.at(id);
  EXPECT_EQ(a.work_level, level);
  EXPECT_EQ(a.appraiser_id, std::optional<Id>(appraiser)) << a.rule;
  EXPECT_EQ(a.appraiser_outside, "");
}

// A Badan as 000/003 structure it: Kepala Badan (II.a); Sekretariat with two Sub Bagian (IV.a);
// two Bidang (III.a and III.b), one with a Sub Bidang; Kelompok Jabatan Fungsional under the head
// and under a Bidang; JF at several levels and Pelaksana.
struct Badan {
  Agency agency_ = agency("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Badan");
  std::vector<Unit> units = {
      unit(1, "Sekretariat", UnitKind::Sekretariat),
      unit(2, "Sub Bagian Umum dan Kepegawaian", UnitKind::SubBagian, 1),
      unit(3, "Sub Bagian Perencanaan Program", UnitKind::SubBagian, 1),
      unit(4, "Bidang Mutasi dan Promosi", UnitKind::Bidang),
      unit(5, "Bidang Pengembangan Kompetensi Aparatur", UnitKind::Bidang),
      unit(6, "Kelompok Jabatan Fungsional", UnitKind::KelompokJabatanFungsional),
      unit(7, "Kelompok Jabatan Fungsional", UnitKind::KelompokJabatanFungsional, 4),
      unit(8, "Sub Bidang Data Kompetensi", UnitKind::SubBidang, 5),
  };
  std::vector<Position> positions = [] {
    std::vector<Position> p = {
        position(1, "Kepala Badan", PositionKind::JptPratama, "II.a", std::nullopt, std::nullopt),
        position(2, "Sekretaris", PositionKind::Administrator, "III.a", 1, 1),
        position(3, "Kepala Sub Bagian Umum dan Kepegawaian", PositionKind::Pengawas, "IV.a", 2, 2),
        position(4, "Kepala Sub Bagian Perencanaan Program", PositionKind::Pengawas, "IV.a", 3, 2),
        position(5, "Kepala Bidang Mutasi dan Promosi", PositionKind::Administrator, "III.a", 4, 1),
        position(6, "Kepala Bidang Pengembangan Kompetensi Aparatur", PositionKind::Administrator,
                 "III.b", 5, 1),
        position(7, "Kepala Sub Bidang Data Kompetensi", PositionKind::Pengawas, "IV.a", 8, 6),
        position(8, "Analis Kebijakan Ahli Madya", PositionKind::Fungsional, "", 6, std::nullopt),
        position(9, "Analis Sumber Daya Manusia Aparatur Ahli Muda", PositionKind::Fungsional, "",
                 7, 5),
        position(10, "Perencana Ahli Pertama", PositionKind::Fungsional, "", 1, std::nullopt),
        position(11, "Pengadministrasi Umum", PositionKind::Pelaksana, "", 2, std::nullopt),
        position(12, "Bendahara", PositionKind::Pelaksana, "", 5, std::nullopt),
        position(13, "Pengolah Data", PositionKind::Pelaksana, "", 8, std::nullopt),
        position(14, "Pranata Komputer Ahli Muda", PositionKind::Fungsional, "", std::nullopt,
                 std::nullopt),
        // No unit; the direct superior is a JF, above whom sits the Kepala Bidang.
        position(15, "Pengelola Data Kepegawaian", PositionKind::Pelaksana, "", std::nullopt, 9),
        position(16, "Kepala Seksi Mutasi", PositionKind::Pengawas, "IV.a", 4, 5),
        position(17, "Pengadministrasi Mutasi", PositionKind::Pelaksana, "", std::nullopt, 16),
        position(18, "Analis Kebijakan Ahli Utama", PositionKind::Fungsional, "", 1, 2),
    };
    p[0].reports_to = "Gubernur melalui Sekretaris Daerah";
    p[15].abolished = true;  // the Seksi was removed by simplification of the bureaucracy
    return p;
  }();
};

TEST(WorkLevels, BadanLevelsFollowTheStructure) {
  const Badan b;
  const auto got = resolve(b.agency_, b.units, b.positions);
  EXPECT_EQ(got.size(), 17u);  // the abolished Kepala Seksi gets none
  EXPECT_FALSE(got.count(16));

  const LevelAssignment& head = got.at(1);
  EXPECT_EQ(head.work_level, 1);
  EXPECT_FALSE(head.appraiser_id);
  EXPECT_EQ(head.appraiser_outside, "Gubernur melalui Sekretaris Daerah");

  expect_inside(got, 2, 2, 1);  // Sekretaris
  expect_inside(got, 5, 2, 1);  // Kepala Bidang III.a
  expect_inside(got, 6, 2, 1);  // Kepala Bidang III.b
  expect_inside(got, 3, 3, 2);  // Kepala Sub Bagian under the Sekretaris
  expect_inside(got, 4, 3, 2);
  expect_inside(got, 7, 3, 6);  // Kepala Sub Bidang under the Kepala Bidang
  EXPECT_EQ(got.at(2).rule, "atasan langsung (JPT Pratama)");
  EXPECT_EQ(got.at(3).rule, "atasan langsung (Administrator)");
}

TEST(WorkLevels, BadanFunctionalPositionsFollowPasal13) {
  const Badan b;
  const auto got = resolve(b.agency_, b.units, b.positions);
  // Ahli Madya and Ahli Utama: the agency head, wherever they sit (003 Pasal 13 ayat (2) huruf a).
  expect_inside(got, 8, 0, 1);
  EXPECT_NE(got.at(8).rule.find("Ahli Madya"), std::string::npos);
  EXPECT_NE(got.at(8).rule.find("Pasal 13"), std::string::npos);
  expect_inside(got, 18, 0, 1);
  EXPECT_NE(got.at(18).rule.find("Ahli Utama"), std::string::npos);
  // Ahli Muda and below: the head of their unit as coordinator (huruf b); a Kelompok Jabatan
  // Fungsional has no head, so the unit above it counts.
  expect_inside(got, 9, 0, 5);
  expect_inside(got, 10, 0, 2);
  EXPECT_NE(got.at(10).rule.find("koordinator"), std::string::npos);
  // In no unit and with no superior: the agency head.
  expect_inside(got, 14, 0, 1);
}

TEST(WorkLevels, BadanPelaksanaGoToTheSmallestUnitHead) {
  const Badan b;
  const auto got = resolve(b.agency_, b.units, b.positions);
  expect_inside(got, 11, 0, 3);  // Sub Bagian Umum: its Kepala Sub Bagian (Pengawas)
  expect_inside(got, 12, 0, 6);  // a Bidang without sub-units: the Kepala Bidang
  expect_inside(got, 13, 0, 7);  // Sub Bidang: the Kepala Sub Bidang
  expect_inside(got, 15, 0, 5);  // superior is a JF: walk up to the Kepala Bidang
  expect_inside(got, 17, 0, 5);  // superior is abolished: walk up past it
  EXPECT_NE(got.at(15).rule.find("paling rendah Pengawas"), std::string::npos);
}

TEST(WorkLevels, HeadWithoutReportsToIsAppraisedByTheHeadOfRegion) {
  Badan b;
  b.positions[0].reports_to.clear();
  const auto got = resolve(b.agency_, b.units, b.positions);
  EXPECT_EQ(got.at(1).appraiser_outside, "Kepala Daerah");
  EXPECT_FALSE(got.at(1).appraiser_id);
}

TEST(WorkLevels, StructuralUnderAJfIsAppraisedByTheNextStructuralUp) {
  Badan b;
  b.positions[3].superior_id = 10;  // Kepala Sub Bagian recorded under the Perencana (a JF)
  b.positions[9].superior_id = 2;   // the Perencana under the Sekretaris
  const auto got = resolve(b.agency_, b.units, b.positions);
  expect_inside(got, 4, 3, 2);
  EXPECT_NE(got.at(4).rule.find("003 Pasal 1 angka 25"), std::string::npos);
}

// 004 Pasal 11 huruf a: Sekda (Level I) -> Asisten (Level II) -> Kepala Bagian (Level III), who
// appraises JF and Pelaksana.
TEST(WorkLevels, SekretariatDaerahHasAsistenBetweenSekdaAndKepalaBagian) {
  const Agency setda = agency("Sekretariat Daerah", "Sekretariat Daerah");
  const std::vector<Unit> units = {
      unit(1, "Bagian Organisasi", UnitKind::Bagian),
      unit(2, "Bagian Hukum", UnitKind::Bagian),
      unit(3, "Bagian Umum", UnitKind::Bagian),
      unit(4, "Sub Bagian Tata Usaha", UnitKind::SubBagian, 3),
  };
  const std::vector<Position> positions = {
      position(1, "Sekretaris Daerah", PositionKind::JptPratama, "II.a", std::nullopt,
               std::nullopt),
      position(2, "Asisten Pemerintahan dan Kesejahteraan Rakyat", PositionKind::JptPratama, "II.b",
               std::nullopt, 1),
      position(3, "Asisten Administrasi Umum", PositionKind::JptPratama, "II.b", std::nullopt, 1),
      position(4, "Kepala Bagian Organisasi", PositionKind::Administrator, "III.a", 1, 2),
      position(5, "Kepala Bagian Hukum", PositionKind::Administrator, "III.a", 2, 2),
      position(6, "Kepala Bagian Umum", PositionKind::Administrator, "III.a", 3, 3),
      position(7, "Kepala Sub Bagian Tata Usaha", PositionKind::Pengawas, "IV.a", 4, 6),
      position(8, "Analis Kelembagaan Ahli Muda", PositionKind::Fungsional, "", 1, std::nullopt),
      position(9, "Pengadministrasi Perundang-undangan", PositionKind::Pelaksana, "", 2,
               std::nullopt),
      position(10, "Analis Kebijakan Ahli Madya", PositionKind::Fungsional, "", 1, std::nullopt),
  };
  const auto got = resolve(setda, units, positions);
  EXPECT_EQ(got.at(1).work_level, 1);
  EXPECT_EQ(got.at(1).appraiser_outside, "Kepala Daerah");
  expect_inside(got, 2, 2, 1);  // Asisten: Level II
  expect_inside(got, 3, 2, 1);
  expect_inside(got, 4, 3, 2);  // Kepala Bagian: Level III, appraised by the Asisten
  expect_inside(got, 5, 3, 2);
  expect_inside(got, 6, 3, 3);
  expect_inside(got, 7, 0, 6);  // below Level III: no level, still appraised by the Kepala Bagian
  expect_inside(got, 8, 0, 4);  // JF: the Kepala Bagian
  expect_inside(got, 9, 0, 5);  // Pelaksana: the Kepala Bagian
  expect_inside(got, 10, 0, 1);
}

// 004 Pasal 11 huruf f: the Kepala UPTD is Level I of the UPTD and appraises its JF and Pelaksana
// directly, also those sitting in its Sub Bagian Tata Usaha.
TEST(WorkLevels, UptdHeadIsLevelOneOfItsUnit) {
  const Agency dinas = agency("Dinas Kesehatan", "Dinas");
  const std::vector<Unit> units = {
      unit(1, "Sekretariat", UnitKind::Sekretariat),
      unit(2, "Bidang Pelayanan Kesehatan", UnitKind::Bidang),
      unit(3, "UPTD Laboratorium Kesehatan Daerah", UnitKind::Uptd),
      unit(4, "Sub Bagian Tata Usaha", UnitKind::SubBagian, 3),
      unit(5, "UPTD Puskesmas Oesapa", UnitKind::Uptd, 2),
  };
  const std::vector<Position> positions = {
      position(1, "Kepala Dinas", PositionKind::JptPratama, "II.b", std::nullopt, std::nullopt),
      position(2, "Sekretaris", PositionKind::Administrator, "III.a", 1, 1),
      position(3, "Kepala Bidang Pelayanan Kesehatan", PositionKind::Administrator, "III.b", 2, 1),
      position(4, "Kepala UPTD Laboratorium Kesehatan Daerah", PositionKind::Pengawas, "IV.a", 3,
               1),
      position(5, "Kepala Sub Bagian Tata Usaha", PositionKind::Pengawas, "IV.b", 4, 4),
      position(6, "Pranata Laboratorium Kesehatan Ahli Muda", PositionKind::Fungsional, "", 3,
               std::nullopt),
      position(7, "Pengadministrasi Umum", PositionKind::Pelaksana, "", 4, 5),
      position(8, "Pranata Laboratorium Kesehatan Ahli Madya", PositionKind::Fungsional, "", 3,
               std::nullopt),
      // No eselon and no superior recorded: the kind and the unit tree decide.
      position(9, "Kepala UPTD Puskesmas Oesapa", PositionKind::Pengawas, "", 5, std::nullopt),
      position(10, "Perawat Terampil", PositionKind::Fungsional, "", 5, std::nullopt),
  };
  const auto got = resolve(dinas, units, positions);
  EXPECT_EQ(got.at(1).work_level, 1);
  expect_inside(got, 2, 2, 1);
  expect_inside(got, 3, 2, 1);
  expect_inside(got, 4, 1, 1);  // Level I of the UPTD, appraised by the Kepala Dinas
  EXPECT_NE(got.at(4).rule.find("Kepala UPTD"), std::string::npos);
  expect_inside(got, 5, 2, 4);  // Level II of the UPTD
  expect_inside(got, 6, 0, 4);
  expect_inside(got, 7, 0, 4);  // the Kepala UPTD, not the Kepala Sub Bagian Tata Usaha
  EXPECT_NE(got.at(7).rule.find("004 Pasal 11 huruf f"), std::string::npos);
  expect_inside(got, 8, 0, 4);
  expect_inside(got, 9, 1, 3);  // under the Bidang its UPTD belongs to
  expect_inside(got, 10, 0, 9);
}

// 004 Pasal 11 huruf e: in the DPMPTSP the head appraises JF and Pelaksana directly.
TEST(WorkLevels, DpmptspHeadAppraisesJfAndPelaksanaDirectly) {
  const Agency dpmptsp = agency("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas");
  EXPECT_TRUE(is_one_stop_service_agency(dpmptsp));
  EXPECT_TRUE(is_one_stop_service_agency(agency("DPMPTSP Kabupaten Kupang", "Dinas")));
  EXPECT_FALSE(is_one_stop_service_agency(agency("Dinas Kesehatan", "Dinas")));
  const std::vector<Unit> units = {
      unit(1, "Sekretariat", UnitKind::Sekretariat),
      unit(2, "Sub Bagian Umum", UnitKind::SubBagian, 1),
      unit(3, "Bidang Pelayanan Perizinan", UnitKind::Bidang),
  };
  const std::vector<Position> positions = {
      position(1, "Kepala Dinas", PositionKind::JptPratama, "II.b", std::nullopt, std::nullopt),
      position(2, "Sekretaris", PositionKind::Administrator, "III.a", 1, 1),
      position(3, "Kepala Sub Bagian Umum", PositionKind::Pengawas, "IV.a", 2, 2),
      position(4, "Kepala Bidang Pelayanan Perizinan", PositionKind::Administrator, "III.b", 3, 1),
      position(5, "Penata Perizinan Ahli Muda", PositionKind::Fungsional, "", 3, std::nullopt),
      position(6, "Pengadministrasi Umum", PositionKind::Pelaksana, "", 2, std::nullopt),
  };
  const auto got = resolve(dpmptsp, units, positions);
  expect_inside(got, 2, 2, 1);
  expect_inside(got, 3, 3, 2);
  expect_inside(got, 4, 2, 1);
  expect_inside(got, 5, 0, 1);
  expect_inside(got, 6, 0, 1);
  EXPECT_NE(got.at(6).rule.find("004 Pasal 11 huruf e"), std::string::npos);
}

// Without eselon and superiors, the kind and the unit tree place each structural position.
TEST(WorkLevels, MissingEselonAndSuperiorsFallBackToKindAndUnits) {
  const Agency badan = agency("Badan Pengelola Perbatasan Daerah", "Badan");
  const std::vector<Unit> units = {
      unit(1, "Sekretariat", UnitKind::Sekretariat),
      unit(2, "Sub Bagian Umum", UnitKind::SubBagian, 1),
      unit(3, "Bidang Pengelolaan Batas Wilayah", UnitKind::Bidang),
  };
  const std::vector<Position> positions = {
      position(4, "Kepala Bidang Pengelolaan Batas Wilayah", PositionKind::Administrator, "", 3,
               std::nullopt),
      position(3, "Kepala Sub Bagian Umum", PositionKind::Pengawas, "", 2, std::nullopt),
      position(2, "Sekretaris", PositionKind::Administrator, "", 1, std::nullopt),
      position(1, "Kepala Badan", PositionKind::JptPratama, "", std::nullopt, std::nullopt),
  };
  const auto got = resolve(badan, units, positions);
  EXPECT_EQ(got.at(1).work_level, 1);
  EXPECT_EQ(got.at(1).appraiser_outside, "Kepala Daerah");
  expect_inside(got, 2, 2, 1);
  expect_inside(got, 3, 3, 2);
  expect_inside(got, 4, 2, 1);
  // The eselon wins over the kind: a position typed Administrator but graded II.a is the head.
  std::vector<Position> regraded = positions;
  regraded[3].kind = PositionKind::Administrator;  // Kepala Badan mistyped, no eselon
  regraded[2].eselon = Eselon::parse("II.a");      // Sekretaris typed Administrator, graded II.a
  const auto got2 = resolve(badan, units, regraded);
  EXPECT_EQ(got2.at(2).work_level, 1);
  EXPECT_EQ(unit_head(positions, 1), std::optional<Id>(2));
  EXPECT_EQ(unit_head(positions, 99), std::nullopt);
}

TEST(UnitHead, SubGradeThenUnwrittenEselonThenRegulationOrder) {
  // Same grade III: a above b, and a position whose eselon is not written (an Administrator,
  // ranked as III) after both; then regulation order, then id.
  const std::vector<Position> positions = {
      position(1, "Kepala Bidang Tanpa Eselon", PositionKind::Administrator, "", 5, std::nullopt),
      position(2, "Kepala Bidang III.b", PositionKind::Administrator, "III.b", 5, std::nullopt),
      position(3, "Kepala Bidang III.a", PositionKind::Administrator, "III.a", 5, std::nullopt),
      position(4, "Analis", PositionKind::Fungsional, "", 5, std::nullopt),
  };
  EXPECT_EQ(unit_head(positions, 5), std::optional<Id>(3));
  EXPECT_EQ(unit_head({positions[0], positions[1]}, 5), std::optional<Id>(2));
  EXPECT_EQ(unit_head({positions[0], positions[3]}, 5), std::optional<Id>(1));
  EXPECT_EQ(unit_head({positions[3]}, 5), std::nullopt);
  // Equal rank: the first in regulation order.
  Position twin = positions[2];
  twin.id = 9;
  twin.ordinal = 0;
  EXPECT_EQ(unit_head({positions[2], twin}, 5), std::optional<Id>(9));
  // The kind makes a position structural; an eselon only ranks it.
  Position graded = positions[3];
  graded.eselon = Eselon::parse("IV.a");
  EXPECT_EQ(unit_head({graded}, 5), std::nullopt);
  EXPECT_TRUE(heads_before(positions[2], positions[1]));
  EXPECT_FALSE(heads_before(positions[1], positions[2]));
}

TEST(WorkLevels, HeadOfUnitIsTheHighestStructuralPosition) {
  const std::vector<Position> positions = {
      position(1, "Pengadministrasi", PositionKind::Pelaksana, "", 7, std::nullopt),
      position(2, "Kepala Sub Bagian", PositionKind::Pengawas, "IV.a", 7, std::nullopt),
      position(3, "Kepala Bagian", PositionKind::Administrator, "III.a", 7, std::nullopt),
      position(4, "Kepala Bagian Lama", PositionKind::Administrator, "II.b", 7, std::nullopt),
  };
  std::vector<Position> with_abolished = positions;
  with_abolished[3].abolished = true;
  EXPECT_EQ(unit_head(with_abolished, 7), std::optional<Id>(3));
  EXPECT_EQ(unit_head(positions, 7), std::optional<Id>(4));
  EXPECT_EQ(unit_head({positions[0]}, 7), std::nullopt);
}

TEST(WorkLevels, CyclicDataTerminatesAndNobodyAppraisesThemselves) {
  const Agency badan = agency("Badan Pendapatan Daerah", "Badan");
  // Units 1 and 2 are each other's parent; positions 1 and 2 each other's superior; 3 is its own.
  const std::vector<Unit> units = {
      unit(1, "Bidang A", UnitKind::Bidang, 2),
      unit(2, "Bidang B", UnitKind::Bidang, 1),
  };
  const std::vector<Position> positions = {
      position(1, "Kepala Bidang A", PositionKind::Administrator, "III.a", 1, 2),
      position(2, "Kepala Bidang B", PositionKind::Administrator, "III.a", 2, 1),
      position(3, "Kepala Sub Bidang", PositionKind::Pengawas, "IV.a", std::nullopt, 3),
      position(4, "Analis Ahli Muda", PositionKind::Fungsional, "", 1, 4),
      position(5, "Pengadministrasi", PositionKind::Pelaksana, "", std::nullopt, 6),
      position(6, "Pengolah Data", PositionKind::Pelaksana, "", std::nullopt, 5),
  };
  const auto got = resolve(badan, units, positions);  // checks: no self-appraisal
  ASSERT_EQ(got.size(), 6u);
  int level_one = 0;
  for (const auto& [id, a] : got) {
    if (a.work_level == 1) ++level_one;
    EXPECT_TRUE(a.appraiser_id || !a.appraiser_outside.empty()) << id;
  }
  EXPECT_EQ(level_one, 1);
  // Only non-structural positions: nobody inside can appraise.
  const auto none = resolve(badan, {}, {positions[4], positions[5]});
  EXPECT_FALSE(none.at(5).appraiser_id);
  EXPECT_EQ(none.at(5).work_level, 0);
}

TEST(WorkLevels, EmptyInputGivesNothing) {
  EXPECT_TRUE(resolve_work_levels(agency("Badan", "Badan"), {}, {}).empty());
}

// The id of an engine record ("u3", "p12") as a registry id.
Id id_of(const std::string& engine_id) {
  return std::stoll(engine_id.substr(1));
}

// The real 003 text through the engine, converted to registry records.
TEST(WorkLevels, Regulation003ThroughTheEngine) {
  const auto reading = regulation::read_regulation(tatakerja::testing::corpus_text("003"));
  const auto& facts = reading.facts;
  ASSERT_TRUE(facts.agency);
  Agency a;
  a.id = 1;
  a.name = facts.agency->name;
  a.kind = agency_kind_from_string(facts.agency->kind);
  std::vector<Unit> units;
  for (const regulation::Unit& u : facts.units) {
    Unit r;
    r.id = id_of(u.id);
    r.agency_id = 1;
    r.name = u.name;
    r.kind = u.kind;
    if (!u.parent.empty()) r.parent_id = id_of(u.parent);
    units.push_back(r);
  }
  std::vector<Position> positions;
  for (const regulation::Position& p : facts.positions) {
    Position r;
    r.id = id_of(p.id);
    r.agency_id = 1;
    r.title = p.title;
    r.kind = p.kind.value_or(position_kind_of_title(p.title));
    r.eselon = Eselon::parse(p.eselon);
    if (!p.unit.empty()) r.unit_id = id_of(p.unit);
    if (!p.superior.empty()) r.superior_id = id_of(p.superior);
    r.reports_to = p.reports_to;
    positions.push_back(r);
  }
  auto find = [&](std::string_view title) -> const Position* {
    for (const Position& p : positions)
      if (p.title == title) return &p;
    return nullptr;
  };
  const Position* head = find("Kepala Badan");
  const Position* sekretaris = find("Sekretaris");
  ASSERT_TRUE(head);
  ASSERT_TRUE(sekretaris);

  const auto got = resolve(a, units, positions);
  ASSERT_EQ(got.size(), positions.size());
  EXPECT_EQ(got.at(head->id).work_level, 1);
  EXPECT_FALSE(got.at(head->id).appraiser_id);
  EXPECT_FALSE(got.at(head->id).appraiser_outside.empty());
  expect_inside(got, sekretaris->id, 2, head->id);
  int bidang_heads = 0;
  for (const Position& p : positions) {
    if (p.title.rfind("Kepala Bidang ", 0) == 0) {
      ++bidang_heads;
      expect_inside(got, p.id, 2, head->id);
    }
    if (p.title.rfind("Kepala Sub Bagian ", 0) == 0) expect_inside(got, p.id, 3, sekretaris->id);
  }
  EXPECT_EQ(bidang_heads, 4);  // Badan Tipe A: at most 4 bidang, and 003 has 4
}

}  // namespace
}  // namespace tatakerja::org
