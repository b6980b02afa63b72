// The regulations a text cites (facts.citations, read from the preamble):
//   CITATION_GAZETTE_BEFORE_YEAR  promulgated in a gazette older than the regulation itself;
//   CITATION_INCONSISTENT         the same regulation cited differently: the same kind, region,
//                                 number and year with another gazette number or year; or the same
//                                 kind, region and title with the same number and another year
//                                 (or the same year and another number). Two regulations that
//                                 differ in both number and year are taken as different ones (a
//                                 later law replacing an earlier one of the same title), and a
//                                 pair linked by amendment (citation.amends) may share a title.
// Across a set of texts the first check runs on every pair of texts; the finding goes to the
// texts that differ from the majority, or to all of them when there is no majority.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <tuple>

#include "core/text.hpp"
#include "lint_rules.hpp"

namespace tatakerja::regulation::lint_rules {
namespace {

std::string strip_zeros(std::string_view s) {
  std::string k = text::to_upper(text::collapse_spaces(s));
  std::size_t z = 0;
  while (z + 1 < k.size() && k[z] == '0' && text::is_digit(k[z + 1])) ++z;
  return k.substr(z);
}

std::string kind_region_key(const Citation& c) {
  return text::name_key(c.kind) + "|" + text::name_key(c.region);
}

std::string identity_key(const std::string& kind_region, const Citation& c) {
  return kind_region + "|" + strip_zeros(c.number) + "|" +
         (c.year ? std::to_string(*c.year) : std::string());
}

std::string identity_key(const Citation& c) {
  return identity_key(kind_region_key(c), c);
}

// "Undang-Undang Nomor 23 Tahun 2014", "Peraturan Daerah Provinsi X Nomor 9 Tahun 2016"
std::string cited_name(const Citation& c) {
  std::string s = c.kind;
  if (!c.region.empty()) s += " " + c.region;
  if (!c.number.empty()) s += " Nomor " + c.number;
  if (c.year) s += " Tahun " + std::to_string(*c.year);
  return s;
}

std::string gazette_text(const Gazette& g) {
  std::string s = g.name.empty() ? std::string("Lembaran") : g.name;
  if (g.year) s += " Tahun " + std::to_string(*g.year);
  if (!g.number.empty()) s += " Nomor " + g.number;
  return s;
}

bool usable_gazette(const Citation& c) {
  return c.gazette && c.year && !c.number.empty() &&
         (c.gazette->year || !c.gazette->number.empty());
}

bool same_gazette(const Gazette& a, const Gazette& b) {
  if (a.year && b.year && *a.year != *b.year) return false;
  if (!a.number.empty() && !b.number.empty() && strip_zeros(a.number) != strip_zeros(b.number))
    return false;
  return true;
}

bool linked_by_amendment(const std::vector<Citation>& cs, std::size_t i, std::size_t j) {
  return cs[i].amends == static_cast<int>(j) || cs[j].amends == static_cast<int>(i);
}

}  // namespace

void check_citations(const Extraction& facts, std::vector<Finding>& out) {
  const std::vector<Citation>& cs = facts.citations;
  // Each citation's kind and region keyed once: both checks below and every pair ask for them. A
  // text cites many regulations of a few kinds ("Undang-Undang", "Peraturan Pemerintah"): a
  // kind and region keyed before are not keyed again (the first few met are remembered). Each key
  // is made once, in `keys` (reserved: the views stay valid), and each citation views its own.
  std::vector<std::string> keys;
  keys.reserve(cs.size());
  std::vector<std::string_view> kind_region(cs.size());
  constexpr std::size_t kRemembered = 8;
  std::vector<std::size_t> keyed;  // a citation of each kind and region remembered
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const auto same = std::find_if(keyed.begin(), keyed.end(), [&](std::size_t k) {
      return cs[k].kind == cs[i].kind && cs[k].region == cs[i].region;
    });
    if (same != keyed.end()) {
      kind_region[i] = kind_region[*same];
      continue;
    }
    kind_region[i] = keys.emplace_back(kind_region_key(cs[i]));
    if (keyed.size() < kRemembered) keyed.push_back(i);
  }
  // The numbers of the citations with a number and a year (those both checks read), stripped once.
  std::vector<std::string> numbers(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].year && !cs[i].number.empty()) numbers[i] = strip_zeros(cs[i].number);
  // The order of two citations' kind and region keys (<0, 0, >0). The citations of a kind and
  // region met before view one key: told equal by where they point, with no bytes compared.
  const auto compare_kind_region = [&](std::size_t x, std::size_t y) {
    const std::string_view a = kind_region[x], b = kind_region[y];
    return a.data() == b.data() && a.size() == b.size() ? 0 : a.compare(b);
  };
  // identity_key(cs[i]) for a citation with a number and a year.
  const auto identity = [&](std::size_t i) {
    return std::string(kind_region[i]) + "|" + numbers[i] + "|" + std::to_string(*cs[i].year);
  };
  for (const Citation& c : cs)
    if (c.gazette && c.gazette->year && c.year && *c.gazette->year < *c.year)
      add(out, "CITATION_GAZETTE_BEFORE_YEAR", Severity::Warning, c.line,
          cited_name(c) + " dicatat dalam " + gazette_text(*c.gazette) +
              ", lebih awal daripada tahun peraturan itu sendiri.");
  // The same regulation with two gazette records. The first of each regulation is found by the
  // parts of its identity key (a kind and region key has no '|' in its parts, nor a year, so that
  // equal parts are equal keys); the key itself is made only for a finding. The citations with a
  // usable gazette record are sorted by their identity (and, of one identity, in the order of the
  // text): the first of each regulation is the first of its group, found with no map made. (Only
  // the groups matter, not their order: the parts are compared cheapest first, the year.)
  const auto compare_identity = [&](std::size_t x, std::size_t y) {
    if (*cs[x].year != *cs[y].year) return *cs[x].year < *cs[y].year ? -1 : 1;
    if (const int c = numbers[x].compare(numbers[y]); c != 0) return c;
    return compare_kind_region(x, y);
  };
  std::vector<std::size_t> recorded;
  recorded.reserve(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (usable_gazette(cs[i])) recorded.push_back(i);
  std::sort(recorded.begin(), recorded.end(), [&](std::size_t x, std::size_t y) {
    const int c = compare_identity(x, y);
    return c != 0 ? c < 0 : x < y;
  });
  std::vector<std::size_t> first_gazette(cs.size());  // of each usable citation, the first
  for (std::size_t k = 0; k < recorded.size(); ++k) {
    const std::size_t i = recorded[k];
    const bool first = k == 0 || compare_identity(recorded[k - 1], i) != 0;
    first_gazette[i] = first ? i : first_gazette[recorded[k - 1]];
  }
  std::set<std::string> reported;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (!usable_gazette(cs[i]) || first_gazette[i] == i) continue;
    const Citation& a = cs[first_gazette[i]];
    if (same_gazette(*a.gazette, *cs[i].gazette) || !reported.insert("g" + identity(i)).second)
      continue;
    add(out, "CITATION_INCONSISTENT", Severity::Warning, cs[i].line,
        cited_name(cs[i]) + " disebut dengan catatan pengundangan berbeda: " +
            gazette_text(*a.gazette) + " (baris " + std::to_string(a.line) + ") dan " +
            gazette_text(*cs[i].gazette) + " (baris " + std::to_string(cs[i].line) + ").");
  }
  // The same title with another number or year. Only a pair of the same kind and region whose
  // number or year (not both) differ needs the titles keyed (most cited regulations differ in
  // both), each title once; where a kind and region has many citations, they are grouped by
  // title first, so that the pairs compared stay few. The pairs are reported in the order of
  // their key (kind, region and title), as a map of titles gives them.
  struct TitlePair {
    std::string key;  // kind_region|title
    std::size_t later, earlier;
  };
  std::vector<TitlePair> pairs;
  std::vector<std::optional<std::string>> title_keys(cs.size());
  const auto title_key = [&](std::size_t i) -> const std::string& {
    if (!title_keys[i]) title_keys[i] = text::name_key(cs[i].title);
    return *title_keys[i];
  };
  // Adds the pairs of `idx` (ascending) that differ in number or year, not both; same_title
  // tells whether two of them have one title (known already for a group of one title).
  const auto add_pairs = [&](std::span<const std::size_t> idx, const auto& same_title) {
    for (std::size_t px = 0; px < idx.size(); ++px) {
      for (std::size_t py = 0; py < px; ++py) {
        const std::size_t x = idx[px], y = idx[py];
        const bool same_number = numbers[y] == numbers[x];
        const bool same_year = *cs[y].year == *cs[x].year;
        if (same_number == same_year || linked_by_amendment(cs, x, y) || !same_title(x, y))
          continue;
        pairs.push_back({std::string(kind_region[x]) + "|" + title_key(x), x, y});
      }
    }
  };
  // The citations with a number and a year, grouped by kind and region (in the order of the
  // keys, each group in the order of the text), in one sorted list with no map made.
  std::vector<std::size_t> numbered;
  numbered.reserve(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].year && !cs[i].number.empty()) numbered.push_back(i);
  std::sort(numbered.begin(), numbered.end(), [&](std::size_t x, std::size_t y) {
    const int c = compare_kind_region(x, y);
    return c != 0 ? c < 0 : x < y;
  });
  constexpr std::size_t kComparedInPairs = 32;  // a kind and region's citations, at most
  for (std::size_t from = 0; from < numbered.size();) {
    std::size_t to = from + 1;
    while (to < numbered.size() && compare_kind_region(numbered[to], numbered[from]) == 0) ++to;
    const std::span<const std::size_t> group(numbered.data() + from, to - from);
    from = to;
    if (group.size() <= kComparedInPairs) {
      add_pairs(group, [&](std::size_t x, std::size_t y) {
        return !title_key(x).empty() && title_key(x) == title_key(y);
      });
      continue;
    }
    std::map<std::string, std::vector<std::size_t>> by_title;
    for (const std::size_t i : group)
      if (!title_key(i).empty()) by_title[title_key(i)].push_back(i);
    for (const auto& [title, same] : by_title)
      add_pairs(same, [](std::size_t, std::size_t) { return true; });
  }
  std::sort(pairs.begin(), pairs.end(), [](const TitlePair& a, const TitlePair& b) {
    return std::tie(a.key, a.later, a.earlier) < std::tie(b.key, b.later, b.earlier);
  });
  for (const TitlePair& p : pairs) {
    const Citation& a = cs[p.earlier];
    const Citation& b = cs[p.later];
    const std::string id_a = identity(p.earlier);
    const std::string id_b = identity(p.later);
    const std::string pair_key = "t" + p.key + "|" + id_a + "|" + id_b;
    const std::string pair_rev = "t" + p.key + "|" + id_b + "|" + id_a;
    if (reported.count(pair_rev) || !reported.insert(pair_key).second) continue;
    add(out, "CITATION_INCONSISTENT", Severity::Warning, b.line,
        "Peraturan yang sama (" + a.kind + (a.region.empty() ? "" : " " + a.region) + " tentang " +
            a.title + ") disebut sebagai Nomor " + a.number + " Tahun " + std::to_string(*a.year) +
            " (baris " + std::to_string(a.line) + ") dan Nomor " + b.number + " Tahun " +
            std::to_string(*b.year) + " (baris " + std::to_string(b.line) + ").");
  }
}

