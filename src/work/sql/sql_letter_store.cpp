// The letters over SQL, written once for SQLite and PostgreSQL with `?` parameters only. A
// letter's lists (grounds, tasks, copies) and people (recipients, signatory) are kept as JSON.
#include "work/sql_letter_store.hpp"

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

nlohmann::json person_json(const LetterPerson& p) {
  return {{"employee_id", p.employee_id},
          {"position_id", p.position_id ? nlohmann::json(*p.position_id) : nlohmann::json()},
          {"name", p.name},
          {"nip", p.nip},
          {"rank", p.rank},
          {"position", p.position}};
}

std::string person_json_text(const LetterPerson& p) {
  return person_json(p).dump();
}

std::string people_json_text(const std::vector<LetterPerson>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : people) out.push_back(person_json(p));
  return out.dump();
}

std::vector<LetterPerson> people_from_json_text(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<LetterPerson> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.is_object()) continue;
    LetterPerson p;
    p.employee_id = e.value("employee_id", Id{0});
    if (e.contains("position_id") && e["position_id"].is_number_integer()) {
      p.position_id = e["position_id"].get<Id>();
    }
    p.name = e.value("name", "");
    p.nip = e.value("nip", "");
    p.rank = e.value("rank", "");
    p.position = e.value("position", "");
    out.push_back(std::move(p));
  }
  return out;
}

constexpr const char* kLetterCols =
    "id, region_id, agency_id, kind, number, year, sequence, team_id, assignment_id, government, "
    "agency_name, address, place, letter_date, grounds, recipients, tasks, signatory, copies, "
    "status, revoked_at, revoked_reason, token, issued_by, created_at";

Letter read_letter(const Row& r, std::size_t o) {
  Letter x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.agency_id = r.integer(o + 2);
  x.kind = require(letter_kind_from_string(r.text(o + 3)), "letter kind", r.text(o + 3));
  x.number = r.text(o + 4);
  x.year = static_cast<int>(r.integer(o + 5));
  x.sequence = r.integer(o + 6);
  x.team_id = r.optional_integer(o + 7);
  x.assignment_id = r.optional_integer(o + 8);
  x.government = r.text(o + 9);
  x.agency_name = r.text(o + 10);
  x.address = r.text(o + 11);
  x.place = r.text(o + 12);
  x.date = date_of(r.text(o + 13));
  x.grounds = items_from_text(r.text(o + 14));
  x.recipients = people_from_json_text(r.text(o + 15));
  x.tasks = items_from_text(r.text(o + 16));
  const auto signatory = people_from_json_text("[" + r.text(o + 17) + "]");
  if (!signatory.empty()) x.signatory = signatory.front();
  x.copies = items_from_text(r.text(o + 18));
  x.status = require(letter_status_from_string(r.text(o + 19)), "letter status", r.text(o + 19));
  x.revoked_at = r.text(o + 20);
  x.revoked_reason = r.text(o + 21);
  x.token = r.text(o + 22);
  x.issued_by = r.optional_integer(o + 23);
  x.created_at = r.text(o + 24);
  return x;
}

std::vector<Value> letter_values(const Letter& l) {
  return {l.region_id,
          l.agency_id,
          std::string(to_string(l.kind)),
          l.number,
          std::int64_t{l.year},
          l.sequence,
          opt(l.team_id),
          opt(l.assignment_id),
          l.government,
          l.agency_name,
          l.address,
          l.place,
          l.date.iso(),
          items_text(l.grounds),
          people_json_text(l.recipients),
          items_text(l.tasks),
          l.signatory.employee_id,
          person_json_text(l.signatory),
          items_text(l.copies),
          std::string(to_string(l.status)),
          l.revoked_at,
          l.revoked_reason,
          l.token,
          opt(l.issued_by),
          l.created_at};
}

constexpr const char* kLetterWriteCols =
    "region_id, agency_id, kind, number, year, sequence, team_id, assignment_id, government, "
    "agency_name, address, place, letter_date, grounds, recipients, tasks, "
    "signatory_employee_id, signatory, copies, status, revoked_at, revoked_reason, token, "
    "issued_by, created_at";

}  // namespace

std::optional<LetterScheme> SqlLetterStore::letter_scheme(Id agency_id) {
  return first<LetterScheme>(
      c_.query("SELECT agency_id, pattern, unit_code, address, place, updated_at FROM "
               "letter_schemes WHERE agency_id = ?",
               {agency_id}),
      [](const Row& r, std::size_t o) {
        return LetterScheme{r.integer(o),  r.text(o + 1), r.text(o + 2),
                            r.text(o + 3), r.text(o + 4), r.text(o + 5)};
      });
}

