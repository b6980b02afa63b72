#include "regulation/amendment.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "regulation/citation_reader.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out = text::split(text, '\n');
  if (!out.empty() && out.back().empty()) out.pop_back();  // the text's last newline
  for (auto& l : out)
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return out;
}

// A line as a reader sees it: without Markdown or bullet decoration, a list marker ("1.", "2)",
// "a.") and doubled spaces. "- 1. **Ketentuan Pasal 3 diubah**" -> "Ketentuan Pasal 3 diubah".
std::string plain(std::string_view line) {
  std::string_view s = text::trim(line);
  const auto strip_decoration = [&] {
    while (!s.empty() && (s.front() == '#' || s.front() == '*' || s.front() == '-' ||
                          s.front() == '>' || s.front() == ' ' || s.front() == '\t'))
      s.remove_prefix(1);
    while (!s.empty() && (s.back() == '*' || s.back() == ' ' || s.back() == '\t'))
      s.remove_suffix(1);
  };
  strip_decoration();
  std::size_t i = 0;
  while (i < s.size() && i < 3 && text::is_digit(s[i])) ++i;
  if (i == 0 && !s.empty() && s.size() > 1 && text::is_alpha(s[0]) && (s[1] == '.' || s[1] == ')'))
    i = 1;
  if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') && i + 1 < s.size() &&
      s[i + 1] == ' ') {
    s.remove_prefix(i + 1);
    strip_decoration();
  }
  return text::collapse_spaces(s);
}

// "Pasal 6A" at `at` in `s` (arabic number, optional capital letters); empty when none.
std::string article_label_at(std::string_view s, std::size_t at) {
  constexpr std::string_view kPasal = "Pasal ";
  if (at + kPasal.size() >= s.size() || !text::istarts_with(s.substr(at), kPasal)) return "";
  std::size_t end = at + kPasal.size();
  const std::size_t digits = end;
  while (end < s.size() && text::is_digit(s[end])) ++end;
  if (end == digits) return "";
  while (end < s.size() && s[end] >= 'A' && s[end] <= 'Z') ++end;
  if (end < s.size() && text::is_alnum(s[end])) return "";
  return "Pasal " + std::string(s.substr(digits, end - digits));
}

// Every article label in `s`, in order, from `from`.
std::vector<std::string> article_labels(std::string_view s, std::size_t from = 0) {
  std::vector<std::string> out;
  for (std::size_t at = text::ifind(s, "Pasal ", from); at != std::string::npos;
       at = text::ifind(s, "Pasal ", at + 1)) {
    std::string label = article_label_at(s, at);
    if (!label.empty()) out.push_back(std::move(label));
  }
  return out;
}

// The label when the whole (plain) line is an article heading: "Pasal 6A".
std::string article_heading(std::string_view plain_line) {
  const std::string label = article_label_at(plain_line, 0);
  return label.size() == plain_line.size() ? label : "";
}

