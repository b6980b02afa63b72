// The work system's rules, teams and membership periods over SQL, written once for SQLite and
// PostgreSQL with `?` parameters only. A rule's items are kept as a JSON array of strings.
#include "work/sql_work_store.hpp"

#include <nlohmann/json.hpp>
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
using storage::sql::opt;
using storage::sql::require;
using storage::sql::select;

using sql_values::date_of;
using sql_values::items_from_text;
using sql_values::items_text;
using sql_values::optional_date;

constexpr const char* kRuleCols =
    "id, region_id, kind, rule_key, statement, items, origin, regulation_id, source, article, "
    "changed_reason, changed_at";
Rule read_rule(const Row& r, std::size_t o) {
  Rule x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.kind = require(rule_kind_from_string(r.text(o + 2)), "rule kind", r.text(o + 2));
  x.key = r.text(o + 3);
  x.statement = r.text(o + 4);
  x.items = items_from_text(r.text(o + 5));
  x.origin = require(rule_origin_from_string(r.text(o + 6)), "rule origin", r.text(o + 6));
  x.regulation_id = r.optional_integer(o + 7);
  x.source = r.text(o + 8);
  x.article = r.text(o + 9);
  x.changed_reason = r.text(o + 10);
  x.changed_at = r.text(o + 11);
  return x;
}
std::vector<Value> rule_values(const Rule& r) {
  return {r.region_id,
          std::string(to_string(r.kind)),
          r.key,
          r.statement,
          items_text(r.items),
          std::string(to_string(r.origin)),
          opt(r.regulation_id),
          r.source,
          r.article,
          r.changed_reason,
          r.changed_at};
}

constexpr const char* kTeamCols =
    "id, region_id, agency_id, owner_unit_id, name, kind, target, scope, authority, "
    "authority_rule_id, decree_text, status, formed, created_at";
Team read_team(const Row& r, std::size_t o) {
  Team x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.agency_id = r.integer(o + 2);
  x.owner_unit_id = r.integer(o + 3);
  x.name = r.text(o + 4);
  x.kind = require(team_kind_from_string(r.text(o + 5)), "team kind", r.text(o + 5));
  x.target = r.text(o + 6);
  x.scope = require(team_scope_from_string(r.text(o + 7)), "team scope", r.text(o + 7));
  x.authority = r.text(o + 8);
  x.authority_rule_id = r.optional_integer(o + 9);
  x.decree_text = r.text(o + 10);
  x.status = require(team_status_from_string(r.text(o + 11)), "team status", r.text(o + 11));
  x.formed = date_of(r.text(o + 12));
  x.created_at = r.text(o + 13);
  return x;
}
std::vector<Value> team_values(const Team& t) {
  return {t.region_id,
          t.agency_id,
          t.owner_unit_id,
          t.name,
          std::string(to_string(t.kind)),
          t.target,
          std::string(to_string(t.scope)),
          t.authority,
          opt(t.authority_rule_id),
          t.decree_text,
          std::string(to_string(t.status)),
          t.formed.iso(),
          t.created_at};
}

constexpr const char* kMemberCols =
    "id, team_id, employee_id, unit_id, role, start_date, end_date, end_reason";
TeamMember read_member(const Row& r, std::size_t o) {
  TeamMember x;
  x.id = r.integer(o);
  x.team_id = r.integer(o + 1);
  x.employee_id = r.integer(o + 2);
  x.unit_id = r.integer(o + 3);
  x.role = require(team_role_from_string(r.text(o + 4)), "team role", r.text(o + 4));
  x.start = date_of(r.text(o + 5));
  if (!r.is_null(o + 6)) x.end = date_of(r.text(o + 6));
  x.end_reason = r.text(o + 7);
  return x;
}
std::vector<Value> member_values(const TeamMember& m) {
  return {m.team_id,     m.employee_id,        m.unit_id,   std::string(to_string(m.role)),
          m.start.iso(), optional_date(m.end), m.end_reason};
}

