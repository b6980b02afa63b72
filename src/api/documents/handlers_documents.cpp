// Handlers of an agency's documents (issue 11, item 8): the organisation chart as its Lampiran I
// in PDF and SVG, and its positions, people and vacancies in XLSX and CSV. Thin: the use cases
// (app/agency_documents.hpp) read the registry, the documents domain draws and writes. Holders'
// names only for a signed-in reader; people only for a signed-in reader (401 otherwise).
#include "documents/handlers_documents.hpp"

#include <cctype>
#include <string>

#include "app/agency_documents.hpp"
#include "documents/chart_render.hpp"
#include "documents/table.hpp"

namespace tatakerja::server {
namespace {

org::Agency agency_or_404(Context& ctx) {
  auto a = ctx.store.agency(ctx.ids[0]);
  if (!a) fail(ErrorCode::NotFound);
  return std::move(*a);
}

// The agency's name as a file name: lowercase ASCII letters and digits, '-' between words.
std::string file_stem(const org::Agency& a) {
  std::string out;
  for (const char c : a.name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 && u < 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 80) out.resize(80);
  return out.empty() ? "instansi-" + std::to_string(a.id) : out;
}

enum class Disposition { Inline, Attachment };

Response document_response(std::string body, const char* content_type, Disposition disposition,
                           const std::string& filename, bool personal) {
  Response r;
  r.headers.emplace_back("Content-Type", content_type);
  r.headers.emplace_back("Content-Disposition",
                         std::string(disposition == Disposition::Inline ? "inline" : "attachment") +
                             "; filename=\"" + filename + "\"");
  // A document with personal data is kept by no cache; the others may be, for a private reader.
  r.headers.emplace_back("Cache-Control", personal ? "no-store" : "private, no-cache");
  r.body = std::move(body);
  return r;
}

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kCsv = "text/csv; charset=utf-8";

Response table_response(const documents::Table& t, bool xlsx, const std::string& stem,
                        bool personal) {
  if (xlsx) {
    return document_response(documents::to_xlsx(t), kXlsx, Disposition::Attachment, stem + ".xlsx",
                             personal);
  }
  return document_response(documents::to_csv(t), kCsv, Disposition::Attachment, stem + ".csv",
                           personal);
}

Response chart(Context& ctx, bool pdf) {
  const auto a = agency_or_404(ctx);
  const bool personal = ctx.principal() != nullptr;
  const auto sheet = documents::lay_out_chart(app::agency_chart_source(ctx.store, a, personal));
  const std::string stem = "bagan-" + file_stem(a);
  if (pdf) {
    return document_response(documents::sheet_to_pdf(sheet), "application/pdf", Disposition::Inline,
                             stem + ".pdf", personal);
  }
  Response r = document_response(documents::sheet_to_svg(sheet), "image/svg+xml",
                                 Disposition::Inline, stem + ".svg", personal);
  // The SVG holds no script; a policy that allows none keeps it so if opened on its own.
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'");
  return r;
}

Response positions(Context& ctx, bool xlsx) {
  const auto a = agency_or_404(ctx);
  const bool personal = ctx.principal() != nullptr;
  return table_response(app::agency_positions_table(ctx.store, a, personal), xlsx,
                        "jabatan-" + file_stem(a), personal);
}

Response people(Context& ctx, bool xlsx) {
  ctx.require_user();
  const auto a = agency_or_404(ctx);
  return table_response(app::agency_people_table(ctx.store, a), xlsx, "pegawai-" + file_stem(a),
                        true);
}

Response vacancies(Context& ctx, bool xlsx) {
  const auto a = agency_or_404(ctx);
  const bool personal = ctx.principal() != nullptr;
  return table_response(app::agency_vacancies_table(ctx.store, a, personal), xlsx,
                        "lowongan-" + file_stem(a), personal);
}

}  // namespace

Response handle_agency_chart_pdf(Context& ctx) {
  return chart(ctx, true);
}
Response handle_agency_chart_svg(Context& ctx) {
  return chart(ctx, false);
}
Response handle_agency_positions_xlsx(Context& ctx) {
  return positions(ctx, true);
}
Response handle_agency_positions_csv(Context& ctx) {
  return positions(ctx, false);
}
Response handle_agency_people_xlsx(Context& ctx) {
  return people(ctx, true);
}
Response handle_agency_people_csv(Context& ctx) {
  return people(ctx, false);
}
Response handle_agency_vacancies_xlsx(Context& ctx) {
  return vacancies(ctx, true);
}
Response handle_agency_vacancies_csv(Context& ctx) {
  return vacancies(ctx, false);
}

}  // namespace tatakerja::server