void SqlLetterStore::put_letter_scheme(const LetterScheme& s) {
  c_.execute(
      "INSERT INTO letter_schemes (agency_id, pattern, unit_code, address, place, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agency_id) DO UPDATE SET pattern = "
      "excluded.pattern, unit_code = excluded.unit_code, address = excluded.address, place = "
      "excluded.place, updated_at = excluded.updated_at",
      {s.agency_id, s.pattern, s.unit_code, s.address, s.place, s.updated_at});
}

std::int64_t SqlLetterStore::next_letter_sequence(Id agency_id, int year) {
  // One statement: the row is created or moved on and held (locked) until the transaction ends.
  const auto rows = c_.query(
      "INSERT INTO letter_sequences (agency_id, year, last_sequence) VALUES (?, ?, 1) "
      "ON CONFLICT (agency_id, year) DO UPDATE SET last_sequence = "
      "letter_sequences.last_sequence + 1 RETURNING last_sequence",
      {agency_id, std::int64_t{year}});
  return rows.at(0).integer(0);
}

std::int64_t SqlLetterStore::last_letter_sequence(Id agency_id, int year) {
  const auto rows =
      c_.query("SELECT last_sequence FROM letter_sequences WHERE agency_id = ? AND year = ?",
               {agency_id, std::int64_t{year}});
  return rows.empty() ? 0 : rows[0].integer(0);
}

Id SqlLetterStore::insert_letter(const Letter& l) {
  const Id id =
      inserted_id(c_,
                  std::string("INSERT INTO letters (") + kLetterWriteCols +
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                      "?, ?, ?, ?, ?, ?) RETURNING id",
                  letter_values(l));
  // Its people by role (migration 20); a recipient named twice is one party.
  constexpr const char* kParty =
      "INSERT INTO letter_parties (letter_id, employee_id, role) VALUES (?, ?, ?) "
      "ON CONFLICT DO NOTHING";
  c_.execute(kParty, {id, l.signatory.employee_id, std::string("penandatangan")});
  for (const auto& r : l.recipients)
    c_.execute(kParty, {id, r.employee_id, std::string("penerima")});
  return id;
}

void SqlLetterStore::update_letter(const Letter& l) {
  auto values = letter_values(l);
  values.emplace_back(l.id);
  c_.execute(
      "UPDATE letters SET region_id = ?, agency_id = ?, kind = ?, number = ?, year = ?, "
      "sequence = ?, team_id = ?, assignment_id = ?, government = ?, agency_name = ?, address = ?, "
      "place = ?, letter_date = ?, grounds = ?, recipients = ?, tasks = ?, "
      "signatory_employee_id = ?, signatory = ?, copies = ?, status = ?, revoked_at = ?, "
      "revoked_reason = ?, token = ?, issued_by = ?, created_at = ? WHERE id = ?",
      values);
}

std::optional<Letter> SqlLetterStore::letter(Id id) {
  return first<Letter>(c_.query(select(kLetterCols, "FROM letters WHERE id = ?"), {id}),
                       read_letter);
}

std::optional<Letter> SqlLetterStore::letter_by_token(std::string_view token) {
  return first<Letter>(
      c_.query(select(kLetterCols, "FROM letters WHERE token = ?"), {std::string(token)}),
      read_letter);
}

std::vector<Letter> SqlLetterStore::letters_of_agency(Id agency_id) {
  return all<Letter>(
      c_.query(select(kLetterCols, "FROM letters WHERE agency_id = ? ORDER BY id DESC"),
               {agency_id}),
      read_letter);
}

std::vector<Letter> SqlLetterStore::letters_of_person(Id employee_id, int limit) {
  return all<Letter>(
      c_.query(select(kLetterCols,
                      "FROM letters WHERE id IN (SELECT DISTINCT letter_id FROM letter_parties "
                      "WHERE employee_id = ? ORDER BY letter_id DESC LIMIT ?) ORDER BY id DESC"),
               {employee_id, std::int64_t{limit}}),
      read_letter);
}

std::optional<Letter> SqlLetterStore::letter_of_assignment(Id assignment_id) {
  return first<Letter>(
      c_.query(select(kLetterCols, "FROM letters WHERE assignment_id = ? ORDER BY id DESC LIMIT 1"),
               {assignment_id}),
      read_letter);
}

}  // namespace tatakerja::work