constexpr const char* kAssignmentCols =
    "id, region_id, mechanism, mechanism_rule_id, team_id, owner_unit_id, official_employee_id, "
    "official_unit_id, target_unit_id, requester_employee_id, title, details, within_main_duties, "
    "letter_kind, state, state_since, version, created_at, updated_at";
Assignment read_assignment(const Row& r, std::size_t o) {
  Assignment x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.mechanism = r.text(o + 2);
  x.mechanism_rule_id = r.optional_integer(o + 3);
  x.team_id = r.optional_integer(o + 4);
  x.owner_unit_id = r.integer(o + 5);
  x.official_employee_id = r.optional_integer(o + 6);
  x.official_unit_id = r.optional_integer(o + 7);
  x.target_unit_id = r.optional_integer(o + 8);
  x.requester_employee_id = r.integer(o + 9);
  x.title = r.text(o + 10);
  x.details = r.text(o + 11);
  x.within_main_duties = r.integer(o + 12) != 0;
  x.letter = require(letter_kind_from_string(r.text(o + 13)), "letter kind", r.text(o + 13));
  x.state = r.text(o + 14);
  x.state_since = r.text(o + 15);
  x.version = static_cast<int>(r.integer(o + 16));
  x.created_at = r.text(o + 17);
  x.updated_at = r.text(o + 18);
  return x;
}
std::vector<Value> assignment_values(const Assignment& a) {
  return {a.region_id,
          a.mechanism,
          opt(a.mechanism_rule_id),
          opt(a.team_id),
          a.owner_unit_id,
          opt(a.official_employee_id),
          opt(a.official_unit_id),
          opt(a.target_unit_id),
          a.requester_employee_id,
          a.title,
          a.details,
          std::int64_t{a.within_main_duties ? 1 : 0},
          std::string(to_string(a.letter)),
          a.state,
          a.state_since,
          std::int64_t{a.version},
          a.created_at,
          a.updated_at};
}

constexpr const char* kStepCols =
    "id, assignment_id, transition, from_state, to_state, actor_employee_id, actor_user_id, "
    "actor_name, role, reason, at";
AssignmentStep read_step(const Row& r, std::size_t o) {
  AssignmentStep x;
  x.id = r.integer(o);
  x.assignment_id = r.integer(o + 1);
  x.transition = r.text(o + 2);
  x.from_state = r.text(o + 3);
  x.to_state = r.text(o + 4);
  x.actor_employee_id = r.optional_integer(o + 5);
  x.actor_user_id = r.optional_integer(o + 6);
  x.actor_name = r.text(o + 7);
  x.role = r.text(o + 8);
  x.reason = r.text(o + 9);
  x.at = r.text(o + 10);
  return x;
}

constexpr const char* kNotificationCols =
    "id, employee_id, assignment_id, kind, message, created_at, read_at, activity_id, report_id, "
    "report_request_id";
Notification read_notification(const Row& r, std::size_t o) {
  Notification x;
  x.id = r.integer(o);
  x.employee_id = r.integer(o + 1);
  x.assignment_id = r.optional_integer(o + 2);
  x.kind = r.text(o + 3);
  x.message = r.text(o + 4);
  x.created_at = r.text(o + 5);
  x.read_at = r.text(o + 6);
  x.activity_id = r.optional_integer(o + 7);
  x.report_id = r.optional_integer(o + 8);
  x.report_request_id = r.optional_integer(o + 9);
  return x;
}

constexpr const char* kDeliveryCols =
    "notification_id, address, status, attempts, last_error, next_attempt_at, sent_at, created_at";
EmailDelivery read_delivery(const Row& r, std::size_t o) {
  EmailDelivery x;
  x.notification_id = r.integer(o);
  x.address = r.text(o + 1);
  x.status = r.text(o + 2);
  x.attempts = static_cast<int>(r.integer(o + 3));
  x.last_error = r.text(o + 4);
  x.next_attempt_at = r.text(o + 5);
  x.sent_at = r.text(o + 6);
  x.created_at = r.text(o + 7);
  return x;
}

}  // namespace

