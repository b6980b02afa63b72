// The registry's rules as the server applies them to a change (src/org/nip.cpp, src/org/rank.cpp,
// src/core/eselon.cpp, src/app/registry_changes.cpp), so that a form can refuse what the server
// would refuse before sending it, with the same Indonesian message. Pure (unit-tested); the
// server stays the judge: whatever it refuses is shown as it says.

/** What an NIP says: the 18 digits, the birth date, the appointment month (TMT) and the sex. */
export interface NipInfo {
  digits: string;
  birthDate: string; // YYYY-MM-DD
  appointed: string; // YYYY-MM
  sex: "laki-laki" | "perempuan";
}

const NIP_MESSAGES = {
  empty: "NIP belum diisi.",
  length: "NIP harus 18 angka.",
  digits: "NIP hanya boleh berisi angka (spasi boleh dipakai sebagai pemisah).",
  birth:
    "Delapan angka pertama NIP harus tanggal lahir yang sah (tahun, bulan, tanggal; " +
    "tahun 1940 atau sesudahnya).",
  appointment:
    "Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang sah (bulan 01 " +
    "sampai 12, tahun 1960 atau sesudahnya).",
  young:
    "Menurut NIP, pegawai diangkat sebelum berusia 18 tahun; periksa tanggal lahir dan " +
    "tanggal pengangkatan.",
  sex: "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).",
  serial: "Tiga angka terakhir NIP (nomor urut) harus 001 sampai 999.",
} as const;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30];
  const all = [...days, 31, 31, 30, 31, 30, 31];
  return d <= all[m - 1]!;
}

/** Decodes an NIP (spaces and tabs allowed) as the server does; a string is the refusal. */
export function decodeNip(input: string): NipInfo | string {
  const s = input.replace(/[ \t]/g, "");
  if (!s) return NIP_MESSAGES.empty;
  if ([...s].length !== 18) return NIP_MESSAGES.length;
  if (!/^[0-9]{18}$/.test(s)) return NIP_MESSAGES.digits;
  const num = (from: number, len: number) => Number(s.slice(from, from + len));
  const [by, bm, bd] = [num(0, 4), num(4, 2), num(6, 2)];
  if (by < 1940 || !isCalendarDate(by, bm, bd)) return NIP_MESSAGES.birth;
  const [ay, am] = [num(8, 4), num(12, 2)];
  if (ay < 1960 || am < 1 || am > 12) return NIP_MESSAGES.appointment;
  if (ay * 12 + am < (by + 18) * 12 + bm) return NIP_MESSAGES.young;
  if (s[14] !== "1" && s[14] !== "2") return NIP_MESSAGES.sex;
  if (num(15, 3) === 0) return NIP_MESSAGES.serial;
  return {
    digits: s,
    birthDate: s.slice(0, 4) + "-" + s.slice(4, 6) + "-" + s.slice(6, 8),
    appointed: s.slice(8, 12) + "-" + s.slice(12, 14),
    sex: s[14] === "1" ? "laki-laki" : "perempuan",
  };
}

/** The 17 PNS ranks (golongan/ruang and pangkat), lowest first, as src/org/rank.cpp has them. */
export const PNS_RANKS: readonly [string, string][] = [
  ["I/a", "Juru Muda"],
  ["I/b", "Juru Muda Tingkat I"],
  ["I/c", "Juru"],
  ["I/d", "Juru Tingkat I"],
  ["II/a", "Pengatur Muda"],
  ["II/b", "Pengatur Muda Tingkat I"],
  ["II/c", "Pengatur"],
  ["II/d", "Pengatur Tingkat I"],
  ["III/a", "Penata Muda"],
  ["III/b", "Penata Muda Tingkat I"],
  ["III/c", "Penata"],
  ["III/d", "Penata Tingkat I"],
  ["IV/a", "Pembina"],
  ["IV/b", "Pembina Tingkat I"],
  ["IV/c", "Pembina Utama Muda"],
  ["IV/d", "Pembina Utama Madya"],
  ["IV/e", "Pembina Utama"],
];

const ROMAN = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
  "XVII",
];
/** The 17 PPPK grades (golongan I..XVII). */
export const PPPK_GRADES: readonly string[] = ROMAN;

