// Importing a regulation text into the registry: the region (found or created), the regulation
// with its articles and findings, the agency with its units and positions (each linked to the
// article it was read from), the work levels and appraisers, and the legal effects on regulations
// already stored (revocation, wholly or article by article; the structural difference; the agency
// carried over to the new regulation with its incumbents). Importing the same text twice is a
// no-op, recognised by the text's SHA-256.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/stores.hpp"
#include "core/finding.hpp"
#include "org/model.hpp"
#include "regulation/amendment.hpp"
#include "regulation/extraction.hpp"
#include "regulation/organisation_facts.hpp"

namespace tatakerja::app {

// A stored regulation the text revokes, and how.
struct RevokedRegulation {
  org::Regulation regulation;         // as stored now (before the import marks it)
  bool whole = true;                  // false: article by article
  std::vector<std::string> articles;  // when not whole: "Pasal 3 huruf d", "Pasal 30", ...
  std::string article;                // where the new text revokes it: "Pasal 30 huruf a"
};

// What an amending text ("Perubahan atas ...") does to the regulation it amends: its text with the
// amendment applied is stored as that regulation's next version, so each position keeps its
// history (the structural changes) and the articles as they were stay readable in the earlier
// version.
struct AmendmentOutcome {
  regulation::Citation cited;              // the amended regulation, as the title names it
  std::optional<org::Regulation> amended;  // as stored; nullopt: not in the registry (nothing done)
  std::vector<std::string> applied;        // "Pasal 3 diubah.", ...
  std::vector<std::string> not_applied;    // steps read but not applied, with the reason
  std::optional<org::Id> new_version_id;   // import: the amended regulation's new version
  std::vector<org::StructureChange> changes;  // in the amended regulation's agencies
};

// What importing a text would do; computed without writing anything.
struct ImportPreview {
  regulation::RegulationFacts regulation;         // identity read from the text
  std::string sha256;                             // hex SHA-256 of the text's bytes
  bool already_imported = false;                  // the same text is stored
  std::optional<org::Id> existing_regulation_id;  // its id then
  // The same regulation (region, kind, number, year) is stored with another text: this text is
  // its correction and would be stored as the next version; `changes` are against it.
  std::optional<org::Regulation> previous_version;
  std::string region_name;                     // "Provinsi Nusa Tenggara Timur"
  std::string region_code;                     // "provinsi-nusa-tenggara-timur"
  std::optional<org::RegionKind> region_kind;  // nullopt: the import will refuse the text
  bool region_exists = false;
  std::optional<org::Id> region_id;
  std::optional<regulation::Agency> agency;  // the (first) agency the text establishes, if any
  std::optional<org::Id> updates_agency_id;  // the stored agency it would carry over
  std::vector<regulation::Unit> units;
  std::vector<regulation::Position> positions;
  // The other agencies of a regulation of many (one chapter each), and the stored agency each
  // would carry over (nullopt: a new agency).
  std::vector<regulation::AgencyStructure> more_agencies;
  std::vector<std::optional<org::Id>> more_updates_agency_ids;
  std::vector<Finding> findings;
  std::vector<RevokedRegulation> revokes;
  std::vector<org::StructureChange> changes;  // vs the revoked regulation's agency
  std::optional<AmendmentOutcome> amendment;  // set for an amending text
};

// Reads `text` with the engine and says what import_regulation would do. Writes nothing.
ImportPreview preview_import(const Stores& store, std::string_view text);

// One agency an import stored.
struct ImportedAgency {
  org::Id id = 0;
  bool updated = false;       // an existing agency was carried over to this regulation
  std::size_t units = 0;      // units of the agency as the text sets them
  std::size_t positions = 0;  // positions of the agency as the text sets them
};

struct ImportResult {
  org::Id regulation_id = 0;
  bool created = false;  // false: the same text was already stored; nothing was changed
  org::Id region_id = 0;
  bool region_created = false;
  std::vector<ImportedAgency> agencies;  // every agency the text establishes, in its order
  std::size_t articles = 0;
  std::vector<RevokedRegulation> revoked;
  std::optional<org::Id> previous_version_id;  // the version this text corrected, now replaced
  std::vector<org::StructureChange> changes;   // as stored (ids set), of every agency
  std::optional<AmendmentOutcome> amendment;   // set for an amending text
  std::size_t iki_tables = 0;                  // IKI tables stored (linked to their positions)
  std::size_t work_rules = 0;  // work-system rules the text sets for its region (issue 12)

  // The first agency the text establishes (the only one of most texts), if any.
  std::optional<org::Id> agency_id() const {
    return agencies.empty() ? std::nullopt : std::optional<org::Id>(agencies.front().id);
  }
};

// Imports `text` in ONE storage::Transaction of its own (so it must not be called inside another):
//  1. the same SHA-256 already stored: returns {id, created=false}, writes nothing; the same
//     regulation (region, kind, number, year; the latest stored) with another text: this text is
//     stored as its next version (Regulation.version + 1), the stored one gets the status
//     Superseded with revoked_by naming the new version, and its agencies are carried over as a
//     revoked regulation's are (step 5) — never a second copy. When the stored one was revoked by
//     another regulation the text is refused (Refusal CONFLICT "text");
//  2. region by the engine's region name (code: its URL slug; kind from the name) — a text
//     without a recognisable region is refused with Refusal INVALID_FIELD "region";
//  3. the regulation, its articles (every Pasal, decree diktum, Lampiran, and each Lampiran block
//     that describes a position), its findings;
//  4. revocations of regulations of the same region (matched by kind, number, year): marked
//     Revoked or PartlyRevoked (with the revoked articles), revoked_by set;
//  5. each agency it establishes (a regulation of many agencies: every one): when a revoked
//  regulation established an agency of the same name, that agency
//     is updated in place (same id) — positions kept by title or rename keep their ids (and
//     incumbents), re-graded ones get the new eselon, removed ones are marked abolished, new ones
//     inserted — and the structural changes are stored; otherwise a new agency is inserted;
//  6. work levels and appraisers of each agency's positions (org::resolve_work_levels);
//  7. the IKI tables it writes, each linked to the stored position it belongs to;
//  8. the work-system provisions as the region's rules (app/work_rules.hpp,
//     apply_regulation_rules; the audit entry's "work_rules" counts them);
//  9. one audit entry "import" / "regulation";
// 10. an amending text ("Perubahan atas ...") establishes no agency: when the regulation it amends
//     is stored and in force, that regulation's text with the amendment applied
//     (regulation::consolidate) is imported too, in the same transaction, as its next version
//     (steps 1-8 and an audit entry "amend" / "regulation"), and both carry findings that say what
//     was applied and what was not; otherwise the amending text is stored alone with a finding.
// Throws Refusal for a refused text and storage::DatabaseError when the database fails; on any
// throw nothing is written.
ImportResult import_regulation(const Stores& store, const Actor& actor, std::string_view text);

// The structural changes between the positions of two texts (for `tatakerja diff`); no store.
std::vector<org::StructureChange> diff_regulation_texts(std::string_view old_text,
                                                        std::string_view new_text);

// The URL slug of a name: lowercase ASCII letters and digits, other runs as one '-'.
std::string slug(std::string_view name);

// Applies the work levels and appraisers resolved for the agency's positions, updating only the
// positions whose level, appraiser or outside appraiser changed. Returns how many were updated.
// Writes through `store` without a transaction of its own.
std::size_t refresh_work_levels(const Stores& store, org::Id agency_id);

}  // namespace tatakerja::app
