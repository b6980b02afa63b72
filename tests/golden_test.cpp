// The regulation engine on the golden texts (tests/golden/README.md): each text in
// tests/golden/regulation beside the facts a reader finds in it. Every file is one test: it
// passes when the engine finds every expected fact and no unit or position the text does not
// create. A file marked "pending" (a genre the engine does not read yet) is scored and reported,
// and does not fail. The last test prints the score over every file: the share of facts found.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "regulation/engine.hpp"
#include "textio/read_file.hpp"

namespace tatakerja::regulation {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path kGoldenDir = fs::path(TATAKERJA_SOURCE_DIR) / "tests" / "golden" / "regulation";

// Names compare case-insensitively (ASCII), whitespace collapsed, a trailing . ; , dropped.
std::string name_key(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ';' || out.back() == ',')) {
    out.pop_back();
  }
  return out;
}

std::string text_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// What one golden file scores: facts expected and found, what the engine made up, and a line per
// miss so that a failure says what to fix.
struct Score {
  int expected = 0;
  int found = 0;
  int extras = 0;
  std::vector<std::string> misses;

  void check(bool ok, const std::string& what) {
    ++expected;
    if (ok) {
      ++found;
    } else {
      misses.push_back(what);
    }
  }
};

// The extraction's units and positions by name, for one agency.
struct ExtractedAgency {
  std::string name;
  std::vector<const Unit*> units;
  std::vector<const Position*> positions;
};

std::vector<ExtractedAgency> agencies_of(const Extraction& x) {
  std::vector<ExtractedAgency> out;
  if (!x.agency && x.units.empty() && x.positions.empty()) return out;
  ExtractedAgency a;
  if (x.agency) a.name = x.agency->name;
  for (const auto& u : x.units) a.units.push_back(&u);
  for (const auto& p : x.positions) a.positions.push_back(&p);
  out.push_back(std::move(a));
  for (const auto& more : x.more_agencies) {
    ExtractedAgency m;
    m.name = more.agency.name;
    for (const auto& u : more.units) m.units.push_back(&u);
    for (const auto& p : more.positions) m.positions.push_back(&p);
    out.push_back(std::move(m));
  }
  return out;
}

void score_regulation(const json& expected, const Extraction& x, Score& s) {
  const RegulationFacts& r = x.regulation;
  if (expected.contains("kind")) {
    s.check(name_key(r.kind) == name_key(text_of(expected, "kind")), "regulation kind");
  }
  if (expected.contains("number")) {
    s.check(name_key(r.number) == name_key(text_of(expected, "number")), "regulation number");
  }
  if (expected.contains("year")) {
    s.check(r.year && *r.year == expected["year"].get<int>(), "regulation year");
  }
  if (expected.contains("region")) {
    s.check(name_key(r.region) == name_key(text_of(expected, "region")), "regulation region");
  }
  if (expected.contains("inferred")) {
    s.check(r.inferred == expected["inferred"].get<bool>(), "regulation inferred");
  }
}

const Unit* unit_of(const ExtractedAgency& a, const std::string& id) {
  for (const Unit* u : a.units) {
    if (u->id == id) return u;
  }
  return nullptr;
}

const Position* position_of(const ExtractedAgency& a, const std::string& id) {
  for (const Position* p : a.positions) {
    if (p->id == id) return p;
  }
  return nullptr;
}

// Whether an IKI table of `x` belongs to position `id` (a decree of IKI names positions it does
// not create).
bool named_by_iki(const Extraction& x, const std::string& id) {
  return std::any_of(x.iki.begin(), x.iki.end(),
                     [&](const IkiTable& t) { return t.position == id; });
}

// Whether unit `u` is led by a position an IKI table names: a decree of IKI names the unit with
// the position ("Kepala Bidang Perkebunan"), and creates neither.
bool led_by_iki_position(const Extraction& x, const ExtractedAgency& a, const Unit& u) {
  return std::any_of(a.positions.begin(), a.positions.end(),
                     [&](const Position* p) { return p->unit == u.id && named_by_iki(x, p->id); });
}

// What an agency the facts do not list adds: its units and positions, and itself, leaving out
// what only an IKI table names (the agency of a decree of IKI holds nothing else).
int extras_of_unexpected(const Extraction& x, const ExtractedAgency& a) {
  const auto units = std::count_if(a.units.begin(), a.units.end(),
                                   [&](const Unit* u) { return !led_by_iki_position(x, a, *u); });
  const auto positions = std::count_if(a.positions.begin(), a.positions.end(),
                                       [&](const Position* p) { return !named_by_iki(x, p->id); });
  const bool only_iki = units == 0 && positions == 0 && !a.positions.empty();
  return static_cast<int>(units + positions) + (only_iki ? 0 : 1);
}

