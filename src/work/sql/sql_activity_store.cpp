// The activities over SQL, written once for SQLite and PostgreSQL with `?` parameters only. The
// review chain is kept as "role:position" pairs separated by ";" (the lead's stop has no position);
// an evidence file's content as base64 text in a table of its own.
#include "work/sql_activity_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "core/text.hpp"
#include "sql_values.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using storage::Row;
using storage::Value;
using storage::sql::all;
using storage::sql::first;
using storage::sql::inserted_id;
using storage::sql::integer;
using storage::sql::opt;
using storage::sql::opt_int;
using storage::sql::select;
using storage::sql::to_int;

using sql_values::date_of;

std::string chain_text(const std::vector<ReviewStop>& chain) {
  std::string out;
  for (const auto& s : chain) {
    if (!out.empty()) out += ';';
    out += s.role;
    if (s.position_id) out += ':' + std::to_string(*s.position_id);
  }
  return out;
}

std::vector<ReviewStop> chain_from_text(const std::string& text) {
  std::vector<ReviewStop> out;
  if (text.empty()) return out;
  for (const auto part : text::split(text, ';')) {
    ReviewStop s;
    const auto colon = part.find(':');
    s.role = std::string(part.substr(0, colon));
    if (colon != std::string_view::npos) {
      const auto digits = part.substr(colon + 1);
      Id id = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
      if (ec != std::errc() || end != digits.data() + digits.size()) {
        throw DatabaseError(DatabaseError::Kind::Other,
                            "unknown review chain in database: '" + text + "'");
      }
      s.position_id = id;
    }
    out.push_back(std::move(s));
  }
  return out;
}

constexpr const char* kActivityCols =
    "id, region_id, agency_id, owner_unit_id, team_id, assignment_id, executor_employee_id, "
    "planner_employee_id, agency_kind, title, target, details, budget, start_date, end_date, "
    "chain, flow, state, state_since, awaiting_position_id, progress, rework, version, "
    "created_at, updated_at";
Activity read_activity(const Row& r, std::size_t o) {
  Activity x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.agency_id = r.integer(o + 2);
  x.owner_unit_id = r.integer(o + 3);
  x.team_id = r.optional_integer(o + 4);
  x.assignment_id = r.optional_integer(o + 5);
  x.executor_employee_id = r.integer(o + 6);
  x.planner_employee_id = r.integer(o + 7);
  x.agency_kind = r.text(o + 8);
  x.title = r.text(o + 9);
  x.target = r.text(o + 10);
  x.details = r.text(o + 11);
  x.budget = r.integer(o + 12);
  x.start = date_of(r.text(o + 13));
  x.end = date_of(r.text(o + 14));
  x.chain = chain_from_text(r.text(o + 15));
  x.flow = r.text(o + 16);
  x.state = r.text(o + 17);
  x.state_since = r.text(o + 18);
  x.awaiting_position_id = r.optional_integer(o + 19);
  x.progress = to_int(r, o + 20);
  x.rework = to_int(r, o + 21);
  x.version = to_int(r, o + 22);
  x.created_at = r.text(o + 23);
  x.updated_at = r.text(o + 24);
  return x;
}
std::vector<Value> activity_values(const Activity& a) {
  return {a.region_id,
          a.agency_id,
          a.owner_unit_id,
          opt(a.team_id),
          opt(a.assignment_id),
          a.executor_employee_id,
          a.planner_employee_id,
          a.agency_kind,
          a.title,
          a.target,
          a.details,
          a.budget,
          a.start.iso(),
          a.end.iso(),
          chain_text(a.chain),
          a.flow,
          a.state,
          a.state_since,
          opt(a.awaiting_position_id),
          integer(a.progress),
          integer(a.rework),
          integer(a.version),
          a.created_at,
          a.updated_at};
}

constexpr const char* kStepCols =
    "id, activity_id, transition, from_state, to_state, actor_employee_id, actor_name, role, "
    "reason, at";
ActivityStep read_step(const Row& r, std::size_t o) {
  ActivityStep x;
  x.id = r.integer(o);
  x.activity_id = r.integer(o + 1);
  x.transition = r.text(o + 2);
  x.from_state = r.text(o + 3);
  x.to_state = r.text(o + 4);
  x.actor_employee_id = r.optional_integer(o + 5);
  x.actor_name = r.text(o + 6);
  x.role = r.text(o + 7);
  x.reason = r.text(o + 8);
  x.at = r.text(o + 9);
  return x;
}

constexpr const char* kNoteCols =
    "id, activity_id, kind, author_employee_id, author_name, role, note, progress, at";
ActivityNote read_note(const Row& r, std::size_t o) {
  ActivityNote x;
  x.id = r.integer(o);
  x.activity_id = r.integer(o + 1);
  x.kind = r.text(o + 2);
  x.author_employee_id = r.optional_integer(o + 3);
  x.author_name = r.text(o + 4);
  x.role = r.text(o + 5);
  x.text = r.text(o + 6);
  if (!r.is_null(o + 7)) x.progress = to_int(r, o + 7);
  x.at = r.text(o + 8);
  return x;
}

