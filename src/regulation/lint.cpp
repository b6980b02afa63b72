// Drafting checks on one text, each a small function adding findings:
//   numbering of BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka and annex items;
//   cross references inside the body ("Pasal N ayat (M)") that do not resolve or point at the
//   article they stand in; the text's identity (number, date, title) in the body and the annexes;
//   the kind of regulation the body names; malformed dates; structure limits of the agency's type;
//   eselon in the articles against the annex blocks; job descriptions against the units.
#include "regulation/lint.hpp"

#include <algorithm>
#include <map>

#include "core/date.hpp"
#include "core/text.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

void add(std::vector<Finding>& out, const char* code, Severity s, int line, std::string message) {
  out.push_back({code, s, line, std::move(message)});
}

std::string describe(const Node& n) {
  return node_label(n);
}

// Siblings of one kind under one parent must count 1, 2, 3 ... (Pasal across the whole body).
void check_sequence(const std::vector<const Node*>& items, std::vector<Finding>& out) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const Node& prev = *items[i - 1];
    const Node& cur = *items[i];
    if (cur.ordinal == prev.ordinal) {
      add(out, "NUMBERING_DUPLICATE", Severity::Warning, cur.span.first_line,
          "Penomoran ganda: " + describe(cur) + " muncul lagi setelah " + describe(prev) + ".");
    } else if (cur.ordinal != prev.ordinal + 1) {
      add(out, "NUMBERING_GAP", Severity::Warning, cur.span.first_line,
          "Penomoran melompat dari " + describe(prev) + " ke " + describe(cur) + ".");
    }
  }
}

void check_numbering(const Node& root, std::vector<Finding>& out, bool body) {
  std::vector<const Node*> all_articles;
  // Per parent, per kind.
  std::vector<const Node*> stack{&root};
  while (!stack.empty()) {
    const Node* parent = stack.back();
    stack.pop_back();
    std::map<NodeKind, std::vector<const Node*>> by_kind;
    for (const Node& c : parent->children) {
      if (c.kind == NodeKind::Heading || c.kind == NodeKind::Text || c.kind == NodeKind::Table) {
        // A heading or paragraph between items starts new lists (annex blocks, IKI blocks).
        for (auto& [kind, items] : by_kind) check_sequence(items, out);
        by_kind.clear();
      }
      if (c.kind == NodeKind::Article) {
        all_articles.push_back(&c);
      } else if (c.ordinal > 0 && c.kind != NodeKind::Row) {
        // A Paragraf numbering restarts in each Bagian; a nested list restarts at 1 (a child).
        by_kind[c.kind].push_back(&c);
      }
      stack.push_back(&c);
    }
    for (auto& [kind, items] : by_kind) check_sequence(items, out);
  }
  if (body) {
    std::sort(all_articles.begin(), all_articles.end(),
              [](const Node* a, const Node* b) { return a->span.first_line < b->span.first_line; });
    check_sequence(all_articles, out);
  }
}

