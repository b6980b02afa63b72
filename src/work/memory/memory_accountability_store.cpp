// The accountability records in memory: each method does what the SQL store's statement does
// (src/work/sql/sql_accountability_store.cpp), with migration 18's rules checked before anything
// is written.
#include "work/memory_accountability_store.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "memory_rules.hpp"
#include "storage/database.hpp"

namespace tatakerja::work {
namespace {

using memory_rules::check_key;
using memory_rules::refuse;

// The newest first of `rows` that `keep` accepts, at most `limit`.
template <typename T, typename Keep>
std::vector<T> newest(const std::map<Id, T>& rows, int limit, Keep keep) {
  std::vector<T> out;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (keep(it->second)) out.push_back(it->second);
  }
  return out;
}

bool has(const std::vector<Id>& ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<Id> sorted_unique(std::vector<Id> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

void MemoryAccountabilityStore::begin() {
  memory_rules::begin_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryAccountabilityStore::commit() {
  memory_rules::commit_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryAccountabilityStore::rollback() noexcept {
  memory_rules::rollback_tables(in_transaction_, [this](auto f) { each_table(f); });
}

void MemoryAccountabilityStore::check_people(const std::vector<Id>& ids, const char* column) const {
  std::set<Id> seen;
  for (const Id id : ids) {
    check_key(keys_.employee_exists, id, column);
    if (!seen.insert(id).second) refuse(std::string("UNIQUE constraint failed (") + column + ")");
  }
}

Id MemoryAccountabilityStore::insert_report(const Report& r) {
  check_key(keys_.region_exists, r.region_id, "work_reports.region_id");
  if (r.team_id) check_key(keys_.team_exists, *r.team_id, "work_reports.team_id");
  check_key(keys_.employee_exists, r.author_employee_id, "work_reports.author_employee_id");
  if (!is_report_kind(r.kind)) refuse("CHECK constraint failed (work_reports.kind)");
  if (r.request_id && !requests_.contains(*r.request_id)) {
    refuse("FOREIGN KEY constraint failed (work_reports.request_id)");
  }
  check_people(r.recipient_employee_ids, "work_report_recipients.employee_id");
  Report x = r;
  x.id = reports_.next_key();
  x.recipient_employee_ids = sorted_unique(r.recipient_employee_ids);
  reports_.put(x.id, x);
  return x.id;
}

std::optional<Report> MemoryAccountabilityStore::report(Id id) {
  const Report* r = reports_.find(id);
  if (r == nullptr) return std::nullopt;
  return *r;
}

std::vector<Report> MemoryAccountabilityStore::reports_of_person(Id employee_id, int limit) {
  return newest(reports_.rows(), limit, [&](const Report& r) {
    return r.author_employee_id == employee_id || has(r.recipient_employee_ids, employee_id);
  });
}

std::vector<Report> MemoryAccountabilityStore::reports_of_team(Id team_id, int limit) {
  return newest(reports_.rows(), limit, [&](const Report& r) { return r.team_id == team_id; });
}

Id MemoryAccountabilityStore::insert_member_result(const MemberResult& m) {
  if (!reports_.contains(m.report_id)) {
    refuse("FOREIGN KEY constraint failed (work_member_results.report_id)");
  }
  check_key(keys_.employee_exists, m.member_employee_id, "work_member_results.member_employee_id");
  MemberResult x = m;
  x.id = results_.next_key();
  results_.put(x.id, x);
  return x.id;
}

std::vector<MemberResult> MemoryAccountabilityStore::member_results_of_report(Id report_id) {
  std::vector<MemberResult> out;
  for (const auto& [id, m] : results_.rows()) {
    if (m.report_id == report_id) out.push_back(m);
  }
  return out;
}

std::vector<MemberResult> MemoryAccountabilityStore::member_results_of_member(Id employee_id,
                                                                              int limit) {
  return newest(results_.rows(), limit,
                [&](const MemberResult& m) { return m.member_employee_id == employee_id; });
}

Id MemoryAccountabilityStore::insert_request(const ReportRequest& r) {
  check_key(keys_.region_exists, r.region_id, "work_report_requests.region_id");
  if (r.team_id) check_key(keys_.team_exists, *r.team_id, "work_report_requests.team_id");
  check_key(keys_.employee_exists, r.requester_employee_id,
            "work_report_requests.requester_employee_id");
  check_key(keys_.employee_exists, r.asked_employee_id, "work_report_requests.asked_employee_id");
  ReportRequest x = r;
  x.id = requests_.next_key();
  requests_.put(x.id, x);
  return x.id;
}

void MemoryAccountabilityStore::update_request(const ReportRequest& r) {
  if (!requests_.contains(r.id)) return;
  requests_.put(r.id, r);
}

std::optional<ReportRequest> MemoryAccountabilityStore::request(Id id) {
  const ReportRequest* r = requests_.find(id);
  if (r == nullptr) return std::nullopt;
  return *r;
}

std::vector<ReportRequest> MemoryAccountabilityStore::requests_of_person(Id employee_id,
                                                                         int limit) {
  return newest(requests_.rows(), limit, [&](const ReportRequest& r) {
    return r.asked_employee_id == employee_id || r.requester_employee_id == employee_id;
  });
}

std::vector<ReportRequest> MemoryAccountabilityStore::requests_of_team(Id team_id, int limit) {
  return newest(requests_.rows(), limit,
                [&](const ReportRequest& r) { return r.team_id == team_id; });
}

Id MemoryAccountabilityStore::insert_escalation(const Escalation& e) {
  check_key(keys_.region_exists, e.region_id, "work_escalations.region_id");
  check_key(keys_.team_exists, e.team_id, "work_escalations.team_id");
  check_key(keys_.employee_exists, e.author_employee_id, "work_escalations.author_employee_id");
  check_people(e.recipient_employee_ids, "work_escalation_recipients.employee_id");
  Escalation x = e;
  x.id = escalations_.next_key();
  x.recipient_employee_ids = sorted_unique(e.recipient_employee_ids);
  escalations_.put(x.id, x);
  return x.id;
}

std::optional<Escalation> MemoryAccountabilityStore::escalation(Id id) {
  const Escalation* e = escalations_.find(id);
  if (e == nullptr) return std::nullopt;
  return *e;
}

std::vector<Escalation> MemoryAccountabilityStore::escalations_of_team(Id team_id, int limit) {
  return newest(escalations_.rows(), limit,
                [&](const Escalation& e) { return e.team_id == team_id; });
}

std::vector<Escalation> MemoryAccountabilityStore::escalations_of_person(Id employee_id,
                                                                         int limit) {
  return newest(escalations_.rows(), limit, [&](const Escalation& e) {
    return e.author_employee_id == employee_id || has(e.recipient_employee_ids, employee_id);
  });
}

}  // namespace tatakerja::work