constexpr const char* kEvidenceCols =
    "id, activity_id, name, media_type, size, sha256, uploaded_by, uploader_name, at";
Evidence read_evidence(const Row& r, std::size_t o) {
  Evidence x;
  x.id = r.integer(o);
  x.activity_id = r.integer(o + 1);
  x.name = r.text(o + 2);
  x.media_type = r.text(o + 3);
  x.size = r.integer(o + 4);
  x.sha256 = r.text(o + 5);
  x.uploaded_by = r.optional_integer(o + 6);
  x.uploader_name = r.text(o + 7);
  x.at = r.text(o + 8);
  return x;
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw DatabaseError(DatabaseError::Kind::Other, "evidence content is not base64");
  }
  out.resize(length);
  return out;
}

// "?, ?, ?" for `n` parameters.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// An activity's rows of `table` (its steps, its notes) in the order written: from the
// `offset`-th, at most `limit`; its newest `limit`; how many. `table` and `cols` are this file's
// constants, never input.
template <typename T>
std::vector<T> page_of(storage::Connection& c, const char* cols, const char* table,
                       T (*read)(const Row&, std::size_t), Id activity_id, int offset, int limit) {
  return all<T>(c.query(select(cols, std::string("FROM ") + table +
                                         " WHERE activity_id = ? ORDER BY id LIMIT ? OFFSET ?"),
                        {activity_id, std::int64_t{limit}, std::int64_t{offset}}),
                read);
}

template <typename T>
std::vector<T> latest_of(storage::Connection& c, const char* cols, const char* table,
                         T (*read)(const Row&, std::size_t), Id activity_id, int limit) {
  auto out = all<T>(c.query(select(cols, std::string("FROM ") + table +
                                             " WHERE activity_id = ? ORDER BY id DESC LIMIT ?"),
                            {activity_id, std::int64_t{limit}}),
                    read);
  std::reverse(out.begin(), out.end());
  return out;
}

std::int64_t count_of(storage::Connection& c, const char* table, Id activity_id) {
  return c
      .query(std::string("SELECT count(*) FROM ") + table + " WHERE activity_id = ?", {activity_id})
      .at(0)
      .integer(0);
}

}  // namespace

Id SqlActivityStore::insert_activity(const Activity& a) {
  return inserted_id(c_,
                     "INSERT INTO work_activities (region_id, agency_id, owner_unit_id, team_id, "
                     "assignment_id, executor_employee_id, planner_employee_id, agency_kind, "
                     "title, target, details, budget, start_date, end_date, chain, flow, state, "
                     "state_since, awaiting_position_id, progress, rework, version, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?) RETURNING id",
                     activity_values(a));
}

bool SqlActivityStore::update_progress(const Activity& a, int expected_version) {
  return c_.execute(
             "UPDATE work_activities SET state = ?, state_since = ?, awaiting_position_id = ?, "
             "progress = ?, rework = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             {a.state, a.state_since, opt(a.awaiting_position_id), std::int64_t{a.progress},
              std::int64_t{a.rework}, std::int64_t{a.version}, a.updated_at, a.id,
              std::int64_t{expected_version}}) == 1;
}

std::optional<Activity> SqlActivityStore::activity(Id id) {
  return first<Activity>(c_.query(select(kActivityCols, "FROM work_activities WHERE id = ?"), {id}),
                         read_activity);
}

std::vector<Activity> SqlActivityStore::activities_of_person(Id employee_id,
                                                             const std::vector<Id>& position_ids,
                                                             const std::vector<Id>& led_team_ids,
                                                             int limit) {
  // Each part reads at most `limit` ids along its index, newest first; their union is cut again.
  const Value n = integer(limit);
  std::vector<Value> params{employee_id, n, employee_id, n};
  std::string ids =
      "SELECT id FROM (SELECT id FROM work_activities WHERE executor_employee_id = ? ORDER BY id "
      "DESC LIMIT ?) e UNION SELECT activity_id FROM (SELECT activity_id FROM "
      "work_activity_roles WHERE employee_id = ? ORDER BY activity_id DESC LIMIT ?) r";
  if (!position_ids.empty()) {
    ids += " UNION SELECT id FROM (SELECT id FROM work_activities WHERE awaiting_position_id IN (" +
           placeholders(position_ids.size()) + ") ORDER BY id DESC LIMIT ?) p";
    for (const Id p : position_ids) params.emplace_back(p);
    params.push_back(n);
  }
  if (!led_team_ids.empty()) {
    ids +=
        " UNION SELECT id FROM (SELECT id FROM work_activities WHERE state = 'di_ketua' AND "
        "team_id IN (" +
        placeholders(led_team_ids.size()) + ") ORDER BY id DESC LIMIT ?) t";
    for (const Id t : led_team_ids) params.emplace_back(t);
    params.push_back(n);
  }
  params.push_back(n);
  return all<Activity>(c_.query(select(kActivityCols, "FROM work_activities WHERE id IN (" + ids +
                                                          ") ORDER BY id DESC LIMIT ?"),
                                params),
                       read_activity);
}

