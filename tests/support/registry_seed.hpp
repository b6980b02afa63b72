// A small registry for the stores' tests: one region, regulation, article, agency, unit and two
// positions, written through the OrgStore port (so it works on every backend), and employees.
#pragma once

#include <string>
#include <utility>

#include "org/org_store.hpp"

namespace tatakerja::testing {

// The ids of what seed() stored.
struct Seed {
  org::Id region = 0, regulation = 0, article = 0, agency = 0, unit = 0, head = 0, staff = 0;
};

inline Seed seed(org::OrgStore& org) {
  using namespace tatakerja::org;
  Seed s;
  s.region =
      org.insert_region({0, "provinsi-ntt", "Provinsi Nusa Tenggara Timur", RegionKind::Province});
  Regulation r;
  r.region_id = s.region;
  r.kind = "Peraturan Gubernur";
  r.number = "12";
  r.year = 2023;
  r.title = "Kedudukan, Susunan Organisasi";
  r.sha256 = "aa" + std::string(62, '0');
  s.regulation = org.insert_regulation(r, "PERATURAN GUBERNUR\nPasal 1");
  s.article = org.insert_article(
      {0, s.regulation, "Pasal 1", "BAB I > Pasal 1", 1, 3, "Dalam Peraturan ini...", 1});
  Agency a;
  a.region_id = s.region;
  a.regulation_id = s.regulation;
  a.name = "Badan Pengelola Perbatasan Daerah";
  a.kind = AgencyKind::Badan;
  s.agency = org.insert_agency(a);
  Unit u;
  u.agency_id = s.agency;
  u.name = "Sekretariat";
  u.kind = UnitKind::Sekretariat;
  s.unit = org.insert_unit(u);
  Position head;
  head.agency_id = s.agency;
  head.title = "Kepala Badan";
  head.kind = PositionKind::JptPratama;
  s.head = org.insert_position(head);
  Position staff;
  staff.agency_id = s.agency;
  staff.unit_id = s.unit;
  staff.superior_id = s.head;
  staff.title = "Kepala Sub Bagian Umum – Ç";
  staff.kind = PositionKind::Pengawas;
  staff.ordinal = 1;
  s.staff = org.insert_position(staff);
  return s;
}

inline org::Employee make_employee(org::Id region, std::string nip, std::string name) {
  org::Employee e;
  e.region_id = region;
  e.nip = std::move(nip);
  e.name = std::move(name);
  e.kind = org::EmployeeKind::Pns;
  e.birth_date = Date{1985, 3, 12};
  e.appointed_year = 2010;
  e.appointed_month = 4;
  e.sex = org::Sex::Male;
  e.rank = "III/b";
  return e;
}

}  // namespace tatakerja::testing
