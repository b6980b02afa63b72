// The people of the assignment tests (the scenario files and the authorisation matrix), on the
// demo database (sample::build_demo on the corpus) served by a real server on a loopback port.
//
// Kota Batam (003): the demo's Badan Kepegawaian dan Pengembangan Sumber Daya Manusia as
// imported from 003: two of its Bidang (`batam_a`, `batam_b`), each with its Kepala Bidang
// (`kabid_a`, `kabid_b`) and an official whose appraiser that Kepala Bidang is (`jf_a`, `jf_b`),
// the Kepala Badan (`kepala_badan`, Level I); added, the Sekretariat Daerah with its Sekretaris
// Daerah (`sekda_batam`), the Pejabat yang Berwenang across governments.
//
// Kabupaten Kupang (004, whose text sets no agency): added,
// - the Sekretariat Daerah (004 Pasal 11 huruf a: the Kepala Bagian assigns and appraises):
//   Sekretaris Daerah `sekda_kupang` (Level I); Bagian Organisasi (`kupang_organisasi`) with its
//   Kepala Bagian `kabag_organisasi`, the team lead `analis_organisasi` and the member
//   `pengadministrasi_organisasi` (a team "Tim Penataan Tata Laksana" of the two); Bagian Hukum
//   (`kupang_hukum`), whose Kepala Bagian position is held by a Plt only: `plt_kabag_hukum`
//   (definitively Kepala Subbagian Bantuan Hukum), and the official `perancang_hukum`, whose
//   appraiser is therefore the Plt;
// - the DPMPTSP (004 Pasal 11 huruf e: the head appraises JF and Pelaksana directly): Kepala Dinas
//   `kadis_pmptsp` (Level I), Bidang Pelayanan Perizinan (`kupang_perizinan`) with its Kepala
//   Bidang `kabid_perizinan` and the official `analis_perizinan`, appraised by the Kepala Dinas;
// - the Dinas Kesehatan with a UPTD (004 Pasal 11 huruf f: the Kepala UPTD assigns and appraises):
//   Kepala Dinas `kadis_kesehatan`, Bidang Pelayanan Kesehatan (`kupang_yankes`) with its Kepala
//   Bidang `kabid_yankes`, UPTD Puskesmas Oesao (`kupang_uptd`) with its head `kepala_uptd` and
//   the official `pranata_lab`;
// - the Sekretariat Daerah's Asisten `asisten_kupang` over the Bagian Organisasi (the extra level
//   of its flow of work, 004 Pasal 23), and a school (UPTD SMP Negeri 1 Kupang Tengah,
//   `kupang_smp`) of the Dinas Pendidikan dan Kebudayaan with its head `kepala_sekolah` and a
//   teacher `guru` (issue 12 item 4: the activities' variants).
//
// Each person gets an account named after the alias, with the password kPassword; `admin` is the
// demo's administrator (no employee).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/importer.hpp"
#include "app/teams.hpp"
#include "core/transaction.hpp"
#include "org/nip.hpp"
#include "org/unit_head.hpp"
#include "support/registry_seed.hpp"

namespace tatakerja::testing {

inline constexpr const char* kPassword = "kata-sandi-uji-penugasan-2026";

struct Cast {
  std::map<std::string, org::Id> people;  // alias -> employee id
  std::map<std::string, org::Id> units;   // alias -> unit id
};

class CastBuilder {
 public:
  explicit CastBuilder(const app::Stores& s) : s_(s) {}

  Cast build() {
    Transaction tx(s_.transactions);
    batam();
    kupang();
    tx.commit();
    for (const auto& [alias, id] : cast_.people) {
      app::add_account(s_, app::cli_actor(), alias, alias, kPassword, identity::Role::Employee, id);
    }
    team();
    return cast_;
  }

 private:
  org::Id region(const std::string& name) {
    for (const auto& r : s_.org.regions()) {
      if (r.name == name) return r.id;
    }
    ADD_FAILURE() << "no region " << name;
    return 0;
  }
  org::Id person(org::Id region, const std::string& name) {
    ++serial_;
    const std::string nip = org::make_nip(Date{1980 + serial_ % 15, 1 + serial_ % 12, 10}, 2008, 3,
                                          org::Sex::Female, serial_);
    return s_.org.insert_employee(make_employee(region, nip, name));
  }
  void place(org::Id employee, org::Id position, org::PlacementKind kind) {
    org::Placement p;
    p.employee_id = employee;
    p.position_id = position;
    p.start = Date{2025, 1, 2};
    p.kind = kind;
    s_.org.insert_placement(p);
  }
  org::Id position(org::Id agency, std::optional<org::Id> unit, std::optional<org::Id> superior,
                   const std::string& title, PositionKind kind) {
    org::Position p;
    p.agency_id = agency;
    p.unit_id = unit;
    p.superior_id = superior;
    p.title = title;
    p.kind = kind;
    p.ordinal = ++serial_;
    return s_.org.insert_position(p);
  }
  org::Id unit(org::Id agency, const std::string& name, UnitKind kind,
               std::optional<org::Id> parent = std::nullopt) {
    org::Unit u;
    u.agency_id = agency;
    u.parent_id = parent;
    u.name = name;
    u.kind = kind;
    u.ordinal = ++serial_;
    return s_.org.insert_unit(u);
  }
  org::Id agency(org::Id region, const std::string& name, AgencyKind kind) {
    org::Agency a;
    a.region_id = region;
    a.regulation_id = s_.org.regulations_of_region(region).front().id;
    a.name = name;
    a.kind = kind;
    return s_.org.insert_agency(a);
  }
  // A person placed definitively in a new position.
  org::Id seated(org::Id region, org::Id pos, const std::string& alias, const std::string& name) {
    const org::Id e = person(region, name);
    place(e, pos, org::PlacementKind::Definitive);
    cast_.people[alias] = e;
    return e;
  }
  // The Sekretariat Daerah of a region with its Sekretaris Daerah; its id.
  org::Id secretariat(org::Id region, const std::string& alias, const std::string& name) {
    const org::Id a = agency(region, "Sekretariat Daerah", AgencyKind::SekretariatDaerah);
    seated(region,
           position(a, std::nullopt, std::nullopt, "Sekretaris Daerah", PositionKind::JptPratama),
           alias, name);
    app::refresh_work_levels(s_, a);
    return a;
  }

