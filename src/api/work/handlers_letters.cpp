// Letters (issue 12 item 6): issuing a Surat Tugas or Surat Perintah, reading it (JSON and PDF)
// for its signatory, its recipients, their appraisers and the administrators, revoking it, the
// agency's numbering scheme, and the public verification of a letter's token. Thin: the use cases
// are app/letters.hpp (docs/api.md, "Letters").
#include "work/handlers_letters.hpp"

#include <nlohmann/json.hpp>

#include "api/client_address.hpp"
#include "api/sign_in_guard.hpp"
#include "app/letters.hpp"
#include "work/letter.hpp"
#include "work_json.hpp"

namespace tatakerja::server {
namespace {

using work_json::optional_id;

// Unknown tokens a client address may try before it waits (1 s, doubling up to 15 minutes).
constexpr RateLimiter::Rule kVerifyRule{20, 900, 1};

json person_json(const work::LetterPerson& p) {
  return {{"employee_id", p.employee_id},
          {"position_id", optional_id_json(p.position_id)},
          {"name", p.name},
          {"nip", p.nip},
          {"rank", p.rank},
          {"position", p.position}};
}

json letter_json(const work::Letter& l) {
  json recipients = json::array();
  for (const auto& r : l.recipients) recipients.push_back(person_json(r));
  return {{"id", l.id},
          {"kind", std::string(work::to_string(l.kind))},
          {"title", std::string(work::letter_title(l.kind))},
          {"number", l.number},
          {"year", l.year},
          {"sequence", l.sequence},
          {"region_id", l.region_id},
          {"agency_id", l.agency_id},
          {"team_id", optional_id_json(l.team_id)},
          {"assignment_id", optional_id_json(l.assignment_id)},
          {"government", l.government},
          {"agency", l.agency_name},
          {"address", l.address},
          {"place", l.place},
          {"date", l.date.iso()},
          {"grounds", l.grounds},
          {"recipients", std::move(recipients)},
          {"tasks", l.tasks},
          {"signatory", person_json(l.signatory)},
          {"copies", l.copies},
          {"status", std::string(work::to_string(l.status))},
          {"revoked_at", l.revoked_at.empty() ? json() : json(l.revoked_at)},
          {"revoked_reason", l.revoked_reason},
          {"verification_path", "/verifikasi/" + l.token},
          {"pdf_path", "/api/v1/letters/" + std::to_string(l.id) + ".pdf"},
          {"created_at", l.created_at}};
}

json scheme_json(const app::LetterSchemeView& v) {
  return {{"agency_id", v.scheme.agency_id},
          {"pattern", v.scheme.pattern},
          {"unit_code", v.scheme.unit_code},
          {"address", v.scheme.address},
          {"place", v.scheme.place},
          {"stored", v.stored},
          {"updated_at", v.scheme.updated_at.empty() ? json() : json(v.scheme.updated_at)}};
}

std::vector<std::string> text_list(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_array()) fail(ErrorCode::InvalidField, field, "Isian harus berupa daftar teks.");
  std::vector<std::string> out;
  for (const auto& e : *it) {
    if (!e.is_string()) fail(ErrorCode::InvalidField, field, "Isian harus berupa daftar teks.");
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

Response handle_letter_issue(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewLetter in;
  const std::string kind = required_string(body, "kind", 30);
  const auto k = work::letter_kind_from_string(kind);
  if (!k) {
    fail(ErrorCode::InvalidField, "kind", "Jenis surat: \"surat_tugas\" atau \"surat_perintah\".");
  }
  in.kind = *k;
  in.agency_id = required_id(body, "agency_id");
  in.team_id = optional_id(body, "team_id");
  in.assignment_id = optional_id(body, "assignment_id");
  in.signatory_employee_id = required_id(body, "signatory_employee_id");
  if (const auto it = body.find("recipient_employee_ids"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) fail(ErrorCode::InvalidField, "recipient_employee_ids");
    for (const auto& e : *it) {
      if (!e.is_number_integer() || e.get<std::int64_t>() <= 0) {
        fail(ErrorCode::InvalidField, "recipient_employee_ids",
             "Penerima harus berupa daftar id pegawai.");
      }
      in.recipient_employee_ids.push_back(e.get<std::int64_t>());
    }
  }
  in.grounds = text_list(body, "grounds");
  in.tasks = text_list(body, "tasks");
  in.copies = text_list(body, "copies");
  in.date = required_date(body, "date");
  in.place = optional_string(body, "place", 100).value_or("");
  const auto l = app::issue_letter(ctx.stores, app::letter_caller_of(who.user), in);
  return json_response(letter_json(l), 201);
}

Response handle_letter_get(Context& ctx) {
  const auto& who = ctx.require_user();
  Response r = json_response(
      letter_json(app::readable_letter(ctx.stores, app::letter_caller_of(who.user), ctx.ids[0])));
  r.set_header("Cache-Control", "no-store");
  return r;
}

Response handle_letters_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 100, 25);
  const auto caller = app::letter_caller_of(who.user);
  json items = json::array();
  for (const auto& l : app::my_letters(ctx.stores, caller, limit)) {
    json j = letter_json(l);
    j["my_role"] = caller.employee_id && l.signatory.employee_id == *caller.employee_id
                       ? "penandatangan"
                       : "penerima";
    items.push_back(std::move(j));
  }
  Response r = json_response({{"items", std::move(items)}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

Response handle_letter_pdf(Context& ctx) {
  const auto& who = ctx.require_user();
  const auto l = app::readable_letter(ctx.stores, app::letter_caller_of(who.user), ctx.ids[0]);
  Response r;
  r.headers.emplace_back("Content-Type", "application/pdf");
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename=\"surat-" + std::to_string(l.id) + ".pdf\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  // The QR code points at the service's public address (public_url), else where this request came.
  r.body = app::letter_pdf(
      l, service_address(ctx.request, ctx.config.email.public_url, ctx.config.trusted_proxies));
  return r;
}

Response handle_letter_revoke(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  const std::string reason = optional_string(body, "reason", 2000).value_or("");
  return json_response(letter_json(
      app::revoke_letter(ctx.stores, app::letter_caller_of(who.user), ctx.ids[0], reason)));
}

Response handle_letter_verify(Context& ctx) {
  const std::string key = "verifikasi|" + request_client_address(ctx);
  const auto now = Context::now();
  if (const auto wait = ctx.limiter.retry_after(key, now); wait > 0) {
    Refusal refusal(ErrorCode::RateLimited, std::nullopt,
                    "Terlalu banyak kode verifikasi yang tidak dikenal dari alamat ini; coba lagi "
                    "dalam " +
                        std::to_string(wait) + " detik.");
    refusal.set_retry_after(wait);
    throw refusal;
  }
  const auto v = app::verify_letter(ctx.stores, ctx.path_token);
  if (!v) {
    ctx.limiter.record_failure(key, now, kVerifyRule);
    fail(ErrorCode::NotFound, "token",
         "Kode verifikasi tidak dikenal: tidak ada surat dengan kode ini, sehingga surat yang "
         "memuatnya tidak dapat dipastikan asli.");
  }
  const bool in_force = v->status == "berlaku";
  Response r = json_response(
      {{"genuine", true},
       {"in_force", in_force},
       {"status", v->status},
       {"revoked_on", v->revoked_on.empty() ? json() : json(v->revoked_on)},
       {"message", in_force ? "Surat ini asli dan masih berlaku."
                            : "Surat ini asli, tetapi sudah dicabut pada " + v->revoked_on + "."},
       {"letter",
        {{"kind", v->kind},
         {"title", v->title},
         {"number", v->number},
         {"date", v->date},
         {"place", v->place},
         {"government", v->government},
         {"agency", v->agency},
         {"recipient_names", v->recipient_names},
         {"signatory",
          {{"name", v->signatory_name},
           {"position", v->signatory_position},
           {"nip", v->signatory_nip}}}}}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

Response handle_letter_scheme_get(Context& ctx) {
  ctx.require_editor();
  return json_response(scheme_json(app::letter_scheme_of(ctx.stores, ctx.ids[0])));
}

Response handle_letter_scheme_put(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  if (!ctx.store.agency(ctx.ids[0])) fail(ErrorCode::NotFound);
  work::LetterScheme s;
  s.agency_id = ctx.ids[0];
  s.pattern = required_string(body, "pattern", 200);
  s.unit_code = optional_string(body, "unit_code", 100).value_or("");
  s.address = optional_string(body, "address", 1000).value_or("");
  s.place = optional_string(body, "place", 200).value_or("");
  return json_response(scheme_json(app::set_letter_scheme(ctx.stores, app::actor_of(who.user), s)));
}

}  // namespace tatakerja::server
