// Routes of the interface: parse a location into a Route, and build paths. Pure (unit-tested).

export type Route =
  | { name: "home" }
  | { name: "region"; id: string }
  | { name: "agency"; id: string }
  | { name: "position"; id: string }
  | { name: "employees"; q: string; page: number }
  | { name: "employee"; id: string }
  | { name: "regulation"; id: string; article: string | null }
  | { name: "login"; next: string }
  | { name: "upload" }
  | { name: "audit"; before: string | null }
  | { name: "account" }
  | { name: "accounts"; page: number }
  | { name: "notFound"; path: string }
  // Issue 12: the work system.
  | { name: "workRules"; id: string }
  | { name: "team"; id: string; on: string | null };

const ID = "([0-9A-Za-z_-]{1,64})";

const table: [RegExp, (m: RegExpExecArray, q: URLSearchParams) => Route][] = [
  [/^\/$/, () => ({ name: "home" })],
  [new RegExp(`^/wilayah/${ID}$`), (m) => ({ name: "region", id: m[1]! })],
  [new RegExp(`^/perangkat-daerah/${ID}$`), (m) => ({ name: "agency", id: m[1]! })],
  [new RegExp(`^/jabatan/${ID}$`), (m) => ({ name: "position", id: m[1]! })],
  [/^\/pegawai$/, (_m, q) => ({ name: "employees", q: q.get("q") ?? "", page: pageOf(q) })],
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
  [/^\/audit$/, (_m, q) => ({ name: "audit", before: validId(q.get("sebelum")) })],
  [/^\/akun-saya$/, () => ({ name: "account" })],
  [/^\/akun$/, (_m, q) => ({ name: "accounts", page: pageOf(q) })],
  // Issue 12: the work system.
  [new RegExp(`^/wilayah/${ID}/sistem-kerja$`), (m) => ({ name: "workRules", id: m[1]! })],
  [
    new RegExp(`^/tim/${ID}$`),
    (m, q) => {
      const on = q.get("tanggal");
      return { name: "team", id: m[1]!, on: on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : null };
    },
  ],
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
  employees: (q = "", page = 1) => {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
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
  audit: (before?: IdLike | null) =>
    before === undefined || before === null ? "/audit" : `/audit?sebelum=${enc(before)}`,
  account: () => "/akun-saya",
  accounts: (page = 1) => (page > 1 ? `/akun?hal=${page}` : "/akun"),
  // Issue 12: the work system.
  workRules: (id: IdLike) => `/wilayah/${enc(id)}/sistem-kerja`,
  team: (id: IdLike, on?: string | null) =>
    on ? `/tim/${enc(id)}?tanggal=${encodeURIComponent(on)}` : `/tim/${enc(id)}`,
};
