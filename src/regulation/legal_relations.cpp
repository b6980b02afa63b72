// Legal relations: the regulations the preamble cites, the regulations the body revokes (wholly or
// provision by provision) and the transitional provisions.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "regulation/citation_reader.hpp"
#include "regulation/extraction.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::string_view kRevoked = "dicabut dan dinyatakan tidak berlaku";

// Appends the citations `text` names to `list`, as append_citations(list, read_citations(text,
// line)) does (their indices shifted to stay valid in `list`), each moved once: from the reader's
// match into the list, without a list of its own for every text.
void append_cited(std::vector<Citation>& list, std::string_view text, int line) {
  std::vector<CitationMatch> found = find_citations(text, line);
  const int offset = static_cast<int>(list.size());
  for (CitationMatch& m : found) {
    Citation& c = m.citation;
    if (c.amends >= 0) c.amends += offset;
    if (c.nested_in >= 0) c.nested_in += offset;
    list.push_back(std::move(c));
  }
}

void cite_items(const Node& root, std::vector<Citation>& out) {
  walk(root, [&](const Node& n, const std::vector<const Node*>&) {
    if (!n.text.empty()) append_cited(out, n.text, n.span.first_line);
  });
}

// A drafting slip names a regulation only as "... Pasal 40 Tahun 2023 tentang <title> (Berita
// Daerah ...)": read the number, year, title and gazette that can be read.
std::optional<CitationMatch> read_defective_citation(std::string_view s, int line) {
  for (std::size_t t = text::ifind_word(s, "tahun"); t != std::string_view::npos;
       t = text::ifind_word(s, "tahun", t + 1)) {
    // A number before "Tahun", a year after it, then "tentang".
    std::size_t b = t;
    while (b > 0 && s[b - 1] == ' ') --b;
    std::size_t nb = b;
    while (nb > 0 && (text::is_digit(s[nb - 1]) || s[nb - 1] == '-' || s[nb - 1] == '/')) --nb;
    if (nb == b) continue;
    std::size_t y = t + 5;
    while (y < s.size() && s[y] == ' ') ++y;
    if (y + 4 > s.size()) continue;
    auto year = text::parse_int(s.substr(y, 4));
    if (!year || (y + 4 < s.size() && text::is_digit(s[y + 4]))) continue;
    std::size_t k = y + 4;
    while (k < s.size() && s[k] == ' ') ++k;
    if (!text::istarts_with(s.substr(k), "tentang ")) continue;
    // Read the rest as a citation by giving it a kind the reader knows.
    std::string probe = "Peraturan Daerah Nomor " + std::string(s.substr(nb, b - nb)) + " Tahun " +
                        std::string(s.substr(y));
    auto found = find_citations(probe, line);
    if (found.empty()) continue;
    CitationMatch m = std::move(found.front());
    m.citation.kind.clear();
    m.begin = nb;
    const std::size_t prefix = probe.size() - (s.size() - y);  // probe bytes before the year
    m.end = m.end >= prefix ? m.end - prefix + y : y;
    return m;
  }
  return std::nullopt;
}

// The provisions named before the regulation ("ketentuan Pasal 3 huruf d, Pasal 30 sampai dengan
// Pasal 33, serta Lampiran VII"); empty when the whole regulation is meant.
std::string revoked_scope(std::string_view before) {
  std::size_t k = text::ifind_word(before, "ketentuan");
  std::size_t from = k == std::string_view::npos ? std::string_view::npos : k + 9;
  if (from == std::string_view::npos) {
    const std::size_t p = text::ifind_word(before, "pasal");
    const std::size_t l = text::ifind_word(before, "lampiran");
    from = std::min(p, l);
  }
  if (from == std::string_view::npos) return {};
  std::string scope = text::collapse_spaces(before.substr(from));
  while (!scope.empty() && (scope.back() == ',' || scope.back() == ' ')) scope.pop_back();
  // A dangling "Pasal" left where the regulation's name was dropped.
  if (text::iends_with(scope, " pasal")) scope.resize(scope.size() - 6);
  return std::string(text::trim(scope));
}

// Where the phrase of revocation stands in `t`, or npos. Every node of the body is searched for
// it, which is long: a PhraseFinder's.
std::size_t revoked_at(std::string_view t) {
  static const PhraseFinder revoked(kRevoked);
  return revoked.find(t);
}

// The revocation a node says, the phrase found at `at` in its text. Called only for the few
// nodes that hold the phrase: the many that do not are told by revoked_at alone.
void read_revocation(const Node& n, std::size_t at, const std::vector<const Node*>& path,
                     Extraction& out) {
  std::string_view s = n.text;
  std::string_view sentence = s.substr(0, at);
  auto found = find_citations(sentence, n.span.first_line);
  std::optional<CitationMatch> reg;
  for (auto& m : found)
    if (m.citation.nested_in < 0) {
      reg = m;
      break;
    }
  if (!reg) reg = read_defective_citation(sentence, n.span.first_line);
  if (!reg) return;
  Revocation r;
  r.regulation = reg->citation;
  r.regulation.amends = -1;
  r.regulation.nested_in = -1;
  r.scope = revoked_scope(sentence.substr(0, reg->begin));
  r.whole = r.scope.empty();
  std::string_view after = s.substr(at + kRevoked.size());
  const std::size_t kecuali = text::ifind_word(after, "kecuali");
  if (kecuali != std::string_view::npos)
    r.exceptions = text::strip_item_end(after.substr(kecuali + 7));
  r.article = citation_path(path, n);
  r.source = n.span;
  out.revocations.push_back(std::move(r));
}

bool keeps_incumbents(std::string_view t) {
  const bool until_new = text::ifind(t, "pejabat yang baru") != std::string_view::npos ||
                         text::ifind(t, "dilantiknya pejabat") != std::string_view::npos;
  const bool stays = text::ifind_word(t, "tetap") != std::string_view::npos;
  return until_new && stays;
}

}  // namespace

void extract_legal_relations(const Document& doc, Extraction& out) {
  cite_items(doc.considerations, out.citations);
  cite_items(doc.bases, out.citations);

  // A text shorter than the phrase (a heading, a short item: most nodes) cannot hold it and is
  // not handed on.
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
    if (n.text.size() < kRevoked.size()) return;
    if (const std::size_t at = revoked_at(n.text); at != std::string::npos)
      read_revocation(n, at, path, out);
  });

  // The articles of the chapters on transition (Ketentuan Peralihan), each chapter walked once.
  std::vector<const Node*> transitional_articles;
  for (const Node& c : doc.body.children) {
    if (c.kind != NodeKind::Chapter || text::ifind(c.title, "peralihan") == std::string::npos)
      continue;
    walk(c, [&](const Node& n, const std::vector<const Node*>&) {
      if (n.kind == NodeKind::Article) transitional_articles.push_back(&n);
    });
  }
  for (const Node* a : transitional_articles) {
    TransitionalProvision t;
    t.article = node_label(*a);
    t.text = text::collapse_spaces(a->full_text());
    t.keeps_incumbents = keeps_incumbents(t.text);
    if (!a->text.empty()) append_cited(t.regulations, a->text, a->span.first_line);
    walk(*a, [&](const Node& n, const std::vector<const Node*>&) {
      if (!n.text.empty()) append_cited(t.regulations, n.text, n.span.first_line);
    });
    t.source = a->span;
    out.transitional.push_back(std::move(t));
  }
}

}  // namespace tatakerja::regulation
