// Reads a regulation text in four passes:
//   1. clean the lines (lines.cpp) and repair OCR layouts (layout_repair.cpp);
//   2. find the landmarks that divide the text: Menimbang, Mengingat, MEMUTUSKAN, the first BAB or
//      Pasal (or KESATU in a decree), "Ditetapkan di", and each LAMPIRAN;
//   3. read the heading, closing and annex headers field by field;
//   4. build the trees of the preamble lists, the body and each annex (tree_builder.cpp).
#include "regulation/parser.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "regulation/heading_fields.hpp"
#include "regulation/lines.hpp"
#include "regulation/marker.hpp"
#include "regulation/tree_builder.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Landmarks {
  std::size_t considerations = npos;  // Menimbang
  std::size_t bases = npos;           // Mengingat
  std::size_t decision = npos;        // MEMUTUSKAN
  std::size_t enactment = npos;       // Menetapkan
  std::size_t body = npos;
  std::size_t closing = npos;  // Ditetapkan di
  std::vector<std::size_t> annexes;
};

bool is_annex_start(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || (s.front() != 'L' && s.front() != 'l')) return false;  // most lines
  // The words split at each space (as text::split gives them), read as views: the first, and
  // the second and how many there are only for a title-case "Lampiran".
  const std::size_t space = s.find(' ');
  const std::string_view w0 = s.substr(0, space);
  if (w0 == "LAMPIRAN" || w0 == "LAMPIRAN:") return true;
  // "Lampiran I :" written in title case, alone on its line.
  if (!text::iequals(w0, "Lampiran") || space == std::string_view::npos) return false;
  const std::string_view after = s.substr(space + 1);
  const std::size_t second_space = after.find(' ');
  if (second_space != std::string_view::npos &&
      after.find(' ', second_space + 1) != std::string_view::npos)
    return false;  // four words or more
  const std::string_view w1 = after.substr(0, second_space);
  return text::roman_to_int(text::trim(w1).substr(0, w1.find(':'))).has_value();
}

Landmarks find_landmarks(const std::vector<Line>& lines) {
  Landmarks m;
  const std::size_t n = lines.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& s = lines[i].text;
    if (s.empty()) continue;
    // The preamble's keywords all start with an M, the closing's with a D: most lines are told by
    // their first letter.
    const char initial = keyword_initial(s);
    const bool m_word = initial == 'm';
    if (m_word && m.considerations == npos && m.body == npos &&
        starts_with_keyword(s, "Menimbang")) {
      m.considerations = i;
    } else if (m_word && m.bases == npos && m.body == npos && starts_with_keyword(s, "Mengingat")) {
      m.bases = i;
    } else if (m_word && m.decision == npos && m.body == npos &&
               starts_with_keyword(s, "MEMUTUSKAN")) {
      m.decision = i;
    } else if (m_word && m.enactment == npos && m.body == npos && m.decision != npos &&
               starts_with_keyword(s, "Menetapkan")) {
      m.enactment = i;
    } else if (m.body == npos) {
      // line_marker(s), asked only what starts a body: a BAB, a Pasal or a dictum. A dictum's
      // line starts with "KE" (KESATU, KEDUA): the item markers of other lines are not read.
      // (structural_marker reads a line that starts with a B or a P only, as its initial tells.)
      bool structural = false, dictum = false;
      if (const auto sm = initial == 'b' || initial == 'p' ? structural_marker(s) : std::nullopt) {
        structural = sm->kind == NodeKind::Chapter || sm->kind == NodeKind::Article;
      } else if (initial == 'k' && text::trim(s).starts_with("KE")) {
        const auto im = item_marker(s);
        dictum = im && im->kind == NodeKind::Dictum;
      }
      const bool after_preamble = m.decision != npos || m.bases != npos || m.considerations != npos;
      if ((structural && (after_preamble || m.decision == npos)) || (dictum && after_preamble)) {
        m.body = i;
      }
    } else if (m.closing == npos && initial == 'd' && starts_with_keyword(s, "Ditetapkan")) {
      m.closing = i;
    } else if (m.closing != npos && initial == 'l' && is_annex_start(s)) {
      // (An annex's line starts with an L, the trimmed line's first letter keyword_initial read.)
      m.annexes.push_back(i);
    }
  }
  if (m.closing == npos) {
    // No "Ditetapkan": annexes may still follow the body.
    for (std::size_t i = (m.body == npos ? 0 : m.body); i < n; ++i)
      if (is_annex_start(lines[i].text)) m.annexes.push_back(i);
  }
  return m;
}

