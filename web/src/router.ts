// Routes of the interface: parse a location into a Route, and build paths. Pure (unit-tested).

export type Route =
  | { name: "home" }
  | { name: "region"; id: string }
  | { name: "agency"; id: string }
  | { name: "position"; id: string }
  | { name: "employees"; q: string; page: number; filters: PeopleFilters }
  | { name: "employee"; id: string }
  | { name: "regulation"; id: string; article: string | null }
  | { name: "login"; next: string }
  | { name: "upload" }
  | { name: "audit"; before: string | null; filters: AuditFilters }
  | { name: "account" }
  | { name: "profile" }
  | { name: "accounts"; page: number }
  | { name: "notFound"; path: string }
  // Registry changes from the web (issue 11, item 2): the forms of a registry administrator.
  | { name: "positionEdit"; id: string }
  | { name: "unitEdit"; agencyId: string; unit: string | null }
  | { name: "employeeNew" }
  | { name: "employeeEdit"; id: string }
  | { name: "placementNew"; employeeId: string; position: string | null }
  | { name: "placementEnd"; employeeId: string; placementId: string }
  | { name: "placementMove"; employeeId: string; placementId: string }
  | { name: "unit"; id: string }
  // Issue 12: the work system.
  | { name: "workRules"; id: string }
  | { name: "team"; id: string; on: string | null }
  // Issue 11, item 9: people imported from a table into an agency.
  | { name: "peopleImport"; agencyId: string }
  // Issue 12 item 6: a letter, and the public verification of its QR code.
  | { name: "letter"; id: string }
  | { name: "verification"; token: string }
  // Issue 12 item 3: assignments (penugasan) and the inbox.
  | { name: "myWork" }
  | { name: "assignment"; id: string }
  | { name: "assignmentNew" }
  // Issue 12 item 4: activities (kegiatan).
  | { name: "activity"; id: string }
  | { name: "activityNew"; team: string | null }
  // Issue 12 item 5: accountability (reports, requests for a report).
  | { name: "report"; id: string }
  | { name: "reportNew"; team: string | null; request: string | null }
  // Issue 12 item 6 on the web: issuing a letter, and an agency's letter numbering.
  | { name: "letterNew"; agency: string | null; team: string | null }
  | { name: "letterScheme"; agencyId: string }
  // Issue 12 item 3: the holiday calendar (a year's days off; null: this year).
  | { name: "holidays"; year: number | null };

// ---- Issue 11: the filters of the people list and of the audit page, kept in the address ----

/** The people list's filters (URL: ?wilayah=&pd=&unit=&pangkat=&status=&lowong=1); "" for none. */
export interface PeopleFilters {
  region: string;
  agency: string;
  unit: string;
  rank: string;
  kind: string;
  /** List the agency's vacant positions instead of people. */
  vacant: boolean;
}

/** The audit page's filters (URL: ?pengguna=&tindakan=&data=&dari=&sampai=); "" for none. */
export interface AuditFilters {
  username: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}

const PEOPLE_KEYS: [keyof Omit<PeopleFilters, "vacant">, string][] = [
  ["region", "wilayah"],
  ["agency", "pd"],
  ["unit", "unit"],
  ["rank", "pangkat"],
  ["kind", "status"],
];
const AUDIT_KEYS: [keyof AuditFilters, string][] = [
  ["username", "pengguna"],
  ["action", "tindakan"],
  ["entity", "data"],
  ["from", "dari"],
  ["to", "sampai"],
];

const word = (v: string | null, re: RegExp) => (v && re.test(v) ? v : "");

export function peopleFiltersOf(q: URLSearchParams): PeopleFilters {
  return {
    region: validId(q.get("wilayah")) ?? "",
    agency: validId(q.get("pd")) ?? "",
    unit: validId(q.get("unit")) ?? "",
    rank: word(q.get("pangkat"), /^[A-Za-z0-9/.]{1,40}$/),
    kind: word(q.get("status"), /^(PNS|PPPK)$/),
    vacant: q.get("lowong") === "1",
  };
}

export function auditFiltersOf(q: URLSearchParams): AuditFilters {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return {
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    username: word(q.get("pengguna"), /^[^\u0000-\u001f]{1,100}$/),
    action: word(q.get("tindakan"), /^[a-z_]{1,40}$/),
    entity: word(q.get("data"), /^[a-z_]{1,40}$/),
    from: word(q.get("dari"), date),
    to: word(q.get("sampai"), date),
  };
}

