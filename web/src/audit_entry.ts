// An audit entry in words (issue 11, "a readable audit"): who did what to which record, as an
// Indonesian sentence with the record's name linked to its page, and the change as before → after
// per field, with ids named and linked. Pure (no DOM; unit-tested in audit_entry.test.ts).
import type { AuditEntry } from "./api/types";
import { formatDate, placementLabel, roleLabel } from "./format";
import { paths } from "./router";

/** A piece of text, linked when `href` is set. */
export interface Piece {
  text: string;
  href?: string;
}

/** One field's change. */
export interface FieldChange {
  field: string;
  label: string;
  before: Piece;
  after: Piece;
}

/** Kinds of change (the `action` of an entry), as the filter lists them and the sentence says them. */
export const AUDIT_ACTION_VERBS: Record<string, string> = {
  create: "menambahkan",
  update: "mengubah",
  move: "memindahkan",
  delete: "menghapus",
  import: "mengimpor",
  end: "mengakhiri",
  sign_in: "masuk",
  sign_out: "keluar",
  sign_in_failed: "gagal masuk",
  update_scope: "mengubah cakupan",
  change_password: "mengganti kata sandi",
  disable: "menonaktifkan",
  enable: "mengaktifkan",
  end_sessions: "mengakhiri semua sesi",
  end_session: "mengakhiri sesi",
};

/** Labels of the kinds of change for the filter. */
export const AUDIT_ACTION_LABELS: [string, string][] = [
  ["create", "Penambahan"],
  ["update", "Perubahan"],
  ["move", "Pemindahan"],
  ["import", "Impor (peraturan, tabel pegawai)"],
  ["sign_in", "Masuk"],
  ["sign_out", "Keluar"],
  ["sign_in_failed", "Gagal masuk"],
  ["change_password", "Ganti kata sandi"],
  ["disable", "Penonaktifan akun"],
  ["enable", "Pengaktifan akun"],
  ["end_sessions", "Pengakhiran sesi"],
];

/** Kinds of record (the `entity` of an entry): the word the sentence uses. */
export const AUDIT_ENTITY_WORDS: Record<string, string> = {
  employee: "data pegawai",
  placement: "penempatan",
  position: "jabatan",
  unit: "unit organisasi",
  regulation: "peraturan",
  agency: "perangkat daerah",
  agency_staff: "pegawai perangkat daerah",
  user: "akun",
  people: "tabel pegawai ke", // issue 11, item 9: the subject is the agency
  team: "tim",
  work_rule: "aturan sistem kerja",
  // Issue 12: the work system's records.
  assignment: "penugasan",
  activity: "kegiatan",
  evidence: "bukti dukung",
  letter: "surat",
  letter_scheme: "pola penomoran surat",
  report: "laporan",
  report_request: "permintaan laporan",
  escalation: "eskalasi masalah",
  notification: "pemberitahuan",
  holiday: "hari libur",
};

/** Labels of the kinds of record for the filter. */
export const AUDIT_ENTITY_LABELS: [string, string][] = [
  ["employee", "Pegawai"],
  ["placement", "Penempatan"],
  ["position", "Jabatan"],
  ["unit", "Unit organisasi"],
  ["regulation", "Peraturan"],
  ["user", "Akun"],
  ["people", "Tabel pegawai (impor)"],
  ["team", "Tim"],
  ["work_rule", "Aturan sistem kerja"],
  ["assignment", "Penugasan"],
  ["activity", "Kegiatan"],
  ["letter", "Surat"],
  ["report", "Laporan"],
  ["holiday", "Hari libur"],
];

const FIELD_LABELS: Record<string, string> = {
  name: "Nama",
  title: "Nama jabatan",
  eselon: "Eselon",
  code: "Kode jabatan",
  summary: "Rumusan tugas",
  superior_id: "Atasan langsung",
  appraiser_id: "Pejabat penilai kinerja",
  unit_id: "Unit organisasi",
  parent_id: "Unit induk",
  agency_id: "Perangkat daerah",
  kind: "Jenis",
  rank: "Pangkat/golongan",
  nip: "NIP",
  region_id: "Daerah",
  employee_id: "Pegawai",
  position_id: "Jabatan",
  start: "Mulai (TMT)",
  end: "Selesai",
  secondment_decree: "SK penugasan",
  username: "Nama pengguna",
  display_name: "Nama tampilan",
  role: "Peran",
  active: "Aktif",
  client_address: "Alamat jaringan",
  sessions_ended: "Sesi yang diakhiri",
  session_id: "Sesi",
  regulation_id: "Peraturan",
  number: "Nomor",
  articles: "Jumlah pasal",
  revoked: "Peraturan yang dicabut",
  changes: "Perubahan struktur",
  sha256: "Sidik naskah (SHA-256)",
  scope_region_id: "Cakupan daerah",
  agencies: "Perangkat daerah",
  previous_version_id: "Versi sebelumnya",
  version: "Versi",
  year: "Tahun",
  employees: "Jumlah pegawai",
  whole: "Seluruhnya",
};

/** A field whose word depends on the kind of record. */
function entityFieldLabel(entity: string, field: string): string | undefined {
  if (field === "title" && entity === "regulation") return "Judul";
  if (field === "kind" && entity === "regulation") return "Jenis peraturan";
  if (field === "kind" && entity === "placement") return "Jenis penempatan";
  return undefined;
}

