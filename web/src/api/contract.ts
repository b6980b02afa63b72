// Compile-time check that the hand-written types (types.ts, from docs/api.md) accept every answer
// the OpenAPI document (src/api/openapi.json → openapi.gen.ts by `npm run gen:types`)
// describes. Type-only: nothing here reaches the bundle. A mismatch fails `npm run build`.
import type { components } from "./openapi.gen";
import type * as T from "./types";
import type * as A from "./activity_types";
import type * as K from "./accountability_types";
import type * as H from "./holiday_types";

type S = components["schemas"];
/** Compiles only when A (what the server sends) fits B (what the interface reads). */
type Fits<A extends B, B> = A extends B ? true : never;

export type ContractChecks = [
  Fits<S["Health"], T.Health>,
  Fits<S["User"], T.User>,
  Fits<S["SignIn"], T.Session>,
  Fits<S["RegionList"], T.ListPage<T.RegionSummary>>,
  Fits<S["RegionDetail"], T.Region>,
  Fits<S["Agency"], T.Agency>,
  Fits<S["UnitList"], { items: T.Unit[] }>,
  Fits<S["Chart"], T.Chart>,
  Fits<S["History"], { items: T.HistoryItem[] }>,
  Fits<S["Position"], T.Position>,
  Fits<S["Article"], T.Article>,
  Fits<S["Regulation"], T.Regulation>,
  Fits<S["EmployeeList"], T.ListPage<T.EmployeeListItem>>,
  Fits<S["Employee"], T.Employee>,
  Fits<S["ImportPreview"], T.RegulationPreview>,
  Fits<S["ImportResult"], T.ImportResult>,
  Fits<S["AuditList"], T.AuditPage>,
  Fits<S["UserList"], T.ListPage<T.Account>>,
  Fits<S["Account"], T.Account>,
  Fits<S["SessionList"], T.ListPage<T.SessionInfo>>,
  Fits<S["SessionsEnded"], T.SessionsEnded>,
  // Issue 11
  Fits<S["UnitPage"], T.UnitPage>,
  Fits<S["AgencyList"], T.ListPage<T.AgencyListItem>>,
  Fits<S["PositionList"], T.ListPage<T.PositionListItem>>,
  // Issue 12: the work system.
  Fits<S["WorkRules"], T.WorkRules>,
  Fits<S["TeamList"], { items: T.TeamRef[] }>,
  Fits<S["Team"], T.Team>,
  // Issue 11, item 9.
  Fits<S["PeopleImportReport"], T.PeopleImportReport>,
  // Issue 12 item 4: activities.
  Fits<S["Activity"], A.Activity>,
  Fits<S["ActivityStepResult"], A.ActivityStepResult>,
  Fits<S["ActivitySummary"], A.ActivitySummary>,
  Fits<S["Evidence"], A.Evidence>,
  // Issue 12 item 5: accountability.
  Fits<S["Report"], K.Report>,
  Fits<S["MemberResult"], K.MemberResult>,
  Fits<S["ReportRequest"], K.ReportRequest>,
  Fits<S["Escalation"], K.Escalation>,
  Fits<S["AccountabilityOverview"], K.AccountabilityOverview>,
  // Issue 12 item 3: the holiday calendar.
  Fits<S["Holiday"], H.Holiday>,
  Fits<S["HolidayYear"], H.HolidayYear>,
];
