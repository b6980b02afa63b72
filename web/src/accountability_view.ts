// Issue 12 item 5: the pure decisions of the accountability pages (unit-tested): the words for a
// report's kind and a request's state, the groups of "Laporan dan permintaan" on "Pekerjaan
// saya", the kind of report a person makes in a team, the members whose results the lead reports,
// and the checks of the report, request and escalation forms made here as the server makes them.
import type {
  AccountabilityOverview,
  Escalation,
  Report,
  ReportKind,
  ReportRequest,
} from "./api/accountability_types";
import type { Id, TeamMember } from "./api/types";
import { formatDate } from "./format";

export const REPORT_KINDS: [ReportKind, string][] = [
  ["anggota", "Laporan anggota tim (kepada ketua tim)"],
  ["tim", "Laporan tim (kepada pimpinan unit kerja pemilik kinerja)"],
  ["individu", "Laporan individu (kepada pimpinan unit kerja Anda)"],
];

const KIND_TITLES: Record<ReportKind, string> = {
  anggota: "Laporan anggota tim",
  tim: "Laporan tim",
  individu: "Laporan individu",
};

/** A report's kind as a title: "Laporan tim"; the key for a kind this page does not know. */
export function reportKindLabel(kind: string): string {
  return KIND_TITLES[kind as ReportKind] ?? kind;
}

/** "1 November 2026 – 30 November 2026" */
export function periodText(r: Pick<Report, "period_start" | "period_end">): string {
  return `${formatDate(r.period_start)} – ${formatDate(r.period_end)}`;
}

export type RequestState = "dijawab" | "terlambat" | "menunggu";

/** Answered (a report names it), overdue (open after its due date: the server's word), or open. */
export function requestState(rq: Pick<ReportRequest, "report_id" | "overdue">): RequestState {
  if (rq.report_id !== null) return "dijawab";
  return rq.overdue ? "terlambat" : "menunggu";
}

const STATE_LABELS: Record<RequestState, string> = {
  dijawab: "Sudah dijawab",
  terlambat: "Terlambat",
  menunggu: "Menunggu laporan",
};

export function requestStateLabel(s: RequestState): string {
  return STATE_LABELS[s];
}

/** "Tenggat 5 Desember 2026" and, for an open request past it, " · terlambat". */
export function dueText(rq: Pick<ReportRequest, "due" | "report_id" | "overdue">): string {
  return `Tenggat ${formatDate(rq.due)}${requestState(rq) === "terlambat" ? " · terlambat" : ""}`;
}

export interface MyAccountability {
  /** Requests asked of me: the open ones first (the earliest due first), then the answered. */
  askedOfMe: ReportRequest[];
  /** Requests I asked of others, in the server's order (newest first). */
  askedByMe: ReportRequest[];
  reportsWritten: Report[];
  reportsReceived: Report[];
  escalationsWritten: Escalation[];
  escalationsReceived: Escalation[];
}

/** The caller's reports, requests and escalations by their part in each. */
export function groupMine(o: AccountabilityOverview, me: Id | null): MyAccountability {
  const asked = o.requests.filter((r) => r.asked.id === me);
  const open = asked
    .filter((r) => r.report_id === null)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return {
    askedOfMe: [...open, ...asked.filter((r) => r.report_id !== null)],
    askedByMe: o.requests.filter((r) => r.requester.id === me && r.asked.id !== me),
    reportsWritten: o.reports.filter((r) => r.author.id === me),
    reportsReceived: o.reports.filter((r) => r.author.id !== me),
    escalationsWritten: o.escalations.filter((e) => e.author.id === me),
    escalationsReceived: o.escalations.filter((e) => e.author.id !== me),
  };
}

/** "2 permintaan laporan menunggu Anda, 1 terlambat." (null when none waits). */
export function waitingLine(askedOfMe: ReportRequest[]): string | null {
  const open = askedOfMe.filter((r) => r.report_id === null);
  if (open.length === 0) return null;
  const late = open.filter((r) => r.overdue).length;
  return `${open.length} permintaan laporan menunggu Anda${late ? `, ${late} terlambat` : ""}.`;
}