/** Which kind of record an id field names (for its name and link). */
const REF_KINDS: Record<string, string> = {
  superior_id: "position",
  appraiser_id: "position",
  position_id: "position",
  unit_id: "unit",
  parent_id: "unit",
  employee_id: "employee",
  region_id: "region",
  scope_region_id: "region",
  agency_id: "agency",
  regulation_id: "regulation",
};

/** Fields never shown as a change (the record's own id). */
const HIDDEN_FIELDS = new Set(["id"]);

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ");
}

/** The page of a record, or undefined when it has none. */
export function recordPath(kind: string, id: number | string): string | undefined {
  switch (kind) {
    case "employee":
      return paths.employee(id);
    case "position":
      return paths.position(id);
    case "unit":
      return paths.unit(id);
    case "agency":
    case "people": // a people import: the agency the table was read into
      return paths.agency(id);
    case "region":
      return paths.region(id);
    case "regulation":
      return paths.regulation(id);
    default:
      return undefined;
  }
}

/** The record an entry is about, named and linked: "jabatan Kepala Bidang X". */
export function auditSubject(e: AuditEntry): Piece | null {
  const s = e.subject;
  if (e.entity === "placement") {
    if (!s) return e.entity_id ? { text: `penempatan (tidak ada lagi)` } : null;
    return {
      text: `${s.name}${s.position_title ? ` sebagai ${s.position_title}` : ""}`,
      href: s.employee_id !== undefined ? paths.employee(s.employee_id) : undefined,
    };
  }
  if (!s) {
    const name = nameIn(e.after) ?? nameIn(e.before);
    return name ? { text: name } : null;
  }
  const text = e.entity === "user" && s.username ? `${s.name} (${s.username})` : s.name;
  return { text, href: recordPath(e.entity, s.id) };
}

function nameIn(record: unknown): string | undefined {
  if (!record || typeof record !== "object") return undefined;
  const r = record as Record<string, unknown>;
  for (const k of ["name", "title", "display_name", "username"]) {
    const v = r[k];
    if (typeof v === "string" && v) return v;
  }
  return undefined;
}

/**
 * The entry as a sentence: pieces to join ("organisasi", " mengubah ", "jabatan ",
 * {text: "Kepala Bidang X", href: "/jabatan/12"}). Sign-ins and the like have no object.
 */
export function auditSentence(e: AuditEntry): Piece[] {
  const actor: Piece = { text: e.username || "sistem" };
  const verb = AUDIT_ACTION_VERBS[e.action] ?? e.action.replace(/_/g, " ");
  const own =
    e.entity === "user" &&
    ["sign_in", "sign_out", "sign_in_failed", "change_password", "end_session"].includes(e.action);
  if (own) return [actor, { text: ` ${verb}` }];
  const word = AUDIT_ENTITY_WORDS[e.entity] ?? e.entity.replace(/_/g, " ");
  const subject = auditSubject(e);
  const pieces: Piece[] = [actor, { text: ` ${verb} ${word}` }];
  if (subject) pieces.push({ text: " " }, subject);
  return pieces;
}

/** The sentence as plain text (for a screen reader's summary and the tests). */
export function auditSentenceText(e: AuditEntry): string {
  return auditSentence(e)
    .map((p) => p.text)
    .join("");
}

/** A field's value in words, named and linked where it is the id of a record. */
export function auditValue(e: AuditEntry, field: string, value: unknown): Piece {
  if (value === null || value === undefined || value === "") return { text: "—" };
  const ref = REF_KINDS[field];
  if (ref && (typeof value === "number" || typeof value === "string")) {
    const name = e.names?.[`${ref}/${value}`];
    return { text: name ?? `#${value}`, href: recordPath(ref, value) };
  }
  if (typeof value === "boolean") return { text: value ? "ya" : "tidak" };
  if (typeof value === "string" && field === "kind" && e.entity === "placement")
    return { text: placementLabel(value) };
  if (typeof value === "string" && field === "role") return { text: roleLabel(value) };
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { text: formatDate(value) };
    return { text: value.length > 200 ? `${value.slice(0, 200)}…` : value };
  }
  if (Array.isArray(value)) return { text: value.length === 0 ? "—" : `${value.length} butir` };
  if (typeof value === "number" || typeof value === "bigint") return { text: String(value) };
  return { text: JSON.stringify(value).slice(0, 200) };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The change as before → after per field: for an update or move the fields that changed; for a
 * record added or an event, every field of what was recorded (before "—").
 */
export function auditChanges(e: AuditEntry): FieldChange[] {
  const before =
    e.before && typeof e.before === "object" ? (e.before as Record<string, unknown>) : {};
  const after = e.after && typeof e.after === "object" ? (e.after as Record<string, unknown>) : {};
  const fields: string[] = [];
  for (const k of [...Object.keys(before), ...Object.keys(after)]) {
    if (!HIDDEN_FIELDS.has(k) && !fields.includes(k)) fields.push(k);
  }
  const both = e.before !== null && e.before !== undefined && e.after !== null;
  return fields
    .filter((f) => !both || !same(before[f], after[f]))
    .map((f) => ({
      field: f,
      label: entityFieldLabel(e.entity, f) ?? fieldLabel(f),
      before: auditValue(e, f, before[f]),
      after: auditValue(e, f, after[f]),
    }));
}
