// The accountability records over SQL, written once for SQLite and PostgreSQL with `?` parameters
// only. An escalation's alternatives are kept as a JSON array of strings; recipients in tables of
// their own.
#include "work/sql_accountability_store.hpp"

#include <string>

#include "sql_values.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::work {
namespace {

using storage::Row;
using storage::Value;
using storage::sql::all;
using storage::sql::first;
using storage::sql::inserted_id;
using storage::sql::integer;
using storage::sql::opt;
using storage::sql::select;

using sql_values::date_of;
using sql_values::items_from_text;
using sql_values::items_text;

constexpr const char* kReportCols =
    "id, region_id, team_id, kind, author_employee_id, period_start, period_end, summary, "
    "request_id, created_at";
Report read_report(const Row& r, std::size_t o) {
  Report x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.team_id = r.optional_integer(o + 2);
  x.kind = r.text(o + 3);
  x.author_employee_id = r.integer(o + 4);
  x.period_start = date_of(r.text(o + 5));
  x.period_end = date_of(r.text(o + 6));
  x.summary = r.text(o + 7);
  x.request_id = r.optional_integer(o + 8);
  x.created_at = r.text(o + 9);
  return x;
}

constexpr const char* kResultCols =
    "id, report_id, member_employee_id, appraiser_position_id, result, created_at";
MemberResult read_result(const Row& r, std::size_t o) {
  return {r.integer(o),  r.integer(o + 1), r.integer(o + 2), r.optional_integer(o + 3),
          r.text(o + 4), r.text(o + 5)};
}

constexpr const char* kRequestCols =
    "id, region_id, team_id, requester_employee_id, asked_employee_id, due_date, note, "
    "report_id, created_at";
ReportRequest read_request(const Row& r, std::size_t o) {
  ReportRequest x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.team_id = r.optional_integer(o + 2);
  x.requester_employee_id = r.integer(o + 3);
  x.asked_employee_id = r.integer(o + 4);
  x.due = date_of(r.text(o + 5));
  x.note = r.text(o + 6);
  x.report_id = r.optional_integer(o + 7);
  x.created_at = r.text(o + 8);
  return x;
}

constexpr const char* kEscalationCols =
    "id, region_id, team_id, author_employee_id, problem, alternatives, several_units, "
    "created_at";
Escalation read_escalation(const Row& r, std::size_t o) {
  Escalation x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.team_id = r.integer(o + 2);
  x.author_employee_id = r.integer(o + 3);
  x.problem = r.text(o + 4);
  x.alternatives = items_from_text(r.text(o + 5));
  x.several_units = r.integer(o + 6) != 0;
  x.created_at = r.text(o + 7);
  return x;
}

std::vector<Id> ids_of(const std::vector<Row>& rows) {
  std::vector<Id> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.integer(0));
  return out;
}

}  // namespace

std::vector<Report> SqlAccountabilityStore::with_recipients(std::vector<Report> reports) {
  for (auto& r : reports) {
    r.recipient_employee_ids = ids_of(c_.query(
        "SELECT employee_id FROM work_report_recipients WHERE report_id = ? ORDER BY employee_id",
        {r.id}));
  }
  return reports;
}

std::vector<Escalation> SqlAccountabilityStore::with_recipients(
    std::vector<Escalation> escalations) {
  for (auto& e : escalations) {
    e.recipient_employee_ids =
        ids_of(c_.query("SELECT employee_id FROM work_escalation_recipients WHERE escalation_id "
                        "= ? ORDER BY employee_id",
                        {e.id}));
  }
  return escalations;
}

Id SqlAccountabilityStore::insert_report(const Report& r) {
  const Id id =
      inserted_id(c_,
                  "INSERT INTO work_reports (region_id, team_id, kind, "
                  "author_employee_id, period_start, period_end, summary, request_id, "
                  "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {r.region_id, opt(r.team_id), r.kind, r.author_employee_id, r.period_start.iso(),
                   r.period_end.iso(), r.summary, opt(r.request_id), r.created_at});
  for (const Id e : r.recipient_employee_ids) {
    c_.execute("INSERT INTO work_report_recipients (report_id, employee_id) VALUES (?, ?)",
               {id, e});
  }
  return id;
}

std::optional<Report> SqlAccountabilityStore::report(Id id) {
  auto found = all<Report>(c_.query(select(kReportCols, "FROM work_reports WHERE id = ?"), {id}),
                           read_report);
  if (found.empty()) return std::nullopt;
  return with_recipients(std::move(found)).front();
}

std::vector<Report> SqlAccountabilityStore::reports_of_person(Id employee_id, int limit) {
  return with_recipients(all<Report>(
      c_.query(select(kReportCols,
                      "FROM work_reports WHERE author_employee_id = ? OR id IN (SELECT report_id "
                      "FROM work_report_recipients WHERE employee_id = ?) ORDER BY id DESC "
                      "LIMIT ?"),
               {employee_id, employee_id, integer(limit)}),
      read_report));
}