std::string strip_keyword(std::string_view s) {
  // "Menimbang : bahwa ..." -> "bahwa ..."
  std::size_t i = 0;
  while (i < s.size() && text::is_alpha(s[i])) ++i;
  std::string_view rest = text::trim(s.substr(i));
  if (!rest.empty() && rest[0] == ':') rest = text::trim(rest.substr(1));
  return std::string(rest);
}

// A name as signatures print it: more capitals than small letters ("Hj. ANA MARIANA.S.T.M.M.").
bool mostly_upper(std::string_view s) {
  int upper = 0, lower = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper > 2 * lower;
}

bool is_official_line(std::string_view s) {
  for (std::string_view w : {"GUBERNUR", "BUPATI", "WALI KOTA", "WALIKOTA", "KEPALA", "PJ.", "PLT.",
                             "PLH.", "P.J.", "SEKRETARIS"})
    if (text::istarts_with(s, w)) return true;
  return false;
}

// "KEPALA BADAN PENGELOLA PERBATASAN DAERAH" repeats the issuer "Kepala Badan Pengelola Perbatasan
// Daerah Kapuas Hulu": the line a decree's heading ends with.
bool repeats_issuer(std::string_view line, std::string_view issuer) {
  std::string l = text::name_key(line);
  const std::string i = text::name_key(issuer);
  return !l.empty() && !i.empty() && i.rfind(l, 0) == 0;
}

