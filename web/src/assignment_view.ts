// Issue 12 item 3: the pure decisions of the assignment pages (unit-tested): the groups of "Pekerjaan
// saya", the labels of mechanisms, states, roles and steps, and the checks of a step form made
// here as the server makes them.
import type {
  Assignment,
  Mechanism,
  Mechanisms,
  NextStep,
  Notification,
} from "./api/assignment_types";

export interface WorkGroups {
  /** Waiting for a step the caller may take (as far as the page can tell; the server decides). */
  needsMe: Assignment[];
  /** Requested by the caller (and not waiting for them). */
  mine: Assignment[];
  /** The rest: they took a step in it or were told of it. */
  others: Assignment[];
}

/**
 * Whether a step open on `a` may be the caller's: the official's own step (`pejabat`) when the
 * caller is the official; a step of another role (an appraiser, a unit leader, an authority)
 * when the caller is neither its requester nor its official (they are listed because they are
 * asked). The server knows the roles from the structure and refuses a step that is not theirs.
 */
export function mayBeMine(step: NextStep, a: Assignment, me: number | null): boolean {
  if (me === null) return false;
  if (step.role === "pejabat") return a.official?.id === me;
  return a.requester?.id !== me && a.official?.id !== me;
}

/** The caller's assignments in three groups, each in the order the server listed them. */
export function groupAssignments(items: Assignment[], me: number | null): WorkGroups {
  const g: WorkGroups = { needsMe: [], mine: [], others: [] };
  for (const a of items) {
    if (a.next.some((n) => mayBeMine(n, a, me))) g.needsMe.push(a);
    else if (me !== null && a.requester?.id === me) g.mine.push(a);
    else g.others.push(a);
  }
  return g;
}

export function mechanismOf(m: Mechanisms, key: string): Mechanism | null {
  return m.items.find((x) => x.key === key) ?? null;
}

export function mechanismLabel(m: Mechanisms, key: string): string {
  return mechanismOf(m, key)?.label ?? key;
}

/** A state's words from its mechanism ("Menunggu persetujuan pejabat penilai"); the key else. */
export function stateLabel(m: Mechanisms, mechanism: string, state: string): string {
  return mechanismOf(m, mechanism)?.states.find((s) => s.key === state)?.label ?? state;
}

export function roleLabel(m: Mechanisms, role: string): string {
  return m.roles.find((r) => r.key === role)?.label ?? role;
}

const STEPS: Record<string, string> = {
  ajukan: "Ajukan",
  tugaskan: "Tugaskan",
  setujui: "Setujui",
  tolak: "Tolak",
  terima: "Terima penugasan",
};

/** The button's (and the history's) word for a step. */
export function stepLabel(transition: string): string {
  return STEPS[transition] ?? transition;
}

export function letterKindLabel(kind: string): string {
  return kind === "surat_perintah"
    ? "Surat Perintah"
    : kind === "surat_tugas"
      ? "Surat Tugas"
      : kind;
}

/** Whether the mechanism names an official when the step is taken (`tugaskan` across governments). */
export function stepNamesOfficial(m: Mechanism | null, state: string, transition: string): boolean {
  return !!m?.transitions.some(
    (t) => t.from === state && t.transition === transition && t.names_official,
  );
}

/** Whether an official is named when the assignment is made (every mechanism but across governments). */
export function namesOfficialAtStart(m: Pick<Mechanism, "reach"> | null): boolean {
  return m !== null && m.reach !== "lintas_instansi";
}

/** A step form's problem found here as the server would find it (null: none). */
export function stepProblem(
  step: Pick<NextStep, "reason_required">,
  reason: string,
  namesOfficial: boolean,
  officialId: string,
): { field: "reason" | "official_employee_id"; message: string } | null {
  if (step.reason_required && reason.trim() === "")
    return { field: "reason", message: "Alasan wajib diisi untuk menolak." };
  if (namesOfficial && officialId === "")
    return { field: "official_employee_id", message: "Pilih pejabat yang ditugaskan." };
  return null;
}

/** The inbox's count line: "2 belum dibaca" or "Semua sudah dibaca". */
export function unreadLine(unread: number): string {
  return unread > 0 ? `${unread} belum dibaca` : "Semua sudah dibaca";
}

/** The words for a notification's kind. */
export function notificationKindLabel(n: Pick<Notification, "kind">): string {
  return n.kind === "tenggat" ? "Tenggat" : "Langkah";
}
