// Position titles above and below IKI tables. A title is written with capitals (or in capitals):
// every word capitalised but the conjunctions, so that a sentence about a position ("Kepala Seksi
// wajib melapor, ...") names none.
#include "regulation/iki_titles.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/text.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

// The words a position's title starts with.
bool opens_title(std::string_view s) {
  for (std::string_view w :
       {"kepala ", "sekretaris", "camat", "lurah", "inspektur", "asisten ", "staf ahli "})
    if (text::istarts_with(s, w)) return true;
  return false;
}

// "Kepala Seksi Kelahiran", "KEPALA BIDANG PELAYANAN DAN PENGADUAN": at most 14 words, each
// capitalised or a conjunction; "Kepala" alone is no title.
bool reads_as_title(std::string_view s) {
  if (!opens_title(s)) return false;
  const auto words = text::split(s, ' ');
  if (words.size() > 14 || (words.size() < 2 && text::istarts_with(s, "kepala"))) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return w.empty() || (w[0] >= 'A' && w[0] <= 'Z') || w == "dan" || w == "serta" || w == "atau" ||
           w == "dan/atau" || w == "pada" || w == "di";
  });
}

// Drops what opens a title line: "INDIKATOR KINERJA INDIVIDU (IKI)", "IKI", "JABATAN", "NAMA
// JABATAN", a colon.
std::string_view after_title_words(std::string_view s) {
  for (bool dropped = true; dropped;) {
    dropped = false;
    s = text::trim(s);
    for (std::string_view w :
         {"indikator kinerja individu", "(iki)", "iki ", "nama jabatan", "jabatan", ":", "-"}) {
      if (text::istarts_with(s, w)) {
        s.remove_prefix(w.size());
        dropped = true;
      }
    }
  }
  return s;
}

// Drops what marks a signing for another: "Plt. KEPALA BIDANG X" is the title "KEPALA BIDANG X".
std::string_view after_acting(std::string_view s) {
  s = text::trim(s);
  for (std::string_view w : {"plt.", "plh.", "pj.", "a.n.", "an."})
    if (text::istarts_with(s, w)) return text::trim(s.substr(w.size()));
  return s;
}

// The end of a date "10 Januari 2024" in `s` (the position after its year), or npos.
std::size_t after_date(std::string_view s) {
  const auto words = text::split(s, ' ');
  std::size_t pos = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string_view year = text::trim(words[i + 1]);
    pos += words[i].size() + 1;
    if (month_from_name(words[i]) == 0 || year.size() < 4) continue;
    if (!std::all_of(year.begin(), year.begin() + 4, text::is_digit)) continue;
    return pos + 4;
  }
  return std::string_view::npos;
}

}  // namespace

std::string position_in_title_line(std::string_view line) {
  const std::string title = text::collapse_spaces(after_acting(after_title_words(line)));
  if (title.empty() || title.back() == ',' || !reads_as_title(title)) return {};
  return text::strip_item_end(title);
}

std::string position_in_signature(std::string_view text) {
  std::string s = text::collapse_spaces(text);
  if (const std::size_t date = after_date(s); date != std::string_view::npos) {
    std::string_view rest = std::string_view(s).substr(date);
    while (!rest.empty() && (rest.front() == ',' || rest.front() == '.' || rest.front() == ' '))
      rest.remove_prefix(1);
    s = std::string(rest);
  }
  s = std::string(after_acting(s));
  const std::size_t comma = s.find(',');
  if (comma == std::string::npos) return {};
  s.resize(comma);
  return reads_as_title(s) ? s : std::string();
}

}  // namespace tatakerja::regulation
