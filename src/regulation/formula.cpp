#include "regulation/formula.hpp"

#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

// The content of the brace group starting at `open` ('{'), and the position after it.
bool brace_group(std::string_view s, std::size_t open, std::string& out, std::size_t& end) {
  if (open >= s.size() || s[open] != '{') return false;
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) {
      out = std::string(s.substr(open + 1, i - open - 1));
      end = i + 1;
      return true;
    }
  }
  return false;
}

// Removes LaTeX commands (\text{...} keeps its content) and parentheses around a whole operand.
std::string plain(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      std::size_t j = i + 1;
      while (j < s.size() && text::is_alpha(s[j])) ++j;
      i = j - 1;
      continue;
    }
    if (s[i] == '{' || s[i] == '}' || s[i] == '$') continue;
    out.push_back(s[i]);
  }
  std::string r = text::collapse_spaces(out);
  while (r.size() >= 2 && r.front() == '(' && r.back() == ')')
    r = std::string(text::trim(r.substr(1, r.size() - 2)));
  return r;
}

bool times_hundred(std::string_view s) {
  const std::size_t p = s.find("100");
  if (p == std::string_view::npos) return false;
  const std::string before = text::to_lower(s.substr(0, p));
  return before.find("times") != std::string::npos || before.find('x') != std::string::npos ||
         before.find("\xC3\x97") != std::string::npos || before.find('*') != std::string::npos;
}

}  // namespace

Formula read_formula(std::string_view cell) {
  Formula f;
  const std::string raw = text::collapse_spaces(cell);
  // LaTeX fraction.
  if (const std::size_t frac = raw.find("\\frac"); frac != std::string::npos) {
    std::string num, den;
    std::size_t e1 = 0, e2 = 0;
    if (brace_group(raw, frac + 5, num, e1) && brace_group(raw, e1, den, e2)) {
      f.kind = FormulaKind::Ratio;
      f.numerator = plain(num);
      f.denominator = plain(den);
      f.percent = times_hundred(std::string_view(raw).substr(e2));
      f.text = f.numerator + " / " + f.denominator + (f.percent ? " \xC3\x97 100%" : "");
      return f;
    }
  }
  f.text = plain(raw);
  // Plain ratio: "A / B x 100%" or "A : B x 100%".
  for (std::string_view op : {" / ", " : "}) {
    const std::size_t p = f.text.find(op);
    if (p == std::string::npos || p == 0) continue;
    std::string den = f.text.substr(p + op.size());
    bool percent = false;
    for (std::string_view mul : {" x 100", " X 100", " \xC3\x97 100", " * 100"}) {
      const std::size_t m = den.find(mul);
      if (m != std::string::npos) {
        den.resize(m);
        percent = true;
      }
    }
    if (den.empty()) continue;
    f.kind = FormulaKind::Ratio;
    f.numerator = std::string(text::trim(f.text.substr(0, p)));
    f.denominator = std::string(text::trim(den));
    f.percent = percent;
    return f;
  }
  const std::string lower = text::to_lower(f.text);
  if (lower.rfind("jumlah ", 0) == 0) {
    f.kind = FormulaKind::Count;
    f.counted = text::title_case(text::trim(std::string_view(f.text).substr(7)));
    return f;
  }
  for (std::string_view lead : {"hasil evaluasi ", "predikat ", "nilai evaluasi "}) {
    if (lower.rfind(lead, 0) == 0) {
      f.kind = FormulaKind::Predicate;
      f.evaluation = std::string(text::trim(std::string_view(f.text).substr(lead.size())));
      return f;
    }
  }
  f.kind = FormulaKind::Text;
  return f;
}

}  // namespace tatakerja::regulation
