// Issue 12 item 4: the pure decisions of the activity pages (unit-tested): rupiah, the order of
// "Kegiatan saya", the team board's columns, the one timeline of steps, notes and evidence, the
// checks of the plan form and of a step form made here as the server makes them.
import type {
  Activity,
  ActivityFlow,
  ActivityNext,
  ActivityNote,
  ActivityStep,
  ActivitySummary,
  Evidence,
} from "./api/activity_types";

/** "Rp 1.500.000" (rupiah have no decimals); "Rp -5.000" for a negative amount. */
export function formatRupiah(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.trunc(Math.abs(n)));
  return `Rp ${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}

/**
 * A budget as typed: digits, optionally grouped with dots, spaces or commas and led by "Rp"
 * ("Rp 1.500.000", "1500000"). Null when empty; NaN when it is not a whole number of rupiah.
 */
export function parseRupiah(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, "");
  if (t === "") return null;
  if (!/^\d{1,3}([., ]?\d{3})*$/.test(t) && !/^\d+$/.test(t)) return NaN;
  const n = Number(t.replace(/[., ]/g, ""));
  return Number.isSafeInteger(n) ? n : NaN;
}

/** A file's size for people: "812 B", "12,5 KB", "3,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [v, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  return `${(Math.round(v * 10) / 10).toLocaleString("id-ID")} ${unit}`;
}

/** The first 12 hex digits of a SHA-256 and an ellipsis (the whole one goes in a title). */
export function shortSha(sha: string): string {
  return sha.length > 12 ? `${sha.slice(0, 12)}…` : sha;
}

/** The caller's activities: those waiting for them first, each group in the server's order. */
export function awaitingFirst<T extends Pick<ActivitySummary, "awaiting_me">>(items: T[]): T[] {
  return [...items.filter((a) => a.awaiting_me), ...items.filter((a) => !a.awaiting_me)];
}

export type BoardColumn =
  "direncanakan" | "dilaksanakan" | "ditinjau" | "perbaikan" | "selesai" | "dibatalkan";

export const BOARD_COLUMNS: [BoardColumn, string][] = [
  ["direncanakan", "Direncanakan"],
  ["dilaksanakan", "Dilaksanakan"],
  ["ditinjau", "Dalam tinjauan"],
  ["perbaikan", "Perbaikan"],
  ["selesai", "Selesai"],
  ["dibatalkan", "Dibatalkan"],
];

/** The board's column of a state: every review stop (`di_*`) is "Dalam tinjauan". */
export function boardColumnOf(state: string): BoardColumn | null {
  if (state.startsWith("di_")) return "ditinjau";
  return BOARD_COLUMNS.some(([k]) => k === state) ? (state as BoardColumn) : null;
}

/** A team's activities in the board's columns, in order, each in the server's order. */
export function boardColumns<T extends Pick<ActivitySummary, "state">>(
  items: T[],
): { key: BoardColumn; label: string; items: T[] }[] {
  const cols = BOARD_COLUMNS.map(([key, label]) => ({ key, label, items: [] as T[] }));
  for (const a of items) {
    const c = boardColumnOf(a.state);
    // A state this page does not know is still shown: under review, the widest column.
    cols.find((x) => x.key === (c ?? "ditinjau"))!.items.push(a);
  }
  return cols;
}

type History = Pick<Activity, "steps" | "steps_total" | "notes" | "notes_total">;

/**
 * What the activity's answer left out of its history (the server sends the newest 20 steps and
 * notes): "" when nothing, else the line that says what is shown.
 */
export function historyLeftOut(a: History): string {
  const parts: string[] = [];
  if (a.steps_total > a.steps.length)
    parts.push(`${a.steps.length} langkah terakhir dari ${a.steps_total}`);
  if (a.notes_total > a.notes.length)
    parts.push(`${a.notes.length} catatan terakhir dari ${a.notes_total}`);
  return parts.length === 0 ? "" : `Menampilkan ${parts.join(" dan ")}.`;
}

export type TimelineEntry =
  | { kind: "step"; at: string; step: ActivityStep }
  | { kind: "note"; at: string; note: ActivityNote }
  | { kind: "evidence"; at: string; evidence: Evidence };

/**
 * Steps, notes and evidence uploads in one list in time order (oldest first); at the same
 * instant a step comes before a note and a note before an upload (the server's order within each).
 */
export function timelineOf(a: Pick<Activity, "steps" | "notes" | "evidence">): TimelineEntry[] {
  const rank = { step: 0, note: 1, evidence: 2 };
  const all: TimelineEntry[] = [
    ...a.steps.map((step) => ({ kind: "step" as const, at: step.at, step })),
    ...a.notes.map((note) => ({ kind: "note" as const, at: note.at, note })),
    ...a.evidence.map((evidence) => ({ kind: "evidence" as const, at: evidence.at, evidence })),
  ];
  return all
    .map((e, i) => ({ e, i }))
    .sort((x, y) => {
      const t = Date.parse(x.e.at) - Date.parse(y.e.at);
      if (t !== 0 && !Number.isNaN(t)) return t;
      return rank[x.e.kind] - rank[y.e.kind] || x.i - y.i;
    })
    .map((x) => x.e);
}

const STEPS: Record<string, string> = {
  rencanakan: "Rencanakan",
  mulai: "Mulai",
  ajukan: "Ajukan untuk ditinjau",
  teruskan: "Teruskan",
  terima: "Terima (selesai)",
  kembalikan: "Kembalikan untuk perbaikan",
  batalkan: "Batalkan",
};

/** The button's (and the timeline's) word for a step. */
export function activityStepLabel(transition: string): string {
  return STEPS[transition] ?? transition;
}

/** A state's words from the activity's flow; the key else. */
export function flowStateLabel(flow: ActivityFlow | null, state: string): string {
  return flow?.states.find((s) => s.key === state)?.label ?? state;
}

/** A role's words from the flow's transitions ("Pejabat Level II"); for an author of a note too. */
export function flowRoleLabel(flow: ActivityFlow | null, role: string): string {
  const t = flow?.transitions.find((x) => x.role === role);
  if (t) return t.role_label;
  return ROLES[role] ?? role;
}

const ROLES: Record<string, string> = {
  pelaksana: "Pelaksana",
  perencana: "Perencana",
  ketua: "Ketua tim",
  level_ii: "Pejabat Level II",
  level_antara: "Pejabat Level antara",
  level_i: "Pejabat Level I",
  peran: "Pemegang peran",
};

export interface PlanInput {
  title: string;
  start: string;
  end: string;
  budget: string;
}

/** The plan form's problems found here as the server would find them (each at its field). */
export function planProblems(p: PlanInput): Partial<Record<keyof PlanInput, string>> {
  const out: Partial<Record<keyof PlanInput, string>> = {};
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (p.title.trim() === "") out.title = "Judul kegiatan wajib diisi.";
  if (!date.test(p.start)) out.start = "Tanggal mulai wajib diisi.";
  if (!date.test(p.end)) out.end = "Tanggal selesai wajib diisi.";
  else if (date.test(p.start) && p.end < p.start)
    out.end = "Tanggal selesai tidak boleh sebelum tanggal mulai.";
  const b = parseRupiah(p.budget);
  if (b !== null && (Number.isNaN(b) || b < 0))
    out.budget = "Anggaran ditulis dalam rupiah tanpa sen, mis. 1.500.000.";
  return out;
}

/** A step form's problem found here (null: none): a return or a cancellation needs its reason. */
export function activityStepProblem(
  step: { reason_required: boolean; transition: string },
  reason: string,
): string | null {
  if (step.reason_required && reason.trim() === "")
    return step.transition === "batalkan"
      ? "Alasan wajib diisi untuk membatalkan."
      : "Alasan wajib diisi untuk mengembalikan kegiatan.";
  return null;
}

/** A progress note's percent as typed: 0-100 whole; null when empty; NaN otherwise. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return null;
  if (!/^\d{1,3}$/.test(t)) return NaN;
  const n = Number(t);
  return n <= 100 ? n : NaN;
}

/** Who the activity waits for: the roles of its open steps, a cancellation's only when nothing else is open. */
export function waitingFor(next: ActivityNext[]): string[] {
  const moving = next.filter((s) => s.transition !== "batalkan");
  return [...new Set((moving.length ? moving : next).map((s) => s.role_label))];
}
