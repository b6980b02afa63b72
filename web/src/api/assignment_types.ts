// Assignments (penugasan) and the in-app inbox (issue 12 item 3): the API's forms (docs/api.md,
// "Assignments and the inbox").
import type { Id } from "./types";

export type Reach = "sama_unit" | "lintas_unit" | "lintas_instansi";

export interface MechanismState {
  key: string;
  label: string;
  waiting: boolean;
  final: boolean;
}

export interface MechanismTransition {
  from: string;
  transition: string;
  to: string;
  role: string;
  reason_required: boolean;
  names_official: boolean;
}

export interface Mechanism {
  key: string;
  label: string;
  reach: Reach;
  first: { transition: string; role: string; to: string };
  states: MechanismState[];
  transitions: MechanismTransition[];
}

export interface Mechanisms {
  items: Mechanism[];
  roles: { key: string; label: string }[];
}

export interface Ref {
  id: Id;
  name: string;
}

export interface NextStep {
  transition: string;
  role: string;
  reason_required: boolean;
}

export interface AssignmentStep {
  id: Id;
  transition: string;
  from: string;
  to: string;
  actor: { employee_id: Id | null; name: string };
  role: string;
  reason: string;
  at: string;
}

export interface Assignment {
  id: Id;
  region_id: Id;
  mechanism: string;
  mechanism_rule_id: Id | null;
  team_id: Id | null;
  owner_unit: Ref | null;
  official: Ref | null;
  official_unit: Ref | null;
  target_unit: Ref | null;
  requester: Ref | null;
  title: string;
  details: string;
  within_main_duties: boolean;
  letter_kind: "surat_tugas" | "surat_perintah";
  /** The letter issued in the step that made it "ditugaskan"; null before. */
  letter: AssignmentLetter | null;
  state: string;
  state_since: string;
  version: number;
  overdue: boolean;
  answer_days: number;
  created_at: string;
  updated_at: string;
  next: NextStep[];
  /** Only when one assignment is read. */
  steps?: AssignmentStep[];
}

export interface NewAssignmentBody {
  mechanism: string;
  owner_unit_id: Id;
  official_employee_id?: Id;
  target_unit_id?: Id;
  team_id?: Id;
  title: string;
  details?: string;
  within_main_duties?: boolean;
}

export interface StepBody {
  transition: string;
  version: number;
  reason?: string;
  official_employee_id?: Id;
}

export interface Notification {
  /** null: a deadline notice, computed when the inbox is read (never stored). */
  id: Id | null;
  assignment_id: Id | null;
  /** A notification about an activity (issue 12 item 4); `assignment_id` is then null. */
  activity_id?: Id | null;
  /** A report submitted to (or about the results of) the reader (issue 12 item 5). */
  report_id?: Id | null;
  /** A request for a report from the reader: answered from /laporan-baru?request=. */
  report_request_id?: Id | null;
  kind: "langkah" | "tenggat";
  message: string;
  created_at: string;
  read: boolean;
  read_at: string | null;
}

export interface Inbox {
  items: Notification[];
  unread: number;
}

/** An assignment's letter, as the assignment names it (its page: /surat/{id}). */
export interface AssignmentLetter {
  id: Id;
  kind: "surat_tugas" | "surat_perintah";
  number: string;
  date: string;
  status: "berlaku" | "dicabut";
  pdf_path: string;
  verification_path: string;
}
