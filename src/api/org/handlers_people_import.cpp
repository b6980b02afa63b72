// Importing people into an agency from a table (issue 11, item 9): POST
// /agencies/{id}/people/preview and /agencies/{id}/people/import, the table (XLSX or CSV) as the
// body. Thin: the documents domain reads the table, app/people_import.hpp checks and writes. The
// scope is checked before the table is read; the answer lists the rows that are not plainly
// matched, at most kListedRows of them, so that it stays small whatever the table's size.
#include <chrono>
#include <string>

#include "api/api.hpp"
#include "app/people_import.hpp"
#include "app/scope.hpp"
#include "documents/table_reader.hpp"

namespace tatakerja::server {
namespace {

constexpr std::size_t kListedRows = 1000;

// Today in western Indonesia (WIB, UTC+7): a placement without a TMT starts on it.
Date today_in_indonesia() {
  using namespace std::chrono;
  const auto day = floor<days>(system_clock::now() + hours(7));
  const year_month_day ymd{day};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

documents::Table table_of_body(Context& ctx) {
  const std::string_view type = ctx.request.header("Content-Type");
  if (type.starts_with("application/json") || type.starts_with("multipart/"))
    fail(ErrorCode::UnsupportedMediaType, std::nullopt,
         "Kirim berkas tabel (XLSX atau CSV) apa adanya sebagai isi permintaan.");
  return documents::read_table(ctx.request.body);
}

json report_json(const app::PeopleImportReport& r) {
  json columns = json::array();
  for (const auto& c : r.columns)
    columns.push_back(
        {{"heading", c.heading}, {"field", c.field.empty() ? json(nullptr) : json(c.field)}});
  json rows = json::array();
  std::size_t left_off = 0;
  for (const auto& row : r.rows) {
    if (row.outcome == app::ImportOutcome::Matched) continue;
    if (rows.size() == kListedRows) {
      ++left_off;
      continue;
    }
    json problems = json::array();
    for (const auto& p : row.problems)
      problems.push_back(
          {{"column", p.column.empty() ? json(nullptr) : json(p.column)}, {"message", p.message}});
    rows.push_back({{"line", row.line},
                    {"nip", row.nip},
                    {"name", row.name},
                    {"outcome", app::to_string(row.outcome)},
                    {"changes", row.changes},
                    {"problems", std::move(problems)},
                    {"employee_id", optional_id_json(row.employee_id)},
                    {"position_id", optional_id_json(row.position_id)}});
  }
  return {{"agency_id", r.agency_id},
          {"written", r.written},
          {"summary",
           {{"rows", r.rows.size()},
            {"matched", r.matched},
            {"created", r.created},
            {"updated", r.updated},
            {"refused", r.refused}}},
          {"columns", std::move(columns)},
          {"rows", std::move(rows)},
          {"rows_left_off", left_off}};
}

Response people_import(Context& ctx, bool write) {
  const auto& who = ctx.require_editor();
  const app::Actor actor = app::actor_of(who.user);
  // Who may change this agency is settled before the table is read.
  app::require_agency_in_scope(ctx.stores, actor, ctx.ids[0]);
  app::PeopleImportOptions options;
  options.write = write;
  options.skip_refused = write && ctx.query("skip_refused").value_or("") == "true";
  options.today = today_in_indonesia();
  const auto table = table_of_body(ctx);
  const auto report = app::import_people(ctx.stores, actor, ctx.ids[0], table, options);
  json body = report_json(report);
  if (write && !report.written && report.refused > 0 && !options.skip_refused) {
    const Refusal refused(ErrorCode::PeopleImportRefused);
    body["error"] = {{"code", refused.name()}, {"message", refused.message()}, {"field", nullptr}};
    return json_response(body, http_status_of(refused.code()));
  }
  return json_response(body, write && report.written ? 201 : 200);
}

}  // namespace

Response handle_people_preview(Context& ctx) {
  return people_import(ctx, false);
}

Response handle_people_import(Context& ctx) {
  return people_import(ctx, true);
}

}  // namespace tatakerja::server
