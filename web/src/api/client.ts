// The API client: same origin, cookie session, X-CSRF-Token on changes, Indonesian errors.
import type {
  Account,
  Agency,
  Article,
  AuditPage,
  Chart,
  ChartQuery,
  Employee,
  EmployeeListItem,
  HistoryItem,
  Id,
  ImportResult,
  ListPage,
  Position,
  Region,
  RegionSummary,
  Regulation,
  RegulationPreview,
  Session,
  SessionInfo,
  SessionsEnded,
  Team,
  TeamRef,
  User,
  // Issue 11
  AgencyListItem,
  PositionListItem,
  Unit,
  PeopleImportReport,
  UnitPage,
  WorkRules,
} from "./types";

const BASE = "/api/v1";

/** An answer of the server that is not a success; `message` is Indonesian and meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    /** The whole answer, for a refusal that carries more than its error (a people import's report). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Turns a failed response body into an ApiError; falls back to a generic Indonesian message. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (body && typeof body === "object" && "error" in body) {
    const e = body.error;
    if (e && typeof e === "object") {
      const o = e as Record<string, unknown>;
      const message =
        typeof o.message === "string" && o.message ? o.message : fallbackMessage(status);
      return new ApiError(
        status,
        typeof o.code === "string" ? o.code : "UNKNOWN",
        message,
        typeof o.field === "string" ? o.field : null,
        body,
      );
    }
  }
  return new ApiError(status, "UNKNOWN", fallbackMessage(status));
}

export function fallbackMessage(status: number): string {
  if (status === 0) return "Tidak dapat menghubungi server. Periksa sambungan jaringan Anda.";
  if (status === 401) return "Silakan masuk terlebih dahulu.";
  if (status === 403) return "Anda tidak berhak melakukan ini.";
  if (status === 404) return "Data tidak ditemukan.";
  if (status >= 500) return "Terjadi kesalahan pada server. Coba lagi nanti.";
  return `Permintaan gagal (kode ${status}).`;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
/** Called when the server says the session is gone (401 UNAUTHENTICATED on a request). */
export function setUnauthenticatedHandler(f: (() => void) | null): void {
  onUnauthenticated = f;
}
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== "") p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  json?: unknown;
  /** A text/plain body: a string (sent as UTF-8) or a file's bytes as they are. */
  text?: string | Blob;
  /** A file sent as its bytes with its own type (a table of people: XLSX or CSV). */
  file?: Blob;
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string | Blob | undefined;
  if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    body = JSON.stringify(opts.json);
  } else if (opts.text !== undefined) {
    headers["Content-Type"] = "text/plain; charset=utf-8";
    body = opts.text;
  } else if (opts.file !== undefined) {
    headers["Content-Type"] = opts.file.type || "application/octet-stream";
    body = opts.file;
  }
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", fallbackMessage(0));
  }
  if (res.status === 204) return undefined as T;
  const raw = await res.text();
  let parsed: unknown = undefined;
  if (raw) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const err = errorFromBody(res.status, parsed);
    if (err.code === "UNAUTHENTICATED" && path !== "/auth/me" && csrfToken) onUnauthenticated?.();
    throw err;
  }
  return parsed as T;
}

/**
 * Calls `f` again (up to `tries` times in all) while the server answers SIGN_IN_BUSY (every
 * password hashing slot taken; it asks to try again after a second).
 */
export async function retryWhenBusy<T>(
  f: () => Promise<T>,
  tries = 3,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== "SIGN_IN_BUSY" || attempt >= tries) throw e;
      await pause(1000);
    }
  }
}

const id = (v: Id | string) => encodeURIComponent(String(v));