// "Pasal I", "Pasal II": the articles of an amending regulation.
bool roman_article(std::string_view plain_line) {
  if (!text::istarts_with(plain_line, "Pasal ")) return false;
  const std::string_view rest = plain_line.substr(6);
  return !rest.empty() && rest.size() <= 6 && text::roman_to_int(rest).has_value() &&
         std::all_of(rest.begin(), rest.end(),
                     [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

bool contains(std::string_view s, std::string_view needle) {
  return text::ifind(s, needle) != std::string::npos;
}

// Reads one line as an instruction of Pasal I; nullopt when it is none.
std::optional<AmendmentStep> instruction(const std::string& p, int line) {
  AmendmentStep step;
  step.instruction = p;
  step.line = line;
  const bool annex = contains(p, "lampiran");
  // "... sehingga Pasal 5 berbunyi sebagai berikut:": the article restated, whatever changed in it.
  if (const std::size_t at = text::ifind(p, "sehingga Pasal "); at != std::string::npos) {
    step.kind = AmendmentKind::Replace;
    step.article = article_label_at(p, at + 9);
    if (!step.article.empty()) return step;
  }
  const auto labels = article_labels(p);
  if (text::istarts_with(p, "Di antara ") && contains(p, "disisipkan")) {
    const bool articles = contains(p, "pasal, yakni") || contains(p, "pasal yakni") ||
                          contains(p, "pasal, yaitu") || contains(p, "pasal yaitu");
    if (articles && !text::istarts_with(p, "Di antara BAB") && !labels.empty()) {
      step.kind = AmendmentKind::Insert;
      step.article = labels.front();
      return step;
    }
    step.kind = AmendmentKind::NotApplied;
    return step;
  }
  const bool provision_only =
      contains(p, "ayat (") || contains(p, "huruf ") || contains(p, "angka ");
  if (contains(p, "dihapus") && !contains(p, "diubah") && !labels.empty() && !annex &&
      (text::istarts_with(p, "Pasal ") || text::istarts_with(p, "Ketentuan Pasal "))) {
    step.kind = provision_only ? AmendmentKind::NotApplied : AmendmentKind::Delete;
    step.article = labels.front();
    return step;
  }
  if (text::istarts_with(p, "Ketentuan ") && contains(p, "diubah")) {
    if (annex || labels.empty()) {
      step.kind = AmendmentKind::NotApplied;
      return step;
    }
    step.kind = AmendmentKind::Replace;
    step.article = labels.back();
    return step;
  }
  if (annex &&
      (text::istarts_with(p, "Lampiran") || contains(p, "diubah") || contains(p, "diganti")) &&
      !text::istarts_with(p, "Beberapa ")) {
    step.kind = AmendmentKind::NotApplied;
    return step;
  }
  return std::nullopt;
}

int amendment_ordinal(std::string_view title) {
  // "Perubahan atas" or "Perubahan Kedua atas".
  const std::string_view rest = text::trim(title.substr(std::string_view("Perubahan").size()));
  if (text::istarts_with(rest, "atas ")) return 1;
  const std::size_t space = rest.find(' ');
  return text::ordinal_word_value(rest.substr(0, space)).value_or(1);
}

std::string trimmed_block(const std::vector<std::string_view>& lines, std::size_t first,
                          std::size_t end) {
  while (first < end && text::trim(lines[first]).empty()) ++first;
  while (end > first && text::trim(lines[end - 1]).empty()) --end;
  std::string out;
  for (std::size_t i = first; i < end; ++i) {
    out.append(lines[i]);
    out += '\n';
  }
  return out;
}

// The plain lines of the amending articles: after "Pasal I" up to "Pasal II", or, when the text
// has no such article, after MEMUTUSKAN up to "Ditetapkan di".
std::pair<std::size_t, std::size_t> instructions_range(
    const std::vector<std::string>& plain_lines) {
  std::size_t begin = 0;
  std::size_t end = plain_lines.size();
  bool in_first = false;
  for (std::size_t i = 0; i < plain_lines.size(); ++i) {
    const std::string& p = plain_lines[i];
    if (!in_first && text::iequals(p, "Pasal I")) {
      begin = i + 1;
      in_first = true;
    } else if (in_first && roman_article(p)) {
      return {begin, i};
    } else if (!in_first && begin == 0 && text::istarts_with(p, "MEMUTUSKAN")) {
      begin = i + 1;
    } else if (text::istarts_with(p, "Ditetapkan di")) {
      end = i;
      if (in_first || begin > 0) break;
    }
  }
  return {begin, std::max(begin, end)};
}

}  // namespace

std::optional<Amendment> read_amendment(std::string_view title, std::string_view text) {
  const std::string t = text::collapse_spaces(text::trim(title));
  if (!text::istarts_with(t, "Perubahan ")) return std::nullopt;
  const std::size_t atas = text::ifind(t, " atas ");
  if (atas > 40) return std::nullopt;  // not "Perubahan [Kedua] atas" (npos included)
  const auto cited = find_citations(std::string_view(t).substr(atas + 6), 0);
  if (cited.empty() || cited.front().begin != 0) return std::nullopt;
  Amendment a;
  a.target = cited.front().citation;
  a.ordinal = amendment_ordinal(t);

  const auto lines = lines_of(text);
  std::vector<std::string> plain_lines;
  plain_lines.reserve(lines.size());
  for (const auto l : lines) plain_lines.push_back(plain(l));
  const auto [begin, end] = instructions_range(plain_lines);
  std::vector<std::size_t> at;  // the line index of each step
  for (std::size_t i = begin; i < end; ++i) {
    auto step = instruction(plain_lines[i], static_cast<int>(i) + 1);
    if (!step) continue;
    a.steps.push_back(std::move(*step));
    at.push_back(i);
  }
  for (std::size_t k = 0; k < a.steps.size(); ++k) {
    AmendmentStep& step = a.steps[k];
    if (step.kind != AmendmentKind::Replace && step.kind != AmendmentKind::Insert) continue;
    const std::size_t first = at[k] + 1;
    const std::size_t last = k + 1 < at.size() ? at[k + 1] : end;
    for (std::size_t i = first; i < last; ++i) {
      std::string label = article_heading(plain_lines[i]);
      if (!label.empty()) step.new_articles.push_back(std::move(label));
    }
    step.block = trimmed_block(lines, first, last);
    const bool restated = std::find(step.new_articles.begin(), step.new_articles.end(),
                                    step.article) != step.new_articles.end();
    if ((step.kind == AmendmentKind::Replace && !restated) || step.new_articles.empty())
      step.kind = AmendmentKind::NotApplied;  // the article's new words are not there
  }
  return a;
}

std::vector<ArticleLines> article_lines(const Document& doc) {
  std::vector<ArticleLines> out;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (n.kind == NodeKind::Article)
      out.push_back({"Pasal " + n.label, n.span.first_line, n.span.last_line});
  });
  return out;
}

