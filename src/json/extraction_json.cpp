#include "json/extraction_json.hpp"

namespace tatakerja::json {
namespace {

using nlohmann::json;
using namespace tatakerja::regulation;  // the facts this file writes as JSON

json span(const SourceSpan& s) {
  return {{"first_line", s.first_line}, {"last_line", s.last_line}};
}
json or_null(const std::string& s) {
  return s.empty() ? json() : json(s);
}
template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json();
}

json gazette_json(const std::optional<Gazette>& g) {
  if (!g) return json();
  return {{"name", g->name},
          {"year", opt(g->year)},
          {"number", or_null(g->number)},
          {"supplement_number", or_null(g->supplement_number)}};
}

json citation_json(const Citation& c) {
  return {{"kind", c.kind},
          {"region", or_null(c.region)},
          {"number", c.number},
          {"year", opt(c.year)},
          {"title", c.title},
          {"gazette", gazette_json(c.gazette)},
          {"amends", c.amends < 0 ? json() : json(c.amends)},
          {"nested_in", c.nested_in < 0 ? json() : json(c.nested_in)},
          {"line", c.line}};
}

json work_system_json(const WorkSystem& w) {
  json levels = json::array(), decrees = json::array(), mechanisms = json::array(),
       structures = json::array(), flows = json::array();
  for (const auto& l : w.levels)
    levels.push_back({{"level", l.level},
                      {"definition", l.definition},
                      {"article", l.article},
                      {"source", span(l.source)}});
  for (const auto& d : w.team_decrees)
    decrees.push_back({{"scope", d.scope},
                       {"authority", d.authority},
                       {"article", d.article},
                       {"source", span(d.source)}});
  for (const auto& m : w.mechanisms)
    mechanisms.push_back({{"mechanism", m.mechanism},
                          {"steps", m.steps},
                          {"article", m.article},
                          {"source", span(m.source)}});
  for (const auto& s : w.assignment_structures) {
    json rules = json::array();
    for (const auto& r : s.rules)
      rules.push_back(
          {{"actor", r.actor}, {"action", r.action}, {"subjects", r.subjects}, {"text", r.text}});
    structures.push_back({{"agency_kind", s.agency_kind},
                          {"rules", rules},
                          {"article", s.article},
                          {"source", span(s.source)}});
  }
  for (const auto& f : w.flows) {
    json stages = json::array();
    for (const auto& st : f.stages) stages.push_back({{"stage", st.stage}, {"steps", st.steps}});
    flows.push_back({{"agency_kinds", f.agency_kinds},
                     {"stages", stages},
                     {"article", f.article},
                     {"source", span(f.source)}});
  }
  return {{"principles", w.principles},
          {"levels", levels},
          {"team_decrees", decrees},
          {"assignment_mechanisms", mechanisms},
          {"assignment_structures", structures},
          {"flows", flows}};
}

}  // namespace

json finding_json(const Finding& f) {
  json j{{"code", f.code},
         {"severity", to_string(f.severity)},
         {"line", f.line},
         {"message", f.message}};
  if (!f.file.empty()) j["file"] = f.file;
  return j;
}

namespace {

json agency_json(const regulation::Agency& a) {
  return {
      {"name", a.name},           {"short_name", a.short_name},      {"kind", a.kind},
      {"type", or_null(a.type)},  {"max_bidang", opt(a.max_bidang)}, {"tasks", or_null(a.tasks)},
      {"functions", a.functions}, {"source", span(a.source)}};
}

json units_json(const std::vector<regulation::Unit>& units) {
  json out = json::array();
  for (const auto& u : units)
    out.push_back({{"id", u.id},
                   {"name", u.name},
                   {"kind", to_string(u.kind)},
                   {"parent", or_null(u.parent)},
                   {"article", u.article},
                   {"source", span(u.source)}});
  return out;
}

json positions_json(const std::vector<regulation::Position>& positions) {
  json out = json::array();
  for (const auto& p : positions)
    out.push_back({{"id", p.id},
                   {"title", p.title},
                   {"kind", p.kind ? json(to_string(*p.kind)) : json()},
                   {"eselon", or_null(p.eselon)},
                   {"code", or_null(p.code)},
                   {"unit", or_null(p.unit)},
                   {"superior", or_null(p.superior)},
                   {"reports_to", or_null(p.reports_to)},
                   {"appointing_authority", or_null(p.appointing_authority)},
                   {"summary", or_null(p.summary)},
                   {"functions", p.functions},
                   {"duties", p.duties},
                   {"source", span(p.source)},
                   {"duties_source", p.duties_source.empty() ? json() : span(p.duties_source)}});
  return out;
}

}  // namespace

