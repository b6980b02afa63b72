// The activities in memory: each method does what the SQL store's statement does
// (src/work/sql/sql_activity_store.cpp), with migration 17's rules checked before anything is
// written.
#include "work/memory_activity_store.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "memory_rules.hpp"
#include "storage/database.hpp"

namespace tatakerja::work {
namespace {

using memory_rules::check_key;
using memory_rules::refuse;

void check_employee(const std::function<bool(Id)>& exists, const std::optional<Id>& id,
                    const char* column) {
  if (id) check_key(exists, *id, column);
}

// The records of `rows` (in key order, the order they were stored) that belong to an activity:
// from the `offset`-th, at most `limit`; the newest `limit`; how many.
template <typename Rows>
auto page_of(const Rows& rows, Id activity_id, std::int64_t offset, int limit) {
  std::vector<typename Rows::mapped_type> out;
  std::int64_t skipped = 0;
  for (const auto& [key, r] : rows) {
    if (r.activity_id != activity_id) continue;
    if (skipped < offset) {
      ++skipped;
      continue;
    }
    if (std::cmp_greater_equal(out.size(), limit)) break;
    out.push_back(r);
  }
  return out;
}

template <typename Rows>
std::int64_t count_of(const Rows& rows, Id activity_id) {
  std::int64_t n = 0;
  for (const auto& [key, r] : rows) {
    if (r.activity_id == activity_id) ++n;
  }
  return n;
}

template <typename Rows>
auto latest_of(const Rows& rows, Id activity_id, int limit) {
  return page_of(rows, activity_id, std::max<std::int64_t>(0, count_of(rows, activity_id) - limit),
                 limit);
}

}  // namespace

void MemoryActivityStore::begin() {
  memory_rules::begin_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryActivityStore::commit() {
  memory_rules::commit_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryActivityStore::rollback() noexcept {
  memory_rules::rollback_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryActivityStore::check_activity(const Activity& a) const {
  check_key(keys_.region_exists, a.region_id, "work_activities.region_id");
  check_key(keys_.agency_exists, a.agency_id, "work_activities.agency_id");
  check_key(keys_.unit_exists, a.owner_unit_id, "work_activities.owner_unit_id");
  if (a.team_id) check_key(keys_.team_exists, *a.team_id, "work_activities.team_id");
  if (a.assignment_id) {
    check_key(keys_.assignment_exists, *a.assignment_id, "work_activities.assignment_id");
  }
  check_key(keys_.employee_exists, a.executor_employee_id, "work_activities.executor_employee_id");
  check_key(keys_.employee_exists, a.planner_employee_id, "work_activities.planner_employee_id");
  if (a.budget < 0) refuse("CHECK constraint failed (work_activities.budget)");
  if (a.progress < 0 || a.progress > 100) {
    refuse("CHECK constraint failed (work_activities.progress)");
  }
  if (a.rework < 0) refuse("CHECK constraint failed (work_activities.rework)");
  if (a.version < 1) refuse("CHECK constraint failed (work_activities.version)");
}

void MemoryActivityStore::check_belongs(Id activity_id, const char* column) const {
  if (!activities_.contains(activity_id)) {
    refuse(std::string("FOREIGN KEY constraint failed (") + column + ")");
  }
}

Id MemoryActivityStore::insert_activity(const Activity& a) {
  check_activity(a);
  Activity x = a;
  x.id = activities_.next_key();
  activities_.put(x.id, x);
  return x.id;
}

bool MemoryActivityStore::update_progress(const Activity& a, int expected_version) {
  const Activity* stored = activities_.find(a.id);
  if (stored == nullptr || stored->version != expected_version) return false;
  Activity next = *stored;
  next.state = a.state;
  next.state_since = a.state_since;
  next.awaiting_position_id = a.awaiting_position_id;
  next.progress = a.progress;
  next.rework = a.rework;
  next.version = a.version;
  next.updated_at = a.updated_at;
  check_activity(next);
  activities_.put(a.id, next);
  return true;
}

std::optional<Activity> MemoryActivityStore::activity(Id id) {
  const Activity* a = activities_.find(id);
  if (a == nullptr) return std::nullopt;
  return *a;
}

std::vector<Activity> MemoryActivityStore::activities_of_person(Id employee_id,
                                                                const std::vector<Id>& position_ids,
                                                                const std::vector<Id>& led_team_ids,
                                                                int limit) {
  std::set<Id> roles;
  for (const auto& [key, role] : roles_.rows()) {
    if (key.second == employee_id) roles.insert(key.first);
  }
  const auto in = [](const std::vector<Id>& ids, const std::optional<Id>& id) {
    return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
  };
  std::vector<Activity> out;
  for (auto it = activities_.rows().rbegin(); it != activities_.rows().rend(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    const Activity& a = it->second;
    if (a.executor_employee_id == employee_id || roles.contains(a.id) ||
        in(position_ids, a.awaiting_position_id) ||
        (a.state == "di_ketua" && in(led_team_ids, a.team_id))) {
      out.push_back(a);
    }
  }
  return out;
}

std::vector<Activity> MemoryActivityStore::activities_of_team(Id team_id, int limit) {
  std::vector<Activity> out;
  for (auto it = activities_.rows().rbegin(); it != activities_.rows().rend(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (it->second.team_id == team_id) out.push_back(it->second);
  }
  return out;
}

void MemoryActivityStore::insert_role(const ActivityRole& r) {
  check_belongs(r.activity_id, "work_activity_roles.activity_id");
  check_key(keys_.employee_exists, r.employee_id, "work_activity_roles.employee_id");
  const std::pair<Id, Id> key{r.activity_id, r.employee_id};
  if (roles_.contains(key)) {
    refuse("UNIQUE constraint failed (work_activity_roles.activity_id, employee_id)");
  }
  int ordinal = 0;
  for (const auto& [k, v] : roles_.rows()) {
    if (k.first == r.activity_id) ++ordinal;
  }
  roles_.put(key, {ordinal, r});
}

std::vector<ActivityRole> MemoryActivityStore::roles_of_activity(Id activity_id) {
  std::vector<std::pair<int, ActivityRole>> found;
  for (const auto& [k, v] : roles_.rows()) {
    if (k.first == activity_id) found.push_back(v);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ActivityRole> out;
  out.reserve(found.size());
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

Id MemoryActivityStore::insert_activity_step(const ActivityStep& s) {
  check_belongs(s.activity_id, "work_activity_steps.activity_id");
  check_employee(keys_.employee_exists, s.actor_employee_id,
                 "work_activity_steps.actor_employee_id");
  ActivityStep x = s;
  x.id = steps_.next_key();
  steps_.put(x.id, x);
  return x.id;
}

std::vector<ActivityStep> MemoryActivityStore::steps_of_activity(Id activity_id, int offset,
                                                                 int limit) {
  return page_of(steps_.rows(), activity_id, offset, limit);
}

std::vector<ActivityStep> MemoryActivityStore::latest_steps_of_activity(Id activity_id, int limit) {
  return latest_of(steps_.rows(), activity_id, limit);
}

std::int64_t MemoryActivityStore::step_count(Id activity_id) {
  return count_of(steps_.rows(), activity_id);
}

bool MemoryActivityStore::took_a_step(Id activity_id, Id employee_id) {
  for (const auto& [id, s] : steps_.rows()) {
    if (s.activity_id == activity_id && s.actor_employee_id == employee_id) return true;
  }
  return false;
}

Id MemoryActivityStore::insert_note(const ActivityNote& n) {
  check_belongs(n.activity_id, "work_activity_notes.activity_id");
  check_employee(keys_.employee_exists, n.author_employee_id,
                 "work_activity_notes.author_employee_id");
  if (n.kind != "kemajuan" && n.kind != "umpan_balik") {
    refuse("CHECK constraint failed (work_activity_notes.kind)");
  }
  if (n.progress && (*n.progress < 0 || *n.progress > 100)) {
    refuse("CHECK constraint failed (work_activity_notes.progress)");
  }
  ActivityNote x = n;
  x.id = notes_.next_key();
  notes_.put(x.id, x);
  return x.id;
}

std::vector<ActivityNote> MemoryActivityStore::notes_of_activity(Id activity_id, int offset,
                                                                 int limit) {
  return page_of(notes_.rows(), activity_id, offset, limit);
}

std::vector<ActivityNote> MemoryActivityStore::latest_notes_of_activity(Id activity_id, int limit) {
  return latest_of(notes_.rows(), activity_id, limit);
}

std::int64_t MemoryActivityStore::note_count(Id activity_id) {
  return count_of(notes_.rows(), activity_id);
}

Id MemoryActivityStore::insert_evidence(const Evidence& e, const std::string& content) {
  check_belongs(e.activity_id, "work_activity_evidence.activity_id");
  check_employee(keys_.employee_exists, e.uploaded_by, "work_activity_evidence.uploaded_by");
  if (e.size < 0) refuse("CHECK constraint failed (work_activity_evidence.size)");
  Evidence x = e;
  x.id = evidence_.next_key();
  evidence_.put(x.id, x);
  contents_.put(x.id, content);
  return x.id;
}

std::vector<Evidence> MemoryActivityStore::evidence_of_activity(Id activity_id) {
  std::vector<Evidence> out;
  for (const auto& [id, e] : evidence_.rows()) {
    if (e.activity_id == activity_id) out.push_back(e);
  }
  return out;
}

std::optional<Evidence> MemoryActivityStore::evidence(Id id) {
  const Evidence* e = evidence_.find(id);
  if (e == nullptr) return std::nullopt;
  return *e;
}

std::optional<std::string> MemoryActivityStore::evidence_content(Id id) {
  const std::string* c = contents_.find(id);
  if (c == nullptr) return std::nullopt;
  return *c;
}

}  // namespace tatakerja::work