export const api = {
  login: (username: string, password: string) =>
    request<Session>("/auth/login", { method: "POST", json: { username, password } }),
  logout: () => request<void>("/auth/logout", { method: "POST" }),
  me: () => request<Session>("/auth/me"),

  regions: (q?: Query) =>
    request<ListPage<RegionSummary>>(withQuery("/regions", { limit: 500, ...q })),
  region: (rid: Id | string) => request<Region>(`/regions/${id(rid)}`),
  agency: (aid: Id | string) => request<Agency>(`/agencies/${id(aid)}`),
  /** The chart's top levels, or the subtree `q.root` (expand on demand). */
  chart: (aid: Id | string, q: ChartQuery = {}) =>
    request<Chart>(withQuery(`/agencies/${id(aid)}/chart`, { ...q })),
  history: (aid: Id | string) => request<{ items: HistoryItem[] }>(`/agencies/${id(aid)}/history`),
  position: (pid: Id | string) => request<Position>(`/positions/${id(pid)}`),
  article: (xid: Id | string) => request<Article>(`/articles/${id(xid)}`),
  regulation: (rid: Id | string) => request<Regulation>(`/regulations/${id(rid)}`),
  employees: (q: Query) => request<ListPage<EmployeeListItem>>(withQuery("/employees", q)),
  employee: (eid: Id | string) => request<Employee>(`/employees/${id(eid)}`),
  previewRegulation: (text: string | Blob) =>
    request<RegulationPreview>("/regulations/preview", { method: "POST", text }),
  importRegulation: (text: string | Blob) =>
    request<ImportResult>("/regulations", { method: "POST", text }),
  audit: (q: Query) => request<AuditPage>(withQuery("/audit", q)),
  // Issue 11, item 9: people imported from a table (XLSX, CSV) into an agency.
  previewPeopleImport: (aid: Id | string, file: Blob) =>
    request<PeopleImportReport>(`/agencies/${id(aid)}/people/preview`, { method: "POST", file }),
  importPeople: (aid: Id | string, file: Blob, skipRefused: boolean) =>
    request<PeopleImportReport>(
      `/agencies/${id(aid)}/people/import${skipRefused ? "?skip_refused=true" : ""}`,
      { method: "POST", file },
    ),

  // Accounts: one's own password and sessions; the administrator's account list.
  changePassword: (currentPassword: string, newPassword: string) =>
    request<SessionsEnded>("/auth/password", {
      method: "POST",
      json: { current_password: currentPassword, new_password: newPassword },
    }),
  sessions: () => request<ListPage<SessionInfo>>("/auth/sessions"),
  endSession: (sid: Id) => request<void>(`/auth/sessions/${id(sid)}`, { method: "DELETE" }),
  users: (q: Query) => request<ListPage<Account>>(withQuery("/users", q)),
  createUser: (body: {
    username: string;
    display_name: string;
    password: string;
    role: string;
    employee_id?: Id;
    email?: string;
  }) => request<Account>("/users", { method: "POST", json: body }),
  disableUser: (uid: Id) => request<Account>(`/users/${id(uid)}/disable`, { method: "POST" }),
  enableUser: (uid: Id) => request<Account>(`/users/${id(uid)}/enable`, { method: "POST" }),
  setUserEmail: (uid: Id, email: string) =>
    request<Account>(`/users/${id(uid)}/email`, { method: "PUT", json: { email } }),
  setOwnEmail: (email: string) => request<User>("/auth/email", { method: "PUT", json: { email } }),
  endUserSessions: (uid: Id) =>
    request<SessionsEnded>(`/users/${id(uid)}/sessions`, { method: "DELETE" }),

  // Issue 11: lists that find things.
  agencies: (q: Query) => request<ListPage<AgencyListItem>>(withQuery("/agencies", q)),
  agencyPositions: (aid: Id | string, q: Query) =>
    request<ListPage<PositionListItem>>(withQuery(`/agencies/${id(aid)}/positions`, q)),
  agencyUnits: (aid: Id | string, q: Query = {}) =>
    request<{ items: Unit[] }>(withQuery(`/agencies/${id(aid)}/units`, q)),
  unit: (uid: Id | string, q: Query = {}) => request<UnitPage>(withQuery(`/units/${id(uid)}`, q)),
  // Issue 12: the work system (administrators).
  workRules: (rid: Id | string) => request<WorkRules>(`/regions/${id(rid)}/work-rules`),
  teams: (rid: Id | string) => request<{ items: TeamRef[] }>(`/regions/${id(rid)}/teams`),
  team: (tid: Id | string, on?: string | null) =>
    request<Team>(withQuery(`/teams/${id(tid)}`, on ? { on } : {})),
};

export type { User };

// ---- Registry changes from the web (issue 11, item 2): the forms' calls. ----
import type {
  EmployeeEditBody,
  NewEmployeeBody,
  NewPlacementBody,
  PlacementMoveBody,
  PlacementMoved,
  PlacementRecord,
  PositionEditBody,
  UnitEditBody,
  UnitRecord,
} from "./change_types";
// AgencyListItem, PositionListItem and Unit: imported above.

