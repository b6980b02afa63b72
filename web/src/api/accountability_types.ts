// Accountability (issue 12 item 5): the API's forms (docs/api.md, "Accountability (issue 12 item
// 5)"): reports up the chain, requests for a report, escalations and the accounts of a member's
// results for their appraiser.
import type { Ref } from "./assignment_types";
import type { Id } from "./types";

/** anggota: a member to the lead; tim: the lead to the owner unit's leaders; individu: no team. */
export type ReportKind = "anggota" | "tim" | "individu";

/** The lead's account of one member's results, addressed to the member's appraiser. */
export interface MemberResult {
  id: Id;
  report_id: Id;
  member: Ref;
  appraiser_position_id: Id | null;
  result: string;
  created_at: string;
}

export interface Report {
  id: Id;
  region_id: Id;
  team_id: Id | null;
  kind: ReportKind;
  author: Ref;
  period_start: string;
  period_end: string;
  summary: string;
  /** The request this report answers. */
  request_id: Id | null;
  recipients: Ref[];
  member_results: MemberResult[];
  created_at: string;
}

export interface ReportRequest {
  id: Id;
  region_id: Id;
  team_id: Id | null;
  requester: Ref;
  asked: Ref;
  due: string;
  note: string;
  /** The report that answered it; null while open. */
  report_id: Id | null;
  /** Still open after its due date. */
  overdue: boolean;
  created_at: string;
}

export interface Escalation {
  id: Id;
  region_id: Id;
  team_id: Id;
  author: Ref;
  problem: string;
  alternatives: string[];
  /** Several units must act: sent to each member's unit leader too. */
  several_units: boolean;
  recipients: Ref[];
  created_at: string;
}

/** GET /me/accountability and (with team_id) GET /teams/{id}/accountability; newest first. */
export interface AccountabilityOverview {
  reports: Report[];
  requests: ReportRequest[];
  escalations: Escalation[];
}

export interface TeamAccountability extends AccountabilityOverview {
  team_id: Id;
}

/** GET /employees/{id}/work-results */
export interface WorkResults {
  employee_id: Id;
  items: MemberResult[];
}

export interface NewReportBody {
  kind: ReportKind;
  team_id?: Id;
  period_start: string;
  period_end: string;
  summary: string;
  request_id?: Id;
  member_results?: { member_employee_id: Id; result: string }[];
}

export interface NewReportRequestBody {
  asked_employee_id: Id;
  team_id?: Id;
  due: string;
  note?: string;
}

export interface NewEscalationBody {
  team_id: Id;
  problem: string;
  alternatives: string[];
  several_units?: boolean;
}