std::vector<Rule> SqlWorkStore::rules_of_region(Id region_id) {
  return all<Rule>(
      c_.query(select(kRuleCols, "FROM work_rules WHERE region_id = ? ORDER BY id"), {region_id}),
      read_rule);
}

std::optional<Rule> SqlWorkStore::rule(Id id) {
  return first<Rule>(c_.query(select(kRuleCols, "FROM work_rules WHERE id = ?"), {id}), read_rule);
}

Id SqlWorkStore::insert_rule(const Rule& r) {
  return inserted_id(c_,
                     "INSERT INTO work_rules (region_id, kind, rule_key, statement, items, origin, "
                     "regulation_id, source, article, changed_reason, changed_at) VALUES (?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     rule_values(r));
}

void SqlWorkStore::update_rule(const Rule& r) {
  auto values = rule_values(r);
  values.emplace_back(r.id);
  c_.execute(
      "UPDATE work_rules SET region_id = ?, kind = ?, rule_key = ?, statement = ?, items = ?, "
      "origin = ?, regulation_id = ?, source = ?, article = ?, changed_reason = ?, changed_at = ? "
      "WHERE id = ?",
      values);
}

Id SqlWorkStore::insert_team(const Team& t) {
  return inserted_id(c_,
                     "INSERT INTO work_teams (region_id, agency_id, owner_unit_id, name, kind, "
                     "target, scope, authority, authority_rule_id, decree_text, status, formed, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     team_values(t));
}

void SqlWorkStore::update_team(const Team& t) {
  auto values = team_values(t);
  values.emplace_back(t.id);
  c_.execute(
      "UPDATE work_teams SET region_id = ?, agency_id = ?, owner_unit_id = ?, name = ?, kind = ?, "
      "target = ?, scope = ?, authority = ?, authority_rule_id = ?, decree_text = ?, status = ?, "
      "formed = ?, created_at = ? WHERE id = ?",
      values);
}

std::optional<Team> SqlWorkStore::team(Id id) {
  return first<Team>(c_.query(select(kTeamCols, "FROM work_teams WHERE id = ?"), {id}), read_team);
}

std::vector<Team> SqlWorkStore::teams_of_region(Id region_id) {
  return all<Team>(
      c_.query(select(kTeamCols, "FROM work_teams WHERE region_id = ? ORDER BY id DESC"),
               {region_id}),
      read_team);
}

Id SqlWorkStore::insert_member(const TeamMember& m) {
  return inserted_id(c_,
                     "INSERT INTO work_team_members (team_id, employee_id, unit_id, role, "
                     "start_date, end_date, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     member_values(m));
}

void SqlWorkStore::update_member(const TeamMember& m) {
  auto values = member_values(m);
  values.emplace_back(m.id);
  c_.execute(
      "UPDATE work_team_members SET team_id = ?, employee_id = ?, unit_id = ?, role = ?, "
      "start_date = ?, end_date = ?, end_reason = ? WHERE id = ?",
      values);
}

std::vector<TeamMember> SqlWorkStore::members_of_team(Id team_id) {
  return all<TeamMember>(
      c_.query(
          select(kMemberCols, "FROM work_team_members WHERE team_id = ? ORDER BY start_date, id"),
          {team_id}),
      read_member);
}

std::vector<TeamMember> SqlWorkStore::memberships_of_employee(Id employee_id) {
  return all<TeamMember>(
      c_.query(select(kMemberCols,
                      "FROM work_team_members WHERE employee_id = ? ORDER BY start_date, id"),
               {employee_id}),
      read_member);
}

Id SqlWorkStore::insert_assignment(const Assignment& a) {
  return inserted_id(c_,
                     "INSERT INTO work_assignments (region_id, mechanism, mechanism_rule_id, "
                     "team_id, owner_unit_id, official_employee_id, official_unit_id, "
                     "target_unit_id, requester_employee_id, title, details, within_main_duties, "
                     "letter_kind, state, state_since, version, created_at, updated_at) VALUES (?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     assignment_values(a));
}

bool SqlWorkStore::update_assignment(const Assignment& a, int expected_version) {
  auto values = assignment_values(a);
  values.emplace_back(a.id);
  values.emplace_back(std::int64_t{expected_version});
  return c_.execute(
             "UPDATE work_assignments SET region_id = ?, mechanism = ?, mechanism_rule_id = ?, "
             "team_id = ?, owner_unit_id = ?, official_employee_id = ?, official_unit_id = ?, "
             "target_unit_id = ?, requester_employee_id = ?, title = ?, details = ?, "
             "within_main_duties = ?, letter_kind = ?, state = ?, state_since = ?, version = ?, "
             "created_at = ?, updated_at = ? WHERE id = ? AND version = ?",
             values) == 1;
}

std::optional<Assignment> SqlWorkStore::assignment(Id id) {
  return first<Assignment>(
      c_.query(select(kAssignmentCols, "FROM work_assignments WHERE id = ?"), {id}),
      read_assignment);
}

std::vector<Assignment> SqlWorkStore::assignments_of_employee(Id employee_id, int limit) {
  return all<Assignment>(
      c_.query(select(kAssignmentCols,
                      "FROM work_assignments WHERE requester_employee_id = ? OR "
                      "official_employee_id = ? OR id IN (SELECT assignment_id FROM "
                      "work_assignment_steps WHERE actor_employee_id = ?) OR id IN (SELECT "
                      "assignment_id FROM work_notifications WHERE employee_id = ?) ORDER BY id "
                      "DESC LIMIT ?"),
               {employee_id, employee_id, employee_id, employee_id, std::int64_t{limit}}),
      read_assignment);
}

Id SqlWorkStore::insert_step(const AssignmentStep& s) {
  return inserted_id(
      c_,
      "INSERT INTO work_assignment_steps (assignment_id, transition, from_state, "
      "to_state, actor_employee_id, actor_user_id, actor_name, role, reason, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.assignment_id, s.transition, s.from_state, s.to_state, opt(s.actor_employee_id),
       opt(s.actor_user_id), s.actor_name, s.role, s.reason, s.at});
}

std::vector<AssignmentStep> SqlWorkStore::steps_of_assignment(Id assignment_id) {
  return all<AssignmentStep>(
      c_.query(select(kStepCols, "FROM work_assignment_steps WHERE assignment_id = ? ORDER BY id"),
               {assignment_id}),
      read_step);
}

Id SqlWorkStore::insert_notification(const Notification& n) {
  return inserted_id(c_,
                     "INSERT INTO work_notifications (employee_id, assignment_id, kind, message, "
                     "created_at, read_at, activity_id, report_id, report_request_id) VALUES (?, "
                     "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {n.employee_id, opt(n.assignment_id), n.kind, n.message, n.created_at,
                      n.read_at, opt(n.activity_id), opt(n.report_id), opt(n.report_request_id)});
}

std::optional<Notification> SqlWorkStore::notification(Id id) {
  return first<Notification>(
      c_.query(select(kNotificationCols, "FROM work_notifications WHERE id = ?"), {id}),
      read_notification);
}

std::vector<Notification> SqlWorkStore::notifications_of_employee(Id employee_id, int limit) {
  return all<Notification>(
      c_.query(select(kNotificationCols,
                      "FROM work_notifications WHERE employee_id = ? ORDER BY id DESC LIMIT ?"),
               {employee_id, std::int64_t{limit}}),
      read_notification);
}

std::vector<Notification> SqlWorkStore::notifications_of_assignment(Id assignment_id) {
  return all<Notification>(
      c_.query(
          select(kNotificationCols, "FROM work_notifications WHERE assignment_id = ? ORDER BY id"),
          {assignment_id}),
      read_notification);
}

void SqlWorkStore::mark_notification_read(Id id, const std::string& at) {
  c_.execute("UPDATE work_notifications SET read_at = ? WHERE id = ? AND read_at = ''", {at, id});
}

std::vector<Notification> SqlWorkStore::notifications_after(Id after_id, int limit) {
  return all<Notification>(
      c_.query(
          select(kNotificationCols, "FROM work_notifications WHERE id > ? ORDER BY id LIMIT ?"),
          {after_id, std::int64_t{limit}}),
      read_notification);
}

std::optional<Id> SqlWorkStore::email_cursor() {
  const bool pg = c_.dialect() == storage::Dialect::Postgres;
  const auto rows =
      c_.query(pg ? "SELECT last_notification_id FROM work_email_cursor WHERE id = 1 FOR UPDATE"
                  : "SELECT last_notification_id FROM work_email_cursor WHERE id = 1");
  if (rows.empty()) return std::nullopt;
  return rows[0].integer(0);
}

void SqlWorkStore::set_email_cursor(Id last_notification_id) {
  c_.execute(
      "INSERT INTO work_email_cursor (id, last_notification_id) VALUES (1, ?) ON CONFLICT (id) DO "
      "UPDATE SET last_notification_id = excluded.last_notification_id",
      {last_notification_id});
}

void SqlWorkStore::insert_email_delivery(const EmailDelivery& d) {
  c_.execute(
      "INSERT INTO work_email_deliveries (notification_id, address, status, attempts, last_error, "
      "next_attempt_at, sent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {d.notification_id, d.address, d.status, std::int64_t{d.attempts}, d.last_error,
       d.next_attempt_at, d.sent_at, d.created_at});
}

std::optional<EmailDelivery> SqlWorkStore::email_delivery(Id notification_id) {
  return first<EmailDelivery>(
      c_.query(select(kDeliveryCols, "FROM work_email_deliveries WHERE notification_id = ?"),
               {notification_id}),
      read_delivery);
}

std::vector<EmailDelivery> SqlWorkStore::email_deliveries_due(const std::string& now, int limit) {
  return all<EmailDelivery>(
      c_.query(select(kDeliveryCols,
                      "FROM work_email_deliveries WHERE status = 'menunggu' AND next_attempt_at <= "
                      "? ORDER BY next_attempt_at, notification_id LIMIT ?"),
               {now, std::int64_t{limit}}),
      read_delivery);
}

bool SqlWorkStore::claim_email_delivery(Id notification_id, const std::string& now,
                                        const std::string& until) {
  return c_.execute(
             "UPDATE work_email_deliveries SET next_attempt_at = ? WHERE notification_id = ? AND "
             "status = 'menunggu' AND next_attempt_at <= ?",
             {until, notification_id, now}) == 1;
}

void SqlWorkStore::update_email_delivery(const EmailDelivery& d) {
  c_.execute(
      "UPDATE work_email_deliveries SET status = ?, attempts = ?, last_error = ?, "
      "next_attempt_at = ?, sent_at = ? WHERE notification_id = ?",
      {d.status, std::int64_t{d.attempts}, d.last_error, d.next_attempt_at, d.sent_at,
       d.notification_id});
}

Id SqlWorkStore::insert_holiday(const Holiday& h) {
  return inserted_id(c_,
                     "INSERT INTO work_holidays (holiday_date, name, kind) VALUES (?, ?, ?) "
                     "RETURNING id",
                     {h.date.iso(), h.name, h.kind});
}

namespace {
constexpr const char* kHolidayCols = "id, holiday_date, name, kind";
Holiday read_holiday(const Row& r, std::size_t o) {
  return Holiday{r.integer(o), date_of(r.text(o + 1)), r.text(o + 2), r.text(o + 3)};
}
}  // namespace

std::optional<Holiday> SqlWorkStore::holiday(Id id) {
  return first<Holiday>(c_.query(select(kHolidayCols, "FROM work_holidays WHERE id = ?"), {id}),
                        read_holiday);
}

std::vector<Holiday> SqlWorkStore::holidays_between(const Date& from, const Date& to) {
  return all<Holiday>(
      c_.query(select(kHolidayCols,
                      "FROM work_holidays WHERE holiday_date >= ? AND holiday_date <= ? ORDER BY "
                      "holiday_date"),
               {from.iso(), to.iso()}),
      read_holiday);
}

bool SqlWorkStore::delete_holiday(Id id) {
  return c_.execute("DELETE FROM work_holidays WHERE id = ?", {id}) == 1;
}

}  // namespace tatakerja::work
