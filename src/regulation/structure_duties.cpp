// Tasks, functions and duties, from the articles and from an annex's job-description blocks
// (structure_parts.hpp).
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/eselon.hpp"
#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "regulation/node_query.hpp"
#include "structure_parts.hpp"

namespace tatakerja::regulation::structure {
namespace {

// The subject of a sentence on tasks: "Kepala Sub Bagian Keuangan mempunyai tugas: ...",
// "Bidang X sebagaimana dimaksud ... menyelenggarakan fungsi: ...", "Dalam melaksanakan tugas
// sebagaimana dimaksud pada ayat (1), Sekretaris menyelenggarakan fungsi: ...".
bool starts_in_pursuit(std::string_view t) {
  for (std::string_view lead :
       {"Dalam melaksanakan", "Untuk melaksanakan", "Dalam menyelenggarakan", "Dalam menjalankan",
        "Untuk menyelenggarakan", "Untuk menjalankan", "Dalam rangka melaksanakan",
        "Guna melaksanakan"})
    if (text::istarts_with(t, lead)) return true;
  return false;
}

// Where the first of the words that end a sentence's subject after " sebagaimana" stands in `s`,
// ignoring case, or npos: the first of them that task_subject's cuts would find. Every sentence on
// tasks is asked; each word starts with a space, so the spaces of `s` are found sixteen at a time
// and only the words that start with the letter after one are compared. (No word is a prefix of
// another or holds one after a space of its own, so that the first found is where the cuts made
// one after another would end the subject.)
std::size_t subject_end(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kEnds = {
      " mempunyai",     " menyelenggarakan", " bertugas",           " adalah",
      " masing-masing", " dalam memimpin",   " dalam melaksanakan", " dalam menjalankan",
      " dipimpin oleh"};
  const auto ends_at = [&](std::size_t q) {  // s[q] is a space
    if (q + 1 == s.size()) return false;
    const char next = text::detail::ascii_lower(s[q + 1]);
    if (next != 'm' && next != 'b' && next != 'a' && next != 'd') return false;
    const std::string_view rest = s.substr(q);
    return std::any_of(kEnds.begin(), kEnds.end(), [&](std::string_view w) {
      return w[1] == next && text::istarts_with(rest, w);
    });
  };
  std::size_t i = 0;
  for (; i + 16 <= s.size(); i += 16) {
    for (unsigned spaces = text::bits_of(text::sixteen_bytes_at(s.data() + i) == ' '); spaces != 0;
         spaces &= spaces - 1) {
      const std::size_t q = i + static_cast<std::size_t>(std::countr_zero(spaces));
      if (ends_at(q)) return q;
    }
  }
  for (; i < s.size(); ++i)
    if (s[i] == ' ' && ends_at(i)) return i;
  return std::string_view::npos;
}

std::string task_subject(std::string_view t) {
  std::string_view s = t;  // cut in place: the sentence is not copied
  if (starts_in_pursuit(s)) s = after_view(s, ", ");
  for (std::string_view lead : {"uraian tugas ", "rincian tugas ", "setiap ", "masing-masing "})
    if (text::istarts_with(s, lead)) s.remove_prefix(lead.size());
  // "Sub Bagian Umum dipimpin oleh seorang Kepala Sub Bagian ... dan mempunyai rincian tugas:":
  // the unit, whose head the duties are. Every sentence on tasks is cut here: as a view, copied
  // once at the end.
  // Cut at " sebagaimana" (searched from the untrimmed start), then at the first of the other
  // words (" mempunyai", " menyelenggarakan", ... " dipimpin oleh"), found in one pass.
  std::string_view subject = before_view(s, " sebagaimana");
  if (const std::size_t end = subject_end(subject); end != std::string_view::npos)
    subject = text::trim(subject.substr(0, end));
  return text::strip_item_end(subject);
}

// What a sentence says it gives: "mempunyai tugas" (a task), "mempunyai fungsi" or
// "menyelenggarakan fungsi" (functions), "mempunyai / dengan uraian tugas" or "... rincian tugas"
// (duties).
struct DutyWords {
  bool task = false;
  bool functions = false;
  bool duties = false;
};

// Whether the `at` bytes of `t` before `at` end in `word` (ignoring case).
bool preceded_by(std::string_view t, std::size_t at, std::string_view word) {
  return text::iends_with(t.substr(0, at), word);
}

// Calls on_word(at, is_task) for every "tugas" (is_task) and "fungsi" in `t`, case aside, in one
// pass: sixteen starts at a time, the starts whose first and last bytes are a word's (a letter's
// case folded with its 0x20 bit) are compared whole. Every sentence of every article is asked,
// and two searches read it twice.
template <typename OnWord>
void for_each_duty_word(std::string_view t, OnWord&& on_word) {
  constexpr std::string_view kTask = "tugas";
  constexpr std::string_view kFunction = "fungsi";
  const auto visit = [&](std::size_t at, unsigned task_starts, unsigned function_starts) {
    for (; task_starts != 0; task_starts &= task_starts - 1) {
      const std::size_t p = at + static_cast<std::size_t>(std::countr_zero(task_starts));
      if (text::istarts_with(t.substr(p), kTask)) on_word(p, true);
    }
    for (; function_starts != 0; function_starts &= function_starts - 1) {
      const std::size_t p = at + static_cast<std::size_t>(std::countr_zero(function_starts));
      if (text::istarts_with(t.substr(p), kFunction)) on_word(p, false);
    }
  };
  // The sixteen starts from `p`, whose bytes (and the five after them) stand at `bytes`.
  const auto block = [&](std::size_t p, const char* bytes) {
    const text::SixteenBytes first = text::folded(text::sixteen_bytes_at(bytes));
    const text::SixteenBytes task_end =
        text::folded(text::sixteen_bytes_at(bytes + kTask.size() - 1));
    const text::SixteenBytes function_end =
        text::folded(text::sixteen_bytes_at(bytes + kFunction.size() - 1));
    const unsigned task_starts = text::bits_of((first == 't') & (task_end == 's'));
    const unsigned function_starts = text::bits_of((first == 'f') & (function_end == 'i'));
    if ((task_starts | function_starts) != 0) visit(p, task_starts, function_starts);
  };
  // A block of sixteen starts reads up to its last start + 5 (the last byte of "fungsi").
  constexpr std::size_t kReach = 16 + kFunction.size() - 1;
  std::size_t i = 0;
  for (; i + kReach <= t.size(); i += 16) block(i, t.data() + i);
  if (i == t.size()) return;
  // The last starts (fewer than kReach bytes): read in blocks too, from a copy padded with
  // zeros, which match no byte of either word (a start whose word would run past the text is
  // none, and visit compares each start found with the text itself).
  std::array<char, 16 + kReach> tail{};
  std::memcpy(tail.data(), t.data() + i, t.size() - i);
  for (std::size_t k = 0; i + k < t.size(); k += 16) block(i + k, tail.data() + k);
}

// Every sentence of every article is asked. Each phrase ends in "tugas" or "fungsi", so a sentence
// is searched for those two words only, and the words before each found are compared where they
// stand: "mempunyai tugas" holds where a "tugas" follows "mempunyai ".
DutyWords duty_words(std::string_view t) {
  DutyWords w;
  for_each_duty_word(t, [&](std::size_t at, bool is_task) {
    if (!is_task) {
      w.functions = w.functions || preceded_by(t, at, "mempunyai ") ||
                    preceded_by(t, at, "menyelenggarakan ");
      return;
    }
    w.task = w.task || preceded_by(t, at, "mempunyai ");
    for (std::string_view kind : {"uraian ", "rincian "}) {
      if (!preceded_by(t, at, kind)) continue;
      const std::size_t before = at - kind.size();
      w.duties =
          w.duties || preceded_by(t, before, "mempunyai ") || preceded_by(t, before, "dengan ");
    }
  });
  return w;
}

// The position a subject names: by its title, or the head of the unit it names.
Position* position_for(const std::string& subject, Extraction& out, const NameKeys& keys) {
  if (Position* p = position_titled(subject, out, keys)) return p;
  const std::string key = text::name_key(subject);
  for (std::size_t i = 0; i < out.units.size(); ++i) {
    if (keys.units[i] != key) continue;
    for (Position& p : out.positions)
      if (p.unit == out.units[i].id) return &p;
  }
  return nullptr;
}

// The items a sentence on duties gives: its own, or, for "Inspektur mempunyai uraian tugas:" as
// running text, the items that follow it in the article. Made only for a sentence whose subject
// is known: the items' texts are the longest strings the reading makes.
std::vector<std::string> duty_items(const Node& art, const Node& part) {
  auto items = item_texts(part);
  if (items.empty() && part.kind == NodeKind::Text && &part != &art) {
    bool after = false;
    for (const Node& c : art.children) {
      if (&c == &part) {
        after = true;
      } else if (after) {
        if (!is_list_item(c.kind)) break;
        items.push_back(item_text(c));
      }
    }
  }
  return items;
}

}  // namespace

// Tugas pokok, fungsi and uraian tugas written in the articles (as in Peraturan Wali Kota Batam),
// for a position or for the unit it heads.
void read_duties_in_articles(const Document& doc, Extraction& out, const NameKeys& keys,
                             const std::vector<const Node*>* led) {
  // Whether a part's text holds "dipimpin oleh ": looked up among the nodes found to, when known.
  static const PhraseFinder led_by("dipimpin oleh ");
  const auto holds_led_by = [&](const Node* part) {
    return led ? std::binary_search(led->begin(), led->end(), part)
               : led_by.find(part->text) != std::string::npos;
  };
  for (const Node* art : articles(doc)) {
    Position* who = nullptr;
    // One part of the article: its own sentence or one of its ayat.
    const auto read_part = [&](const Node* part) {
      const std::string& t = part->text;
      if (!who && holds_led_by(part)) {
        std::string_view said = after_view(t, "dipimpin oleh seorang ");
        if (said.empty()) said = after_view(t, "dipimpin oleh ");
        const std::string title = before(text::strip_item_end(said), " yang ");
        if (!title.empty() && text::ifind(t, "bertanggung jawab kepada") == std::string::npos)
          who = position_titled(title, out, keys);
      }
      const DutyWords said = duty_words(t);
      const bool task = said.task;
      const bool functions = said.functions;
      const bool duties =
          said.duties ||
          ((text::istarts_with(t, "Uraian tugas ") || text::istarts_with(t, "Rincian tugas ")) &&
           !part->children.empty());
      if (!task && !functions && !duties) return;
      const std::string named = task_subject(t);
      std::vector<Position*> subjects;
      if (Position* p = position_for(named, out, keys)) subjects.push_back(p);
      // "Setiap Inspektur Pembantu mempunyai uraian tugas": each position of that title.
      if (subjects.empty()) subjects = positions_named(named, out, keys);
      if (subjects.empty() && !starts_in_pursuit(t) && who) subjects.push_back(who);
      if (subjects.empty()) {
        if (!out.agency) return;  // no one to give the items to
        // The agency's own tasks: "Badan sebagaimana dimaksud ... mempunyai tugas ...", which
        // are its head's job description too.
        const bool agency =
            text::iequals(named, out.agency->short_name) || text::iequals(named, out.agency->name);
        if (agency || (starts_in_pursuit(t) && named.empty())) {
          const auto items = duty_items(*art, *part);
          if (task && !duties && text::istarts_with(t, out.agency->short_name))
            out.agency->tasks = text::strip_item_end(after(t, "mempunyai tugas "));
          if (text::ifind(t, "menyelenggarakan fungsi") != std::string::npos)
            out.agency->functions = items;
          if (agency && !out.positions.empty() && out.positions.front().functions.empty() &&
              functions)
            out.positions.front().functions = items;
        }
        return;
      }
      auto items = duty_items(*art, *part);
      for (std::size_t k = 0; k < subjects.size(); ++k) {
        Position* subject = subjects[k];
        // The items are copied for all subjects but the last, which takes them.
        const auto give = [&] { return k + 1 == subjects.size() ? std::move(items) : items; };
        subject->duties_source.extend(part->span.first_line);
        subject->duties_source.extend(part->span.last_line);
        if (duties) {
          subject->duties = give();
        } else if (functions) {
          subject->functions = give();
        } else if (task) {
          std::string s = after(t, "mempunyai tugas pokok ");
          if (s.empty()) s = after(t, "mempunyai tugas ");
          subject->summary = text::strip_item_end(s);
          // "Kepala Seksi X mempunyai tugas: a. ...; b. ...": the items are its duties.
          if (subject->duties.empty() && !items.empty()) subject->duties = give();
        }
      }
    };
    // The article's own sentence ("Kepala Badan mempunyai uraian tugas:" over its items), then
    // each of its ayat, read in place (no list of them is made for each article).
    if (!art->text.empty() || art->children.empty()) read_part(art);
    for (const Node& c : art->children) read_part(&c);
  }
}

namespace {

// One "FIELD : value" line of a job-description block for `current`.
// The field a "FIELD : value" line names: what comes before its first colon, trimmed (the whole
// line without one). Compared without case and without making a string: every line of an annex
// is asked.
std::string_view field_of(std::string_view line) {
  const std::size_t colon = line.find(':');
  return text::trim(colon == std::string_view::npos ? line : line.substr(0, colon));
}

bool field_is(std::string_view line, std::string_view name) {
  return text::iequals(field_of(line), name);
}

void read_annex_field(const Node& node, Position& current) {
  const std::string_view field = field_of(node.text);
  const auto value = [&] { return after(node.text, ":"); };
  if (text::iequals(field, "KODE JABATAN")) {
    current.code = value();
  } else if (text::iequals(field, "ESELON")) {
    if (auto e = normalize_eselon(value())) current.eselon_annex = *e;
  } else if (text::iequals(field, "RUMUSAN TUGAS") || text::iequals(field, "TUGAS POKOK")) {
    current.summary = text::strip_item_end(value());
  } else if (text::iequals(field, "FUNGSI")) {
    current.functions = item_texts(node);
  } else if (text::iequals(field, "URAIAN TUGAS")) {
    current.duties = item_texts(node);
  }
}

// The position a "NAMA JABATAN : X" line names, or nullptr.
Position* annex_block_position(const std::string& value, Extraction& out, const NameKeys& keys) {
  Position* p = position_titled(value, out, keys);
  if (!p && out.agency) {
    // The agency head is named in full: "KEPALA BADAN PENGELOLA PERBATASAN DAERAH (PROVINSI)".
    const std::string full = text::name_key("Kepala " + out.agency->name);
    if (text::name_key(value).rfind(full, 0) == 0)
      p = position_titled("Kepala " + out.agency->short_name, out, keys);
  }
  return p;
}

}  // namespace

// "1. NAMA JABATAN : X" ... "6. URAIAN TUGAS :" blocks of an annex (Lampiran II of 000 and 002),
// with the fields as numbered items, as lines of their own, or as text under the name; the duties
// as the field's own items or, after an "URAIAN TUGAS :" line that has none, as the items that
// follow it (numbered from 1 again, up to the next block).
void read_duties_in_annexes(const Document& doc, Extraction& out, const NameKeys& keys) {
  for (const Annex& annex : doc.annexes) {
    Position* current = nullptr;
    bool duties_follow = false;
    for (const Node& node : annex.content.children) {
      const bool item = is_list_item(node.kind);
      if (!item && node.kind != NodeKind::Heading && node.kind != NodeKind::Text) continue;
      if (item && field_is(node.text, "NAMA JABATAN")) {
        current = annex_block_position(after(node.text, ":"), out, keys);
        duties_follow = false;
        if (!current) continue;
        current->duties_source = node.span;
        for (const Node& c : node.children)
          if (c.kind == NodeKind::Text) read_annex_field(c, *current);
        continue;
      }
      if (!current) continue;
      if (duties_follow && item) {
        current->duties.push_back(item_text(node));
        current->duties_source.extend(node.span.last_line);
        continue;
      }
      // The block's lines: its numbered fields, and field lines of their own ("ESELON : II/b");
      // not the page numbers and headings between blocks.
      if (item || node.text.find(':') != std::string::npos)
        current->duties_source.extend(node.span.last_line);
      read_annex_field(node, *current);
      duties_follow = field_is(node.text, "URAIAN TUGAS") &&
                      text::trim(after(node.text, ":")).empty() && node.children.empty();
    }
  }
  for (Position& p : out.positions) {
    if (p.eselon.empty() && !p.eselon_annex.empty()) {
      p.eselon = p.eselon_annex;
      p.kind = position_kind_of_eselon(p.eselon);
    }
  }
}

}  // namespace tatakerja::regulation::structure
