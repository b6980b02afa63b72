// The work system's store in memory: each method does what the SQL store's statement does
// (src/work/sql/sql_work_store.cpp), with migrations 13 and 14's rules checked before anything is
// written.
#include "work/memory_work_store.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "memory_rules.hpp"
#include "storage/database.hpp"
#include "work/mechanisms.hpp"
#include "work/teams.hpp"

namespace tatakerja::work {
namespace {

using memory_rules::check_key;
using memory_rules::refuse;

bool member_order(const TeamMember& a, const TeamMember& b) {
  if (a.start != b.start) return date_before(a.start, b.start);
  return a.id < b.id;
}

}  // namespace

void MemoryWorkStore::begin() {
  memory_rules::begin_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryWorkStore::commit() {
  memory_rules::commit_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryWorkStore::rollback() noexcept {
  memory_rules::rollback_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryWorkStore::check_rule(const Rule& r) const {
  check_key(keys_.region_exists, r.region_id, "work_rules.region_id");
  if (r.regulation_id) {
    check_key(keys_.regulation_exists, *r.regulation_id, "work_rules.regulation_id");
  }
}

void MemoryWorkStore::check_team(const Team& t) const {
  check_key(keys_.region_exists, t.region_id, "work_teams.region_id");
  check_key(keys_.agency_exists, t.agency_id, "work_teams.agency_id");
  check_key(keys_.unit_exists, t.owner_unit_id, "work_teams.owner_unit_id");
  if (t.authority_rule_id && !rules_.contains(*t.authority_rule_id)) {
    refuse("FOREIGN KEY constraint failed (work_teams.authority_rule_id)");
  }
}

void MemoryWorkStore::check_member(const TeamMember& m) const {
  if (!teams_.contains(m.team_id))
    refuse("FOREIGN KEY constraint failed (work_team_members.team_id)");
  check_key(keys_.employee_exists, m.employee_id, "work_team_members.employee_id");
  check_key(keys_.unit_exists, m.unit_id, "work_team_members.unit_id");
}

void MemoryWorkStore::check_assignment(const Assignment& a) const {
  check_key(keys_.region_exists, a.region_id, "work_assignments.region_id");
  check_key(keys_.unit_exists, a.owner_unit_id, "work_assignments.owner_unit_id");
  check_key(keys_.employee_exists, a.requester_employee_id,
            "work_assignments.requester_employee_id");
  if (a.official_employee_id) {
    check_key(keys_.employee_exists, *a.official_employee_id,
              "work_assignments.official_employee_id");
  }
  if (a.official_unit_id) {
    check_key(keys_.unit_exists, *a.official_unit_id, "work_assignments.official_unit_id");
  }
  if (a.target_unit_id) {
    check_key(keys_.unit_exists, *a.target_unit_id, "work_assignments.target_unit_id");
  }
  if (a.team_id && !teams_.contains(*a.team_id)) {
    refuse("FOREIGN KEY constraint failed (work_assignments.team_id)");
  }
  if (a.mechanism_rule_id && !rules_.contains(*a.mechanism_rule_id)) {
    refuse("FOREIGN KEY constraint failed (work_assignments.mechanism_rule_id)");
  }
  if (find_mechanism(a.mechanism) == nullptr) {
    refuse("CHECK constraint failed (work_assignments.mechanism)");
  }
  if (a.version < 1) refuse("CHECK constraint failed (work_assignments.version)");
}

std::vector<Rule> MemoryWorkStore::rules_of_region(Id region_id) {
  std::vector<Rule> out;
  for (const auto& [id, r] : rules_.rows()) {
    if (r.region_id == region_id) out.push_back(r);
  }
  return out;
}

std::optional<Rule> MemoryWorkStore::rule(Id id) {
  const Rule* r = rules_.find(id);
  if (r == nullptr) return std::nullopt;
  return *r;
}

Id MemoryWorkStore::insert_rule(const Rule& r) {
  const auto key = std::make_tuple(r.region_id, static_cast<int>(r.kind), r.key);
  if (rule_keys_.contains(key)) refuse("UNIQUE constraint failed (work_rules)");
  check_rule(r);
  Rule x = r;
  x.id = rules_.next_key();
  rules_.put(x.id, x);
  rule_keys_.put(key, x.id);
  return x.id;
}

void MemoryWorkStore::update_rule(const Rule& r) {
  const Rule* stored = rules_.find(r.id);
  if (stored == nullptr) return;
  const auto old_key =
      std::make_tuple(stored->region_id, static_cast<int>(stored->kind), stored->key);
  const auto key = std::make_tuple(r.region_id, static_cast<int>(r.kind), r.key);
  const Id* holder = rule_keys_.find(key);
  if (holder != nullptr && *holder != r.id) refuse("UNIQUE constraint failed (work_rules)");
  check_rule(r);
  rules_.put(r.id, r);
  if (old_key != key) {
    rule_keys_.erase(old_key);
    rule_keys_.put(key, r.id);
  }
}

Id MemoryWorkStore::insert_team(const Team& t) {
  check_team(t);
  Team x = t;
  x.id = teams_.next_key();
  teams_.put(x.id, x);
  return x.id;
}

void MemoryWorkStore::update_team(const Team& t) {
  if (!teams_.contains(t.id)) return;
  check_team(t);
  teams_.put(t.id, t);
}

std::optional<Team> MemoryWorkStore::team(Id id) {
  const Team* t = teams_.find(id);
  if (t == nullptr) return std::nullopt;
  return *t;
}

std::vector<Team> MemoryWorkStore::teams_of_region(Id region_id) {
  std::vector<Team> out;
  for (auto it = teams_.rows().rbegin(); it != teams_.rows().rend(); ++it) {
    if (it->second.region_id == region_id) out.push_back(it->second);
  }
  return out;
}

Id MemoryWorkStore::insert_member(const TeamMember& m) {
  check_member(m);
  TeamMember x = m;
  x.id = members_.next_key();
  members_.put(x.id, x);
  return x.id;
}

void MemoryWorkStore::update_member(const TeamMember& m) {
  if (!members_.contains(m.id)) return;
  check_member(m);
  members_.put(m.id, m);
}

std::vector<TeamMember> MemoryWorkStore::members_of_team(Id team_id) {
  std::vector<TeamMember> out;
  for (const auto& [id, m] : members_.rows()) {
    if (m.team_id == team_id) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), member_order);
  return out;
}

std::vector<TeamMember> MemoryWorkStore::memberships_of_employee(Id employee_id) {
  std::vector<TeamMember> out;
  for (const auto& [id, m] : members_.rows()) {
    if (m.employee_id == employee_id) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), member_order);
  return out;
}

Id MemoryWorkStore::insert_assignment(const Assignment& a) {
  check_assignment(a);
  Assignment x = a;
  x.id = assignments_.next_key();
  assignments_.put(x.id, x);
  return x.id;
}

bool MemoryWorkStore::update_assignment(const Assignment& a, int expected_version) {
  const Assignment* stored = assignments_.find(a.id);
  if (stored == nullptr || stored->version != expected_version) return false;
  check_assignment(a);
  assignments_.put(a.id, a);
  return true;
}

std::optional<Assignment> MemoryWorkStore::assignment(Id id) {
  const Assignment* a = assignments_.find(id);
  if (a == nullptr) return std::nullopt;
  return *a;
}

std::vector<Assignment> MemoryWorkStore::assignments_of_employee(Id employee_id, int limit) {
  std::set<Id> party;
  for (const auto& [id, s] : steps_.rows()) {
    if (s.actor_employee_id == employee_id) party.insert(s.assignment_id);
  }
  for (const auto& [id, n] : notifications_.rows()) {
    if (n.employee_id == employee_id && n.assignment_id) party.insert(*n.assignment_id);
  }
  std::vector<Assignment> out;
  for (auto it = assignments_.rows().rbegin(); it != assignments_.rows().rend(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    const Assignment& a = it->second;
    if (a.requester_employee_id == employee_id || a.official_employee_id == employee_id ||
        party.contains(a.id)) {
      out.push_back(a);
    }
  }
  return out;
}

Id MemoryWorkStore::insert_step(const AssignmentStep& s) {
  if (!assignments_.contains(s.assignment_id)) {
    refuse("FOREIGN KEY constraint failed (work_assignment_steps.assignment_id)");
  }
  if (s.actor_employee_id) {
    check_key(keys_.employee_exists, *s.actor_employee_id,
              "work_assignment_steps.actor_employee_id");
  }
  AssignmentStep x = s;
  x.id = steps_.next_key();
  steps_.put(x.id, x);
  return x.id;
}

std::vector<AssignmentStep> MemoryWorkStore::steps_of_assignment(Id assignment_id) {
  std::vector<AssignmentStep> out;
  for (const auto& [id, s] : steps_.rows()) {
    if (s.assignment_id == assignment_id) out.push_back(s);
  }
  return out;
}

Id MemoryWorkStore::insert_notification(const Notification& n) {
  check_key(keys_.employee_exists, n.employee_id, "work_notifications.employee_id");
  if (n.assignment_id && !assignments_.contains(*n.assignment_id)) {
    refuse("FOREIGN KEY constraint failed (work_notifications.assignment_id)");
  }
  if (n.activity_id)
    check_key(keys_.activity_exists, *n.activity_id, "work_notifications.activity_id");
  if (n.kind != "langkah" && n.kind != "tenggat") {
    refuse("CHECK constraint failed (work_notifications.kind)");
  }
  Notification x = n;
  x.id = notifications_.next_key();
  notifications_.put(x.id, x);
  return x.id;
}

std::optional<Notification> MemoryWorkStore::notification(Id id) {
  const Notification* n = notifications_.find(id);
  if (n == nullptr) return std::nullopt;
  return *n;
}

std::vector<Notification> MemoryWorkStore::notifications_of_employee(Id employee_id, int limit) {
  std::vector<Notification> out;
  for (auto it = notifications_.rows().rbegin(); it != notifications_.rows().rend(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (it->second.employee_id == employee_id) out.push_back(it->second);
  }
  return out;
}

std::vector<Notification> MemoryWorkStore::notifications_of_assignment(Id assignment_id) {
  std::vector<Notification> out;
  for (const auto& [id, n] : notifications_.rows()) {
    if (n.assignment_id == assignment_id) out.push_back(n);
  }
  return out;
}

void MemoryWorkStore::mark_notification_read(Id id, const std::string& at) {
  const Notification* n = notifications_.find(id);
  if (n == nullptr || !n->read_at.empty()) return;
  Notification x = *n;
  x.read_at = at;
  notifications_.put(id, x);
}

std::vector<Notification> MemoryWorkStore::notifications_after(Id after_id, int limit) {
  std::vector<Notification> out;
  for (auto it = notifications_.rows().upper_bound(after_id);
       it != notifications_.rows().end() && static_cast<int>(out.size()) < limit; ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::optional<Id> MemoryWorkStore::email_cursor() {
  const Id* last = email_cursor_.find(1);
  if (last == nullptr) return std::nullopt;
  return *last;
}

void MemoryWorkStore::set_email_cursor(Id last_notification_id) {
  email_cursor_.put(1, last_notification_id);
}

void MemoryWorkStore::insert_email_delivery(const EmailDelivery& d) {
  if (!notifications_.contains(d.notification_id))
    refuse("FOREIGN KEY constraint failed (work_email_deliveries.notification_id)");
  if (deliveries_.contains(d.notification_id))
    refuse("UNIQUE constraint failed (work_email_deliveries.notification_id)");
  if (d.status != kEmailWaiting && d.status != kEmailSent && d.status != kEmailFailed)
    refuse("CHECK constraint failed (work_email_deliveries.status)");
  if (d.attempts < 0) refuse("CHECK constraint failed (work_email_deliveries.attempts)");
  deliveries_.put(d.notification_id, d);
}

std::optional<EmailDelivery> MemoryWorkStore::email_delivery(Id notification_id) {
  const EmailDelivery* d = deliveries_.find(notification_id);
  if (d == nullptr) return std::nullopt;
  return *d;
}

std::vector<EmailDelivery> MemoryWorkStore::email_deliveries_due(const std::string& now,
                                                                 int limit) {
  std::vector<EmailDelivery> out;
  for (const auto& [id, d] : deliveries_.rows()) {
    if (d.status == kEmailWaiting && d.next_attempt_at <= now) out.push_back(d);
  }
  std::ranges::sort(out, [](const EmailDelivery& a, const EmailDelivery& b) {
    return std::tie(a.next_attempt_at, a.notification_id) <
           std::tie(b.next_attempt_at, b.notification_id);
  });
  if (out.size() > static_cast<std::size_t>(std::max(limit, 0)))
    out.resize(static_cast<std::size_t>(std::max(limit, 0)));
  return out;
}

bool MemoryWorkStore::claim_email_delivery(Id notification_id, const std::string& now,
                                           const std::string& until) {
  const EmailDelivery* d = deliveries_.find(notification_id);
  if (d == nullptr || d->status != kEmailWaiting || d->next_attempt_at > now) return false;
  EmailDelivery x = *d;
  x.next_attempt_at = until;
  deliveries_.put(notification_id, x);
  return true;
}

void MemoryWorkStore::update_email_delivery(const EmailDelivery& d) {
  if (!deliveries_.contains(d.notification_id)) return;
  if (d.status != kEmailWaiting && d.status != kEmailSent && d.status != kEmailFailed)
    refuse("CHECK constraint failed (work_email_deliveries.status)");
  deliveries_.put(d.notification_id, d);
}

Id MemoryWorkStore::insert_holiday(const Holiday& h) {
  if (!is_holiday_kind(h.kind)) refuse("CHECK constraint failed (work_holidays.kind)");
  const std::string date = h.date.iso();
  if (holiday_dates_.contains(date))
    refuse("UNIQUE constraint failed (work_holidays.holiday_date)");
  Holiday x = h;
  x.id = holidays_.next_key();
  holidays_.put(x.id, x);
  holiday_dates_.put(date, x.id);
  return x.id;
}

std::optional<Holiday> MemoryWorkStore::holiday(Id id) {
  const Holiday* h = holidays_.find(id);
  if (h == nullptr) return std::nullopt;
  return *h;
}

std::vector<Holiday> MemoryWorkStore::holidays_between(const Date& from, const Date& to) {
  std::vector<Holiday> out;
  const auto end = holiday_dates_.rows().upper_bound(to.iso());
  for (auto it = holiday_dates_.rows().lower_bound(from.iso()); it != end; ++it) {
    out.push_back(*holidays_.find(it->second));
  }
  return out;
}

bool MemoryWorkStore::delete_holiday(Id id) {
  const Holiday* h = holidays_.find(id);
  if (h == nullptr) return false;
  holiday_dates_.erase(h->date.iso());
  holidays_.erase(id);
  return true;
}

}  // namespace tatakerja::work
