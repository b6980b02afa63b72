// The demo database (see demo.hpp): the corpus imported, people generated, acting officials and
// the demo accounts.
#include "sample/demo.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/accounts.hpp"
#include "app/importer.hpp"
#include "app/scope.hpp"
#include "core/error.hpp"
#include "org/unit_head.hpp"
#include "sample/generator.hpp"

namespace tatakerja::sample {
namespace {

using app::Actor;
using app::create_user;
using app::record_audit;
using app::refresh_work_levels;
using org::Id;

constexpr std::uintmax_t kMaxTextBytes = 32u << 20;

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(p, ec);
  if (ec || size == 0 || size > kMaxTextBytes) return false;
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool is_structural(const org::Position& p) {
  return org::structural_grade(p) > 0;
}

}  // namespace

const std::vector<DemoAccount>& demo_accounts() {
  static const std::vector<DemoAccount> kAccounts = {
      {"admin", "demo-admin-2026", "administrator"},
      {"organisasi", "demo-organisasi-2026", "admin_registri"},
      {"pegawai", "demo-pegawai-2026", "pegawai"},
  };
  return kAccounts;
}

DemoSummary build_demo(const app::Stores& store, const std::string& regulations_folder,
                       std::uint64_t seed) {
  namespace fs = std::filesystem;
  DemoSummary sum;
  const Actor demo{std::nullopt, "demo"};

  // 1. Import every text of the folder, in name order.
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(regulations_folder, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  if (ec || files.empty())
    fail(ErrorCode::NotFound, "regulations",
         "Folder " + regulations_folder + " tidak berisi naskah peraturan (.txt).");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string text;
    if (!read_file(f, text)) {
      sum.skipped.push_back(f.string());
      continue;
    }
    import_regulation(store, demo, text);
    ++sum.regulations;
  }

  // 2. Staff every agency: functional officials and executors added, levels resolved, people.
  PeopleGenerator people(seed);
  std::optional<Id> pegawai_employee;
  std::vector<Id> agencies;
  for (const auto& region : store.org.regions()) {
    ++sum.regions;
    people.set_region(region.name);
    for (const auto& agency : store.org.agencies_of_region(region.id)) {
      Transaction tx(store.transactions);
      sum.added_positions += add_staff_positions(store, agency.id, people);
      refresh_work_levels(store, agency.id);
      const auto r = staff_agency(store, agency.id, people);
      sum.employees += r.employees;
      if (!pegawai_employee) pegawai_employee = r.first_functional_employee;
      record_audit(store, demo, "create", "agency_staff", std::to_string(agency.id), "",
                   "{\"employees\":" + std::to_string(r.employees) + "}");
      tx.commit();
      agencies.push_back(agency.id);
    }
  }

  // 3. Acting officials: a vacant structural position gets a Plt (the holder of a subordinate
  //    structural position, else of its superior); then Plh for officials away, to three in all.
  {
    Transaction tx(store.transactions);
    std::vector<org::Position> vacant_structural, held_structural;
    std::vector<org::Position> all;
    for (Id a : agencies)
      for (auto& p : store.org.positions_of_agency(a, false)) {
        if (is_structural(p))
          (store.org.holders_of_position(p.id).empty() ? vacant_structural : held_structural)
              .push_back(p);
        all.push_back(std::move(p));
      }
    auto holder_near = [&](const org::Position& target) -> std::optional<Id> {
      for (const auto& p : all)
        if (p.superior_id == target.id && is_structural(p))
          if (auto h = store.org.holders_of_position(p.id); !h.empty())
            return h.front().employee.id;
      if (target.superior_id)
        if (auto h = store.org.holders_of_position(*target.superior_id); !h.empty())
          return h.front().employee.id;
      return std::nullopt;
    };
    auto place_acting = [&](const org::Position& target, org::PlacementKind kind) {
      auto who = holder_near(target);
      if (!who) return false;
      org::Placement pl;
      pl.employee_id = *who;
      pl.position_id = target.id;
      pl.start = Date{2025, people.pick(1, 6), 1};
      pl.kind = kind;
      pl.id = store.org.insert_placement(pl);
      record_audit(store, demo, "create", "placement", std::to_string(pl.id), "",
                   "{\"kind\":\"" + std::string(org::to_string(kind)) + "\"}");
      ++sum.acting;
      return true;
    };
    for (const auto& p : vacant_structural) {
      if (sum.acting >= 2) break;
      place_acting(p, org::PlacementKind::Plt);
    }
    for (std::size_t k = 0; sum.acting < 3 && !held_structural.empty() && k < 16; ++k) {
      const auto& p = held_structural[static_cast<std::size_t>(
          people.pick(0, static_cast<int>(held_structural.size()) - 1))];
      if (p.superior_id) place_acting(p, org::PlacementKind::Plh);
    }
    tx.commit();
  }

  // 4. The demo accounts.
  identity::User pegawai_user;
  {
    Transaction tx(store.transactions);
    const auto& acc = demo_accounts();
    create_user(store, demo, acc[0].username, "Administrator Demo", acc[0].password,
                identity::Role::Administrator, std::nullopt);
    auto organisasi = create_user(store, demo, acc[1].username, "Bagian Organisasi (Demo)",
                                  acc[1].password, identity::Role::RegistryAdmin, std::nullopt);
    // The registry administrator of one region (issue 10, scope): Kota Batam when the corpus has
    // it, else the first region.
    std::optional<Id> scope = std::nullopt;
    if (const auto batam = store.org.region_by_code("kota-batam")) {
      scope = batam->id;
    } else if (const auto regions = store.org.regions(); !regions.empty()) {
      scope = regions.front().id;
    }
    if (scope) app::set_account_scope(store, demo, organisasi, scope, {});
    std::string display = "Pegawai Demo";
    if (pegawai_employee)
      if (auto e = store.org.employee(*pegawai_employee)) display = e->name;
    pegawai_user = create_user(store, demo, acc[2].username, display, acc[2].password,
                               identity::Role::Employee, pegawai_employee);
    tx.commit();
  }

  // 5. The living office: teams, assignments and activities in pegawai's agency.
  sum.work = add_demo_work(store, demo, pegawai_user);

  // 6. Counts.
  for (Id a : agencies) {
    ++sum.agencies;
    sum.units += store.org.units_of_agency(a, false).size();
    for (const auto& p : store.org.positions_of_agency(a, false)) {
      ++sum.positions;
      if (store.org.holders_of_position(p.id).empty()) ++sum.vacant;
    }
  }
  return sum;
}

}  // namespace tatakerja::sample