export const changes = {
  agencies: (q: Query) => request<ListPage<AgencyListItem>>(withQuery("/agencies", q)),
  agencyUnits: (aid: Id | string, q: Query) =>
    request<{ items: Unit[] }>(withQuery(`/agencies/${id(aid)}/units`, q)),
  agencyPositions: (aid: Id | string, q: Query) =>
    request<ListPage<PositionListItem>>(withQuery(`/agencies/${id(aid)}/positions`, q)),
  createEmployee: (body: NewEmployeeBody) =>
    request<Employee>("/employees", { method: "POST", json: body }),
  updateEmployee: (eid: Id | string, body: EmployeeEditBody) =>
    request<Employee>(`/employees/${id(eid)}`, { method: "PATCH", json: body }),
  updatePosition: (pid: Id | string, body: PositionEditBody) =>
    request<Position>(`/positions/${id(pid)}`, { method: "PATCH", json: body }),
  updateUnit: (uid: Id | string, body: UnitEditBody) =>
    request<UnitRecord>(`/units/${id(uid)}`, { method: "PATCH", json: body }),
  place: (body: NewPlacementBody) =>
    request<PlacementRecord>("/placements", { method: "POST", json: body }),
  endPlacement: (plid: Id | string, end: string) =>
    request<PlacementRecord>(`/placements/${id(plid)}/end`, { method: "POST", json: { end } }),
  movePlacement: (plid: Id | string, body: PlacementMoveBody) =>
    request<PlacementMoved>(`/placements/${id(plid)}/move`, { method: "POST", json: body }),
};

// ---- Issue 12 item 6: letters and their public verification. ----
import type {
  Letter,
  LetterScheme,
  LetterSchemeBody,
  LetterVerification,
  MyLetter,
} from "./letter_types";
import type { NewLetterBody } from "../letter_form";

export const letters = {
  get: (lid: Id | string) => request<Letter>(`/letters/${id(lid)}`),
  /** The caller's letters: to sign (signatory) or received, newest first (My work). */
  mine: (limit = 25) => request<{ items: MyLetter[] }>(`/me/letters?limit=${limit}`),
  /** The PDF's address (opened by the browser itself, with the session cookie). */
  pdfHref: (lid: Id | string) => `${BASE}/letters/${id(lid)}.pdf`,
  revoke: (lid: Id | string, reason: string) =>
    request<Letter>(`/letters/${id(lid)}/revoke`, { method: "POST", json: { reason } }),
  verify: (token: string) =>
    request<LetterVerification>(`/verifikasi/${encodeURIComponent(token)}`),
  // Issue 12 item 6 on the web: issuing a letter, and an agency's numbering scheme.
  issue: (body: NewLetterBody) => request<Letter>("/letters", { method: "POST", json: body }),
  scheme: (aid: Id | string) => request<LetterScheme>(`/agencies/${id(aid)}/letter-scheme`),
  setScheme: (aid: Id | string, body: LetterSchemeBody) =>
    request<LetterScheme>(`/agencies/${id(aid)}/letter-scheme`, { method: "PUT", json: body }),
};

// ---- Issue 12 item 3: assignments (penugasan) and the in-app inbox. ----
import type {
  Assignment,
  Inbox,
  Mechanisms,
  NewAssignmentBody,
  Notification,
  StepBody,
} from "./assignment_types";

export const assignments = {
  mechanisms: () => request<Mechanisms>("/assignment-mechanisms"),
  list: (limit = 200) => request<{ items: Assignment[] }>(withQuery("/assignments", { limit })),
  get: (aid: Id | string) => request<Assignment>(`/assignments/${id(aid)}`),
  create: (body: NewAssignmentBody) =>
    request<Assignment>("/assignments", { method: "POST", json: body }),
  step: (aid: Id | string, body: StepBody) =>
    request<Assignment>(`/assignments/${id(aid)}/steps`, { method: "POST", json: body }),
  inbox: (limit = 100) => request<Inbox>(withQuery("/me/notifications", { limit })),
  markRead: (nid: Id) =>
    request<Notification>(`/me/notifications/${id(nid)}/read`, { method: "POST" }),
};

// ---- Issue 12 item 7: the work system's diagrams (SVG), fetched by the browser itself (an <img>)
// with the session cookie. ----
export const diagrams = {
  /** A mechanism's state machine; any signed-in reader. */
  mechanismHref: (key: string) => `${BASE}/assignment-mechanisms/${encodeURIComponent(key)}.svg`,
  /** An agency kind's assignment structure and review chain in a region's rules; administrators. */
  structureHref: (rid: Id | string, kind: string) =>
    `${BASE}/regions/${id(rid)}/work-rules/structure/${encodeURIComponent(kind)}.svg`,
};