void read_heading(const std::vector<Line>& lines, std::size_t end, Heading& h,
                  std::vector<Finding>& findings) {
  // The heading's text is made at its full length at once (no string grown line by line).
  constexpr std::size_t kHeadingText = 4096;
  std::size_t text_size = 0;
  for (std::size_t i = 0; i < end && text_size < kHeadingText; ++i)
    if (!lines[i].text.empty()) text_size += (text_size == 0 ? 0 : 1) + lines[i].text.size();
  h.text.reserve(std::min(text_size, kHeadingText));
  std::size_t kind_line = npos;
  for (std::size_t i = 0; i < end; ++i) {
    const std::string& s = lines[i].text;
    if (s.empty()) continue;
    h.span.extend(lines[i].number);
    if (h.text.size() < kHeadingText) {
      if (!h.text.empty()) h.text += ' ';
      h.text.append(s, 0, kHeadingText - h.text.size());
    }
    if (kind_line == npos) {
      if (auto k = read_kind_line(s)) {
        kind_line = i;
        h.kind = k->kind;
        h.region = k->region;
        h.kind_line = lines[i].number;
        if (!k->issuer.empty()) h.issuer = k->issuer;
        if (auto p = text::ifind_word(s, "NOMOR"); p != std::string::npos) {
          if (auto ny = read_number_line(std::string_view(s).substr(p))) {
            h.number = ny->number;
            h.number_raw = ny->raw;
            h.year = ny->year;
            h.number_line = lines[i].number;
            if (text::istarts_with(ny->rest, "TENTANG"))
              h.title = std::string(text::trim(std::string_view(ny->rest).substr(7)));
          }
        }
        continue;
      }
      if (h.issuer.empty() && is_official_line(s) && text::is_upper_text(s)) h.issuer = s;
      continue;
    }
    if (h.number_line == 0) {
      if (auto ny = read_number_line(s)) {
        h.number = ny->number;
        h.number_raw = ny->raw;
        h.year = ny->year;
        h.number_line = lines[i].number;
        if (text::istarts_with(ny->rest, "TENTANG"))
          h.title = std::string(text::trim(std::string_view(ny->rest).substr(7)));
        continue;
      }
    }
    if (text::istarts_with(s, "TENTANG")) {
      h.title = std::string(text::trim(std::string_view(s).substr(7)));
      if (!h.title.empty() && h.title[0] == ':')
        h.title = std::string(text::trim(h.title.substr(1)));
      // The title runs to "DENGAN RAHMAT", the repeated issuer, or the preamble.
      for (std::size_t j = i + 1; j < end; ++j) {
        const std::string& t = lines[j].text;
        if (t.empty()) continue;
        if (text::istarts_with(t, "DENGAN RAHMAT")) break;
        if (is_official_line(t) && repeats_issuer(t, h.issuer)) break;
        if (!h.title.empty()) h.title.push_back(' ');
        h.title += t;
        h.span.extend(lines[j].number);
      }
      break;
    }
  }
  h.title = text::collapse_spaces(h.title);
  while (!h.title.empty() && (h.title.back() == ',' || h.title.back() == '.')) h.title.pop_back();
  if (h.issuer.empty() && !h.kind.empty()) h.issuer = text::to_upper(h.kind);
  if (h.region.empty()) {
    // Decrees name their region in the letterhead ("PEMERINTAH KABUPATEN KAPUAS HULU") or title.
    for (std::size_t i = 0; i < end && h.region.empty(); ++i)
      if (text::istarts_with(lines[i].text, "PEMERINTAH ")) h.region = find_region(lines[i].text);
    if (h.region.empty()) h.region = find_region(h.title);
  }
  if (h.kind.empty())
    findings.push_back({"HEADING_UNREADABLE", Severity::Error, lines.empty() ? 0 : 1,
                        "Jenis peraturan pada kepala naskah tidak dapat dibaca."});
  if (h.number_line == 0 && !h.kind.empty())
    findings.push_back({"NUMBER_MISSING", Severity::Warning, h.kind_line,
                        "Nomor dan tahun peraturan tidak ditemukan pada kepala naskah."});
}

// What follows a closing keyword: "Ditetapkan di Kupang" -> "Kupang". The keyword's first word was
// recognised by starts_with_keyword, perhaps despite an OCR slip, so it is skipped as the run of
// letters it is in the text, not by the keyword's length; later words only when they are there
// (as written, or as an OCR slip of the same length and first letter: "dl" for "di"). Every cut
// falls after an ASCII letter or space, never inside a UTF-8 character.
std::string after_keyword(std::string_view line, std::string_view keyword) {
  std::string_view rest = text::trim(line);
  bool first = true;
  // The keyword's words, split at each space as text::split splits them (read in place).
  for (std::string_view words = keyword;;) {
    const std::size_t space = words.find(' ');
    const std::string_view word = words.substr(0, space);
    std::size_t i = 0;
    while (i < rest.size() && text::is_alpha(rest[i])) ++i;
    const bool same_shape = i == word.size() && text::iequals(rest.substr(0, 1), word.substr(0, 1));
    if (i == 0 || (!first && !same_shape)) break;
    rest = text::trim(rest.substr(i));
    first = false;
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  if (!rest.empty() && rest[0] == ':') rest = text::trim(rest.substr(1));
  return std::string(rest);
}

void read_closing(const std::vector<Line>& lines, std::size_t begin, std::size_t end, Closing& c) {
  enum class Stage { Enacted, Promulgated } stage = Stage::Enacted;
  bool want_title = false, want_name = false;
  bool skipping = false;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& s = lines[i].text;
    if (s.empty()) {
      skipping = false;
      continue;
    }
    if (text::istarts_with(s, "PARAF") || text::istarts_with(s, "Tembusan")) skipping = true;
    if (skipping) continue;
    c.span.extend(lines[i].number);
    if (starts_with_keyword(s, "Ditetapkan")) {
      stage = Stage::Enacted;
      c.place = after_keyword(s, "Ditetapkan di");
      continue;
    }
    if (starts_with_keyword(s, "Diundangkan")) {
      stage = Stage::Promulgated;
      c.promulgation_place = after_keyword(s, "Diundangkan di");
      continue;
    }
    if (text::istarts_with(s, "pada tanggal")) {
      std::string d = after_keyword(s, "pada tanggal");
      if (stage == Stage::Enacted && c.date_line == 0) {
        c.date = d;
        c.date_line = lines[i].number;
        want_title = true;
      } else if (stage == Stage::Promulgated && c.promulgation_date_line == 0) {
        c.promulgation_date = d;
        c.promulgation_date_line = lines[i].number;
      }
      continue;
    }
    if (text::istarts_with(s, "BERITA DAERAH") || text::istarts_with(s, "LEMBARAN DAERAH")) {
      c.gazette = s;
      c.gazette_line = lines[i].number;
      continue;
    }
    if (stage != Stage::Enacted) continue;
    if (want_title) {
      if (!c.signatory_title.empty()) c.signatory_title += ' ';
      c.signatory_title += s;
      if (s.back() == ',') {
        c.signatory_title.pop_back();
        want_title = false;
        want_name = true;
      }
      continue;
    }
    if (want_name) {
      if (text::iequals(s, "dto") || text::iequals(s, "ttd") || text::istarts_with(s, "NIP") ||
          !mostly_upper(s))
        continue;
      c.signatory_name = s;
      want_name = false;
    }
  }
}