void score_units(const json& expected, const ExtractedAgency& a, const Extraction& x, Score& s) {
  std::vector<bool> used(a.units.size(), false);
  for (const auto& eu : expected) {
    const std::string name = text_of(eu, "name");
    const std::string kind = text_of(eu, "kind");
    const std::string parent = text_of(eu, "parent");
    bool ok = false;
    for (std::size_t i = 0; i < a.units.size() && !ok; ++i) {
      const Unit& u = *a.units[i];
      if (used[i] || name_key(u.name) != name_key(name)) continue;
      const Unit* p = unit_of(a, u.parent);
      ok = name_key(to_string(u.kind)) == name_key(kind) &&
           name_key(p ? p->name : "") == name_key(parent);
      used[i] = ok;
    }
    s.check(ok, "unit " + name + " (" + kind + ", under " + (parent.empty() ? "-" : parent) + ")");
  }
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    if (!used[i] && !led_by_iki_position(x, a, *a.units[i])) ++s.extras;
  }
}

void score_positions(const json& expected, const ExtractedAgency& a, const Extraction& x,
                     Score& s) {
  std::vector<bool> used(a.positions.size(), false);
  for (const auto& ep : expected) {
    const std::string title = text_of(ep, "title");
    const Position* found = nullptr;
    for (std::size_t i = 0; i < a.positions.size() && !found; ++i) {
      if (!used[i] && name_key(a.positions[i]->title) == name_key(title)) {
        found = a.positions[i];
        used[i] = true;
      }
    }
    s.check(found != nullptr, "position " + title);
    if (!found) continue;
    const Unit* unit = unit_of(a, found->unit);
    s.check(name_key(unit ? unit->name : "") == name_key(text_of(ep, "unit")),
            "unit of " + title + ": " + text_of(ep, "unit"));
    s.check(found->eselon == text_of(ep, "eselon"),
            "eselon of " + title + ": " + text_of(ep, "eselon") + " (read: " + found->eselon + ")");
    const Position* superior = position_of(a, found->superior);
    s.check(name_key(superior ? superior->title : "") == name_key(text_of(ep, "superior")),
            "superior of " + title + ": " + text_of(ep, "superior"));
    const auto duties = ep.value("duties_at_least", 0);
    if (duties > 0) {
      const auto read = found->duties.size() + found->functions.size();
      s.check(read >= static_cast<std::size_t>(duties), "duties of " + title + ": at least " +
                                                            std::to_string(duties) + " (read " +
                                                            std::to_string(read) + ")");
    }
  }
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    if (!used[i] && !named_by_iki(x, a.positions[i]->id)) ++s.extras;
  }
}

void score_agencies(const json& expected, const Extraction& x, Score& s) {
  const auto extracted = agencies_of(x);
  std::vector<bool> used(extracted.size(), false);
  for (const auto& ea : expected) {
    const std::string name = text_of(ea, "name");
    std::optional<std::size_t> match;
    for (std::size_t i = 0; i < extracted.size() && !match; ++i) {
      if (!used[i] && name_key(extracted[i].name) == name_key(name)) match = i;
    }
    s.check(match.has_value(), "agency " + name);
    static const ExtractedAgency kNone;
    const ExtractedAgency& a = match ? extracted[*match] : kNone;
    if (match) used[*match] = true;
    score_units(ea.value("units", json::array()), a, x, s);
    score_positions(ea.value("positions", json::array()), a, x, s);
  }
  for (std::size_t i = 0; i < extracted.size(); ++i) {
    if (!used[i]) s.extras += extras_of_unexpected(x, extracted[i]);
  }
}

void score_iki(const json& expected, const Extraction& x, Score& s) {
  for (const auto& et : expected) {
    const std::string title = text_of(et, "position");
    const IkiTable* table = nullptr;
    for (const auto& t : x.iki) {
      const Position* p = x.position_by_id(t.position);
      if (p && name_key(p->title) == name_key(title)) table = &t;
    }
    s.check(table != nullptr, "IKI table of " + title);
    const auto& rows = et.value("rows", json::array());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const IkiRow* row = table && i < table->rows.size() ? &table->rows[i] : nullptr;
      const std::string where = "IKI " + title + " row " + std::to_string(i + 1);
      s.check(row && name_key(row->sasaran) == name_key(text_of(rows[i], "sasaran")),
              where + " sasaran");
      s.check(row && name_key(row->indikator) == name_key(text_of(rows[i], "indikator")),
              where + " indikator");
      if (rows[i].contains("formula_kind")) {
        s.check(row && to_string(row->formula.kind) == text_of(rows[i], "formula_kind"),
                where + " formula kind");
      }
    }
    if (table && table->rows.size() > rows.size()) {
      s.extras += static_cast<int>(table->rows.size() - rows.size());
    }
  }
}