/** The team's current lead (the first, should there be more). */
export function teamLead(members: TeamMember[]): TeamMember | null {
  return members.find((m) => m.role === "ketua") ?? null;
}

/** The members whose results a team report accounts for: every current member but the lead. */
export function resultMembers(members: TeamMember[]): TeamMember[] {
  return members.filter((m) => m.role !== "ketua");
}

/** The kind of report a person makes in a team: the lead "tim", a member "anggota"; else "individu". */
export function reportKindFor(members: TeamMember[] | null, me: Id | null): ReportKind {
  const mine = members?.find((m) => m.employee_id === me);
  if (!mine) return "individu";
  return mine.role === "ketua" ? "tim" : "anggota";
}

/** Who receives a report of `kind`, in words, for the form (the server decides). */
export function recipientsText(kind: ReportKind, members: TeamMember[] | null): string {
  if (kind === "anggota") {
    const lead = members ? teamLead(members) : null;
    return lead ? `Disampaikan kepada ketua tim: ${lead.name}.` : "Disampaikan kepada ketua tim.";
  }
  if (kind === "tim")
    return "Disampaikan kepada pimpinan unit kerja pemilik kinerja tim; hasil kerja setiap anggota juga kepada pejabat penilai kinerjanya.";
  return "Disampaikan kepada pimpinan unit kerja Anda (bagi pimpinan unit: kepada atasannya).";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportInput {
  kind: string;
  team: string;
  start: string;
  end: string;
  summary: string;
}

/** The report form's problems found here as the server would find them (each at its field). */
export function reportProblems(p: ReportInput): Partial<Record<keyof ReportInput, string>> {
  const out: Partial<Record<keyof ReportInput, string>> = {};
  if (!REPORT_KINDS.some(([k]) => k === p.kind)) out.kind = "Pilih jenis laporan.";
  else if (p.kind !== "individu" && p.team === "") out.team = "Pilih tim kerja yang dilaporkan.";
  if (!DATE.test(p.start)) out.start = "Awal periode wajib diisi.";
  if (!DATE.test(p.end)) out.end = "Akhir periode wajib diisi.";
  else if (DATE.test(p.start) && p.end < p.start)
    out.end = "Akhir periode tidak boleh sebelum awalnya.";
  if (p.summary.trim() === "") out.summary = "Ringkasan laporan wajib diisi.";
  return out;
}

export interface RequestInput {
  asked: string;
  due: string;
}

/** The request form's problems found here (`today`: YYYY-MM-DD, the server's rule on `due`). */
export function requestProblems(
  p: RequestInput,
  today: string,
): Partial<Record<keyof RequestInput, string>> {
  const out: Partial<Record<keyof RequestInput, string>> = {};
  if (p.asked === "") out.asked = "Pilih pegawai yang diminta laporannya.";
  if (!DATE.test(p.due)) out.due = "Tenggat wajib diisi.";
  else if (p.due < today) out.due = "Tenggat tidak boleh sebelum hari ini.";
  return out;
}

export const MAX_ALTERNATIVES = 10;

/** The escalation's alternatives as sent: each trimmed, the empty rows left out. */
export function alternativesOf(rows: string[]): string[] {
  return rows.map((r) => r.trim()).filter((r) => r !== "");
}

/** The escalation form's problems found here: a problem, and 1 to 10 alternatives. */
export function escalationProblems(
  problem: string,
  rows: string[],
): { problem?: string; alternatives?: string } {
  const out: { problem?: string; alternatives?: string } = {};
  if (problem.trim() === "") out.problem = "Uraikan permasalahannya.";
  const n = alternativesOf(rows).length;
  if (n === 0) out.alternatives = "Sertakan sedikitnya satu alternatif rekomendasi penyelesaian.";
  else if (n > MAX_ALTERNATIVES)
    out.alternatives = `Paling banyak ${MAX_ALTERNATIVES} alternatif rekomendasi.`;
  return out;
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
