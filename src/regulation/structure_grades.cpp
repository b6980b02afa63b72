// Grades and appointing authorities, as the articles give them per kind of position
// (structure_parts.hpp).
#include <optional>

#include "core/eselon.hpp"
#include "core/text.hpp"
#include "regulation/node_query.hpp"
#include "structure_parts.hpp"

namespace tatakerja::regulation::structure {
namespace {

// The clauses of a sentence that gives several grades: "Kepala Dinas merupakan jabatan eselon
// II.a, Sekretaris dan Kepala Bidang merupakan jabatan eselon III.a, Kepala Sub Bagian ... IV.a."
// (a clause ends after each eselon's grade).
std::vector<std::string> grade_clauses(const std::string& t) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t p = text::ifind_word(t, "eselon"); p != std::string::npos;
       p = text::ifind_word(t, "eselon", p + 1)) {
    const std::size_t end = t.find_first_of(",;", p);
    if (end == std::string::npos) break;
    if (find_spaced(std::string_view(t).substr(end), " merupakan ") == std::string::npos) break;
    out.push_back(t.substr(start, end - start));
    start = end + 1;
    p = end;
  }
  out.push_back(t.substr(start));
  return out;
}

void read_grade(const std::string& t, Extraction& out, const NameKeys& keys) {
  auto eselon = find_eselon(t);
  if (!eselon) return;
  std::optional<PositionKind> kind;
  if (text::ifind(t, "pimpinan tinggi pratama") != std::string::npos)
    kind = PositionKind::JptPratama;
  else if (text::ifind(t, "jabatan administrator") != std::string::npos)
    kind = PositionKind::Administrator;
  else if (text::ifind(t, "jabatan pengawas") != std::string::npos)
    kind = PositionKind::Pengawas;
  else
    kind = position_kind_of_eselon(*eselon);
  // "Kepala Dinas ... merupakan ...", or "Sekretariat dipimpin oleh Sekretaris yang merupakan
  // jabatan struktural eselon IIIa" (the leader is the subject).
  std::string who = std::string(text::trim(before(t, " merupakan ")));
  if (text::ifind(who, "dipimpin oleh ") != std::string::npos) {
    who = after(who, "dipimpin oleh ");
    if (text::istarts_with(who, "seorang ")) who = who.substr(8);
  }
  if (text::iends_with(who, " yang")) who.resize(who.size() - 5);
  for (const auto& subject : split_subjects(who))
    for (Position* p : positions_named(subject, out, keys)) {
      p->eselon = *eselon;
      p->kind = kind;
    }
}

}  // namespace

void read_grades_and_appointments(const Document& doc, Extraction& out, const NameKeys& keys,
                                  const std::vector<const Node*>* graded) {
  // Every node of the body is searched for the phrase and for "eselon": each by a PhraseFinder
  // (made ready once, faster than text::ifind on every node).
  static const PhraseFinder appointed("diangkat dan diberhentikan oleh");
  static const PhraseFinder grade("eselon");
  const auto read_node = [&](const Node& n) {
    const std::string& t = n.text;
    if (grade.find(t) != std::string::npos && find_spaced(t, " merupakan ") != std::string::npos) {
      for (const auto& clause : grade_clauses(t)) {
        if (find_spaced(clause, " merupakan ") != std::string::npos) read_grade(clause, out, keys);
      }
    }
    if (appointed.find(t) != std::string::npos) {
      const std::string by = cut_at(after(t, "diangkat dan diberhentikan oleh "), {"sesuai"});
      for (const auto& subject : split_subjects(before(t, " diangkat dan diberhentikan")))
        for (Position* p : positions_named(subject, out, keys)) p->appointing_authority = by;
    }
  };
  // A node that holds neither phrase gives nothing: only those that hold one are read when the
  // reading of who leads what has found them (in document order, as the walk would).
  if (graded) {
    for (const Node* n : *graded) read_node(*n);
    return;
  }
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) { read_node(n); });
}

}  // namespace tatakerja::regulation::structure
