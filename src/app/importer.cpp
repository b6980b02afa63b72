// Importing a regulation text into the registry (see importer.hpp for the contract).
#include "app/importer.hpp"
#include "app/scope.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "app/crypto.hpp"
#include "app/structure_change_json.hpp"
#include "app/structure_diff.hpp"
#include "app/work_rules.hpp"
#include "core/eselon.hpp"
#include "core/text.hpp"
#include "org/work_levels.hpp"
#include "regulation/engine.hpp"
#include "textio/decode.hpp"

namespace tatakerja::app {
namespace {

using org::Id;
using regulation::Citation;
using regulation::Position;

// ---------------------------------------------------------------------------------------------
// The agencies a text establishes: the first in Extraction.agency / units / positions, the others
// (a regulation of many agencies, one chapter each) in more_agencies.

struct AgencyPart {
  const regulation::Agency* agency = nullptr;
  const std::vector<regulation::Unit>* units = nullptr;
  const std::vector<Position>* positions = nullptr;
};

std::vector<AgencyPart> agency_parts(const regulation::Extraction& x) {
  std::vector<AgencyPart> out;
  if (!x.agency) return out;
  out.push_back({&*x.agency, &x.units, &x.positions});
  for (const auto& more : x.more_agencies)
    out.push_back({&more.agency, &more.units, &more.positions});
  return out;
}

// ---------------------------------------------------------------------------------------------
// Articles: the addressable parts of a text, with their line spans.

struct ArticleDraft {
  std::string label;
  std::string path;
  int first_line = 0;
  int last_line = 0;
};

std::string join_path(const std::vector<std::string>& parts, const std::string& last) {
  std::string out;
  for (const auto& p : parts) out += p + " > ";
  return out + last;
}

// Walks the body's containers (BAB, Bagian, Paragraf) down to each Pasal or diktum.
void collect_body(const regulation::Node& n, std::vector<std::string>& path,
                  std::vector<ArticleDraft>& out) {
  using regulation::NodeKind;
  for (const auto& c : n.children) {
    switch (c.kind) {
      case NodeKind::Chapter:
      case NodeKind::Section:
      case NodeKind::Paragraph: {
        const char* word = c.kind == NodeKind::Chapter   ? "BAB"
                           : c.kind == NodeKind::Section ? "Bagian"
                                                         : "Paragraf";
        path.push_back(fmt::format("{} {}", word, c.label));
        collect_body(c, path, out);
        path.pop_back();
        break;
      }
      case NodeKind::Article: {
        const std::string label = "Pasal " + c.label;
        out.push_back({label, join_path(path, label), c.span.first_line, c.span.last_line});
        break;
      }
      case NodeKind::Dictum:
        out.push_back({c.label, join_path(path, c.label), c.span.first_line, c.span.last_line});
        break;
      case NodeKind::Root:
        collect_body(c, path, out);
        break;
      default:
        break;
    }
  }
}

std::string annex_label(const regulation::Annex& a) {
  return a.label.empty() ? std::string("Lampiran") : "Lampiran " + a.label;
}

SourceSpan annex_span(const regulation::Annex& a) {
  SourceSpan s = a.span;
  if (s.empty()) s = a.content.span;
  return s;
}

// Every Pasal / diktum, every Lampiran, and each Lampiran block a position is described in.
std::vector<ArticleDraft> collect_articles(const regulation::Reading& r) {
  std::vector<ArticleDraft> out;
  std::vector<std::string> path;
  collect_body(r.document.body, path, out);
  for (const auto& a : r.document.annexes) {
    const SourceSpan s = annex_span(a);
    if (s.empty()) continue;
    const std::string label = annex_label(a);
    out.push_back({label, label, s.first_line, s.last_line});
    // Position blocks inside this annex (job descriptions, IKI blocks), one per span.
    for (const AgencyPart& part : agency_parts(r.facts)) {
      for (const auto& p : *part.positions) {
        for (const SourceSpan* ps : {&p.duties_source, &p.source}) {
          if (ps->empty() || ps->first_line < s.first_line || ps->last_line > s.last_line) continue;
          if (ps->first_line == s.first_line && ps->last_line == s.last_line) continue;
          const bool dup = std::any_of(out.begin(), out.end(), [&](const ArticleDraft& d) {
            return d.first_line == ps->first_line && d.last_line == ps->last_line;
          });
          if (!dup) out.push_back({label, label + " > " + p.title, ps->first_line, ps->last_line});
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ArticleDraft& a, const ArticleDraft& b) {
    return a.first_line != b.first_line ? a.first_line < b.first_line : a.last_line > b.last_line;
  });
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string lines_text(const std::vector<std::string_view>& lines, int first, int last) {
  std::string out;
  for (int i = std::max(first, 1); i <= last && i <= static_cast<int>(lines.size()); ++i) {
    if (!out.empty()) out += '\n';
    out += lines[static_cast<std::size_t>(i - 1)];
  }
  return out;
}

// The stored article whose span holds `line`, the narrowest when several do.
struct StoredArticles {
  std::vector<org::Article> items;
  std::optional<Id> at(int line) const {
    if (line <= 0) return std::nullopt;
    const org::Article* best = nullptr;
    for (const auto& a : items)
      if (a.first_line <= line && line <= a.last_line &&
          (!best || a.last_line - a.first_line < best->last_line - best->first_line))
        best = &a;
    if (best) return best->id;
    return std::nullopt;
  }
  std::optional<Id> at(const SourceSpan& s) const { return at(s.first_line); }
};

// ---------------------------------------------------------------------------------------------
// Revocations.

// "Pasal 3 huruf d, Pasal 30 sampai dengan Pasal 33, serta Lampiran VII" -> the listed parts,
// with "Pasal a sampai dengan Pasal b" spelled out article by article.
std::vector<std::string> revoked_parts(std::string_view scope) {
  // Separators: commas, semicolons and the words "serta" and "dan".
  std::string s(scope);
  std::replace(s.begin(), s.end(), ';', ',');
  for (std::string_view word : {"serta", "dan"}) {
    std::size_t p;
    while ((p = text::ifind_word(s, word)) != std::string::npos) s.replace(p, word.size(), ",");
  }
  std::vector<std::string> out;
  for (auto part : text::split(s, ',')) {
    std::string item = text::collapse_spaces(part);
    if (text::istarts_with(item, "ketentuan ")) item = item.substr(10);
    if (item.empty()) continue;
    const std::size_t range = text::ifind(item, " sampai dengan ");
    if (range != std::string::npos && text::istarts_with(item, "Pasal ")) {
      const std::string rhs = item.substr(range + 15);
      const auto a = text::parse_int(std::string_view(item).substr(6, range - 6));
      const auto b =
          text::istarts_with(rhs, "Pasal ") ? text::parse_int(rhs.substr(6)) : text::parse_int(rhs);
      if (a && b && *a <= *b && *b - *a <= 500) {
        for (int i = *a; i <= *b; ++i) out.push_back("Pasal " + std::to_string(i));
        continue;
      }
    }
    out.push_back(item);
  }
  return out;
}

std::optional<org::Regulation> find_revoked(const Stores& store, Id region_id, const Citation& c) {
  if (!c.year || c.number.empty()) return std::nullopt;
  if (!c.kind.empty()) return store.org.find_regulation(region_id, c.kind, c.number, *c.year);
  // The kind was not read ("... Pasal 7 sampai dengan Pasal 40 Tahun 2023"): number and year
  // must then single out one regulation of the region.
  std::optional<org::Regulation> found;
  for (auto& r : store.org.regulations_of_region(region_id)) {
    if (r.number != c.number || r.year != c.year) continue;
    if (found) return std::nullopt;
    found = std::move(r);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The plan: everything the import decides before it writes, shared with the preview.

// One agency of the text, and the stored agency it carries over (established under the same name
// by a regulation the text revokes) with the structural difference.
struct AgencyPlan {
  AgencyPart part;
  std::optional<org::Agency> old_agency;
  std::vector<org::Position> old_all;            // every position of old_agency
  std::vector<std::size_t> old_from_regulation;  // indices into old_all compared by the diff
  StructureDiff diff;
};

struct Plan {
  // Held by pointer so that the AgencyParts pointing into it stay valid when the plan moves.
  std::unique_ptr<regulation::Reading> reading;
  std::string sha;
  std::optional<org::Regulation> existing;
  std::string region_name;
  std::string region_code;
  std::optional<org::RegionKind> region_kind;
  std::optional<org::Region> region;
  // The version stored of the same regulation (region, kind, number, year) that this text corrects.
  std::optional<org::Regulation> previous_version;
  std::vector<RevokedRegulation> revokes;
  std::vector<AgencyPlan> agencies;  // one per agency the text establishes, in its order
  // An amending text ("Perubahan atas ..."): what it amends and how. It establishes no agency of
  // its own; when the amended regulation is stored (`amended`), its text with the amendment
  // applied (`consolidation`) is stored as its next version, planned as any corrected text is.
  std::optional<regulation::Amendment> amendment;
  std::optional<org::Regulation> amended;
  regulation::Consolidation consolidation;
  std::unique_ptr<Plan> consolidated;
};

std::string eselon_of(const Position& p) {
  const std::string& raw = p.eselon.empty() ? p.eselon_annex : p.eselon;
  if (raw.empty()) return "";
  return normalize_eselon(raw).value_or(raw);
}

std::vector<DiffPosition> diff_positions_of(const std::vector<Position>& positions) {
  std::unordered_map<std::string_view, const Position*> by_id;
  for (const auto& p : positions) by_id.emplace(p.id, &p);
  std::vector<DiffPosition> out;
  for (const auto& p : positions) {
    const auto sup = p.superior.empty() ? by_id.end() : by_id.find(p.superior);
    out.push_back({p.title, eselon_of(p), sup != by_id.end() ? sup->second->title : "", p.duties});
  }
  return out;
}

// The text read by the engine, recognised by its SHA-256, and its region as stored (if it is).
Plan read_text(const Stores& store, std::string_view text) {
  // The engine and the store work on UTF-8; bytes in another encoding are the caller's to convert
  // (textio::decode_text, as the CLI and the server do).
  if (!textio::is_valid_utf8(text))
    fail(ErrorCode::InvalidField, "text",
         "Naskah peraturan bukan teks UTF-8 yang sah; simpan ulang sebagai UTF-8.");
  Plan plan;
  plan.sha = detail::sha256_hex(text);
  plan.existing = store.org.regulation_by_sha256(plan.sha);
  plan.reading = std::make_unique<regulation::Reading>(regulation::read_regulation(text));
  plan.region_name = text::collapse_spaces(plan.reading->facts.regulation.region);
  plan.region_code = slug(plan.region_name);
  plan.region_kind = org::region_kind_of_name(plan.region_name);
  if (!plan.region_code.empty()) plan.region = store.org.region_by_code(plan.region_code);
  return plan;
}

// The regulations stored for the same region that the text revokes, each once.
std::vector<RevokedRegulation> revocations_of(const Stores& store, const Plan& plan) {
  std::vector<RevokedRegulation> revokes;
  for (const auto& rv : plan.reading->facts.revocations) {
    auto old = find_revoked(store, plan.region->id, rv.regulation);
    if (!old || (plan.existing && old->id == plan.existing->id)) continue;
    if (std::any_of(revokes.begin(), revokes.end(),
                    [&](const RevokedRegulation& r) { return r.regulation.id == old->id; }))
      continue;
    RevokedRegulation r;
    r.regulation = std::move(*old);
    r.whole = rv.whole;
    if (!rv.whole) r.articles = revoked_parts(rv.scope);
    r.article = rv.article;
    revokes.push_back(std::move(r));
  }
  return revokes;
}

// The version of the same regulation already stored, which the text corrects: the latest stored
// under the text's region, kind, number and year. A regulation that another has revoked takes no
// new version (refused). A text without a number or a year is never taken for a version.
std::optional<org::Regulation> previous_version_of(const Stores& store, const Plan& plan) {
  const auto& read = plan.reading->facts.regulation;
  if (plan.existing || !plan.region || read.kind.empty() || read.number.empty() || !read.year)
    return std::nullopt;
  auto found = store.org.find_regulation(plan.region->id, read.kind, read.number, *read.year);
  if (!found || found->status == org::RegulationStatus::InForce ||
      found->status == org::RegulationStatus::PartlyRevoked)
    return found;
  fail(ErrorCode::Conflict, "text",
       fmt::format("{} Nomor {} Tahun {} sudah ada dan telah dicabut; naskah perbaikannya tidak "
                   "dapat disimpan sebagai versi baru.",
                   found->kind, found->number, *found->year));
}

// The agency a revoked regulation, or the version this text corrects, established under the same
// name: it is carried over.
std::optional<org::Agency> carried_over_agency(const std::vector<org::Agency>& stored,
                                               const Plan& plan, const regulation::Agency& read) {
  const std::string key = text::name_key(read.name);
  const auto replaced = [&](Id regulation_id) {
    if (plan.previous_version && plan.previous_version->id == regulation_id) return true;
    return std::any_of(plan.revokes.begin(), plan.revokes.end(), [&](const RevokedRegulation& r) {
      return r.regulation.id == regulation_id;
    });
  };
  for (const auto& a : stored) {
    if (text::name_key(a.name) == key && replaced(a.regulation_id)) return a;
  }
  return std::nullopt;
}

// The structural difference between the carried-over agency's positions (those a regulation
// established) and the text's.
void compare_with_old_structure(const Stores& store, AgencyPlan& ap) {
  ap.old_all = store.org.positions_of_agency(ap.old_agency->id, false);
  std::unordered_map<Id, const org::Position*> by_id;
  for (const auto& p : ap.old_all) by_id[p.id] = &p;
  std::vector<DiffPosition> old_diff;
  for (std::size_t i = 0; i < ap.old_all.size(); ++i) {
    const auto& p = ap.old_all[i];
    if (!p.source_article) continue;  // added by hand or by the demo: not the regulation's
    auto sup = p.superior_id ? by_id.find(*p.superior_id) : by_id.end();
    old_diff.push_back(
        {p.title, to_string(p.eselon), sup != by_id.end() ? sup->second->title : "", p.duties});
    ap.old_from_regulation.push_back(i);
  }
  ap.diff = diff_structures(old_diff, diff_positions_of(*ap.part.positions));
}

Plan make_plan(const Stores& store, std::string_view text);

// The amended regulation as stored (the latest version, in force) and the plan of its text with
// the amendment applied. Nothing when the amended regulation is not stored or no longer in force:
// the amending text is then stored alone, with a finding that says so.
void plan_consolidation(const Stores& store, Plan& plan) {
  const Citation& target = plan.amendment->target;
  if (!plan.region || plan.existing || target.number.empty() || !target.year) return;
  auto amended =
      store.org.find_regulation(plan.region->id, target.kind, target.number, *target.year);
  if (!amended || (amended->status != org::RegulationStatus::InForce &&
                   amended->status != org::RegulationStatus::PartlyRevoked))
    return;
  const auto base = store.org.regulation_text(amended->id);
  if (!base) return;
  const auto reading = regulation::read_regulation(*base);
  plan.consolidation =
      regulation::consolidate(*base, regulation::article_lines(reading.document), *plan.amendment);
  if (plan.consolidation.applied.empty()) return;
  plan.amended = std::move(amended);
  plan.consolidated = std::make_unique<Plan>(make_plan(store, plan.consolidation.text));
}

Plan make_plan(const Stores& store, std::string_view text) {
  Plan plan = read_text(store, text);
  plan.amendment = regulation::read_amendment(plan.reading->facts.regulation.title, text);
  if (plan.amendment) {
    plan_consolidation(store, plan);
    return plan;
  }
  for (const AgencyPart& part : agency_parts(plan.reading->facts)) plan.agencies.push_back({part});
  if (!plan.region) return plan;
  plan.previous_version = previous_version_of(store, plan);
  plan.revokes = revocations_of(store, plan);
  if (plan.revokes.empty() && !plan.previous_version) return plan;
  const auto stored = store.org.agencies_of_region(plan.region->id);
  for (AgencyPlan& ap : plan.agencies) {
    ap.old_agency = carried_over_agency(stored, plan, *ap.part.agency);
    if (ap.old_agency) compare_with_old_structure(store, ap);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// JSON for the audit log.

std::string import_json(const org::Regulation& r, const ImportResult& res) {
  nlohmann::json revoked = nlohmann::json::array();
  for (const auto& rv : res.revoked)
    revoked.push_back(
        {{"regulation_id", rv.regulation.id}, {"whole", rv.whole}, {"articles", rv.articles}});
  const nlohmann::json changes = structure_changes_json(res.changes);
  nlohmann::json j{{"regulation_id", r.id},    {"kind", r.kind},     {"number", r.number},
                   {"title", r.title},         {"sha256", r.sha256}, {"region_id", res.region_id},
                   {"articles", res.articles}, {"revoked", revoked}, {"changes", changes}};
  j["year"] = r.year ? nlohmann::json(*r.year) : nlohmann::json(nullptr);
  j["version"] = r.version;
  j["previous_version_id"] =
      res.previous_version_id ? nlohmann::json(*res.previous_version_id) : nlohmann::json(nullptr);
  nlohmann::json agencies = nlohmann::json::array();
  for (const auto& a : res.agencies)
    agencies.push_back({{"agency_id", a.id},
                        {"agency_updated", a.updated},
                        {"units", a.units},
                        {"positions", a.positions}});
  j["agencies"] = std::move(agencies);
  j["iki_tables"] = res.iki_tables;
  j["work_rules"] = res.work_rules;  // issue 12
  return j.dump();
}

PositionKind kind_of(const Position& p, const std::string& eselon) {
  if (p.kind) return *p.kind;
  if (auto k = position_kind_of_eselon(eselon)) return *k;
  return position_kind_of_title(p.title);
}

std::string display_title(const std::string& t) {
  return text::is_upper_text(t) ? text::title_case(text::to_lower(t)) : t;
}

// ---------------------------------------------------------------------------------------------
// The import's steps, in the order import_regulation takes them.

// What one import carries from step to step.
struct ImportRun {
  ImportRun(const Stores& s, const Plan& p, std::string_view t)
      : store(s), plan(p), facts(p.reading->facts), text(t) {}

  const Stores& store;
  const Plan& plan;
  const regulation::Extraction& facts;
  std::string_view text;
  ImportResult result;
  org::Regulation regulation;  // as stored
  StoredArticles articles;
  // Extraction position id -> stored id, of every agency (the first agency's when two agencies
  // use one id): what the IKI tables are linked by.
  std::unordered_map<std::string, Id> position_ids;
};

// What storing one agency of the text carries from step to step.
struct AgencyRun {
  AgencyRun(ImportRun& r, const AgencyPlan& p) : run(r), plan(p), part(p.part) {}

  ImportRun& run;
  const AgencyPlan& plan;
  const AgencyPart& part;
  org::Agency agency;                               // as stored
  ImportedAgency result;                            // what is reported
  std::vector<org::Unit> old_units;                 // every unit of the carried-over agency
  std::vector<bool> old_unit_taken;                 // by a unit of the text
  std::unordered_map<std::string, Id> unit_id;      // extraction id -> stored id
  std::unordered_map<std::string, Id> position_id;  // extraction id -> stored id
};

// Visits items 0..count-1 parents first: pass after pass, an item is visited once `ready(i,
// last_pass)` says what it depends on is stored; the last pass takes whatever is left (cycles).
template <typename Ready, typename Visit>
void parents_first(std::size_t count, Ready ready, Visit visit) {
  std::vector<bool> done(count, false);
  std::size_t left = count;
  for (int pass = 0; left > 0 && pass <= static_cast<int>(count); ++pass) {
    const bool last_pass = pass == static_cast<int>(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (done[i] || !ready(i, last_pass)) continue;
      visit(i);
      done[i] = true;
      --left;
    }
  }
}

// The same text again: nothing to do.
ImportResult already_imported(const org::Regulation& existing) {
  ImportResult res;
  res.regulation_id = existing.id;
  res.region_id = existing.region_id;
  res.created = false;
  return res;
}

// The region the text names, found or created; a text that names none is refused.
void find_or_create_region(ImportRun& run) {
  const Plan& plan = run.plan;
  if (plan.region_name.empty() || plan.region_code.empty() || !plan.region_kind)
    fail(ErrorCode::InvalidField, "region",
         "Daerah (provinsi, kabupaten atau kota) tidak terbaca dari kepala naskah; "
         "naskah tidak dapat diimpor.");
  if (plan.region) {
    run.result.region_id = plan.region->id;
    return;
  }
  org::Region r;
  r.code = plan.region_code;
  r.name = plan.region_name;
  r.kind = *plan.region_kind;
  run.result.region_id = run.store.org.insert_region(r);
  run.result.region_created = true;
}

// The regulation, in force, with its text.
void store_regulation(ImportRun& run) {
  const auto& read = run.facts.regulation;
  org::Regulation& reg = run.regulation;
  reg.region_id = run.result.region_id;
  reg.kind = read.kind;
  reg.number = read.number;
  reg.year = read.year;
  reg.title = display_title(text::collapse_spaces(read.title));
  reg.date = read.date;
  reg.sha256 = run.plan.sha;
  reg.status = org::RegulationStatus::InForce;
  reg.version = run.plan.previous_version ? run.plan.previous_version->version + 1 : 1;
  reg.imported_at = now_iso_utc();
  reg.id = run.store.org.insert_regulation(reg, std::string(run.text));
  run.result.regulation_id = reg.id;
  run.result.created = true;
}

// Its articles, each with the lines it spans.
void store_articles(ImportRun& run) {
  const auto lines = split_lines(run.text);
  int ordinal = 0;
  for (const auto& d : collect_articles(*run.plan.reading)) {
    org::Article a;
    a.regulation_id = run.regulation.id;
    a.label = d.label;
    a.path = d.path;
    a.first_line = d.first_line;
    a.last_line = d.last_line;
    a.text = lines_text(lines, d.first_line, d.last_line);
    a.ordinal = ++ordinal;
    a.id = run.store.org.insert_article(a);
    run.articles.items.push_back(std::move(a));
  }
  run.result.articles = run.articles.items.size();
}

// Its findings.
void store_findings(ImportRun& run) {
  for (const auto& f : run.facts.findings) {
    org::StoredFinding sf;
    sf.regulation_id = run.regulation.id;
    sf.code = f.code;
    sf.severity = to_string(f.severity);
    sf.line = f.line;
    sf.message = f.message;
    run.store.org.insert_finding(sf);
  }
}

// The regulations it revokes: marked revoked, wholly or article by article.
void revoke_regulations(ImportRun& run) {
  for (const auto& rv : run.plan.revokes) {
    org::Regulation old = rv.regulation;
    old.status = rv.whole ? org::RegulationStatus::Revoked : org::RegulationStatus::PartlyRevoked;
    old.revoked_by = run.regulation.id;
    old.revoked_articles = rv.whole ? std::vector<std::string>{} : rv.articles;
    run.store.org.update_regulation_status(old);
    run.result.revoked.push_back(rv);
  }
}

// The version the text corrects: replaced by this one, and no longer in force. Its articles stay
// readable.
void supersede_previous_version(ImportRun& run) {
  if (!run.plan.previous_version) return;
  org::Regulation old = *run.plan.previous_version;
  old.status = org::RegulationStatus::Superseded;
  old.revoked_by = run.regulation.id;
  old.revoked_articles.clear();
  run.store.org.update_regulation_status(old);
  run.result.previous_version_id = old.id;
}

// The agency: carried over from the revoked regulation (same id), or new.
void store_agency(AgencyRun& ar) {
  const auto& read = *ar.part.agency;
  org::Agency& ag = ar.agency;
  if (ar.plan.old_agency) ag = *ar.plan.old_agency;
  ag.region_id = ar.run.result.region_id;
  ag.regulation_id = ar.run.regulation.id;
  ag.name = read.name;
  ag.kind = agency_kind_from_string(read.kind);
  ag.type = read.type;
  ag.max_bidang = read.max_bidang;
  ag.tasks = read.tasks;
  ag.functions = read.functions;
  ag.source_article = ar.run.articles.at(read.source);
  if (ar.plan.old_agency) {
    ar.run.store.org.update_agency(ag);
    ar.result.updated = true;
  } else {
    ag.id = ar.run.store.org.insert_agency(ag);
  }
  ar.result.id = ag.id;
}

// The old position the diff pairs with the text's n-th position (kept or renamed), if any.
const org::Position* kept_position(const AgencyRun& ar, std::size_t n) {
  const auto& old_of_new = ar.plan.diff.old_of_new;
  if (n >= old_of_new.size() || !old_of_new[n]) return nullptr;
  return &ar.plan.old_all[ar.plan.old_from_regulation[*old_of_new[n]]];
}

// A unit led by a kept (or renamed) position is the same unit, whatever its new name:
// extraction unit id -> old unit id.
std::unordered_map<std::string, Id> units_of_kept_heads(const AgencyRun& ar) {
  std::unordered_map<std::string, Id> out;
  const auto& positions = *ar.part.positions;
  for (std::size_t n = 0; n < positions.size(); ++n) {
    const org::Position* old = kept_position(ar, n);
    if (!old || positions[n].unit.empty()) continue;
    if (old->unit_id) out.emplace(positions[n].unit, *old->unit_id);
  }
  return out;
}

// The old unit a unit of the text takes over: the one its head led, else the first not yet taken
// of the same name (two Kelompok Jabatan Fungsional take the old ids in turn).
std::optional<std::size_t> old_unit_for(const AgencyRun& ar, const regulation::Unit& u,
                                        const std::unordered_map<std::string, Id>& kept_heads) {
  const auto& old = ar.old_units;
  const auto led = kept_heads.find(u.id);
  for (std::size_t k = 0; led != kept_heads.end() && k < old.size(); ++k)
    if (!ar.old_unit_taken[k] && old[k].id == led->second) return k;
  for (std::size_t k = 0; k < old.size(); ++k)
    if (!ar.old_unit_taken[k] && text::name_key(old[k].name) == text::name_key(u.name)) return k;
  return std::nullopt;
}

// The text's i-th unit of the agency, updating the old unit it takes over or inserted.
void store_unit(AgencyRun& ar, std::size_t i,
                const std::unordered_map<std::string, Id>& kept_heads) {
  const auto& u = (*ar.part.units)[i];
  org::Unit ru;
  if (const auto old = old_unit_for(ar, u, kept_heads)) {
    ru = ar.old_units[*old];
    ar.old_unit_taken[*old] = true;
  }
  ru.agency_id = ar.agency.id;
  auto parent = ar.unit_id.find(u.parent);
  ru.parent_id = parent == ar.unit_id.end() ? std::nullopt : std::optional<Id>(parent->second);
  ru.name = u.name;
  ru.kind = u.kind;
  ru.source_article = ar.run.articles.at(u.source);
  ru.ordinal = static_cast<int>(i) + 1;
  ru.abolished = false;
  if (ru.id)
    ar.run.store.org.update_unit(ru);
  else
    ru.id = ar.run.store.org.insert_unit(ru);
  ar.unit_id[u.id] = ru.id;
}

// The units: an old unit of the same name (or led by a kept head) keeps its id; parents before
// children.
void store_units(AgencyRun& ar) {
  if (ar.plan.old_agency) ar.old_units = ar.run.store.org.units_of_agency(ar.agency.id, true);
  ar.old_unit_taken.assign(ar.old_units.size(), false);
  const auto kept_heads = units_of_kept_heads(ar);
  const auto& units = *ar.part.units;
  std::unordered_set<std::string_view> in_text;
  for (const auto& u : units) in_text.insert(u.id);
  parents_first(
      units.size(),
      [&](std::size_t i, bool last_pass) {
        const auto& parent = units[i].parent;
        return parent.empty() || ar.unit_id.count(parent) || !in_text.count(parent) || last_pass;
      },
      [&](std::size_t i) { store_unit(ar, i, kept_heads); });
  ar.result.units = units.size();
}

// Units of the old regulation that the new one no longer has: abolished, kept for history
// (their abolished positions still point at them).
void abolish_removed_units(AgencyRun& ar) {
  for (std::size_t k = 0; k < ar.old_units.size(); ++k) {
    if (ar.old_unit_taken[k] || ar.old_units[k].abolished) continue;
    ar.old_units[k].abolished = true;
    ar.run.store.org.update_unit(ar.old_units[k]);
  }
}

// The text's n-th position of the agency, updating the old position it keeps or inserted.
void store_position(AgencyRun& ar, std::size_t n) {
  const auto& p = (*ar.part.positions)[n];
  const StoredArticles& articles = ar.run.articles;
  org::Position rp;
  if (const org::Position* kept = kept_position(ar, n)) rp = *kept;
  rp.agency_id = ar.agency.id;
  auto uit = ar.unit_id.find(p.unit);
  rp.unit_id = uit == ar.unit_id.end() ? std::nullopt : std::optional<Id>(uit->second);
  auto sit = ar.position_id.find(p.superior);
  rp.superior_id = sit == ar.position_id.end() ? std::nullopt : std::optional<Id>(sit->second);
  rp.title = p.title;
  rp.eselon = Eselon::parse(eselon_of(p));
  rp.kind = kind_of(p, eselon_of(p));
  rp.code = p.code;
  rp.reports_to = p.reports_to;
  rp.appointing_authority = p.appointing_authority;
  rp.summary = p.summary;
  rp.functions = p.functions;
  rp.duties = p.duties;
  rp.source_article = articles.at(p.source);
  if (!rp.source_article) rp.source_article = articles.at(p.duties_source);
  rp.duties_article = articles.at(p.duties_source);
  rp.abolished = false;
  rp.ordinal = static_cast<int>(n) + 1;
  if (rp.id)
    ar.run.store.org.update_position(rp);
  else
    rp.id = ar.run.store.org.insert_position(rp);
  ar.position_id[p.id] = rp.id;
}

// The positions: kept (by title or rename) positions keep their ids; superiors first.
void store_positions(AgencyRun& ar) {
  const auto& positions = *ar.part.positions;
  std::unordered_set<std::string_view> in_text;
  for (const auto& p : positions) in_text.insert(p.id);
  parents_first(
      positions.size(),
      [&](std::size_t n, bool last_pass) {
        const auto& superior = positions[n].superior;
        return superior.empty() || ar.position_id.count(superior) || !in_text.count(superior) ||
               last_pass;
      },
      [&](std::size_t n) { store_position(ar, n); });
  ar.result.positions = positions.size();
}

// Positions of the old regulation that the new one no longer has: abolished, kept for history
// (their placements stay).
void abolish_removed_positions(AgencyRun& ar) {
  const auto& diff = ar.plan.diff;
  for (std::size_t o = 0; o < diff.new_of_old.size(); ++o) {
    if (diff.new_of_old[o]) continue;
    org::Position p = ar.plan.old_all[ar.plan.old_from_regulation[o]];
    p.abolished = true;
    p.work_level = 0;
    p.appraiser_id = std::nullopt;
    ar.run.store.org.update_position(p);
  }
}

// The structural changes against the revoked regulation that established the agency.
void store_structure_changes(AgencyRun& ar) {
  const AgencyPlan& ap = ar.plan;
  if (!ap.old_agency) return;
  // The agency comes from a regulation this text revokes or corrects: the changes are against it.
  for (auto c : ap.diff.changes) {
    c.agency_id = ar.agency.id;
    c.old_regulation_id = ap.old_agency->regulation_id;
    c.new_regulation_id = ar.run.regulation.id;
    c.id = ar.run.store.org.insert_structure_change(c);
    ar.run.result.changes.push_back(std::move(c));
  }
}

// One agency the text establishes, with its units and positions, what the text removes
// abolished, the structural changes, and its work levels and appraisers.
void store_agency_structure(ImportRun& run, const AgencyPlan& plan) {
  AgencyRun ar(run, plan);
  store_agency(ar);
  store_units(ar);
  abolish_removed_units(ar);
  store_positions(ar);
  abolish_removed_positions(ar);
  store_structure_changes(ar);
  refresh_work_levels(run.store, ar.agency.id);
  run.result.agencies.push_back(ar.result);
  for (const auto& [extracted, stored] : ar.position_id)
    run.position_ids.emplace(extracted, stored);
}

// Every agency the text establishes, in the text's order.
void store_organisation(ImportRun& run) {
  for (const AgencyPlan& ap : run.plan.agencies) store_agency_structure(run, ap);
}

// The IKI tables the text writes, each linked to the stored position it belongs to, with the cell
// of each formula as written and the engine's reading of it.
void store_iki_tables(ImportRun& run) {
  std::unordered_map<std::string_view, const Position*> extracted;
  for (const AgencyPart& part : agency_parts(run.facts))
    for (const auto& p : *part.positions) extracted.emplace(p.id, &p);
  int ordinal = 0;
  for (const auto& t : run.facts.iki) {
    org::IkiTable st;
    st.regulation_id = run.regulation.id;
    if (const auto it = run.position_ids.find(t.position); it != run.position_ids.end())
      st.position_id = it->second;
    if (const auto it = extracted.find(t.position); it != extracted.end())
      st.position_title = it->second->title;
    st.first_line = t.source.first_line;
    st.last_line = t.source.last_line;
    st.ordinal = ++ordinal;
    for (const auto& r : t.rows) {
      org::IkiRow sr;
      sr.number = r.number;
      sr.sasaran = r.sasaran;
      sr.sasaran_carried = r.sasaran_carried;
      sr.indikator = r.indikator;
      sr.formula_kind = regulation::to_string(r.formula.kind);
      sr.formula_text = r.formula.text;
      sr.formula_written = r.formula.written;
      sr.numerator = r.formula.numerator;
      sr.denominator = r.formula.denominator;
      sr.percent = r.formula.percent;
      sr.sumber_data = r.sumber_data;
      sr.first_line = r.source.first_line;
      sr.last_line = r.source.last_line;
      st.rows.push_back(std::move(sr));
    }
    run.store.org.insert_iki_table(st);
  }
  run.result.iki_tables = run.facts.iki.size();
}

}  // namespace

std::string slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (char c : name) {
    if (text::is_alnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      dash = true;
    }
  }
  return out;
}

std::size_t refresh_work_levels(const Stores& store, Id agency_id) {
  auto agency = store.org.agency(agency_id);
  if (!agency) return 0;
  const auto units = store.org.units_of_agency(agency_id, true);
  const auto positions = store.org.positions_of_agency(agency_id, true);
  const auto levels = org::resolve_work_levels(*agency, units, positions);
  std::unordered_map<Id, const org::Position*> by_id;
  for (const auto& p : positions) by_id[p.id] = &p;
  std::size_t updated = 0;
  for (const auto& l : levels) {
    auto it = by_id.find(l.position_id);
    if (it == by_id.end()) continue;
    org::Position p = *it->second;
    if (p.work_level == l.work_level && p.appraiser_id == l.appraiser_id &&
        p.appraiser_outside == l.appraiser_outside)
      continue;
    p.work_level = l.work_level;
    p.appraiser_id = l.appraiser_id;
    p.appraiser_outside = l.appraiser_outside;
    store.org.update_position(p);
    ++updated;
  }
  return updated;
}

namespace {

// A finding the import adds to a stored regulation (not read from its text).
void add_finding(const Stores& store, Id regulation_id, std::string code, Severity severity,
                 std::string message) {
  org::StoredFinding sf;
  sf.regulation_id = regulation_id;
  sf.code = std::move(code);
  sf.severity = to_string(severity);
  sf.message = std::move(message);
  store.org.insert_finding(sf);
}

std::string citation_name(const Citation& c) {
  std::string out = c.kind + " Nomor " + c.number;
  if (c.year) out += " Tahun " + std::to_string(*c.year);
  return out;
}

AmendmentOutcome amendment_outcome(const Plan& plan) {
  AmendmentOutcome o;
  o.cited = plan.amendment->target;
  o.amended = plan.amended;
  o.applied = plan.consolidation.applied;
  o.not_applied = plan.consolidation.not_applied;
  if (plan.consolidated)
    for (const AgencyPlan& ap : plan.consolidated->agencies)
      o.changes.insert(o.changes.end(), ap.diff.changes.begin(), ap.diff.changes.end());
  return o;
}

// Steps 1-7 of a planned text, in the caller's transaction.
void store_text(ImportRun& run) {
  find_or_create_region(run);
  store_regulation(run);
  store_articles(run);
  store_findings(run);
  revoke_regulations(run);
  supersede_previous_version(run);
  store_organisation(run);
  store_iki_tables(run);
  // Issue 12: the work-system provisions become the region's rules (app/work_rules.hpp).
  run.result.work_rules = apply_regulation_rules(run.store, run.regulation, run.facts.work_system);
}

// Step 9: the amended regulation's next version, and the findings on both texts.
void apply_amendment(const Stores& store, const Actor& actor, ImportRun& run) {
  const Plan& plan = run.plan;
  AmendmentOutcome outcome = amendment_outcome(plan);
  const std::string cited = citation_name(outcome.cited);
  if (!plan.consolidated) {
    add_finding(store, run.regulation.id, "AMENDMENT_NOT_APPLIED", Severity::Warning,
                cited +
                    " yang diubah oleh naskah ini tidak ada (atau tidak berlaku) di registri; " +
                    "perubahannya belum diterapkan. Impor dahulu peraturan itu, lalu naskah ini.");
    run.result.amendment = std::move(outcome);
    return;
  }
  ImportRun amended(store, *plan.consolidated, plan.consolidation.text);
  store_text(amended);
  const auto& own = run.facts.regulation;
  const std::string by = own.kind + " Nomor " + own.number +
                         (own.year ? " Tahun " + std::to_string(*own.year) : std::string());
  for (const auto& a : plan.consolidation.applied)
    add_finding(store, run.regulation.id, "AMENDMENT_APPLIED", Severity::Info,
                "Diterapkan pada " + cited + ": " + a);
  for (const auto& n : plan.consolidation.not_applied)
    add_finding(store, run.regulation.id, "AMENDMENT_STEP_NOT_APPLIED", Severity::Warning, n);
  add_finding(store, amended.regulation.id, "CONSOLIDATED_TEXT", Severity::Info,
              "Naskah ini adalah " + cited + " sebagaimana diubah dengan " + by +
                  "; disusun oleh Tatakerja dari kedua naskah.");
  outcome.new_version_id = amended.regulation.id;
  outcome.changes = amended.result.changes;
  record_audit(store, actor, "amend", "regulation", std::to_string(amended.regulation.id), "",
               import_json(amended.regulation, amended.result));
  run.result.amendment = std::move(outcome);
}

}  // namespace

ImportPreview preview_import(const Stores& store, std::string_view text) {
  Plan plan = make_plan(store, text);
  const auto& x = plan.reading->facts;
  ImportPreview pv;
  pv.regulation = x.regulation;
  pv.sha256 = plan.sha;
  pv.already_imported = plan.existing.has_value();
  if (plan.existing) pv.existing_regulation_id = plan.existing->id;
  pv.region_name = plan.region_name;
  pv.region_code = plan.region_code;
  pv.region_kind = plan.region_kind;
  pv.region_exists = plan.region.has_value();
  if (plan.region) pv.region_id = plan.region->id;
  pv.agency = x.agency;
  pv.units = x.units;
  pv.positions = x.positions;
  pv.more_agencies = x.more_agencies;
  pv.findings = x.findings;
  for (std::size_t k = 0; k < plan.agencies.size(); ++k) {
    const AgencyPlan& ap = plan.agencies[k];
    const auto old_id = ap.old_agency ? std::optional<Id>(ap.old_agency->id) : std::nullopt;
    if (k == 0)
      pv.updates_agency_id = old_id;
    else
      pv.more_updates_agency_ids.push_back(old_id);
    if (!plan.existing)
      pv.changes.insert(pv.changes.end(), ap.diff.changes.begin(), ap.diff.changes.end());
  }
  if (!plan.existing) pv.revokes = plan.revokes;
  pv.previous_version = plan.previous_version;
  if (plan.amendment) {
    // An amending text establishes nothing itself; what it changes is in `amendment`.
    pv.agency.reset();
    pv.units.clear();
    pv.positions.clear();
    pv.more_agencies.clear();
    if (!plan.existing) pv.amendment = amendment_outcome(plan);
  }
  return pv;
}

ImportResult import_regulation(const Stores& store, const Actor& actor, std::string_view text) {
  Transaction tx(store.transactions);
  const Plan plan = make_plan(store, text);
  // Scope (issue 10): a scoped registry administrator imports only for their own region, which
  // must exist already.
  if (!unscoped(actor)) {
    const std::optional<Id> region =
        plan.region ? std::optional<Id>(plan.region->id)
                    : (plan.existing ? std::optional<Id>(plan.existing->region_id) : std::nullopt);
    require_whole_region_in_scope(actor, region.value_or(0));
  }
  if (plan.existing) return already_imported(*plan.existing);  // the guard rolls back
  ImportRun run(store, plan, text);
  store_text(run);
  if (plan.amendment) apply_amendment(store, actor, run);
  record_audit(store, actor, "import", "regulation", std::to_string(run.regulation.id), "",
               import_json(run.regulation, run.result));
  tx.commit();
  return run.result;
}

// The structural changes between the (first) agencies of two texts.
std::vector<org::StructureChange> diff_regulation_texts(std::string_view old_text,
                                                        std::string_view new_text) {
  const auto a = regulation::read_regulation(old_text);
  const auto b = regulation::read_regulation(new_text);
  return diff_structures(diff_positions_of(a.facts.positions), diff_positions_of(b.facts.positions))
      .changes;
}

}  // namespace tatakerja::app