export const noPeopleFilters: PeopleFilters = {
  region: "",
  agency: "",
  unit: "",
  rank: "",
  kind: "",
  vacant: false,
};
export const noAuditFilters: AuditFilters = {
  username: "",
  action: "",
  entity: "",
  from: "",
  to: "",
};

function setFilters(p: URLSearchParams, f: Partial<PeopleFilters> | Partial<AuditFilters>) {
  const keys = "username" in f || "action" in f || "from" in f ? AUDIT_KEYS : PEOPLE_KEYS;
  for (const [k, name] of keys) {
    const v = (f as Record<string, unknown>)[k];
    if (typeof v === "string" && v) p.set(name, v);
  }
  if ((f as Partial<PeopleFilters>).vacant) p.set("lowong", "1");
}

const ID = "([0-9A-Za-z_-]{1,64})";

const table: [RegExp, (m: RegExpExecArray, q: URLSearchParams) => Route][] = [
  [/^\/$/, () => ({ name: "home" })],
  [new RegExp(`^/wilayah/${ID}$`), (m) => ({ name: "region", id: m[1]! })],
  [new RegExp(`^/perangkat-daerah/${ID}$`), (m) => ({ name: "agency", id: m[1]! })],
  [new RegExp(`^/jabatan/${ID}$`), (m) => ({ name: "position", id: m[1]! })],
  [
    /^\/pegawai$/,
    (_m, q) => ({
      name: "employees",
      q: q.get("q") ?? "",
      page: pageOf(q),
      filters: peopleFiltersOf(q),
    }),
  ],
  [new RegExp(`^/pegawai/${ID}$`), (m) => ({ name: "employee", id: m[1]! })],
  [
    new RegExp(`^/peraturan/${ID}$`),
    (m, q) => ({
      name: "regulation",
      id: m[1]!,
      article: validId(q.get("pasal")),
    }),
  ],
  [/^\/masuk$/, (_m, q) => ({ name: "login", next: safeNext(q.get("kembali")) })],
  [/^\/unggah$/, () => ({ name: "upload" })],
  [
    /^\/audit$/,
    (_m, q) => ({ name: "audit", before: validId(q.get("sebelum")), filters: auditFiltersOf(q) }),
  ],
  [/^\/akun-saya$/, () => ({ name: "account" })],
  [/^\/profil-saya$/, () => ({ name: "profile" })],
  [/^\/akun$/, (_m, q) => ({ name: "accounts", page: pageOf(q) })],
  // Registry changes from the web (issue 11, item 2).
  [new RegExp(`^/jabatan/${ID}/ubah$`), (m) => ({ name: "positionEdit", id: m[1]! })],
  [
    new RegExp(`^/perangkat-daerah/${ID}/ubah-unit$`),
    (m, q) => ({ name: "unitEdit", agencyId: m[1]!, unit: validId(q.get("unit")) }),
  ],
  [/^\/pegawai-baru$/, () => ({ name: "employeeNew" })],
  [new RegExp(`^/pegawai/${ID}/ubah$`), (m) => ({ name: "employeeEdit", id: m[1]! })],
  [
    new RegExp(`^/pegawai/${ID}/tempatkan$`),
    (m, q) => ({ name: "placementNew", employeeId: m[1]!, position: validId(q.get("jabatan")) }),
  ],
  [
    new RegExp(`^/pegawai/${ID}/penempatan/${ID}/akhiri$`),
    (m) => ({ name: "placementEnd", employeeId: m[1]!, placementId: m[2]! }),
  ],
  [
    new RegExp(`^/pegawai/${ID}/penempatan/${ID}/pindah$`),
    (m) => ({ name: "placementMove", employeeId: m[1]!, placementId: m[2]! }),
  ],
  // Issue 11: a unit's page.
  [new RegExp(`^/unit/${ID}$`), (m) => ({ name: "unit", id: m[1]! })],
  // Issue 12: the work system.
  [new RegExp(`^/wilayah/${ID}/sistem-kerja$`), (m) => ({ name: "workRules", id: m[1]! })],
  [
    new RegExp(`^/tim/${ID}$`),
    (m, q) => {
      const on = q.get("tanggal");
      return { name: "team", id: m[1]!, on: on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : null };
    },
  ],
  // Issue 11, item 9.
  [
    new RegExp(`^/perangkat-daerah/${ID}/impor-pegawai$`),
    (m) => ({ name: "peopleImport", agencyId: m[1]! }),
  ],
  // Issue 12 item 6: letters.
  [new RegExp(`^/surat/${ID}$`), (m) => ({ name: "letter", id: m[1]! })],
  [new RegExp(`^/verifikasi/${ID}$`), (m) => ({ name: "verification", token: m[1]! })],
  // Issue 12 item 3: assignments and the inbox.
  [/^\/pekerjaan-saya$/, () => ({ name: "myWork" })],
  [new RegExp(`^/penugasan/${ID}$`), (m) => ({ name: "assignment", id: m[1]! })],
  [/^\/penugasan-baru$/, () => ({ name: "assignmentNew" })],
  // Issue 12 item 4: activities.
  [new RegExp(`^/kegiatan/${ID}$`), (m) => ({ name: "activity", id: m[1]! })],
  [/^\/kegiatan-baru$/, (_m, q) => ({ name: "activityNew", team: validId(q.get("tim")) })],
  // Issue 12 item 5: accountability.
  [new RegExp(`^/laporan/${ID}$`), (m) => ({ name: "report", id: m[1]! })],
  [
    /^\/laporan-baru$/,
    (_m, q) => ({
      name: "reportNew",
      team: validId(q.get("tim")),
      request: validId(q.get("permintaan")),
    }),
  ],
  // Issue 12 item 6 on the web: issuing a letter, and an agency's letter numbering.
  [
    /^\/surat-baru$/,
    (_m, q) => ({
      name: "letterNew",
      agency: validId(q.get("lembaga")),
      team: validId(q.get("tim")),
    }),
  ],
  [
    new RegExp(`^/perangkat-daerah/${ID}/penomoran-surat$`),
    (m) => ({ name: "letterScheme", agencyId: m[1]! }),
  ],
  // Issue 12 item 3: the holiday calendar.
  [/^\/hari-libur$/, (_m, q) => ({ name: "holidays", year: yearOf(q.get("tahun")) })],
];

