// A region's work-system rules through the use cases (issue 12 item 1): importing 003 and 004 sets
// each region's rules from its text over the defaults; a region without its own regulation follows
// the defaults, stored nowhere; a change needs a reason (refused otherwise, nothing written), is
// scoped to the actor's region and records one audit entry. On SQLite and in memory.
#include <gtest/gtest.h>

#include "app/error.hpp"
#include "app/importer.hpp"
#include "app/work_rules.hpp"
#include "core/error.hpp"
#include "test_db.hpp"
#include "work/rules.hpp"

namespace tatakerja {
namespace {

using testing::corpus_text;

class WorkRulesUseCase : public testing::BackendTest {};

const work::Rule& rule_of(const app::RegionRules& rr, work::RuleKind kind, const char* key) {
  const work::Rule* r = work::find_rule(rr.rules, kind, key);
  if (r == nullptr) throw std::runtime_error(std::string("no rule ") + key);
  return *r;
}

TEST_P(WorkRulesUseCase, ImportSetsEachRegionsRules) {
  auto& db = backend();
  const auto batam = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("003"));
  const auto kupang = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("004"));
  const auto ntt = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("000"));
  EXPECT_GT(batam.work_rules, 0u);
  EXPECT_GT(kupang.work_rules, 0u);
  EXPECT_EQ(ntt.work_rules, 0u);

  const auto b = app::region_rules(db.stores(), batam.region_id);
  EXPECT_TRUE(b.stored);
  const auto& b_decree = rule_of(b, work::RuleKind::TeamDecree, "perangkat_daerah");
  EXPECT_EQ(b_decree.statement, "Kepala Badan");
  EXPECT_EQ(b_decree.origin, work::RuleOrigin::Regulation);
  EXPECT_EQ(b_decree.regulation_id, batam.regulation_id);
  EXPECT_EQ(b_decree.source, "Peraturan Wali Kota Nomor 20 Tahun 2024");
  EXPECT_GT(b_decree.id, 0);
  // Across governments: the Wali Kota in Batam's text; the Bupati by default in Kupang's.
  EXPECT_EQ(rule_of(b, work::RuleKind::TeamDecree, "lintas_instansi").statement, "Wali Kota");
  const auto k = app::region_rules(db.stores(), kupang.region_id);
  EXPECT_EQ(rule_of(k, work::RuleKind::TeamDecree, "lintas_instansi").statement, "Bupati");
  EXPECT_EQ(rule_of(k, work::RuleKind::TeamDecree, "lintas_instansi").origin,
            work::RuleOrigin::Default);
  EXPECT_EQ(rule_of(k, work::RuleKind::Flow, "sekretariat_daerah").article, "Pasal 23 ayat (1)");
  // Different flows: 004's Sekretariat Daerah has three stops; 003 has no such flow of its own.
  EXPECT_EQ(rule_of(b, work::RuleKind::Flow, "sekretariat_daerah").origin,
            work::RuleOrigin::Default);
  EXPECT_EQ(rule_of(k, work::RuleKind::Flow, "sekretariat_daerah").origin,
            work::RuleOrigin::Regulation);

  // NTT's texts have no work-system provisions: the defaults, not stored, with the Gubernur.
  const auto n = app::region_rules(db.stores(), ntt.region_id);
  EXPECT_FALSE(n.stored);
  for (const auto& r : n.rules) {
    EXPECT_EQ(r.origin, work::RuleOrigin::Default);
    EXPECT_EQ(r.source, "PermenPANRB 7/2022");
    EXPECT_EQ(r.id, 0);
  }
  EXPECT_EQ(rule_of(n, work::RuleKind::TeamDecree, "lintas_instansi").statement, "Gubernur");
  EXPECT_TRUE(db.stores().work.rules_of_region(ntt.region_id).empty());
  EXPECT_THROW(app::region_rules(db.stores(), 9999), Refusal);
}

TEST_P(WorkRulesUseCase, AChangeNeedsAReasonAndIsAudited) {
  auto& db = backend();
  const auto ntt = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("000"));
  const auto audit_before = testing::count_rows(db, "audit_log");
  app::RuleChange c;
  c.kind = "keputusan_tim";
  c.key = "antar_perangkat_daerah";
  c.statement = "Sekretaris Daerah Provinsi";
  c.reason = "   ";
  try {
    app::change_rule(db.stores(), app::cli_actor(), ntt.region_id, c);
    FAIL() << "a change without a reason was accepted";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.code(), ErrorCode::ReasonRequired);
    EXPECT_EQ(e.field(), "reason");
  }
  EXPECT_TRUE(db.stores().work.rules_of_region(ntt.region_id).empty());
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit_before);

  // An unknown rule is NOT_FOUND, nothing written.
  c.reason = "Keputusan rapat pimpinan";
  c.key = "tidak_ada";
  EXPECT_THROW(app::change_rule(db.stores(), app::cli_actor(), ntt.region_id, c), Refusal);
  EXPECT_TRUE(db.stores().work.rules_of_region(ntt.region_id).empty());

  // A registry administrator of another region is refused.
  app::Actor other{std::int64_t{7}, "lain", ntt.region_id + 1, {}};
  c.key = "antar_perangkat_daerah";
  try {
    app::change_rule(db.stores(), other, ntt.region_id, c);
    FAIL();
  } catch (const Refusal& e) {
    EXPECT_EQ(e.code(), ErrorCode::OutOfScope);
  }
  EXPECT_TRUE(db.stores().work.rules_of_region(ntt.region_id).empty());

  // The same statement again changes nothing: nothing written.
  app::RuleChange same = c;
  same.statement = "Sekretaris Daerah";
  EXPECT_EQ(app::change_rule(db.stores(), app::cli_actor(), ntt.region_id, same).statement,
            "Sekretaris Daerah");
  EXPECT_TRUE(db.stores().work.rules_of_region(ntt.region_id).empty());
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit_before);

  // With a reason: the defaults are stored, the rule changed, one audit entry.
  const work::Rule after = app::change_rule(db.stores(), app::cli_actor(), ntt.region_id, c);
  EXPECT_EQ(after.statement, "Sekretaris Daerah Provinsi");
  EXPECT_EQ(after.changed_reason, "Keputusan rapat pimpinan");
  EXPECT_FALSE(after.changed_at.empty());
  EXPECT_EQ(after.source, "PermenPANRB 7/2022");  // still says where it came from
  const auto stored = app::region_rules(db.stores(), ntt.region_id);
  EXPECT_TRUE(stored.stored);
  EXPECT_EQ(stored.rules.size(), work::default_rules("Gubernur").size());
  EXPECT_EQ(rule_of(stored, work::RuleKind::TeamDecree, "antar_perangkat_daerah"), after);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit_before + 1);
  const auto log = db.identity().audit_log({1});
  EXPECT_EQ(log[0].action, "update");
  EXPECT_EQ(log[0].entity, "work_rule");
  EXPECT_EQ(log[0].entity_id, std::to_string(after.id));
  EXPECT_NE(log[0].before.find("\"Sekretaris Daerah\""), std::string::npos);
  EXPECT_NE(log[0].after.find("Keputusan rapat pimpinan"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkRulesUseCase, testing::app_backends(),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja
