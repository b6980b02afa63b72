// Types of the Tatakerja HTTP API (/api/v1), written by hand from docs/api.md.
// Keep in step with docs/api.md and src/api/openapi.json.

export type Id = number;
/** A date "YYYY-MM-DD". */
export type IsoDate = string;

export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  /** People search only: the count stopped at its bound; there are at least `total`. */
  total_at_least?: boolean;
}

export interface ApiErrorBody {
  error: { code: ErrorCode | string; message: string; field: string | null };
}

export type ErrorCode =
  | "MALFORMED_JSON"
  | "INVALID_PARAMETER"
  | "UNAUTHENTICATED"
  | "WRONG_CREDENTIALS"
  | "FORBIDDEN"
  | "OUT_OF_SCOPE"
  | "CSRF_INVALID"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INVALID_FIELD"
  | "NIP_INVALID"
  | "HIERARCHY_CYCLE"
  | "RATE_LIMITED"
  | "INTERNAL"
  | "UNAVAILABLE"
  | "PASSWORD_TOO_SHORT"
  | "PASSWORD_TOO_LONG"
  | "PASSWORD_TOO_COMMON"
  | "PASSWORD_CONTAINS_NAME"
  | "CURRENT_PASSWORD_WRONG"
  | "SIGN_IN_BUSY";

// ---- Service ----
export interface Health {
  status: "ok";
  database: "sqlite" | "postgresql";
  schema_version: number;
}

// ---- Sign-in ----
export type Role = "pegawai" | "admin_registri" | "administrator" | string;

export interface User {
  id: Id;
  username: string;
  display_name: string;
  role: Role;
  employee_id: Id | null;
  /** Where the inbox's notifications are copied by e-mail; "" for none (PUT /auth/email). */
  email: string;
}

export interface Session {
  user: User;
  csrf_token: string;
  /** Whether this server sends e-mail copies of notifications (an SMTP server is configured). */
  email_delivery: boolean;
}

export interface LoginRequest {
  username: string;
  password: string;
}

// ---- Accounts ----
/** An account as the administrator sees it (GET /users). */
export interface Account extends User {
  /** false: switched off; it cannot sign in. */
  active: boolean;
}

/** One of one's own sessions (GET /auth/sessions). */
export interface SessionInfo {
  id: Id;
  /** ISO 8601 UTC; null for a session of before this was kept. */
  created_at: string | null;
  expires_at: string;
  client_address: string;
  /** The session of this browser. */
  current: boolean;
}

export interface SessionsEnded {
  sessions_ended: number;
}

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

// ---- Regions and agencies ----
export type RegionKind = "provinsi" | "kabupaten" | "kota" | string;

export interface RegionSummary {
  id: Id;
  code: string;
  name: string;
  kind: RegionKind;
  agency_count: number;
}

export interface AgencyRef {
  id: Id;
  name: string;
  kind: string;
  type: string;
}

export type RegulationStatus =
  "berlaku" | "dicabut" | "dicabut_sebagian" | "diganti_versi" | string;

export interface RegulationRef {
  id: Id;
  kind: string;
  number: string;
  year: number | null;
  title: string;
  date: IsoDate | null;
  status: RegulationStatus;
  /** 1 for the first text; 2, 3, ... for corrected texts stored as the next versions. */
  version: number;
}

export interface Region {
  id: Id;
  code: string;
  name: string;
  kind: RegionKind;
  agencies: AgencyRef[];
  regulations: RegulationRef[];
}

export interface AgencyListItem extends AgencyRef {
  region_id: Id;
  /** Agencies of different regions share names: lists show it with the name. */
  region_name: string;
}

export interface Agency {
  id: Id;
  name: string;
  kind: string;
  type: string;
  max_bidang: number | null;
  tasks: string;
  functions: string[];
  /** Set when tasks and functions are the head's (the regulation gives none of the agency's own). */
  tasks_of_head: { id: Id; title: string; article_id: Id | null } | null;
  /** null only when the stored record is inconsistent. */
  region: { id: Id; name: string } | null;
  regulation: RegulationRef | null;
  source_article_id: Id | null;
  unit_count: number;
  position_count: number;
}

export interface Unit {
  id: Id;
  parent_id: Id | null;
  name: string;
  kind: string;
  head_position_id: Id | null;
  source_article_id: Id | null;
  /** Live units directly under this one. */
  child_count: number;
  /** Of those, how many are not in this answer (GET /agencies/{id}/units?parent=). */
  hidden_children: number;
}

export type PositionKind =
  "JPT Pratama" | "Administrator" | "Pengawas" | "Fungsional" | "Pelaksana" | string;

/** 1, 2, 3 (Pejabat Level I/II/III); 0 when none. */
export type WorkLevel = number;

export interface ChartNode {
  position_id: Id;
  title: string;
  kind: PositionKind;
  eselon: string;
  unit_id: Id | null;
  unit_name: string;
  superior_id: Id | null;
  work_level: WorkLevel;
  vacant: boolean;
  /** Only for signed-in users; null (or absent) otherwise. */
  holder_name: string | null;
  /** Live positions directly under this one. */
  subordinate_count: number;
  /** Of those, how many are not in this answer (GET /agencies/{id}/chart?root=). */
  hidden_children: number;
  /** Every current holder, definitive first; names only for signed-in users. */
  holders?: ChartHolder[];
}

export interface ChartHolder {
  placement_kind: PlacementKind;
  name: string | null;
}

/** Which part of the chart to read: a subtree (`root`), `depth` levels, `limit` nodes. */
export interface ChartQuery {
  root?: Id;
  depth?: number;
  limit?: number;
  /** Skips that many of the root's subordinates (or, without root, of the top positions). */
  offset?: number;
}

export interface Chart {
  nodes: ChartNode[];
}

export interface PositionListItem {
  id: Id;
  title: string;
  kind: PositionKind;
  eselon: string;
  unit_id: Id | null;
  superior_id: Id | null;
  work_level: WorkLevel;
}

export interface HistoryItem {
  kind: string;
  position_title: string;
  before: string;
  after: string;
  old_regulation: RegulationRef;
  new_regulation: RegulationRef;
}

// ---- Positions and articles ----
export interface ArticleRef {
  id: Id;
  label: string;
  regulation_id: Id;
}

export interface Holder {
  employee_id: Id;
  name: string;
  nip: string;
  rank: string;
  placement_kind: PlacementKind;
  start: IsoDate;
}

export interface Position {
  id: Id;
  title: string;
  kind: PositionKind;
  eselon: string;
  code: string;
  agency: { id: Id; name: string } | null;
  unit: { id: Id; name: string } | null;
  superior: { id: Id; title: string } | null;
  reports_to: string;
  appointing_authority: string;
  summary: string;
  functions: string[];
  duties: string[];
  work_level: WorkLevel;
  appraiser: { id: Id; title: string } | null;
  appraiser_outside: string;
  source_article: ArticleRef | null;
  duties_article: ArticleRef | null;
  subordinates: { id: Id; title: string; kind: PositionKind }[];
  vacant: boolean;
  /** null for anonymous users. */
  holders: Holder[] | null;
  /** The kinds of the current placements, definitive first (public). */
  placement_kinds: PlacementKind[];
  /** The position's IKI tables of the regulations in force. */
  iki: IkiTable[];
}

// ---- IKI (Indikator Kinerja Individu) tables ----
export interface IkiFormula {
  kind: "ratio" | "count" | "predicate" | "text" | string;
  /** The formula without markup. */
  text: string;
  /** The cell as the regulation writes it: may hold LaTeX (render with formula.ts). */
  written: string;
  numerator: string;
  denominator: string;
  percent: boolean;
}

export interface IkiRow {
  number: string;
  sasaran: string;
  sasaran_carried: boolean;
  indikator: string;
  formula: IkiFormula;
  sumber_data: string;
  first_line: number;
  last_line: number;
}

export interface IkiTable {
  id: Id;
  regulation: RegulationRef | null;
  /** The narrowest article of the regulation that holds the table's first line. */
  article_id: Id | null;
  position: { id: Id; title: string } | null;
  position_title: string;
  first_line: number;
  last_line: number;
  rows: IkiRow[];
}

export interface Article {
  id: Id;
  regulation_id: Id;
  label: string;
  path: string;
  first_line: number;
  last_line: number;
  text: string;
}

// ---- Regulations ----
export interface RegulationListItem extends RegulationRef {
  region_id: Id;
}

export type Severity = "error" | "warning" | "info" | string;

export interface Finding {
  code: string;
  severity: Severity;
  line: number;
  message: string;
}

export interface Regulation extends RegulationRef {
  region: { id: Id; name: string } | null;
  revoked_by: RegulationRef | null;
  revoked_articles: string[];
  /** Every stored version of the same regulation, oldest first, this one included. */
  versions: RegulationRef[];
  articles: Omit<Article, "regulation_id" | "text">[];
  findings: Finding[];
  agencies: AgencyRef[];
  /** The IKI tables the regulation writes, in its order. */
  iki: IkiTable[];
}

// ---- People ----
export type EmployeeKind = "PNS" | "PPPK" | string;
export type PlacementKind = "definitif" | "plt" | "plh" | string;

export interface EmployeeListItem {
  id: Id;
  nip: string;
  name: string;
  kind: EmployeeKind;
  rank: string;
  position: { id: Id; title: string } | null;
  agency_id: Id | null;
  agency_name: string;
  /** The region of that agency ("" when none). */
  agency_region_name: string;
  placement_kind: PlacementKind;
  /** For a Plt/Plh: the position's definitive holder (null: vacant); null otherwise. */
  definitive_holder?: { employee_id: Id; name: string } | null;
}

export interface Placement {
  id: Id;
  position: { id: Id; title: string; agency_id: Id; agency_name: string };
  kind: PlacementKind;
  start: IsoDate;
  end: IsoDate | null;
  /** For a Plt/Plh placement in office: the definitive holder (null: vacant); null otherwise. */
  definitive_holder: { employee_id: Id; name: string } | null;
}

export interface Employee {
  id: Id;
  nip: string;
  name: string;
  kind: EmployeeKind;
  rank: string;
  rank_name: string;
  birth_date: IsoDate;
  /** "YYYY-MM" */
  appointed: string;
  sex: "laki-laki" | "perempuan";
  region_id: Id;
  placements: Placement[];
}

// ---- Regulation import (admin) ----
/** The preview's regulation identity; the contract leaves its fields open, these are expected. */
export interface PreviewRegulation {
  kind?: string;
  number?: string | null;
  year?: number | null;
  title?: string;
  date?: IsoDate | null;
  [key: string]: unknown;
}

export interface PreviewAgency {
  name?: string;
  kind?: string;
  type?: string;
  [key: string]: unknown;
}

export interface StructuralChange {
  kind: string;
  position_title: string;
  before: string;
  after: string;
}

export interface RegulationPreview {
  regulation: PreviewRegulation;
  region: { name: string; exists: boolean };
  agency: PreviewAgency | null;
  units: unknown[];
  positions: unknown[];
  /** The other agencies of a regulation of many agencies (one chapter each). */
  more_agencies: { agency: PreviewAgency; units: unknown[]; positions: unknown[] }[];
  findings: Finding[];
  revokes: RegulationRef[];
  changes: StructuralChange[];
  already_imported: boolean;
  /** The same regulation stored with another text ("sudah ada"): saving makes the next version. */
  previous_version: RegulationRef | null;
  /** An amending text ("Perubahan atas ..."): what it does to the regulation it amends. */
  amendment: Amendment | null;
}

export interface Amendment {
  cited: { kind: string; number: string; year: number | null; title: string };
  /** The amended regulation as stored; null: not in the registry (nothing is applied). */
  amended: RegulationRef | null;
  applied: string[];
  not_applied: string[];
  /** After saving: the amended regulation's new version. */
  new_version_id: Id | null;
  changes: StructuralChange[];
}

export interface ImportResult {
  id: Id;
  created: boolean;
  previous_version_id: Id | null;
  amendment: Amendment | null;
}

export interface AuditEntry {
  id: Id;
  at: string;
  username: string;
  action: string;
  entity: string;
  /** A string in the OpenAPI document (docs/api.md does not say); shown as it comes. */
  entity_id: string | number | null;
  before: unknown;
  after: unknown;
  /** The record the entry is about, named for a link; null when it is gone. */
  subject: AuditSubject | null;
  /** Names of the records that fields of before/after refer to: "position/12" → "Kepala Dinas". */
  names: Record<string, string>;
  /** The entry's link in the audit chain; null before the chain began. */
  hash: string | null;
}

/** GET /audit's `subject`: a position or unit names its agency; a placement its person and position. */
export interface AuditSubject {
  id: Id;
  name: string;
  agency_id?: Id;
  employee_id?: Id;
  position_id?: Id;
  position_title?: string;
  username?: string;
}

/** GET /audit: paged by key, not counted. */
export interface AuditPage {
  items: AuditEntry[];
  limit: number;
  /** `before_id` of the next (older) page; null on the last page. */
  next_before_id: Id | null;
}

// ---- Issue 11: a unit's page (GET /units/{id}) ----
export interface UnitPage {
  id: Id;
  name: string;
  kind: string;
  agency: AgencyRef & { region: { id: Id; name: string } | null };
  /** The units above it, the top one first. */
  parents: { id: Id; name: string }[];
  head: { id: Id; title: string; eselon: string } | null;
  source_article_id: Id | null;
  child_count: number;
  children: {
    id: Id;
    name: string;
    kind: string;
    head_position_id: Id | null;
    child_count: number;
  }[];
}

// --- Issue 12: the work system (docs/api.md, "Work system") -------------------------------------

/** One of a region's work-system rules, with where it comes from. */
export interface WorkRule {
  /** null: a default that is not stored (the region follows PermenPANRB 7/2022). */
  id: Id | null;
  kind: "level" | "keputusan_tim" | "mekanisme" | "struktur_penugasan" | "alur" | "pengembalian";
  key: string;
  statement: string;
  items: string[];
  /** "peraturan": read from the region's regulation; "bawaan": PermenPANRB 7/2022's default. */
  origin: "peraturan" | "bawaan";
  regulation_id: Id | null;
  source: string;
  article: string;
  changed_reason: string;
  changed_at: string;
}

/** GET /regions/{id}/work-rules */
export interface WorkRules {
  region: { id?: Id; name?: string; kind?: string };
  stored: boolean;
  rules: WorkRule[];
}

export interface TeamRef {
  id: Id;
  name: string;
  kind: "rutin" | "insidental";
  scope: "unit_organisasi" | "lintas_unit" | "antar_perangkat_daerah" | "lintas_instansi";
  status: "aktif" | "bubar";
  owner_unit_id: Id;
  agency_id: Id;
  region_id: Id;
  formed: string;
}

/** One period of one person in a team. */
export interface TeamMember {
  id: Id;
  employee_id: Id;
  name: string;
  nip: string;
  unit_id: Id;
  unit: string;
  role: "ketua" | "anggota";
  start: string;
  end: string | null;
  end_reason: string;
}

/** GET /teams/{id} */
export interface Team extends TeamRef {
  target: string;
  authority: {
    authority: string;
    rule_id: Id | null;
    source: string;
    article: string;
    default: boolean;
  };
  decree_text: string;
  warnings: string[];
  periods: TeamMember[];
  members: TeamMember[];
  members_on: string | null;
}

// ---- Issue 11, item 9: people imported from a table (XLSX, CSV) ----
export type ImportOutcome = "created" | "updated" | "refused";

export interface ImportedRow {
  /** The row as a spreadsheet numbers it (the heading is row 1). */
  line: number;
  nip: string;
  name: string;
  outcome: ImportOutcome;
  changes: string[];
  problems: { column: string | null; message: string }[];
  employee_id: Id | null;
  position_id: Id | null;
}

export interface PeopleImportReport {
  agency_id: Id;
  written: boolean;
  summary: { rows: number; matched: number; created: number; updated: number; refused: number };
  columns: { heading: string; field: string | null }[];
  /** The rows that are not plainly matched, at most 1,000. */
  rows: ImportedRow[];
  rows_left_off: number;
}