Consolidation consolidate(std::string_view base_text,
                          const std::vector<ArticleLines>& base_articles,
                          const Amendment& amendment) {
  Consolidation out;
  const auto lines = lines_of(base_text);
  std::map<std::string, const ArticleLines*> by_label;
  for (const auto& a : base_articles) by_label.emplace(a.label, &a);
  // What replaces an article's lines (by its first line), and what follows its last line.
  std::map<int, std::pair<int, std::string>> replaced;  // first line -> (last line, new text)
  std::map<int, std::string> inserted_after;            // last line -> text
  for (const auto& step : amendment.steps) {
    const auto it = by_label.find(step.article);
    if (step.kind == AmendmentKind::NotApplied) {
      out.not_applied.push_back("Tidak diterapkan (bukan perubahan pasal yang dapat dibaca): " +
                                step.instruction);
      continue;
    }
    if (it == by_label.end()) {
      out.not_applied.push_back(step.article +
                                " tidak ada dalam peraturan yang diubah: " + step.instruction);
      continue;
    }
    const ArticleLines& a = *it->second;
    switch (step.kind) {
      case AmendmentKind::Replace:
        replaced[a.first_line] = {a.last_line, step.block};
        out.applied.push_back(step.article + " diubah.");
        break;
      case AmendmentKind::Delete:
        replaced[a.first_line] = {a.last_line, step.article + "\n\nDihapus.\n"};
        out.applied.push_back(step.article + " dihapus.");
        break;
      case AmendmentKind::Insert: {
        inserted_after[a.last_line] += "\n" + step.block;
        std::string names;
        for (const auto& n : step.new_articles) names += (names.empty() ? "" : ", ") + n;
        out.applied.push_back(names + " disisipkan sesudah " + step.article + ".");
        break;
      }
      case AmendmentKind::NotApplied:
        break;
    }
  }
  for (int n = 1; n <= static_cast<int>(lines.size()); ++n) {
    if (const auto r = replaced.find(n); r != replaced.end() && r->second.first >= n) {
      out.text += r->second.second;
      const int last = std::min(r->second.first, static_cast<int>(lines.size()));
      for (int k = n; k <= last; ++k)
        if (const auto ins = inserted_after.find(k); ins != inserted_after.end())
          out.text += ins->second;
      n = last;
      continue;
    }
    out.text.append(lines[static_cast<std::size_t>(n - 1)]);
    out.text += '\n';
    if (const auto ins = inserted_after.find(n); ins != inserted_after.end())
      out.text += ins->second;
  }
  return out;
}

}  // namespace tatakerja::regulation