void read_annex(std::vector<Line>& lines, std::size_t begin, std::size_t end, Annex& a,
                std::vector<Finding>& findings) {
  a.span.extend(lines[begin].number);
  const std::string& first = lines[begin].text;
  {
    // "LAMPIRAN II : PERATURAN ..." / "LAMPIRAN I PERATURAN ..." / "LAMPIRAN"
    std::string_view rest = text::trim(std::string_view(first).substr(8));
    {
      const std::string_view word = rest.substr(0, rest.find(' '));  // the first word, if any
      std::string_view w = word;
      while (!w.empty() && (w.back() == ':' || w.back() == '.')) w.remove_suffix(1);
      if (auto v = text::roman_to_int(w)) {
        a.label = text::to_upper(w);
        a.ordinal = *v;
        rest = text::trim(rest.substr(word.size()));
      }
    }
    if (!rest.empty() && rest[0] == ':') rest = text::trim(rest.substr(1));
    if (read_kind_line(rest)) a.kind_line = std::string(rest);
  }
  // Header fields, possibly separated by blank lines; the TENTANG title may run over lines.
  std::size_t i = begin + 1;
  bool in_title = false;
  for (; i < end; ++i) {
    const std::string& s = lines[i].text;
    if (s.empty()) {
      if (in_title) {
        ++i;
        break;
      }
      continue;
    }
    auto field_value = [&](std::string_view kw) {
      std::string_view r = text::trim(std::string_view(s).substr(kw.size()));
      if (!r.empty() && r[0] == ':') r = text::trim(r.substr(1));
      return std::string(r);
    };
    if (a.kind_line.empty() && read_kind_line(s)) {
      a.kind_line = s;
    } else if (a.number_line == 0 && text::istarts_with(s, "NOMOR")) {
      if (auto ny = read_number_line(s)) {
        a.number = ny->number;
        a.year = ny->year;
        a.number_line = lines[i].number;
        if (text::istarts_with(ny->rest, "TENTANG")) {
          a.title = std::string(text::trim(std::string_view(ny->rest).substr(7)));
          if (!a.title.empty() && a.title[0] == ':')
            a.title = text::collapse_spaces(a.title.substr(1));
          a.title_line = lines[i].number;
          in_title = true;
        }
      }
    } else if (a.date_line == 0 && text::istarts_with(s, "TANGGAL")) {
      a.date = field_value("TANGGAL");
      a.date_line = lines[i].number;
    } else if (a.title_line == 0 && text::istarts_with(s, "TENTANG")) {
      a.title = field_value("TENTANG");
      a.title_line = lines[i].number;
      in_title = true;
    } else if (in_title && text::is_upper_text(s)) {
      a.title += ' ';
      a.title += s;
    } else {
      break;
    }
    a.span.extend(lines[i].number);
  }
  a.title = text::collapse_spaces(a.title);
  a.content.kind = NodeKind::Root;
  TreeBuilder builder(a.content, TreeBuilder::Mode::Annex, findings);
  // Lines after the header are read by nothing else: the builder takes their text.
  for (; i < end; ++i) {
    if (!lines[i].text.empty()) a.span.extend(lines[i].number);
    builder.take(std::move(lines[i]));
  }
}