void score_findings(const json& expected, const Extraction& x, Score& s) {
  const auto reported = [&](const std::string& code) {
    return std::any_of(x.findings.begin(), x.findings.end(),
                       [&](const Finding& f) { return f.code == code; });
  };
  for (const auto& code : expected.value("present", json::array())) {
    s.check(reported(code.get<std::string>()), "finding " + code.get<std::string>());
  }
  for (const auto& code : expected.value("absent", json::array())) {
    s.check(!reported(code.get<std::string>()), "no finding " + code.get<std::string>());
  }
}

struct GoldenFile {
  std::string name;  // the file name without extension
  fs::path text;
  fs::path facts;
};

void PrintTo(const GoldenFile& g, std::ostream* os) {
  *os << g.name;
}

std::vector<GoldenFile> golden_files() {
  std::vector<GoldenFile> out;
  if (!fs::is_directory(kGoldenDir)) return out;
  for (const auto& e : fs::directory_iterator(kGoldenDir)) {
    if (e.path().extension() != ".json") continue;
    GoldenFile g;
    g.name = e.path().stem().string();
    g.facts = e.path();
    g.text = e.path();
    g.text.replace_extension(".txt");
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(),
            [](const GoldenFile& a, const GoldenFile& b) { return a.name < b.name; });
  return out;
}

struct Scored {
  Score score;
  bool pending = false;
};

Scored score_file(const GoldenFile& g) {
  std::ifstream in(g.facts);
  const json expected = json::parse(in);
  auto read = textio::read_regulation_file(g.text.string());
  if (std::holds_alternative<textio::ReadError>(read)) {
    ADD_FAILURE() << "cannot read " << g.text;
    return {};
  }
  const Reading reading = read_regulation(std::get<textio::DecodedText>(read).text);
  Scored out;
  out.pending = expected.contains("pending");
  score_regulation(expected.value("regulation", json::object()), reading.facts, out.score);
  score_agencies(expected.value("agencies", json::array()), reading.facts, out.score);
  score_iki(expected.value("iki", json::array()), reading.facts, out.score);
  score_findings(expected.value("findings", json::object()), reading.facts, out.score);
  return out;
}

std::string report(const std::string& name, const Scored& r) {
  std::ostringstream o;
  o << name << ": " << r.score.found << "/" << r.score.expected << " facts, " << r.score.extras
    << " extra" << (r.pending ? " (pending)" : "");
  for (const auto& m : r.score.misses) o << "\n  missed: " << m;
  return o.str();
}

class GoldenText : public ::testing::TestWithParam<GoldenFile> {};

TEST_P(GoldenText, EveryFactAndNothingElse) {
  const Scored r = score_file(GetParam());
  if (r.pending) {
    std::cout << report(GetParam().name, r) << "\n";
    GTEST_SKIP() << "pending";
  }
  EXPECT_EQ(r.score.found, r.score.expected) << report(GetParam().name, r);
  EXPECT_EQ(r.score.extras, 0) << report(GetParam().name, r);
}

INSTANTIATE_TEST_SUITE_P(Texts, GoldenText, ::testing::ValuesIn(golden_files()),
                         [](const ::testing::TestParamInfo<GoldenFile>& param_info) {
                           std::string n;
                           for (const char c : param_info.param.name) {
                             n += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
                           }
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenText);

// Every golden file has its text, valid facts and a source; and the score over all of them.
TEST(Golden, ScoreOverEveryText) {
  int expected = 0, found = 0, extras = 0, files = 0;
  for (const auto& g : golden_files()) {
    ASSERT_TRUE(fs::exists(g.text)) << g.text;
    std::ifstream in(g.facts);
    const json facts = json::parse(in);
    EXPECT_FALSE(text_of(facts, "source").empty()) << g.name << ": where did the text come from?";
    EXPECT_FALSE(facts.value("genres", json::array()).empty()) << g.name;
    const Scored r = score_file(g);
    expected += r.score.expected;
    found += r.score.found;
    extras += r.score.extras;
    ++files;
  }
  std::cout << "golden: " << files << " texts, " << found << "/" << expected << " facts found ("
            << (expected ? 100.0 * found / expected : 100.0) << "%), " << extras
            << " extra units/positions\n";
}

}  // namespace
}  // namespace tatakerja::regulation
