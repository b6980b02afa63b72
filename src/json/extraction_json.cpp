#include "json/extraction_json.hpp"

#include "span_json.hpp"

namespace tatakerja::json {
namespace {

using namespace tatakerja::regulation;  // the facts this file writes as JSON

// Each object's members are written in the order of their names (PrettyJson checks it), the
// order nlohmann::json kept them in when this file built a document of them.

void write_value(PrettyJson& w, const std::string& s) {
  w.string(s);
}
void write_value(PrettyJson& w, const char* s) {
  w.string(s);
}
void write_value(PrettyJson& w, int n) {
  w.integer(n);
}
void write_value(PrettyJson& w, bool b) {
  w.boolean(b);
}
void write_value(PrettyJson& w, const std::vector<std::string>& list) {
  w.strings(list);
}
template <typename T>
void write_value(PrettyJson& w, const std::optional<T>& v) {
  if (v) {
    write_value(w, *v);
  } else {
    w.null();
  }
}

template <typename T>
void member(PrettyJson& w, std::string_view name, const T& value) {
  w.key(name);
  write_value(w, value);
}
void member_or_null(PrettyJson& w, std::string_view name, const std::string& s) {
  w.key(name);
  w.string_or_null(s);
}
// -1 for none, as the citations write "amends" and "nested_in".
void member_index(PrettyJson& w, std::string_view name, int index) {
  w.key(name);
  if (index < 0) {
    w.null();
  } else {
    w.integer(index);
  }
}

void gazette(PrettyJson& w, const std::optional<Gazette>& g) {
  w.key("gazette");
  if (!g) return w.null();
  w.begin_object();
  member(w, "name", g->name);
  member_or_null(w, "number", g->number);
  member_or_null(w, "supplement_number", g->supplement_number);
  member(w, "year", g->year);
  w.end_object();
}

void citation(PrettyJson& w, const Citation& c) {
  w.begin_object();
  member_index(w, "amends", c.amends);
  gazette(w, c.gazette);
  member(w, "kind", c.kind);
  member(w, "line", c.line);
  member_index(w, "nested_in", c.nested_in);
  member(w, "number", c.number);
  member_or_null(w, "region", c.region);
  member(w, "title", c.title);
  member(w, "year", c.year);
  w.end_object();
}

void citations(PrettyJson& w, std::string_view name, const std::vector<Citation>& list) {
  w.key(name);
  w.begin_array();
  for (const auto& c : list) citation(w, c);
  w.end_array();
}

// Each element of `list` as an object written by `write`.
template <typename T, typename F>
void objects(PrettyJson& w, std::string_view name, const std::vector<T>& list, F write) {
  w.key(name);
  w.begin_array();
  for (const auto& item : list) {
    w.begin_object();
    write(item);
    w.end_object();
  }
  w.end_array();
}

void work_system(PrettyJson& w, const WorkSystem& ws) {
  w.key("work_system");
  w.begin_object();
  objects(w, "assignment_mechanisms", ws.mechanisms, [&](const auto& m) {
    member(w, "article", m.article);
    member(w, "mechanism", m.mechanism);
    write_span(w, "source", m.source);
    member(w, "steps", m.steps);
  });
  objects(w, "assignment_structures", ws.assignment_structures, [&](const auto& s) {
    member(w, "agency_kind", s.agency_kind);
    member(w, "article", s.article);
    objects(w, "rules", s.rules, [&](const auto& r) {
      member(w, "action", r.action);
      member(w, "actor", r.actor);
      member(w, "subjects", r.subjects);
      member(w, "text", r.text);
    });
    write_span(w, "source", s.source);
  });
  objects(w, "flows", ws.flows, [&](const auto& f) {
    member(w, "agency_kinds", f.agency_kinds);
    member(w, "article", f.article);
    write_span(w, "source", f.source);
    objects(w, "stages", f.stages, [&](const auto& st) {
      member(w, "stage", st.stage);
      member(w, "steps", st.steps);
    });
  });
  objects(w, "levels", ws.levels, [&](const auto& l) {
    member(w, "article", l.article);
    member(w, "definition", l.definition);
    member(w, "level", l.level);
    write_span(w, "source", l.source);
  });
  member(w, "principles", ws.principles);
  objects(w, "team_decrees", ws.team_decrees, [&](const auto& d) {
    member(w, "article", d.article);
    member(w, "authority", d.authority);
    member(w, "scope", d.scope);
    write_span(w, "source", d.source);
  });
  w.end_object();
}

void units(PrettyJson& w, const std::vector<Unit>& list) {
  objects(w, "units", list, [&](const Unit& u) {
    member(w, "article", u.article);
    member(w, "id", u.id);
    member(w, "kind", to_string(u.kind));
    member(w, "name", u.name);
    member_or_null(w, "parent", u.parent);
    write_span(w, "source", u.source);
  });
}

void positions(PrettyJson& w, const std::vector<Position>& list) {
  objects(w, "positions", list, [&](const Position& p) {
    member_or_null(w, "appointing_authority", p.appointing_authority);
    member_or_null(w, "code", p.code);
    member(w, "duties", p.duties);
    if (p.duties_source.empty()) {
      w.key("duties_source");
      w.null();
    } else {
      write_span(w, "duties_source", p.duties_source);
    }
    member_or_null(w, "eselon", p.eselon);
    member(w, "functions", p.functions);
    member(w, "id", p.id);
    w.key("kind");
    if (p.kind) {
      w.string(to_string(*p.kind));
    } else {
      w.null();
    }
    member_or_null(w, "reports_to", p.reports_to);
    write_span(w, "source", p.source);
    member_or_null(w, "summary", p.summary);
    member_or_null(w, "superior", p.superior);
    member(w, "title", p.title);
    member_or_null(w, "unit", p.unit);
  });
}

// An agency's members; with its units and positions when they are given (the agencies[] list).
void agency_members(PrettyJson& w, const Agency& a, const std::vector<Unit>* agency_units,
                    const std::vector<Position>* agency_positions) {
  member(w, "functions", a.functions);
  member(w, "kind", a.kind);
  member(w, "max_bidang", a.max_bidang);
  member(w, "name", a.name);
  if (agency_positions != nullptr) positions(w, *agency_positions);
  member(w, "short_name", a.short_name);
  write_span(w, "source", a.source);
  member_or_null(w, "tasks", a.tasks);
  member_or_null(w, "type", a.type);
  if (agency_units != nullptr) units(w, *agency_units);
}

// Format 2: every agency the text establishes, the first being the one of "agency".
void agencies(PrettyJson& w, const Extraction& x) {
  w.key("agencies");
  w.begin_array();
  if (x.agency) {
    w.begin_object();
    agency_members(w, *x.agency, &x.units, &x.positions);
    w.end_object();
  }
  for (const auto& more : x.more_agencies) {
    w.begin_object();
    agency_members(w, more.agency, &more.units, &more.positions);
    w.end_object();
  }
  w.end_array();
}

void formula(PrettyJson& w, const Formula& f) {
  w.key("formula");
  w.begin_object();
  if (f.kind == FormulaKind::Count) member(w, "counted", f.counted);
  if (f.kind == FormulaKind::Ratio) member(w, "denominator", f.denominator);
  if (f.kind == FormulaKind::Predicate) member(w, "evaluation", f.evaluation);
  member(w, "kind", to_string(f.kind));
  if (f.kind == FormulaKind::Ratio) {
    member(w, "numerator", f.numerator);
    member(w, "percent", f.percent);
  }
  member(w, "text", f.text);
  w.end_object();
}

void iki(PrettyJson& w, const std::vector<IkiTable>& tables) {
  objects(w, "iki", tables, [&](const IkiTable& t) {
    member(w, "position", t.position);
    objects(w, "rows", t.rows, [&](const IkiRow& row) {
      formula(w, row.formula);
      member(w, "indikator", row.indikator);
      member(w, "number", row.number);
      member(w, "sasaran", row.sasaran);
      member(w, "sasaran_carried", row.sasaran_carried);
      write_span(w, "source", row.source);
      member(w, "sumber_data", row.sumber_data);
    });
    write_span(w, "source", t.source);
  });
}

void regulation_identity(PrettyJson& w, const Extraction& x) {
  const auto& r = x.regulation;
  w.key("regulation");
  w.begin_object();
  w.key("date");
  if (r.date) {
    w.string(r.date->iso());
  } else {
    w.null();
  }
  member_or_null(w, "gazette", r.gazette);
  member(w, "inferred", r.inferred);
  member_or_null(w, "issuer", r.issuer);
  member_or_null(w, "kind", r.kind);
  member_or_null(w, "number", r.number);
  member_or_null(w, "place", r.place);
  member_or_null(w, "region", r.region);
  write_span(w, "source", r.source);
  member_or_null(w, "title", r.title);
  member(w, "year", r.year);
  w.end_object();
}

void revocations(PrettyJson& w, const std::vector<Revocation>& list) {
  objects(w, "revocations", list, [&](const Revocation& rv) {
    member(w, "article", rv.article);
    member_or_null(w, "exceptions", rv.exceptions);
    w.key("regulation");
    citation(w, rv.regulation);
    member_or_null(w, "scope", rv.scope);
    write_span(w, "source", rv.source);
    member(w, "whole", rv.whole);
  });
}

void transitional(PrettyJson& w, const std::vector<TransitionalProvision>& list) {
  objects(w, "transitional", list, [&](const TransitionalProvision& t) {
    member(w, "article", t.article);
    member(w, "keeps_incumbents", t.keeps_incumbents);
    citations(w, "regulations", t.regulations);
    write_span(w, "source", t.source);
    member(w, "text", t.text);
  });
}

}  // namespace

void write_finding(PrettyJson& w, const Finding& f) {
  w.begin_object();
  member(w, "code", f.code);
  if (!f.file.empty()) member(w, "file", f.file);
  member(w, "line", f.line);
  member(w, "message", f.message);
  member(w, "severity", to_string(f.severity));
  w.end_object();
}

void write_extraction(PrettyJson& w, const Extraction& x) {
  w.begin_object();
  agencies(w, x);
  w.key("agency");
  if (x.agency) {
    w.begin_object();
    agency_members(w, *x.agency, nullptr, nullptr);
    w.end_object();
  } else {
    w.null();
  }
  citations(w, "citations", x.citations);
  w.key("findings");
  w.begin_array();
  for (const auto& f : x.findings) write_finding(w, f);
  w.end_array();
  member(w, "format_version", kExtractFormatVersion);
  iki(w, x.iki);
  positions(w, x.positions);
  regulation_identity(w, x);
  revocations(w, x.revocations);
  transitional(w, x.transitional);
  units(w, x.units);
  work_system(w, x.work_system);
  w.end_object();
}

std::string extraction_json_text(const Extraction& x) {
  std::string out;
  PrettyJson w(out);
  write_extraction(w, x);
  return out;
}

}  // namespace tatakerja::json