std::vector<Report> SqlAccountabilityStore::reports_of_team(Id team_id, int limit) {
  return with_recipients(all<Report>(
      c_.query(select(kReportCols, "FROM work_reports WHERE team_id = ? ORDER BY id DESC LIMIT ?"),
               {team_id, integer(limit)}),
      read_report));
}

Id SqlAccountabilityStore::insert_member_result(const MemberResult& m) {
  return inserted_id(
      c_,
      "INSERT INTO work_member_results (report_id, member_employee_id, "
      "appraiser_position_id, result, created_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {m.report_id, m.member_employee_id, opt(m.appraiser_position_id), m.result, m.created_at});
}

std::vector<MemberResult> SqlAccountabilityStore::member_results_of_report(Id report_id) {
  return all<MemberResult>(
      c_.query(select(kResultCols, "FROM work_member_results WHERE report_id = ? ORDER BY id"),
               {report_id}),
      read_result);
}

std::vector<MemberResult> SqlAccountabilityStore::member_results_of_member(Id employee_id,
                                                                           int limit) {
  return all<MemberResult>(
      c_.query(select(kResultCols,
                      "FROM work_member_results WHERE member_employee_id = ? ORDER BY id DESC "
                      "LIMIT ?"),
               {employee_id, integer(limit)}),
      read_result);
}

Id SqlAccountabilityStore::insert_request(const ReportRequest& r) {
  return inserted_id(c_,
                     "INSERT INTO work_report_requests (region_id, team_id, "
                     "requester_employee_id, asked_employee_id, due_date, note, report_id, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.region_id, opt(r.team_id), r.requester_employee_id, r.asked_employee_id,
                      r.due.iso(), r.note, opt(r.report_id), r.created_at});
}

void SqlAccountabilityStore::update_request(const ReportRequest& r) {
  c_.execute(
      "UPDATE work_report_requests SET region_id = ?, team_id = ?, requester_employee_id = ?, "
      "asked_employee_id = ?, due_date = ?, note = ?, report_id = ?, created_at = ? WHERE id = ?",
      {r.region_id, opt(r.team_id), r.requester_employee_id, r.asked_employee_id, r.due.iso(),
       r.note, opt(r.report_id), r.created_at, r.id});
}

std::optional<ReportRequest> SqlAccountabilityStore::request(Id id) {
  return first<ReportRequest>(
      c_.query(select(kRequestCols, "FROM work_report_requests WHERE id = ?"), {id}), read_request);
}

std::vector<ReportRequest> SqlAccountabilityStore::requests_of_person(Id employee_id, int limit) {
  return all<ReportRequest>(
      c_.query(select(kRequestCols,
                      "FROM work_report_requests WHERE asked_employee_id = ? OR "
                      "requester_employee_id = ? ORDER BY id DESC LIMIT ?"),
               {employee_id, employee_id, integer(limit)}),
      read_request);
}

std::vector<ReportRequest> SqlAccountabilityStore::requests_of_team(Id team_id, int limit) {
  return all<ReportRequest>(
      c_.query(select(kRequestCols,
                      "FROM work_report_requests WHERE team_id = ? ORDER BY id DESC LIMIT ?"),
               {team_id, integer(limit)}),
      read_request);
}

Id SqlAccountabilityStore::insert_escalation(const Escalation& e) {
  const Id id = inserted_id(
      c_,
      "INSERT INTO work_escalations (region_id, team_id, author_employee_id, problem, "
      "alternatives, several_units, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.region_id, e.team_id, e.author_employee_id, e.problem, items_text(e.alternatives),
       integer(e.several_units ? 1 : 0), e.created_at});
  for (const Id r : e.recipient_employee_ids) {
    c_.execute("INSERT INTO work_escalation_recipients (escalation_id, employee_id) VALUES (?, ?)",
               {id, r});
  }
  return id;
}

std::optional<Escalation> SqlAccountabilityStore::escalation(Id id) {
  auto found =
      all<Escalation>(c_.query(select(kEscalationCols, "FROM work_escalations WHERE id = ?"), {id}),
                      read_escalation);
  if (found.empty()) return std::nullopt;
  return with_recipients(std::move(found)).front();
}

std::vector<Escalation> SqlAccountabilityStore::escalations_of_team(Id team_id, int limit) {
  return with_recipients(all<Escalation>(
      c_.query(select(kEscalationCols,
                      "FROM work_escalations WHERE team_id = ? ORDER BY id DESC LIMIT ?"),
               {team_id, integer(limit)}),
      read_escalation));
}

std::vector<Escalation> SqlAccountabilityStore::escalations_of_person(Id employee_id, int limit) {
  return with_recipients(all<Escalation>(
      c_.query(select(kEscalationCols,
                      "FROM work_escalations WHERE author_employee_id = ? OR id IN (SELECT "
                      "escalation_id FROM work_escalation_recipients WHERE employee_id = ?) "
                      "ORDER BY id DESC LIMIT ?"),
               {employee_id, employee_id, integer(limit)}),
      read_escalation));
}

}  // namespace tatakerja::work