std::vector<Activity> SqlActivityStore::activities_of_team(Id team_id, int limit) {
  return all<Activity>(
      c_.query(
          select(kActivityCols, "FROM work_activities WHERE team_id = ? ORDER BY id DESC LIMIT ?"),
          {team_id, integer(limit)}),
      read_activity);
}

void SqlActivityStore::insert_role(const ActivityRole& r) {
  c_.execute(
      "INSERT INTO work_activity_roles (activity_id, employee_id, role, ordinal) VALUES (?, ?, ?, "
      "(SELECT COUNT(*) FROM work_activity_roles WHERE activity_id = ?))",
      {r.activity_id, r.employee_id, r.role, r.activity_id});
}

std::vector<ActivityRole> SqlActivityStore::roles_of_activity(Id activity_id) {
  return all<ActivityRole>(
      c_.query("SELECT activity_id, employee_id, role FROM work_activity_roles WHERE "
               "activity_id = ? ORDER BY ordinal",
               {activity_id}),
      [](const Row& r, std::size_t o) {
        return ActivityRole{r.integer(o), r.integer(o + 1), r.text(o + 2)};
      });
}

Id SqlActivityStore::insert_activity_step(const ActivityStep& s) {
  return inserted_id(c_,
                     "INSERT INTO work_activity_steps (activity_id, transition, from_state, "
                     "to_state, actor_employee_id, actor_name, role, reason, at) VALUES (?, ?, ?, "
                     "?, ?, ?, ?, ?, ?) RETURNING id",
                     {s.activity_id, s.transition, s.from_state, s.to_state,
                      opt(s.actor_employee_id), s.actor_name, s.role, s.reason, s.at});
}

std::vector<ActivityStep> SqlActivityStore::steps_of_activity(Id activity_id, int offset,
                                                              int limit) {
  return page_of(c_, kStepCols, "work_activity_steps", read_step, activity_id, offset, limit);
}

std::vector<ActivityStep> SqlActivityStore::latest_steps_of_activity(Id activity_id, int limit) {
  return latest_of(c_, kStepCols, "work_activity_steps", read_step, activity_id, limit);
}

std::int64_t SqlActivityStore::step_count(Id activity_id) {
  return count_of(c_, "work_activity_steps", activity_id);
}

bool SqlActivityStore::took_a_step(Id activity_id, Id employee_id) {
  return !c_.query(
                "SELECT 1 FROM work_activity_steps WHERE activity_id = ? AND "
                "actor_employee_id = ? LIMIT 1",
                {activity_id, employee_id})
              .empty();
}

Id SqlActivityStore::insert_note(const ActivityNote& n) {
  return inserted_id(c_,
                     "INSERT INTO work_activity_notes (activity_id, kind, author_employee_id, "
                     "author_name, role, note, progress, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     "RETURNING id",
                     {n.activity_id, n.kind, opt(n.author_employee_id), n.author_name, n.role,
                      n.text, opt_int(n.progress), n.at});
}

std::vector<ActivityNote> SqlActivityStore::notes_of_activity(Id activity_id, int offset,
                                                              int limit) {
  return page_of(c_, kNoteCols, "work_activity_notes", read_note, activity_id, offset, limit);
}

std::vector<ActivityNote> SqlActivityStore::latest_notes_of_activity(Id activity_id, int limit) {
  return latest_of(c_, kNoteCols, "work_activity_notes", read_note, activity_id, limit);
}

std::int64_t SqlActivityStore::note_count(Id activity_id) {
  return count_of(c_, "work_activity_notes", activity_id);
}

Id SqlActivityStore::insert_evidence(const Evidence& e, const std::string& content) {
  const Id id =
      inserted_id(c_,
                  "INSERT INTO work_activity_evidence (activity_id, name, media_type, size, "
                  "sha256, uploaded_by, uploader_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                  "RETURNING id",
                  {e.activity_id, e.name, e.media_type, e.size, e.sha256, opt(e.uploaded_by),
                   e.uploader_name, e.at});
  c_.execute(
      "INSERT INTO work_activity_evidence_content (evidence_id, content_base64) VALUES (?, ?)",
      {id, to_base64(content)});
  return id;
}

std::vector<Evidence> SqlActivityStore::evidence_of_activity(Id activity_id) {
  return all<Evidence>(
      c_.query(
          select(kEvidenceCols, "FROM work_activity_evidence WHERE activity_id = ? ORDER BY id"),
          {activity_id}),
      read_evidence);
}

std::optional<Evidence> SqlActivityStore::evidence(Id id) {
  return first<Evidence>(
      c_.query(select(kEvidenceCols, "FROM work_activity_evidence WHERE id = ?"), {id}),
      read_evidence);
}

std::optional<std::string> SqlActivityStore::evidence_content(Id id) {
  const auto rows = c_.query(
      "SELECT content_base64 FROM work_activity_evidence_content WHERE evidence_id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_base64(rows[0].text(0));
}

}  // namespace tatakerja::work