// The lines of a preamble list are copied, not taken: in a text without a body the list runs to
// the text's end, over the closing and the annexes, which are read from the same lines after it.
void build_list(const std::vector<Line>& lines, std::size_t begin, std::size_t end, Node& root,
                std::vector<Finding>& findings) {
  root.kind = NodeKind::Root;
  if (begin == npos || begin >= end) return;
  TreeBuilder builder(root, TreeBuilder::Mode::List, findings);
  root.span.extend(lines[begin].number);
  builder.add_text(strip_keyword(lines[begin].text), lines[begin].number);
  for (std::size_t i = begin + 1; i < end; ++i) builder.add(lines[i]);
}

}  // namespace

Document parse_document(std::string_view utf8_text) {
  Document doc;
  std::vector<Line> lines = clean_lines(utf8_text, doc.findings);
  doc.line_count = lines.empty() ? 0 : lines.back().number;
  const Landmarks m = find_landmarks(lines);
  const std::size_t n = lines.size();

  std::size_t heading_end = std::min({m.considerations, m.bases, m.decision, m.body, n});
  read_heading(lines, heading_end, doc.heading, doc.findings);

  const std::size_t preamble_end = std::min({m.decision, m.enactment, m.body, n});
  if (m.considerations != npos)
    build_list(lines, m.considerations, std::min(m.bases, preamble_end), doc.considerations,
               doc.findings);
  if (m.bases != npos) build_list(lines, m.bases, preamble_end, doc.bases, doc.findings);
  if (m.enactment != npos) {
    std::string e = strip_keyword(lines[m.enactment].text);
    for (std::size_t i = m.enactment + 1; i < std::min(m.body, n); ++i)
      if (!lines[i].text.empty()) {
        e += ' ';
        e += lines[i].text;
      }
    doc.enactment = text::collapse_spaces(e);
  }

  const std::size_t first_annex = m.annexes.empty() ? n : m.annexes.front();
  const std::size_t body_end = std::min({m.closing, first_annex, n});
  doc.body.kind = NodeKind::Root;
  if (m.body != npos) {
    TreeBuilder builder(doc.body, TreeBuilder::Mode::Body, doc.findings);
    // The closing and the annexes start after the body: nothing reads its lines again.
    for (std::size_t i = m.body; i < body_end; ++i) builder.take(std::move(lines[i]));
  } else {
    doc.findings.push_back({"BODY_MISSING", Severity::Error, 0,
                            "Batang tubuh (BAB, Pasal atau diktum) tidak ditemukan."});
  }
  if (m.closing != npos) read_closing(lines, m.closing, first_annex, doc.closing);
  doc.annexes.reserve(m.annexes.size());
  for (std::size_t k = 0; k < m.annexes.size(); ++k) {
    Annex a;
    read_annex(lines, m.annexes[k], k + 1 < m.annexes.size() ? m.annexes[k + 1] : n, a,
               doc.findings);
    doc.annexes.push_back(std::move(a));
  }
  return doc;
}

}  // namespace tatakerja::regulation
