// The facts the engine reads from one regulation text. This is what `regulation extract` prints
// (through json/extraction_json) and what the registry imports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/finding.hpp"
#include "regulation/document.hpp"
#include "regulation/iki_table.hpp"
#include "regulation/legal_facts.hpp"
#include "regulation/organisation_facts.hpp"
#include "regulation/work_system_facts.hpp"

namespace tatakerja::regulation {

struct RegulationFacts {
  std::string kind;    // "Peraturan Gubernur"
  std::string number;  // as written; empty when left blank
  std::optional<int> year;
  std::string title;
  std::string region;  // "Provinsi Nusa Tenggara Timur"
  std::string issuer;
  std::optional<Date> date;  // Ditetapkan pada tanggal
  std::string place;         // Ditetapkan di
  std::string gazette;       // Berita Daerah ... Nomor ...
  // True when the identity was not read from a heading but inferred: from a sentence naming the
  // regulation ("Berdasarkan Peraturan Bupati Nomor 12 Tahun 2021 tentang ...") or from the
  // articles' own words ("Peraturan Bupati ini").
  bool inferred = false;
  SourceSpan source;
};

struct Extraction {
  RegulationFacts regulation;
  // The agency the text establishes, its units and positions; for a regulation of several
  // agencies (one chapter each), the first of them, and the others in more_agencies (their ids
  // prefixed "a2.", "a3.", ... so that every id is unique in the extraction).
  std::optional<Agency> agency;
  std::vector<Unit> units;
  std::vector<Position> positions;
  std::vector<AgencyStructure> more_agencies;
  std::vector<IkiTable> iki;
  WorkSystem work_system;
  std::vector<Citation> citations;  // regulations cited in the preamble (Menimbang, Mengingat)
  std::vector<Revocation> revocations;
  std::vector<TransitionalProvision> transitional;
  std::vector<Finding> findings;  // parser findings + lint findings, sorted by line

  // Lookup helpers; nullptr when absent.
  const Position* position_by_id(const std::string& id) const;
  const Unit* unit_by_id(const std::string& id) const;
  // The position whose title matches (name_key comparison), or nullptr.
  Position* find_position(const std::string& title);
  std::string next_position_id() const { return "p" + std::to_string(positions.size() + 1); }
  std::string next_unit_id() const { return "u" + std::to_string(units.size() + 1); }
};

// Each extractor adds what it reads to `out`; none of them throws on any text.
void extract_identity(const Document& doc, Extraction& out);         // regulation.*
void extract_structure(const Document& doc, Extraction& out);        // agency, units, positions
void extract_iki(const Document& doc, Extraction& out);              // iki (and positions it names)
void extract_work_system(const Document& doc, Extraction& out);      // work_system
void extract_legal_relations(const Document& doc, Extraction& out);  // citations, revocations,
                                                                     // transitional

}  // namespace tatakerja::regulation