json to_json(const regulation::Extraction& x) {
  const auto& r = x.regulation;
  json out;
  out["format_version"] = kExtractFormatVersion;
  out["regulation"] = {{"kind", or_null(r.kind)},
                       {"number", or_null(r.number)},
                       {"year", opt(r.year)},
                       {"title", or_null(r.title)},
                       {"region", or_null(r.region)},
                       {"issuer", or_null(r.issuer)},
                       {"date", r.date ? json(r.date->iso()) : json()},
                       {"place", or_null(r.place)},
                       {"gazette", or_null(r.gazette)},
                       {"inferred", r.inferred},
                       {"source", span(r.source)}};
  out["agency"] = x.agency ? agency_json(*x.agency) : json();
  out["units"] = units_json(x.units);
  out["positions"] = positions_json(x.positions);
  // Format 2: every agency the text establishes, the first being the one above.
  json agencies = json::array();
  if (x.agency) {
    json first = agency_json(*x.agency);
    first["units"] = out["units"];
    first["positions"] = out["positions"];
    agencies.push_back(std::move(first));
  }
  for (const auto& more : x.more_agencies) {
    json a = agency_json(more.agency);
    a["units"] = units_json(more.units);
    a["positions"] = positions_json(more.positions);
    agencies.push_back(std::move(a));
  }
  out["agencies"] = std::move(agencies);
  json iki = json::array();
  for (const auto& t : x.iki) {
    json rows = json::array();
    for (const auto& row : t.rows) {
      json formula{{"kind", to_string(row.formula.kind)}, {"text", row.formula.text}};
      if (row.formula.kind == FormulaKind::Ratio) {
        formula["numerator"] = row.formula.numerator;
        formula["denominator"] = row.formula.denominator;
        formula["percent"] = row.formula.percent;
      } else if (row.formula.kind == FormulaKind::Count) {
        formula["counted"] = row.formula.counted;
      } else if (row.formula.kind == FormulaKind::Predicate) {
        formula["evaluation"] = row.formula.evaluation;
      }
      rows.push_back({{"number", row.number},
                      {"sasaran", row.sasaran},
                      {"sasaran_carried", row.sasaran_carried},
                      {"indikator", row.indikator},
                      {"formula", formula},
                      {"sumber_data", row.sumber_data},
                      {"source", span(row.source)}});
    }
    iki.push_back({{"position", t.position}, {"rows", rows}, {"source", span(t.source)}});
  }
  out["iki"] = std::move(iki);
  out["work_system"] = work_system_json(x.work_system);
  json citations = json::array();
  for (const auto& c : x.citations) citations.push_back(citation_json(c));
  out["citations"] = std::move(citations);
  json revocations = json::array();
  for (const auto& rv : x.revocations)
    revocations.push_back({{"regulation", citation_json(rv.regulation)},
                           {"whole", rv.whole},
                           {"scope", or_null(rv.scope)},
                           {"exceptions", or_null(rv.exceptions)},
                           {"article", rv.article},
                           {"source", span(rv.source)}});
  out["revocations"] = std::move(revocations);
  json transitional = json::array();
  for (const auto& t : x.transitional) {
    json regs = json::array();
    for (const auto& c : t.regulations) regs.push_back(citation_json(c));
    transitional.push_back({{"article", t.article},
                            {"text", t.text},
                            {"keeps_incumbents", t.keeps_incumbents},
                            {"regulations", regs},
                            {"source", span(t.source)}});
  }
  out["transitional"] = std::move(transitional);
  json findings = json::array();
  for (const auto& f : x.findings) findings.push_back(finding_json(f));
  out["findings"] = std::move(findings);
  return out;
}

}  // namespace tatakerja::json