std::vector<Finding> check_citation_set(const std::vector<NamedExtraction>& set) {
  struct Record {
    std::size_t text;  // index in `set`
    const Citation* citation;
  };
  // Per regulation (kind, region, number, year): the gazette records each text gives.
  std::map<std::string, std::vector<Record>> by_regulation;
  for (std::size_t t = 0; t < set.size(); ++t) {
    if (!set[t].facts) continue;
    std::set<std::string> seen;  // one record per regulation and text (its first)
    for (const Citation& c : set[t].facts->citations)
      if (usable_gazette(c) && seen.insert(identity_key(c)).second)
        by_regulation[identity_key(c)].push_back({t, &c});
  }
  std::vector<Finding> out;
  for (const auto& [key, records] : by_regulation) {
    // Group the texts by the gazette record they give.
    std::vector<std::vector<const Record*>> groups;
    for (const Record& r : records) {
      auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& grp) {
        return same_gazette(*grp.front()->citation->gazette, *r.citation->gazette);
      });
      if (g == groups.end())
        groups.push_back({&r});
      else
        g->push_back(&r);
    }
    if (groups.size() < 2) continue;
    std::size_t largest = 0;
    for (const auto& g : groups) largest = std::max(largest, g.size());
    const bool majority = std::count_if(groups.begin(), groups.end(),
                                        [&](const auto& g) { return g.size() == largest; }) == 1;
    auto files_of = [&](const std::vector<const Record*>& g) {
      std::string s;
      for (const Record* r : g) s += (s.empty() ? "" : ", ") + set[r->text].file;
      return s;
    };
    for (const auto& g : groups) {
      if (majority && g.size() == largest) continue;
      std::string others;
      for (const auto& o : groups) {
        if (&o == &g) continue;
        if (!others.empty()) others += "; ";
        others += gazette_text(*o.front()->citation->gazette) + " (" + files_of(o) + ")";
      }
      for (const Record* r : g) {
        Finding f;
        f.code = "CITATION_INCONSISTENT";
        f.severity = Severity::Warning;
        f.line = r->citation->line;
        f.file = set[r->text].file;
        f.message = cited_name(*r->citation) + " dicatat dalam " +
                    gazette_text(*r->citation->gazette) + ", sedangkan naskah lain menyebut " +
                    others + (majority ? " (catatan yang dipakai kebanyakan naskah)" : "") + ".";
        out.push_back(std::move(f));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return out;
}

}  // namespace tatakerja::regulation::lint_rules