/** The ranks an employee of this kind may hold: [value sent, label shown]. */
export function rankOptions(kind: string): [string, string][] {
  if (kind === "PPPK") return PPPK_GRADES.map((g) => [g, `Golongan ${g}`]);
  return PNS_RANKS.map(([code, name]) => [code, `${code} — ${name}`]);
}

/** The eselons a structural position may have, highest first ("I.a" .. "V.b"). */
export const ESELONS: readonly string[] = ["I", "II", "III", "IV", "V"].flatMap((g) => [
  `${g}.a`,
  `${g}.b`,
]);

/** A text field the server requires: not blank and at most `max` bytes of UTF-8, as it counts. */
export function textProblem(value: string, max: number, what: string): string | null {
  if (!value.trim()) return `${what} belum diisi.`;
  return lengthProblem(value, max, what);
}

/** An optional text field: at most `max` bytes of UTF-8. */
export function lengthProblem(value: string, max: number, what: string): string | null {
  if (new TextEncoder().encode(value).length > max)
    return `${what} terlalu panjang (paling banyak ${max} byte).`;
  return null;
}

/** A date as the API takes it (YYYY-MM-DD, a real calendar day). */
export function dateProblem(value: string, what: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!value) return `${what} belum diisi.`;
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return `${what} harus tanggal yang sah (TTTT-BB-HH).`;
  return null;
}

/**
 * The start of a placement as POST /placements checks it: after the employee's birth date and
 * not before the month of their appointment (both from the NIP). The server's own sentences.
 */
export function placementStartProblem(
  start: string,
  birthDate: string,
  appointed: string,
): string | null {
  const bad = dateProblem(start, "Tanggal mulai");
  if (bad) return bad;
  if (start <= birthDate)
    return `Tanggal mulai (${start}) tidak mungkin: pegawai ini lahir pada ${birthDate} (menurut NIP).`;
  if (start < `${appointed}-01`)
    return `Tanggal mulai (${start}) sebelum TMT pengangkatan pegawai ini (${appointed}, menurut NIP).`;
  return null;
}

/**
 * The decree (SK) or order of a placement: its number and its date together or not at all, as
 * POST /placements checks them; the number at most 200 bytes, the date a calendar date.
 */
export function decreeProblems(number: string, date: string): ["number" | "date", string][] {
  const out: ["number" | "date", string][] = [];
  const n = number.trim();
  if (!n && date)
    out.push(["number", "Nomor surat keputusan belum diisi, padahal tanggalnya diisi."]);
  if (n && !date)
    out.push(["date", "Tanggal surat keputusan belum diisi, padahal nomornya diisi."]);
  const long = lengthProblem(number, 200, "Nomor surat keputusan");
  if (long) out.push(["number", long]);
  const bad = date ? dateProblem(date, "Tanggal surat keputusan") : null;
  if (bad) out.push(["date", bad]);
  return out;
}

/**
 * A position's duties as the form's text gives them, one per line (blank lines left out), and
 * what PATCH /positions refuses of them: more than 200, or one over 2,000 bytes.
 */
export function dutiesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
export function dutiesProblem(duties: string[]): string | null {
  if (duties.length > 200) return "Uraian tugas paling banyak 200 butir.";
  const i = duties.findIndex((d) => new TextEncoder().encode(d).length > 2000);
  if (i >= 0) return `Butir uraian tugas ke-${i + 1} terlalu panjang (paling banyak 2000 byte).`;
  return null;
}

/** The end of a placement as POST /placements/{id}/end checks it: not before its start. */
export function placementEndProblem(end: string, start: string): string | null {
  const bad = dateProblem(end, "Tanggal berakhir");
  if (bad) return bad;
  if (end < start) return "Tanggal berakhir sebelum tanggal mulai.";
  return null;
}

/**
 * True when putting `self` under `parent` would make a loop in the tree `parentOf` (a unit under
 * one of its own descendants, a position under one of its subordinates), as the server refuses
 * with HIERARCHY_CYCLE.
 */
export function createsCycle(
  parentOf: ReadonlyMap<number, number | null>,
  self: number,
  parent: number | null,
): boolean {
  const seen = new Set<number>();
  for (let at = parent; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === self) return true;
    if (seen.has(at)) return false; // an existing loop elsewhere is not this change's doing
    seen.add(at);
  }
  return false;
}

/** The message the server gives with HIERARCHY_CYCLE (core/error.hpp). */
export const CYCLE_MESSAGE = "Perpindahan ini menempatkan data di bawah dirinya sendiri.";
