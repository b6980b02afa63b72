// The registry's records in a database: one implementation of plain SQL over storage::Connection,
// so SQLite and PostgreSQL run the very same code (and the same conformance tests). Every method
// throws DatabaseError on failure; lookups return nullopt for unknown ids. Methods that write do
// not open a transaction of their own: the caller (an import, an API request) wraps its whole
// change in one storage::Transaction, so a failed request writes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/model.hpp"
#include "org/model.hpp"
#include "storage/database.hpp"

namespace tatakerja::org {

using storage::Connection;

struct Page {
  int limit = 50;  // 1..500
  int offset = 0;
};

// A person found by the people search (with the position they hold now, if any).
struct EmployeeHit {
  org::Employee employee;
  std::optional<Id> position_id;
  std::string position_title;
  std::string agency_name;
  std::string placement_kind;  // "definitif", "plt", "plh" or empty
};

// A position with its current holders (a position may have a definitive holder and an acting one).
struct Holder {
  org::Placement placement;
  org::Employee employee;
};

// What a position's page names besides the position: each a record's id and name (a position's
// title for the superior and the appraiser), or nothing where there is none.
struct NamedRef {
  Id id = 0;
  std::string name;
};
struct PositionLinks {
  std::optional<NamedRef> agency, unit, superior, appraiser;
  std::optional<org::Article> source_article, duties_article;  // heads: no text
};

// A position without its texts (rumusan tugas, fungsi, uraian tugas): what lists, charts and
// links need, read without decoding the texts.
struct PositionBrief {
  Id id = 0;
  std::optional<Id> unit_id;
  std::optional<Id> superior_id;
  std::string title;
  PositionKind kind = PositionKind::Pelaksana;
  std::string eselon;
  int work_level = 0;
};

// A unit with the position that heads it: the highest-graded structural position (JPT Pratama,
// Administrator, Pengawas) of the unit, if any.
struct UnitWithHead {
  org::Unit unit;
  std::optional<Id> head_position_id;
};

class RegistryStore {
 public:
  explicit RegistryStore(Connection& c) : c_(c) {}
  Connection& connection() { return c_; }

  // The registry revision: a number that every committed change to the registry's content (not
  // to accounts, sessions or the audit log) moves on, whoever makes it (database triggers;
  // migration 2). Equal revisions mean equal content, so answers can be cached by it.
  std::int64_t registry_revision();
  // After a bulk load: PostgreSQL's planner statistics are brought up to date (ANALYZE), so that
  // the people search uses its token index at once rather than after autovacuum's next pass.
  // SQLite plans from its indexes alone here; nothing to do.
  void refresh_planner_statistics();

  // Regions
  Id insert_region(const org::Region& r);
  std::optional<org::Region> region(Id id);
  std::optional<org::Region> region_by_code(const std::string& code);
  std::vector<org::Region> regions();

  // Regulations, their articles and findings
  Id insert_regulation(const org::Regulation& r, const std::string& text);
  std::optional<org::Regulation> regulation(Id id);
  std::optional<org::Regulation> regulation_by_sha256(const std::string& sha256);
  // Finds an earlier regulation of the region by kind, number and year (for revocations).
  std::optional<org::Regulation> find_regulation(Id region_id, const std::string& kind,
                                                 const std::string& number, int year);
  std::vector<org::Regulation> regulations_of_region(Id region_id);
  std::optional<std::string> regulation_text(Id regulation_id);
  void update_regulation_status(const org::Regulation& r);  // status, revoked_by, articles
  Id insert_article(const org::Article& a);
  std::optional<org::Article> article(Id id);
  // The article without its text (label, path, lines): for links.
  std::vector<org::Article> articles_of_regulation(Id regulation_id);
  Id insert_finding(const org::StoredFinding& f);
  std::vector<org::StoredFinding> findings_of_regulation(Id regulation_id);

  // Agencies, units, positions
  Id insert_agency(const org::Agency& a);
  void update_agency(const org::Agency& a);
  std::optional<org::Agency> agency(Id id);
  std::optional<org::Agency> agency_by_name(Id region_id, const std::string& name);
  std::vector<org::Agency> agencies_of_region(Id region_id);
  Id insert_unit(const org::Unit& u);
  void update_unit(const org::Unit& u);
  std::optional<org::Unit> unit(Id id);
  // The agency's units in regulation order; abolished ones (removed by a later regulation) only
  // when asked.
  std::vector<org::Unit> units_of_agency(Id agency_id, bool include_abolished);
  Id insert_position(const org::Position& p);
  void update_position(const org::Position& p);
  std::optional<org::Position> position(Id id);
  std::vector<org::Position> positions_of_agency(Id agency_id, bool include_abolished = false);
  // The agency's non-abolished positions without their texts, in regulation order.
  std::vector<PositionBrief> position_briefs_of_agency(Id agency_id);
  // The non-abolished positions whose direct superior is `position_id`, in regulation order.
  std::vector<PositionBrief> subordinates_of_position(Id position_id);
  // The agency, unit, superior, appraiser and source articles of the stored position `id`, read
  // in one query (a position page's other reads are its subordinates and holders).
  PositionLinks position_links(Id id);
  // The agency's units, parents before children (regulation order), each with its head.
  std::vector<UnitWithHead> units_with_heads(Id agency_id);
  std::int64_t count_units(Id agency_id);
  std::int64_t count_positions(Id agency_id);  // non-abolished

  // People and placements
  Id insert_employee(const org::Employee& e);
  void update_employee(const org::Employee& e);
  std::optional<org::Employee> employee(Id id);
  std::optional<org::Employee> employee_by_nip(const std::string& nip);
  // Name search by word prefixes ("budi sant" finds "Budi Santoso"), or by NIP prefix when the
  // query is digits. Case- and accent-insensitive. region_id 0: every region.
  std::vector<EmployeeHit> search_employees(const std::string& query, Id region_id,
                                            const Page& page);
  std::int64_t count_employees(Id region_id);
  // The number of people search_employees would list for the query over every page.
  std::int64_t count_search_employees(const std::string& query, Id region_id);
  Id insert_placement(const org::Placement& p);
  void end_placement(Id placement_id, const Date& end);
  std::optional<org::Placement> placement(Id id);
  std::vector<Holder> holders_of_position(Id position_id);  // current placements only
  // Current placements in every position of the agency, ordered by position id then as
  // holders_of_position orders them.
  std::vector<Holder> holders_of_agency(Id agency_id);
  std::vector<org::Placement> placements_of_employee(Id employee_id);  // all, newest first

  // Structure history
  Id insert_structure_change(const org::StructureChange& s);
  std::vector<org::StructureChange> structure_changes_of_agency(Id agency_id);

  // Accounts, sessions, audit
  Id insert_user(const identity::User& u);
  void update_user(const identity::User& u);
  std::optional<identity::User> user_by_username(const std::string& username);
  std::vector<identity::User> users();
  void insert_session(const identity::Session& s);
  // The session and its account in one query (every signed-in request looks them up; on
  // PostgreSQL each query is a round trip).
  std::optional<std::pair<identity::User, identity::Session>> session_with_user(
      const std::string& token_hash);
  void delete_session(const std::string& token_hash);
  void delete_expired_sessions(std::int64_t now);
  Id append_audit(const identity::AuditEntry& e);
  std::vector<identity::AuditEntry> audit_log(const Page& page);  // newest first

 private:
  Connection& c_;
};

}  // namespace tatakerja::org