// References in the body: "Pasal N", "Pasal N ayat (M)", "pada ayat (M)".
void check_references(const Document& doc, std::vector<Finding>& out) {
  std::map<std::string, const Node*> by_label;
  for (const Node* a : articles(doc)) by_label[a->label] = a;
  auto has_verse = [](const Node& article, const std::string& label) {
    for (const Node& c : article.children)
      if (c.kind == NodeKind::Verse && c.label == label) return true;
    return false;
  };
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
    if (n.text.empty()) return;
    const Node* article = nullptr;
    for (const Node* a : path)
      if (a->kind == NodeKind::Article) article = a;
    if (n.kind == NodeKind::Article) article = &n;
    const std::string& t = n.text;
    for (std::size_t p = text::ifind_word(t, "Pasal"); p != std::string::npos;
         p = text::ifind_word(t, "Pasal", p + 5)) {
      std::size_t i = p + 5;
      while (i < t.size() && t[i] == ' ') ++i;
      std::size_t j = i;
      while (j < t.size() && text::is_digit(t[j])) ++j;
      if (j == i) continue;
      const std::string label = t.substr(i, j - i);
      // External when another regulation is named before the clause ends.
      const std::size_t clause_end = std::min(t.find_first_of(";:", j), t.size());
      const std::string_view rest =
          std::string_view(t).substr(j, std::min<std::size_t>(clause_end - j, 160));
      const bool external = text::ifind(rest, "Peraturan") != std::string::npos ||
                            text::ifind(rest, "Undang") != std::string::npos ||
                            text::ifind(rest, "Tahun") != std::string::npos ||
                            text::ifind(rest, "Keputusan") != std::string::npos;
      if (external) continue;
      std::string verse;
      std::size_t k = j;
      while (k < t.size() && t[k] == ' ') ++k;
      if (text::istarts_with(std::string_view(t).substr(k), "ayat")) {
        k += 4;
        while (k < t.size() && (t[k] == ' ' || t[k] == '(')) ++k;
        std::size_t m = k;
        while (m < t.size() && text::is_digit(t[m])) ++m;
        verse = t.substr(k, m - k);
      }
      auto it = by_label.find(label);
      if (it == by_label.end()) {
        add(out, "XREF_UNRESOLVED", Severity::Warning, n.span.first_line,
            "Rujukan ke Pasal " + label + " tidak ditemukan dalam naskah ini.");
      } else if (!verse.empty() && !has_verse(*it->second, verse)) {
        add(out, "XREF_UNRESOLVED", Severity::Warning, n.span.first_line,
            "Rujukan ke Pasal " + label + " ayat (" + verse + ") tidak ditemukan.");
      } else if (article && article->label == label) {
        add(out, "XREF_SELF", Severity::Warning, n.span.first_line,
            "Pasal " + label + " merujuk dirinya sendiri dengan \"Pasal " + label +
                "\"; di dalam pasal yang sama cukup \"pada ayat ...\".");
      }
    }
    // "pada ayat (M)" inside an article.
    if (article) {
      for (std::size_t p = text::ifind(t, "pada ayat ("); p != std::string::npos;
           p = text::ifind(t, "pada ayat (", p + 1)) {
        std::size_t k = p + 11, m = k;
        while (m < t.size() && text::is_digit(t[m])) ++m;
        const std::string verse = t.substr(k, m - k);
        if (!verse.empty() && !has_verse(*article, verse))
          add(out, "XREF_UNRESOLVED", Severity::Warning, n.span.first_line,
              "Rujukan ke ayat (" + verse + ") tidak ditemukan dalam Pasal " + article->label +
                  ".");
      }
    }
  });
}

std::string without_region(std::string key, const std::string& region) {
  const std::string r = text::name_key(region);
  if (!r.empty() && key.size() > r.size() && key.compare(key.size() - r.size(), r.size(), r) == 0)
    key = std::string(text::trim(key.substr(0, key.size() - r.size())));
  return key;
}

void check_identity(const Document& doc, std::vector<Finding>& out) {
  const Heading& h = doc.heading;
  if (h.number.empty() && h.number_line != 0)
    add(out, "NUMBER_BLANK", Severity::Warning, h.number_line,
        "Nomor peraturan pada kepala naskah dikosongkan (\"" + h.number_raw + "\").");
  const auto enacted = parse_indonesian_date(doc.closing.date);
  if (doc.closing.date_line != 0 && !enacted)
    add(out, "DATE_MALFORMED", Severity::Warning, doc.closing.date_line,
        "Tanggal penetapan \"" + doc.closing.date + "\" bukan tanggal yang lengkap dan sah.");
  if (doc.closing.promulgation_date_line != 0 &&
      !parse_indonesian_date(doc.closing.promulgation_date))
    add(out, "DATE_MALFORMED", Severity::Warning, doc.closing.promulgation_date_line,
        "Tanggal pengundangan \"" + doc.closing.promulgation_date + "\" bukan tanggal yang sah.");
  const std::string region = h.region.empty() ? std::string() : h.region;
  for (const Annex& a : doc.annexes) {
    const std::string name = "Lampiran" + (a.label.empty() ? std::string() : " " + a.label);
    if (a.number_line != 0 && a.number != h.number && !(h.number.empty() && a.number.empty()))
      add(out, "IDENTITY_NUMBER_MISMATCH", Severity::Error, a.number_line,
          name + " menyebut nomor \"" + a.number + "\", batang tubuh menyebut \"" +
              (h.number.empty() ? h.number_raw : h.number) + "\".");
    if (a.number_line != 0 && a.year && h.year && *a.year != *h.year)
      add(out, "IDENTITY_NUMBER_MISMATCH", Severity::Error, a.number_line,
          name + " menyebut tahun " + std::to_string(*a.year) + ", batang tubuh tahun " +
              std::to_string(*h.year) + ".");
    if (a.date_line != 0) {
      const auto d = parse_indonesian_date(a.date);
      if (!d)
        add(out, "DATE_MALFORMED", Severity::Warning, a.date_line,
            name + ": tanggal \"" + a.date + "\" bukan tanggal yang sah.");
      else if (enacted && !(*d == *enacted))
        add(out, "IDENTITY_DATE_MISMATCH", Severity::Error, a.date_line,
            name + " bertanggal " + a.date + ", peraturan ditetapkan " + doc.closing.date + ".");
    }
    if (a.title_line != 0 && !h.title.empty()) {
      const std::string at = without_region(text::name_key(a.title), region);
      const std::string ht = without_region(text::name_key(h.title), region);
      if (at != ht)
        add(out, "IDENTITY_TITLE_MISMATCH", Severity::Warning, a.title_line,
            name + " berjudul \"" + a.title + "\", berbeda dengan judul peraturan \"" + h.title +
                "\".");
    }
  }
}