// ---- Issue 12 item 4: activities (kegiatan), their evidence files and a team's board. ----
import type {
  Activity,
  ActivityFlow,
  ActivityNoteBody,
  ActivityStepBody,
  ActivityNote,
  ActivityStep,
  ActivityStepResult,
  HistoryPage,
  ActivitySummary,
  Evidence,
  NewActivityBody,
} from "./activity_types";

export const activities = {
  flows: () => request<{ items: ActivityFlow[] }>("/activity-flows"),
  /** The caller's activities, newest first (25 unless `limit`). */
  list: (limit = 25) => request<{ items: ActivitySummary[] }>(withQuery("/activities", { limit })),
  get: (aid: Id | string) => request<Activity>(`/activities/${id(aid)}`),
  /** A page of its steps, in the order taken (at most 200 a page). */
  steps: (aid: Id | string, offset = 0, limit = 200) =>
    request<HistoryPage<ActivityStep>>(
      withQuery(`/activities/${id(aid)}/steps`, { offset, limit }),
    ),
  /** A page of its notes, oldest first (at most 200 a page). */
  notes: (aid: Id | string, offset = 0, limit = 200) =>
    request<HistoryPage<ActivityNote>>(
      withQuery(`/activities/${id(aid)}/notes`, { offset, limit }),
    ),
  create: (body: NewActivityBody) =>
    request<Activity>("/activities", { method: "POST", json: body }),
  step: (aid: Id | string, body: ActivityStepBody) =>
    request<ActivityStepResult>(`/activities/${id(aid)}/steps`, { method: "POST", json: body }),
  note: (aid: Id | string, body: ActivityNoteBody) =>
    request<Activity>(`/activities/${id(aid)}/notes`, { method: "POST", json: body }),
  /** The file's bytes as the body (application/octet-stream), its name and the version read. */
  upload: (aid: Id | string, version: number, file: File) =>
    request<Evidence>(withQuery(`/activities/${id(aid)}/evidence`, { version, name: file.name }), {
      method: "POST",
      file: new Blob([file], { type: "application/octet-stream" }),
    }),
  /** The evidence file's address (downloaded by the browser itself, with the session cookie). */
  evidenceHref: (eid: Id | string) => `${BASE}/evidence/${id(eid)}`,
  team: (tid: Id | string, limit = 200) =>
    request<{ team_id: Id; items: ActivitySummary[] }>(
      withQuery(`/teams/${id(tid)}/activities`, { limit }),
    ),
};

// ---- Issue 12 item 5: accountability — reports, requests for a report, escalations and the
// accounts of a member's results. ----
import type {
  AccountabilityOverview,
  Escalation,
  NewEscalationBody,
  NewReportBody,
  NewReportRequestBody,
  Report,
  ReportRequest,
  TeamAccountability,
  WorkResults,
} from "./accountability_types";

export const accountability = {
  submit: (body: NewReportBody) => request<Report>("/reports", { method: "POST", json: body }),
  report: (rid: Id | string) => request<Report>(`/reports/${id(rid)}`),
  ask: (body: NewReportRequestBody) =>
    request<ReportRequest>("/report-requests", { method: "POST", json: body }),
  escalate: (body: NewEscalationBody) =>
    request<Escalation>("/escalations", { method: "POST", json: body }),
  /** What the caller wrote, received or was asked, newest first (25 unless `limit`, at most 100). */
  mine: (limit = 50) => request<AccountabilityOverview>(withQuery("/me/accountability", { limit })),
  team: (tid: Id | string, limit = 50) =>
    request<TeamAccountability>(withQuery(`/teams/${id(tid)}/accountability`, { limit })),
  workResults: (eid: Id | string, limit = 50) =>
    request<WorkResults>(withQuery(`/employees/${id(eid)}/work-results`, { limit })),
};

// ---- Issue 12 item 3: the holiday calendar (the days off an answer period does not count). ----
import type { Holiday, HolidayYear, NewHolidayBody } from "./holiday_types";

export const holidays = {
  /** The year's days off, by date; this year (the server's) when `year` is left out. */
  ofYear: (year?: number | null) => request<HolidayYear>(withQuery("/holidays", { year })),
  /** The administrator adds a day off (409 CONFLICT "date" when the date has one already). */
  add: (body: NewHolidayBody) => request<Holiday>("/holidays", { method: "POST", json: body }),
  /** The administrator removes a day off (404 when it is gone already). */
  remove: (hid: Id | string) => request<void>(`/holidays/${id(hid)}`, { method: "DELETE" }),
};
