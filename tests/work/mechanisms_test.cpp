// The five assignment mechanisms as data (work/mechanisms.hpp) are whole state machines, agree
// with the mechanism rules' keys, and the answer deadline counts working days (work/deadlines.hpp).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "work/deadlines.hpp"
#include "work/mechanisms.hpp"
#include "work/rules.hpp"

namespace tatakerja::work {
namespace {

TEST(Mechanisms, AreTheFiveOfTheRules) {
  std::set<std::string> rule_keys, machine_keys;
  for (const auto& r : default_rules("Wali Kota")) {
    if (r.kind == RuleKind::Mechanism) rule_keys.insert(r.key);
  }
  for (const auto& m : mechanisms()) machine_keys.insert(std::string(m.key));
  EXPECT_EQ(machine_keys.size(), 5u);
  EXPECT_EQ(machine_keys, rule_keys);
}

TEST(Mechanisms, EachIsAWholeStateMachine) {
  std::set<std::string_view> role_keys;
  for (const auto& r : roles()) role_keys.insert(r.key);
  for (const auto& m : mechanisms()) {
    SCOPED_TRACE(std::string(m.key));
    ASSERT_NE(find_state(m, m.first_state), nullptr);
    EXPECT_TRUE(role_keys.contains(m.first_role));
    for (const auto& t : m.transitions) {
      EXPECT_NE(find_state(m, t.from), nullptr) << t.from;
      EXPECT_NE(find_state(m, t.to), nullptr) << t.to;
      EXPECT_TRUE(role_keys.contains(t.role)) << t.role;
      EXPECT_FALSE(find_state(m, t.from)->final) << "a step out of a final state";
      EXPECT_EQ(t.name == "tolak", t.reason_required) << "only a refusal needs its reason";
      EXPECT_EQ(find_transition(m, t.from, t.name), &t);
    }
    for (const auto& s : m.states) {
      EXPECT_EQ(transitions_from(m, s.key).empty(), s.final) << s.key;
      // A waiting state can be refused (with a reason).
      if (s.waiting) {
        EXPECT_NE(find_transition(m, s.key, "tolak"), nullptr) << s.key;
      }
    }
    // Every path ends with the official receiving the letter.
    EXPECT_NE(find_transition(m, "ditugaskan", "terima"), nullptr);
    EXPECT_EQ(find_transition(m, "ditugaskan", "terima")->role, "pejabat");
  }
  EXPECT_EQ(find_mechanism("tidak_ada"), nullptr);
}

TEST(Mechanisms, FollowTheRegulationsSteps) {
  // 003 Lampiran II bagian III / 004 Lampiran I: who takes each step.
  const auto* across = find_mechanism("penunjukan_lintas_unit");
  ASSERT_NE(across, nullptr);
  EXPECT_EQ(across->first_role, "pimpinan_unit_pemilik");
  EXPECT_EQ(find_transition(*across, "menunggu_penilai", "setujui")->role, "penilai");
  const auto* governments = find_mechanism("penunjukan_lintas_instansi");
  ASSERT_NE(governments, nullptr);
  EXPECT_EQ(find_transition(*governments, "menunggu_pejabat_berwenang", "setujui")->role,
            "pejabat_berwenang");
  EXPECT_EQ(find_transition(*governments, "menunggu_instansi_tujuan", "setujui")->role,
            "pejabat_berwenang_tujuan");
  const auto* names = find_transition(*governments, "menunggu_penilai_tujuan", "tugaskan");
  ASSERT_NE(names, nullptr);
  EXPECT_TRUE(names->names_official);
  const auto* volunteer = find_mechanism("sukarela_lintas_unit");
  ASSERT_NE(volunteer, nullptr);
  EXPECT_EQ(volunteer->first_role, "pejabat");
  EXPECT_EQ(find_transition(*volunteer, "menunggu_pimpinan_unit", "setujui")->role,
            "pimpinan_unit_pemilik");
  EXPECT_EQ(find_transition(*volunteer, "menunggu_penilai", "setujui")->role, "penilai");
  const auto* within = find_mechanism("penunjukan_dalam_unit");
  EXPECT_EQ(within->first_role, "penilai");
  EXPECT_EQ(within->first_state, "ditugaskan");
}

TEST(Deadlines, CountWorkingDays) {
  EXPECT_EQ(iso_weekday(Date{2026, 12, 4}), 5);  // a Friday
  EXPECT_EQ(iso_weekday(Date{2026, 12, 6}), 7);
  EXPECT_EQ(iso_weekday(Date{2024, 2, 29}), 4);
  EXPECT_EQ(working_days_between(Date{2026, 12, 4}, Date{2026, 12, 4}), 0);
  EXPECT_EQ(working_days_between(Date{2026, 12, 4}, Date{2026, 12, 6}), 0);  // the weekend
  EXPECT_EQ(working_days_between(Date{2026, 12, 4}, Date{2026, 12, 7}), 1);
  EXPECT_EQ(working_days_between(Date{2026, 12, 4}, Date{2026, 12, 11}), 5);
  EXPECT_EQ(working_days_between(Date{2026, 12, 11}, Date{2026, 12, 4}), 0);
  EXPECT_EQ(working_days_between(Date{2026, 1, 1}, Date{2026, 12, 31}), 260);
  EXPECT_FALSE(overdue(Date{2026, 12, 4}, Date{2026, 12, 10}, 5));  // four working days
  EXPECT_TRUE(overdue(Date{2026, 12, 4}, Date{2026, 12, 11}, 5));
  EXPECT_EQ(kDefaultAnswerDays, 5);
}

// The closed days of the holiday calendar are not working days: only a weekday inside the period
// counts, a date listed twice once.
TEST(Deadlines, ClosedDaysAreNotWorkingDays) {
  // Christmas 2026 is a Friday, 24 December (cuti bersama) a Thursday, 26 December a Saturday.
  const std::vector<Date> closed = {Date{2026, 12, 25}, Date{2026, 12, 24}, Date{2026, 12, 26},
                                    Date{2026, 12, 25}, Date{2026, 12, 18}, Date{2027, 1, 1}};
  EXPECT_EQ(working_days_between(Date{2026, 12, 18}, Date{2026, 12, 31}), 9);
  EXPECT_EQ(working_days_between(Date{2026, 12, 18}, Date{2026, 12, 31}, closed), 7);
  // The day the request was made (18 December) and the days after the period are not in it.
  EXPECT_EQ(working_days_between(Date{2026, 12, 18}, Date{2026, 12, 24}, closed), 3);
  EXPECT_EQ(working_days_between(Date{2026, 12, 25}, Date{2026, 12, 20}, closed), 0);
  // A request of Monday 21 December with five working days: not overdue on the 28th any more.
  EXPECT_TRUE(overdue(Date{2026, 12, 21}, Date{2026, 12, 28}, 5));
  EXPECT_FALSE(overdue(Date{2026, 12, 21}, Date{2026, 12, 28}, 5, closed));
  EXPECT_TRUE(overdue(Date{2026, 12, 21}, Date{2026, 12, 30}, 5, closed));
  EXPECT_TRUE(is_holiday_kind("libur_nasional"));
  EXPECT_TRUE(is_holiday_kind("cuti_bersama"));
  EXPECT_FALSE(is_holiday_kind("libur_daerah"));
  EXPECT_EQ(holiday_kind_label("cuti_bersama"), "Cuti bersama");
}

TEST(Deadlines, ReadFromTheMechanismRule) {
  EXPECT_EQ(working_days_written("dijawab paling lama 3 (tiga) hari kerja"), 3);
  EXPECT_EQ(working_days_written("dalam waktu 10 Hari Kerja sejak diterima"), 10);
  EXPECT_EQ(working_days_written("dijawab segera"), std::nullopt);
  EXPECT_EQ(working_days_written("0 hari kerja"), std::nullopt);
  auto rules = default_rules("Bupati");
  EXPECT_EQ(answer_days_of(rules, "penunjukan_lintas_unit"), kDefaultAnswerDays);
  for (auto& r : rules) {
    if (r.kind == RuleKind::Mechanism && r.key == "penunjukan_lintas_unit") {
      r.items.push_back("Pejabat penilai menjawab paling lama 2 (dua) hari kerja.");
    }
  }
  EXPECT_EQ(answer_days_of(rules, "penunjukan_lintas_unit"), 2);
  EXPECT_EQ(answer_days_of(rules, "sukarela_lintas_unit"), kDefaultAnswerDays);
  EXPECT_EQ(answer_days_of({}, "sukarela_lintas_unit"), kDefaultAnswerDays);
}

}  // namespace
}  // namespace tatakerja::work