  // The demo's Badan of Kota Batam: the first two Bidang whose head and an official appraised by
  // that head are held definitively.
  void batam() {
    const org::Id r = region("Kota Batam");
    const auto agencies = s_.org.agencies_of_region(r);
    ASSERT_FALSE(agencies.empty());
    const org::Agency& badan = agencies.front();
    const auto positions = s_.org.positions_of_agency(badan.id);
    auto definitive = [&](org::Id pos) -> std::optional<org::Id> {
      for (const auto& h : s_.org.holders_of_position(pos)) {
        if (h.placement.kind == org::PlacementKind::Definitive) return h.employee.id;
      }
      return std::nullopt;
    };
    int found = 0;
    for (const auto& u : s_.org.units_of_agency(badan.id, false)) {
      if (u.kind != UnitKind::Bidang || found == 2) continue;
      const auto head = org::unit_head(positions, u.id);
      const auto head_holder = head ? definitive(*head) : std::nullopt;
      if (!head_holder) continue;
      for (const auto& p : positions) {
        if (p.unit_id != u.id || p.appraiser_id != head || p.work_level != 0) continue;
        const auto staff = definitive(p.id);
        if (!staff) continue;
        const std::string x = found == 0 ? "a" : "b";
        cast_.units["batam_" + x] = u.id;
        cast_.people["kabid_" + x] = *head_holder;
        cast_.people["jf_" + x] = *staff;
        ++found;
        break;
      }
    }
    ASSERT_EQ(found, 2) << "the demo's Badan has no two Bidang with their officials";
    // The Kepala Badan (Level I of the Badan's activities); seated when the demo left it vacant.
    for (const auto& p : positions) {
      if (p.unit_id || p.work_level != 1) continue;
      if (const auto h = definitive(p.id)) {
        cast_.people["kepala_badan"] = *h;
      } else {
        seated(r, p.id, "kepala_badan", "Kepala Badan Kota Batam (Uji)");
      }
    }
    secretariat(r, "sekda_batam", "Sekretaris Daerah Kota Batam (Uji)");
  }

  void kupang() {
    const org::Id r = region("Kabupaten Kupang");
    const org::Id setda = secretariat(r, "sekda_kupang", "Yosefina Nenobais");
    const org::Id sekda_pos = s_.org.positions_of_agency(setda).front().id;
    // The Asisten over the Bagian Organisasi: the Sekretariat Daerah's extra level (004 Pasal 23).
    const org::Id asisten_unit =
        unit(setda, "Asisten Pemerintahan dan Kesejahteraan Rakyat", UnitKind::Asisten);
    const org::Id asisten =
        position(setda, asisten_unit, sekda_pos, "Asisten Pemerintahan dan Kesejahteraan Rakyat",
                 PositionKind::JptPratama);
    seated(r, asisten, "asisten_kupang", "Hendrik Lay");
    const org::Id organisasi = unit(setda, "Bagian Organisasi", UnitKind::Bagian, asisten_unit);
    const org::Id hukum = unit(setda, "Bagian Hukum", UnitKind::Bagian);
    cast_.units["kupang_organisasi"] = organisasi;
    cast_.units["kupang_hukum"] = hukum;
    const org::Id kabag_org = position(setda, organisasi, asisten, "Kepala Bagian Organisasi",
                                       PositionKind::Administrator);
    seated(r, kabag_org, "kabag_organisasi", "Maria Goreti Tefa");
    seated(r,
           position(setda, organisasi, kabag_org, "Analis Organisasi Ahli Muda",
                    PositionKind::Fungsional),
           "analis_organisasi", "Daniel Bani");
    seated(r,
           position(setda, organisasi, kabag_org, "Pengadministrasi Perkantoran",
                    PositionKind::Pelaksana),
           "pengadministrasi_organisasi", "Yohana Sabu");
    const org::Id kabag_hukum =
        position(setda, hukum, sekda_pos, "Kepala Bagian Hukum", PositionKind::Administrator);
    const org::Id kasubbag = position(setda, hukum, kabag_hukum, "Kepala Subbagian Bantuan Hukum",
                                      PositionKind::Pengawas);
    const org::Id plt = seated(r, kasubbag, "plt_kabag_hukum", "Fransiskus Lake");
    place(plt, kabag_hukum, org::PlacementKind::Plt);
    seated(
        r,
        position(setda, hukum, kabag_hukum, "Perancang Peraturan Perundang-undangan Ahli Pertama",
                 PositionKind::Fungsional),
        "perancang_hukum", "Agustina Manafe");
    app::refresh_work_levels(s_, setda);

    const org::Id dinas =
        agency(r, "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", AgencyKind::Dinas);
    const org::Id kadis =
        position(dinas, std::nullopt, std::nullopt, "Kepala Dinas", PositionKind::JptPratama);
    seated(r, kadis, "kadis_pmptsp", "Benyamin Tallo");
    const org::Id perizinan = unit(dinas, "Bidang Pelayanan Perizinan", UnitKind::Bidang);
    cast_.units["kupang_perizinan"] = perizinan;
    const org::Id kabid = position(dinas, perizinan, kadis, "Kepala Bidang Pelayanan Perizinan",
                                   PositionKind::Administrator);
    seated(r, kabid, "kabid_perizinan", "Kristina Amalo");
    seated(r,
           position(dinas, perizinan, kabid, "Analis Kebijakan Ahli Pertama",
                    PositionKind::Fungsional),
           "analis_perizinan", "Imanuel Sanam");
    app::refresh_work_levels(s_, dinas);
    health(r);
  }

