// Activities (kegiatan; issue 12 item 4): the API's forms (docs/api.md, "Activities (issue 12
// item 4)").
import type { Ref } from "./assignment_types";
import type { Id } from "./types";

export interface ActivityFlowState {
  key: string;
  label: string;
  waiting: boolean;
  final: boolean;
}

export interface ActivityFlowTransition {
  from: string;
  transition: string;
  to: string;
  role: string;
  role_label: string;
  reason_required: boolean;
}

/** One flow per chain shape (`level_ii+level_i`, ...). */
export interface ActivityFlow {
  key: string;
  first: { transition: string; to: string };
  states: ActivityFlowState[];
  transitions: ActivityFlowTransition[];
}

export interface ActivitySummary {
  id: Id;
  region_id: Id;
  agency_id: Id;
  owner_unit: Ref | null;
  team_id: Id | null;
  assignment_id: Id | null;
  executor: Ref | null;
  title: string;
  state: string;
  state_label: string;
  state_since: string;
  progress: number;
  rework: number;
  start: string;
  end: string;
  version: number;
  updated_at: string;
  /** In lists only: the caller must act now. */
  awaiting_me?: boolean;
}

export interface ChainStop {
  role: string;
  label: string;
  position_id: Id | null;
  position_title: string;
  people: string[];
  current: boolean;
}

export interface Actor {
  employee_id: Id | null;
  name: string;
}

export interface ActivityStep {
  id: Id;
  transition: string;
  from: string;
  to: string;
  actor: Actor;
  role: string;
  reason: string;
  at: string;
}

/** One page of an activity's steps or notes (GET /activities/{id}/steps, /notes). */
export interface HistoryPage<T> {
  activity_id: Id;
  offset: number;
  total: number;
  items: T[];
}

export interface ActivityNote {
  id: Id;
  kind: "kemajuan" | "umpan_balik";
  author: Actor;
  role: string;
  text: string;
  progress: number | null;
  at: string;
}

export interface Evidence {
  id: Id;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: Actor;
  at: string;
  path: string;
}

export interface ActivityNext {
  transition: string;
  role: string;
  role_label: string;
  reason_required: boolean;
  mine: boolean;
}

export interface Activity extends ActivitySummary {
  planner: Ref | null;
  agency_kind: string;
  target: string;
  details: string;
  budget: number | null;
  flow: string;
  created_at: string;
  chain: ChainStop[];
  roles: { employee: Ref; role: string }[];
  /** The newest 20 steps, in the order taken; the rest through `activities.steps`. */
  steps: ActivityStep[];
  /** How many steps were taken in all. */
  steps_total: number;
  /** The newest 20 notes, oldest first; the rest through `activities.notes`. */
  notes: ActivityNote[];
  /** How many notes were written in all. */
  notes_total: number;
  evidence: Evidence[];
  next: ActivityNext[];
  can_note: boolean;
  can_feedback: boolean;
  can_upload: boolean;
}

/**
 * What a step changed (POST /activities/{id}/steps): each member as in the activity read right
 * after it, `step` the step as recorded. The chain, roles, notes and evidence are unchanged.
 */
export type ActivityStepResult = Pick<
  Activity,
  | "id"
  | "version"
  | "state"
  | "state_label"
  | "state_since"
  | "progress"
  | "rework"
  | "updated_at"
  | "next"
  | "can_note"
  | "can_feedback"
  | "can_upload"
> & { step: ActivityStep };

export interface NewActivityBody {
  title: string;
  start: string;
  end: string;
  target?: string;
  details?: string;
  budget?: number;
  owner_unit_id?: Id;
  team_id?: Id;
  assignment_id?: Id;
  executor_employee_id?: Id;
  roles?: { employee_id: Id; role: string }[];
}

export interface ActivityStepBody {
  transition: string;
  version: number;
  reason?: string;
}

export interface ActivityNoteBody {
  kind: "kemajuan" | "umpan_balik";
  text: string;
  version: number;
  progress?: number;
}
