#include "regulation/extraction.hpp"

#include "core/text.hpp"

namespace tatakerja::regulation {

const Position* Extraction::position_by_id(const std::string& id) const {
  for (const auto& p : positions)
    if (p.id == id) return &p;
  return nullptr;
}

const Unit* Extraction::unit_by_id(const std::string& id) const {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

Position* Extraction::find_position(const std::string& title) {
  const std::string key = text::name_key(title);
  for (auto& p : positions)
    if (text::name_key(p.title) == key) return &p;
  return nullptr;
}

void extract_identity(const Document& doc, Extraction& out) {
  auto& r = out.regulation;
  r.kind = doc.heading.kind;
  r.number = doc.heading.number;
  r.year = doc.heading.year;
  r.title = doc.heading.title;
  r.region = doc.heading.region;
  r.issuer = doc.heading.issuer;
  r.date = parse_indonesian_date(doc.closing.date);
  r.place = doc.closing.place;
  r.gazette = doc.closing.gazette;
  r.source = doc.heading.span;
}

}  // namespace tatakerja::regulation