  // A Dinas with a UPTD (004 Pasal 11 huruf f: the head of a UPTD appraises and assigns its JF
  // and Pelaksana directly).
  void health(org::Id r) {
    const org::Id dinas = agency(r, "Dinas Kesehatan", AgencyKind::Dinas);
    const org::Id kadis =
        position(dinas, std::nullopt, std::nullopt, "Kepala Dinas", PositionKind::JptPratama);
    seated(r, kadis, "kadis_kesehatan", "Paulus Nitte");
    const org::Id yankes = unit(dinas, "Bidang Pelayanan Kesehatan", UnitKind::Bidang);
    cast_.units["kupang_yankes"] = yankes;
    seated(r,
           position(dinas, yankes, kadis, "Kepala Bidang Pelayanan Kesehatan",
                    PositionKind::Administrator),
           "kabid_yankes", "Theresia Kase");
    const org::Id uptd = unit(dinas, "UPTD Puskesmas Oesao", UnitKind::Uptd);
    cast_.units["kupang_uptd"] = uptd;
    const org::Id head =
        position(dinas, uptd, kadis, "Kepala UPTD Puskesmas Oesao", PositionKind::Pengawas);
    seated(r, head, "kepala_uptd", "Marthen Lau");
    seated(r,
           position(dinas, uptd, head, "Pranata Laboratorium Kesehatan Ahli Pertama",
                    PositionKind::Fungsional),
           "pranata_lab", "Elisabeth Tanono");
    app::refresh_work_levels(s_, dinas);
    school(r);
  }

  // A school (UPTD Pendidikan Formal; 004 Pasal 11: the school head assigns and appraises the
  // teachers directly and is the Level I of its activities).
  void school(org::Id r) {
    const org::Id dinas = agency(r, "Dinas Pendidikan dan Kebudayaan", AgencyKind::Dinas);
    const org::Id kadis =
        position(dinas, std::nullopt, std::nullopt, "Kepala Dinas", PositionKind::JptPratama);
    seated(r, kadis, "kadis_pendidikan", "Yakobus Neno");
    const org::Id smp = unit(dinas, "UPTD SMP Negeri 1 Kupang Tengah", UnitKind::Uptd);
    cast_.units["kupang_smp"] = smp;
    const org::Id head = position(dinas, smp, kadis, "Kepala Sekolah SMP Negeri 1 Kupang Tengah",
                                  PositionKind::Pengawas);
    seated(r, head, "kepala_sekolah", "Rosalina Bessie");
    seated(r, position(dinas, smp, head, "Guru Ahli Pertama", PositionKind::Fungsional), "guru",
           "Melkianus Taek");
    app::refresh_work_levels(s_, dinas);
  }

  void team() {
    app::NewTeam t;
    t.name = "Tim Penataan Tata Laksana";
    t.kind = work::TeamKind::Routine;
    t.target = "Peta proses bisnis perangkat daerah tersusun";
    t.owner_unit_id = cast_.units["kupang_organisasi"];
    t.lead_employee_id = cast_.people["analis_organisasi"];
    t.member_employee_ids = {cast_.people["pengadministrasi_organisasi"]};
    t.formed = Date{2026, 1, 5};
    app::form_team(s_, app::cli_actor(), t);  // in a transaction of its own
  }

  const app::Stores& s_;
  Cast cast_;
  int serial_ = 0;
};

}  // namespace tatakerja::testing