export function parseRoute(pathname: string, search = ""): Route {
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    /* keep as is */
  }
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  const q = new URLSearchParams(search);
  for (const [re, make] of table) {
    const m = re.exec(path);
    if (m) return make(m, q);
  }
  return { name: "notFound", path: pathname };
}

function pageOf(q: URLSearchParams): number {
  const n = Number(q.get("hal") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

/** A year the holiday calendar can show (1900..2200, as the server takes it); null otherwise. */
function yearOf(v: string | null): number | null {
  if (!v || !/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1900 && n <= 2200 ? n : null;
}

function validId(v: string | null): string | null {
  return v && /^[0-9A-Za-z_-]{1,64}$/.test(v) ? v : null;
}

/** Only a path of this site may be a place to return to after sign-in (no "//host", no scheme). */
export function safeNext(v: string | null): string {
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return "/";
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f]/.test(v)) return "/";
  return v;
}

type IdLike = string | number;
const enc = (v: IdLike) => encodeURIComponent(String(v));

export const paths = {
  home: () => "/",
  region: (id: IdLike) => `/wilayah/${enc(id)}`,
  agency: (id: IdLike) => `/perangkat-daerah/${enc(id)}`,
  position: (id: IdLike) => `/jabatan/${enc(id)}`,
  employees: (q = "", page = 1, filters: Partial<PeopleFilters> = {}) => {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    setFilters(p, filters);
    if (page > 1) p.set("hal", String(page));
    const s = p.toString();
    return s ? `/pegawai?${s}` : "/pegawai";
  },
  employee: (id: IdLike) => `/pegawai/${enc(id)}`,
  regulation: (id: IdLike, article?: IdLike | null) =>
    article === undefined || article === null
      ? `/peraturan/${enc(id)}`
      : `/peraturan/${enc(id)}?pasal=${enc(article)}`,
  login: (next?: string) =>
    next && next !== "/" ? `/masuk?kembali=${encodeURIComponent(next)}` : "/masuk",
  upload: () => "/unggah",
  audit: (before?: IdLike | null, filters: Partial<AuditFilters> = {}) => {
    const p = new URLSearchParams();
    setFilters(p, filters);
    if (before !== undefined && before !== null) p.set("sebelum", String(before));
    const s = p.toString();
    return s ? `/audit?${s}` : "/audit";
  },
  account: () => "/akun-saya",
  profile: () => "/profil-saya",
  accounts: (page = 1) => (page > 1 ? `/akun?hal=${page}` : "/akun"),
  // Registry changes from the web (issue 11, item 2).
  positionEdit: (id: IdLike) => `/jabatan/${enc(id)}/ubah`,
  unitEdit: (agencyId: IdLike, unit?: IdLike | null) =>
    unit === undefined || unit === null
      ? `/perangkat-daerah/${enc(agencyId)}/ubah-unit`
      : `/perangkat-daerah/${enc(agencyId)}/ubah-unit?unit=${enc(unit)}`,
  employeeNew: () => "/pegawai-baru",
  employeeEdit: (id: IdLike) => `/pegawai/${enc(id)}/ubah`,
  placementNew: (employeeId: IdLike, position?: IdLike | null) =>
    position === undefined || position === null
      ? `/pegawai/${enc(employeeId)}/tempatkan`
      : `/pegawai/${enc(employeeId)}/tempatkan?jabatan=${enc(position)}`,
  placementEnd: (employeeId: IdLike, placementId: IdLike) =>
    `/pegawai/${enc(employeeId)}/penempatan/${enc(placementId)}/akhiri`,
  placementMove: (employeeId: IdLike, placementId: IdLike) =>
    `/pegawai/${enc(employeeId)}/penempatan/${enc(placementId)}/pindah`,
  unit: (id: IdLike) => `/unit/${enc(id)}`,
  // Issue 12: the work system.
  workRules: (id: IdLike) => `/wilayah/${enc(id)}/sistem-kerja`,
  team: (id: IdLike, on?: string | null) =>
    on ? `/tim/${enc(id)}?tanggal=${encodeURIComponent(on)}` : `/tim/${enc(id)}`,
  // Issue 11, item 9.
  peopleImport: (agencyId: IdLike) => `/perangkat-daerah/${enc(agencyId)}/impor-pegawai`,
  // Issue 12 item 6: letters.
  letter: (id: IdLike) => `/surat/${enc(id)}`,
  verification: (token: string) => `/verifikasi/${enc(token)}`,
  // Issue 12 item 3: assignments and the inbox.
  myWork: () => "/pekerjaan-saya",
  assignment: (id: IdLike) => `/penugasan/${enc(id)}`,
  assignmentNew: () => "/penugasan-baru",
  // Issue 12 item 4: activities.
  activity: (id: IdLike) => `/kegiatan/${enc(id)}`,
  activityNew: (team?: IdLike | null) =>
    team === undefined || team === null ? "/kegiatan-baru" : `/kegiatan-baru?tim=${enc(team)}`,
  // Issue 12 item 5: accountability.
  report: (id: IdLike) => `/laporan/${enc(id)}`,
  reportNew: (opts: { team?: IdLike | null; request?: IdLike | null } = {}) => {
    const p = new URLSearchParams();
    if (opts.team !== undefined && opts.team !== null) p.set("tim", String(opts.team));
    if (opts.request !== undefined && opts.request !== null)
      p.set("permintaan", String(opts.request));
    const s = p.toString();
    return s ? `/laporan-baru?${s}` : "/laporan-baru";
  },
  // Issue 12 item 6 on the web: issuing a letter, and an agency's letter numbering.
  letterNew: (opts: { agency?: IdLike | null; team?: IdLike | null } = {}) => {
    const p = new URLSearchParams();
    if (opts.agency !== undefined && opts.agency !== null) p.set("lembaga", String(opts.agency));
    if (opts.team !== undefined && opts.team !== null) p.set("tim", String(opts.team));
    const s = p.toString();
    return s ? `/surat-baru?${s}` : "/surat-baru";
  },
  letterScheme: (agencyId: IdLike) => `/perangkat-daerah/${enc(agencyId)}/penomoran-surat`,
  // Issue 12 item 3: the holiday calendar.
  holidays: (year?: number | null) =>
    year === undefined || year === null ? "/hari-libur" : `/hari-libur?tahun=${year}`,
};