// "Dalam Peraturan Gubernur ini" in a Peraturan Bupati.
void check_kind_named(const Document& doc, std::vector<Finding>& out) {
  if (doc.heading.kind.empty()) return;
  static const std::vector<std::string> kinds = {"Peraturan Gubernur", "Peraturan Bupati",
                                                 "Peraturan Wali Kota", "Peraturan Walikota",
                                                 "Peraturan Daerah"};
  const std::string own = text::name_key(doc.heading.kind);
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    for (const auto& k : kinds) {
      if (text::name_key(k) == own || (own == "peraturan wali kota" && k == "Peraturan Walikota"))
        continue;
      if (text::ifind(n.text, k + " ini") != std::string::npos)
        add(out, "KIND_MISMATCH", Severity::Error, n.span.first_line,
            "Naskah ini " + doc.heading.kind + ", tetapi menyebut dirinya \"" + k + " ini\".");
    }
  });
}

void check_structure(const Document& doc, const Extraction& x, std::vector<Finding>& out) {
  if (x.agency && x.agency->max_bidang) {
    const auto bidang = std::count_if(x.units.begin(), x.units.end(),
                                      [](const Unit& u) { return u.kind == UnitKind::Bidang; });
    if (bidang > *x.agency->max_bidang)
      add(out, "STRUCTURE_LIMIT", Severity::Error,
          x.units.empty() ? 0 : x.units.front().source.first_line,
          x.agency->kind + " Tipe " + x.agency->type + " paling banyak " +
              std::to_string(*x.agency->max_bidang) + " bidang, tetapi susunan organisasinya " +
              std::to_string(bidang) + " bidang.");
  }
  for (const Position& p : x.positions)
    if (!p.eselon_annex.empty() && !p.eselon.empty() && p.eselon != p.eselon_annex)
      add(out, "ESELON_MISMATCH", Severity::Error, p.duties_source.first_line,
          p.title + ": eselon " + p.eselon + " menurut pasal, " + p.eselon_annex +
              " menurut lampiran.");
  // Job descriptions: when the text describes some positions, every unit head needs one.
  const bool describes = std::any_of(x.positions.begin(), x.positions.end(),
                                     [](const Position& p) { return !p.duties.empty(); });
  if (describes)
    for (const Position& p : x.positions)
      if (p.duties.empty() && p.summary.empty())
        add(out, "UNIT_WITHOUT_JOB_DESCRIPTION", Severity::Warning, p.source.first_line,
            p.title + " tidak mempunyai uraian tugas dalam naskah ini.");
  // Annex blocks naming a position the structure does not have.
  if (x.units.empty()) return;
  for (const Annex& a : doc.annexes)
    for (const Node& item : a.content.children) {
      if (!is_list_item(item.kind)) continue;
      const std::size_t colon = item.text.find(':');
      if (colon == std::string::npos ||
          !text::iequals(text::trim(std::string_view(item.text).substr(0, colon)), "NAMA JABATAN"))
        continue;
      const std::string title(text::trim(std::string_view(item.text).substr(colon + 1)));
      const std::string key = text::name_key(title);
      const bool known =
          std::any_of(x.positions.begin(), x.positions.end(), [&](const Position& p) {
            return p.duties_source.first_line == item.span.first_line ||
                   text::name_key(p.title) == key;
          });
      if (!known)
        add(out, "JOB_DESCRIPTION_WITHOUT_UNIT", Severity::Warning, item.span.first_line,
            "Uraian tugas untuk \"" + title +
                "\", jabatan yang tidak ada dalam susunan organisasi.");
    }
}

}  // namespace

std::vector<Finding> lint(const Document& doc, const Extraction& facts) {
  std::vector<Finding> out;
  check_numbering(doc.body, out, true);
  for (const Annex& a : doc.annexes) check_numbering(a.content, out, false);
  check_references(doc, out);
  check_identity(doc, out);
  check_kind_named(doc, out);
  check_structure(doc, facts, out);
  return out;
}

std::vector<Finding> lint_set(const std::vector<NamedExtraction>&) {
  // Cross-text citation checks need the citation reader (legal relations), not yet written.
  return {};
}

}  // namespace tatakerja::regulation
