// Formatting for people: NIP, Indonesian dates, labels of codes. Pure functions (unit-tested).
import type { RegulationRef } from "./api/types";

/** "196703251997032002" → "19670325 199703 2 002"; anything that is not 18 digits is returned as is. */
export function formatNip(nip: string): string {
  const d = nip.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(d)) return nip;
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

export const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];

/** "2023-12-29" → "29 Desember 2023"; "1997-03" → "Maret 1997"; other text unchanged; null → "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const full = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (full) {
    const m = MONTHS[Number(full[2]) - 1];
    if (m) return `${Number(full[3])} ${m} ${full[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) {
    const m = MONTHS[Number(month[2]) - 1];
    if (m) return `${m} ${month[1]}`;
  }
  return iso;
}

export const WEEKDAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** "2026-08-17" → "Senin" (the day of the week of a calendar date); anything else → "". */
export function weekdayName(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return "";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over into March: such a date is not one.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return "";
  return WEEKDAYS[t.getUTCDay()]!;
}

/**
 * An ISO timestamp → "29 Desember 2023 14.05" in local time. `offsetMinutes` is the local offset
 * from UTC (WIB = 420); by default the browser's. A timestamp without a zone is taken as written.
 */
export function formatTimestamp(iso: string, offsetMinutes?: number): string {
  const m =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return formatDate(iso);
  if (!m[4]) return `${formatDate(m[1])} ${m[2]}.${m[3]}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return `${formatDate(m[1])} ${m[2]}.${m[3]}`;
  const off = offsetMinutes ?? -new Date(t).getTimezoneOffset();
  const local = new Date(t + off * 60000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${formatDate(day)} ${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())}`;
}

const AUDIT_ACTIONS: Record<string, string> = {
  create: "membuat",
  update: "mengubah",
  delete: "menghapus",
  import: "mengimpor",
  end: "mengakhiri",
  sign_in: "masuk",
  sign_out: "keluar",
  sign_in_failed: "gagal masuk",
  update_scope: "mengubah cakupan",
  login: "masuk",
  logout: "keluar",
  change_password: "mengganti kata sandi",
  disable: "menonaktifkan akun",
  enable: "mengaktifkan akun",
  end_sessions: "mengakhiri semua sesi",
  end_session: "mengakhiri sesi",
};
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

/** 1 → "Level I"; 0 or unknown → "". */
export function workLevelLabel(level: number | null | undefined): string {
  return ["", "Level I", "Level II", "Level III"][level ?? 0] ?? "";
}

export function statusLabel(status: string): string {
  switch (status) {
    case "berlaku":
      return "Berlaku";
    case "dicabut":
      return "Dicabut";
    case "dicabut_sebagian":
      return "Dicabut sebagian";
    case "diganti_versi":
      return "Diganti versi baru";
    default:
      return status;
  }
}

export function severityLabel(severity: string): string {
  switch (severity) {
    case "error":
      return "Kesalahan";
    case "warning":
      return "Peringatan";
    case "info":
      return "Informasi";
    default:
      return severity;
  }
}

export function placementLabel(kind: string): string {
  switch (kind) {
    case "definitif":
      return "Definitif";
    case "plt":
      return "Plt.";
    case "plh":
      return "Plh.";
    default:
      return kind;
  }
}

export function roleLabel(role: string): string {
  switch (role) {
    case "pegawai":
      return "Pegawai";
    case "admin_registri":
      return "Admin Registri";
    case "administrator":
      return "Administrator";
    default:
      return role;
  }
}

export function regionKindLabel(kind: string): string {
  switch (kind) {
    case "provinsi":
      return "Provinsi";
    case "kabupaten":
      return "Kabupaten";
    case "kota":
      return "Kota";
    default:
      return kind;
  }
}

export function sexLabel(sex: string): string {
  if (sex === "laki-laki") return "Laki-laki";
  if (sex === "perempuan") return "Perempuan";
  return sex;
}

/** "Peraturan Gubernur Nomor 77 Tahun 2023"; a blank number is shown as "…". */
export function regulationName(r: Pick<RegulationRef, "kind" | "number" | "year">): string {
  const parts = [r.kind || "Peraturan"];
  parts.push(`Nomor ${r.number && r.number.trim() ? r.number.trim() : "…"}`);
  if (r.year) parts.push(`Tahun ${r.year}`);
  return parts.join(" ");
}

/** Text written all in capitals (as some regulations do) → sentence case; other text unchanged. */
export function sentenceCase(text: string): string {
  if (!/[A-Z]/.test(text) || /[a-z]/.test(text)) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "1–20 dari 57" style range text for a page of a list ("dari 200+" when the total is a lower bound). */
export function pageRange(offset: number, count: number, total: number, atLeast = false): string {
  if (total === 0 || count === 0) return "0 dari 0";
  return `${offset + 1}–${offset + count} dari ${total}${atLeast ? "+" : ""}`;
}

export function roleCanAdminister(role: string | null | undefined): boolean {
  return role === "admin_registri" || role === "administrator";
}

/** Kinds of structural change between two regulations (GET /agencies/{id}/history, preview). */
export function changeLabel(kind: string): string {
  switch (kind) {
    case "ditambah":
      return "Jabatan ditambah";
    case "dihapus":
      return "Jabatan dihapus";
    case "diganti_nama":
      return "Nama diganti";
    case "diubah_eselon":
      return "Eselon diubah";
    case "diubah_atasan":
      return "Atasan diubah";
    case "diubah_tugas":
      return "Uraian tugas diubah";
    default:
      return kind;
  }
}

/**
 * Whether a regulation of this kind establishes an agency: a Peraturan (Daerah, Gubernur, Bupati,
 * Wali Kota) does; a Keputusan (an agency head's decree, e.g. on IKI) is about one.
 */
export function establishes(reg: { kind: string }): boolean {
  return !reg.kind.trim().toLowerCase().startsWith("keputusan");
}
