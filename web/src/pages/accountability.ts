// Accountability (issue 12 item 5) on the web, the person's own: "Laporan dan permintaan" on
// "Pekerjaan saya" (reports written and received, requests for a report asked of the person with
// their due date and "Terlambat", the button that answers one, escalations), the form a unit
// leader asks one of their people for a report with, and an employee's results in team reports
// ("Hasil kerja dalam tim") for the employee and their appraiser. A report's page is
// report_page.ts, the form that writes one report_form.ts, a team's accountability
// team_accountability.ts. The server decides who may do what (docs/api.md, "Accountability"); its
// refusals are shown in its own words, at their field when it names one.
import { accountability, api, ApiError } from "../api/client";
import type { AccountabilityOverview, Escalation, Report } from "../api/accountability_types";
import type { Id } from "../api/types";
import { groupMine, localToday, waitingLine } from "../accountability_view";
import { h } from "../dom";
import { formatTimestamp } from "../format";
import { paths } from "../router";
import { errorMessage, link, section } from "../ui";
import { employeeChooser } from "./assignment";
import { field, FormState } from "./form_kit";
import { type PageContext } from "./context";
import { sendRequestOnSubmit, teamForm } from "./team_accountability";
import { reportItem, requestItem, escalationItem, group } from "./accountability_items";

// ---- "Laporan dan permintaan" on "Pekerjaan saya" ----

/** The section of the signed-in person (`me`: their employee, null for an account without one). */
export async function myAccountabilitySection(
  ctx: PageContext,
  me: Id | null,
): Promise<HTMLElement> {
  const title = "Laporan dan permintaan";
  let o: AccountabilityOverview;
  try {
    o = await accountability.mine(50);
  } catch (e) {
    return section(title, h("div", { class: "alert error", role: "alert" }, errorMessage(e)));
  }
  // The teams' names, for their links (a team that cannot be read keeps its number).
  const ids = [
    ...new Set(
      [...o.reports.map((r) => r.team_id), ...o.requests.map((r) => r.team_id)]
        .concat(o.escalations.map((e) => e.team_id))
        .filter((x): x is Id => x !== null),
    ),
  ].slice(0, 20);
  const found = await Promise.all(ids.map((id) => api.team(id).catch(() => null)));
  const teamName = (id: Id) => found.find((t) => t?.id === id)?.name ?? `Tim kerja #${id}`;
  const g = groupMine(o, me);
  const waiting = waitingLine(g.askedOfMe);
  const report = (r: Report) => reportItem(r, teamName);
  const escalation = (e: Escalation) => escalationItem(e, teamName);
  return h(
    "section",
    { class: "card", id: "laporan-dan-permintaan" },
    h("h2", null, title),
    me !== null
      ? h("p", null, h("a", { href: paths.reportNew(), class: "button" }, "Tulis laporan"))
      : null,
    waiting ? h("p", null, waiting) : null,
    group(
      "Permintaan laporan untuk Anda",
      g.askedOfMe,
      (rq) => requestItem(rq, true, teamName),
      "Tidak ada permintaan laporan untuk Anda.",
    ),
    group(
      "Permintaan laporan yang Anda ajukan",
      g.askedByMe,
      (rq) => requestItem(rq, false, teamName),
      "Anda belum meminta laporan.",
    ),
    group("Laporan yang Anda susun", g.reportsWritten, report, "Belum ada."),
    group("Laporan yang Anda terima", g.reportsReceived, report, "Belum ada."),
    group("Eskalasi yang Anda sampaikan", g.escalationsWritten, escalation, "Belum ada."),
    group("Eskalasi yang Anda terima", g.escalationsReceived, escalation, "Belum ada."),
    me !== null ? personRequestForm(ctx) : null,
  );
}

/**
 * A request for a report from a person of the reader's unit, outside any team (a team's requests
 * are asked on its page): folded, since only unit leaders may ask (the server decides; its 403 is
 * shown).
 */
function personRequestForm(ctx: PageContext): HTMLElement {
  const today = localToday();
  const asked = employeeChooser("asked_employee_id", "Pegawai yang diminta", null);
  const due = field(
    "minta-pegawai-tenggat",
    "Tenggat laporan",
    h("input", { type: "date", min: today }),
  );
  due.name = "due";
  const note = field(
    "minta-pegawai-catatan",
    "Catatan permintaan (pilihan)",
    h("textarea", { rows: 2, maxlength: 2000 }),
  );
  note.name = "note";
  const state = new FormState(
    [asked, due, note],
    h("button", { type: "submit", class: "button" }, "Minta laporan"),
  );
  const form = teamForm(
    "Minta laporan dari pegawai",
    state,
    h(
      "p",
      { class: "muted small" },
      "Pimpinan unit kerja (atau pejabat di atasnya) meminta laporan kerja pegawai di unitnya kapan saja; permintaan dari pegawai lain ditolak.",
    ),
    asked.search,
    asked.row,
    due.row,
    note.row,
  );
  sendRequestOnSubmit(form, state, { asked, due, note }, today, null, () =>
    ctx.navigate(paths.myWork(), { replace: true }),
  );
  return h(
    "details",
    { class: "other-steps person-request" },
    h("summary", null, "Minta laporan dari pegawai di unit Anda"),
    form,
  );
}

// ---- An employee's results in team reports ----

/**
 * "Hasil kerja dalam tim": the lead's accounts of the employee's results, as input to their
 * appraisal; null when the server refuses the reader (only the employee, their appraiser and
 * administrators may read it). `linkReports`: link each to its report (which the employee may
 * not open).
 */
export async function workResultsSection(
  employeeId: Id | string,
  linkReports: boolean,
): Promise<HTMLElement | null> {
  let items;
  try {
    items = (await accountability.workResults(employeeId)).items;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
    return section(
      "Hasil kerja dalam tim",
      h("div", { class: "alert error", role: "alert" }, errorMessage(e)),
    );
  }
  return h(
    "section",
    { class: "card", id: "hasil-kerja" },
    h("h2", null, `Hasil kerja dalam tim (${items.length})`),
    h(
      "p",
      { class: "muted small" },
      "Dilaporkan ketua tim dalam laporan tim, sebagai bahan penilaian kinerja oleh pejabat penilai.",
    ),
    items.length
      ? h(
          "ul",
          { class: "plain-list work-list work-results" },
          items.map((m) =>
            h(
              "li",
              null,
              h("p", { class: "note-text" }, m.result),
              h(
                "p",
                { class: "muted small" },
                linkReports
                  ? link(paths.report(m.report_id), `Laporan tim #${m.report_id}`)
                  : `Laporan tim #${m.report_id}`,
                ` · ${formatTimestamp(m.created_at)}`,
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "Belum ada hasil kerja yang dilaporkan."),
  );
}
