// Accountability (issue 12 item 5) on the web: "Laporan dan permintaan" on "Pekerjaan saya"
// (reports written and received, requests for a report asked of the person with their due date and
// "Terlambat", the button that answers one, escalations), a report's page (/laporan/:id), the form
// that writes one (/laporan-baru[?tim=&permintaan=]: a member's report to the lead, the lead's
// team report with each member's results, a report of one's own), a team's accountability on its
// page with the forms that ask for a report and escalate a problem, and an employee's results in
// team reports ("Hasil kerja dalam tim") for the employee and their appraiser. The server decides
// who may do what (docs/api.md, "Accountability"); its refusals are shown in its own words, at
// their field when it names one.
import { accountability, api, ApiError } from "../api/client";
import type {
  AccountabilityOverview,
  Escalation,
  Report,
  ReportKind,
  ReportRequest,
} from "../api/accountability_types";
import type { Id, Team, TeamMember } from "../api/types";
import {
  alternativesOf,
  dueText,
  escalationProblems,
  groupMine,
  localToday,
  MAX_ALTERNATIVES,
  periodText,
  recipientsText,
  REPORT_KINDS,
  reportKindFor,
  reportKindLabel,
  reportProblems,
  requestProblems,
  requestState,
  requestStateLabel,
  resultMembers,
  waitingLine,
} from "../accountability_view";
import { h, replace, type Child } from "../dom";
import { formatDate, formatTimestamp } from "../format";
import { paths } from "../router";
import { user } from "../session";
import {
  errorMessage,
  facts,
  link,
  pageHeading,
  section,
  signInPrompt,
  noEmployeeNotice,
} from "../ui";
import { employeeChooser } from "./assignment";
import { field, FormState, select, type Field } from "./form_kit";
import { routeOf, type PageContext } from "./context";

// ---- Items shared by "Pekerjaan saya" and the team page ----

const names = (refs: { id: Id; name: string }[]): string =>
  refs.length ? refs.map((r) => r.name).join(", ") : "—";

function reportItem(r: Report, teamName: TeamName): HTMLElement {
  return h(
    "li",
    { class: "work-item report-item" },
    h(
      "p",
      null,
      link(paths.report(r.id), `${reportKindLabel(r.kind)} #${r.id} · ${periodText(r)}`),
      teamLink(r.team_id, teamName),
    ),
    h(
      "p",
      { class: "muted small" },
      `Oleh ${r.author.name} kepada ${names(r.recipients)} · ${formatTimestamp(r.created_at)}`,
    ),
    r.member_results.length
      ? h("p", { class: "muted small" }, `Hasil kerja ${r.member_results.length} anggota`)
      : null,
  );
}

function stateBadge(rq: ReportRequest): HTMLElement {
  const s = requestState(rq);
  return h(
    "span",
    { class: s === "terlambat" ? "badge vacant" : s === "dijawab" ? "badge filled" : "badge" },
    requestStateLabel(s),
  );
}

/** The name of a team (for a link to its page); null on the team's own page (no link). */
type TeamName = ((id: Id) => string) | null;

function teamLink(id: Id | null, teamName: TeamName): Child {
  return id !== null && teamName ? [" · ", link(paths.team(id), teamName(id))] : null;
}

/** A request for a report; `answerable`: asked of the reader, who may answer it from here. */
function requestItem(rq: ReportRequest, answerable: boolean, teamName: TeamName): HTMLElement {
  const open = rq.report_id === null;
  return h(
    "li",
    {
      class: open && answerable ? "work-item awaiting request-item" : "work-item request-item",
    },
    h(
      "p",
      null,
      h("strong", null, `Permintaan laporan #${rq.id}`),
      ` dari ${rq.requester.name} kepada ${rq.asked.name}`,
    ),
    h("p", { class: "muted small" }, dueText(rq)),
    rq.note ? h("p", { class: "note-text" }, rq.note) : null,
    h("p", null, stateBadge(rq), teamLink(rq.team_id, teamName)),
    open && answerable
      ? h(
          "p",
          null,
          h(
            "a",
            { href: paths.reportNew({ team: rq.team_id, request: rq.id }), class: "button" },
            `Jawab permintaan #${rq.id} dengan laporan`,
          ),
        )
      : null,
    !open
      ? h("p", null, link(paths.report(rq.report_id!), `Lihat laporan #${rq.report_id}`))
      : null,
  );
}

function escalationItem(e: Escalation, teamName: TeamName): HTMLElement {
  return h(
    "li",
    { class: "work-item escalation-item", id: `eskalasi-${e.id}` },
    h(
      "p",
      null,
      h("strong", null, `Eskalasi #${e.id}`),
      teamLink(e.team_id, teamName),
      e.several_units ? [" ", h("span", { class: "badge" }, "Beberapa unit kerja")] : null,
    ),
    h("p", { class: "note-text" }, e.problem),
    h(
      "p",
      { class: "muted small" },
      `Oleh ${e.author.name} kepada ${names(e.recipients)} · ${formatTimestamp(e.created_at)}`,
    ),
    h(
      "details",
      { class: "alternatives" },
      h("summary", null, `${e.alternatives.length} alternatif rekomendasi`),
      h(
        "ol",
        null,
        e.alternatives.map((a) => h("li", { class: "note-text" }, a)),
      ),
    ),
  );
}

function group<T>(title: string, items: T[], item: (x: T) => HTMLElement, empty: string): Child {
  return [
    h("h3", null, `${title} (${items.length})`),
    items.length
      ? h("ul", { class: "plain-list work-list" }, items.map(item))
      : h("p", { class: "muted" }, empty),
  ];
}

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

// ---- One report ----

export async function reportPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "report");
  const crumbs = (here: string) =>
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.myWork(), "Pekerjaan saya"),
      ` › ${here}`,
    );
  if (!user()) {
    replace(ctx.main, pageHeading("Laporan"), signInPrompt(paths.report(id), "Laporan ini"));
    return;
  }
  let r: Report;
  try {
    r = await accountability.report(id);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) throw e;
    if (!ctx.isCurrent()) return;
    replace(
      ctx.main,
      crumbs("Laporan"),
      pageHeading("Laporan"),
      h("div", { class: "alert error", role: "alert" }, errorMessage(e)),
    );
    return;
  }
  const teamName =
    r.team_id !== null
      ? await api.team(r.team_id).then(
          (t) => t.name,
          () => `Tim ${r.team_id}`,
        )
      : "";
  if (!ctx.isCurrent()) return;
  const title = reportKindLabel(r.kind);
  replace(
    ctx.main,
    crumbs(title),
    pageHeading(title, periodText(r)),
    section(
      "Laporan",
      facts([
        ["Jenis", title],
        ["Tim kerja", r.team_id !== null ? link(paths.team(r.team_id), teamName) : ""],
        ["Disusun oleh", link(paths.employee(r.author.id), r.author.name)],
        ["Periode", periodText(r)],
        [
          "Disampaikan kepada",
          r.recipients.length
            ? r.recipients.map((x, i) => [i > 0 ? ", " : "", link(paths.employee(x.id), x.name)])
            : "—",
        ],
        ["Menjawab", r.request_id !== null ? `Permintaan laporan #${r.request_id}` : ""],
        ["Disampaikan pada", formatTimestamp(r.created_at)],
      ]),
    ),
    section("Ringkasan", h("p", { class: "note-text" }, r.summary)),
    r.kind === "tim"
      ? section(
          `Hasil kerja anggota (${r.member_results.length})`,
          h(
            "p",
            { class: "muted small" },
            "Disampaikan juga kepada pejabat penilai kinerja setiap anggota sebagai bahan penilaian kinerja.",
          ),
          r.member_results.length
            ? h(
                "ul",
                { class: "plain-list work-list member-results" },
                r.member_results.map((m) =>
                  h(
                    "li",
                    null,
                    h(
                      "p",
                      null,
                      h("strong", null, link(paths.employee(m.member.id), m.member.name)),
                    ),
                    h("p", { class: "note-text" }, m.result),
                  ),
                ),
              )
            : h("p", { class: "muted" }, "Laporan ini tidak memuat hasil kerja anggota."),
        )
      : null,
  );
}

// ---- The report form ----

/** The active teams of the person's region they are a current member of (at most 30 looked at),
 *  and `wanted` (from ?tim=) whatever it is: the server decides. */
async function teamsOf(me: Id, wanted: string | null): Promise<Team[]> {
  const person = await api.employee(me);
  const refs = (await api.teams(person.region_id)).items
    .filter((t) => t.status === "aktif")
    .slice(0, 30);
  const full = await Promise.all(refs.map((t) => api.team(t.id).catch(() => null)));
  const out = full.filter(
    (t): t is Team => t !== null && t.members.some((m) => m.employee_id === me),
  );
  if (wanted && !out.some((t) => String(t.id) === wanted)) {
    const t = await api.team(wanted).catch(() => null);
    if (t) out.unshift(t);
  }
  return out;
}

export async function reportNewPage(ctx: PageContext): Promise<void> {
  const { team: wantedTeam, request: wantedRequest } = routeOf(ctx, "reportNew");
  const title = "Tulis laporan";
  const u = user();
  const here = paths.reportNew({ team: wantedTeam, request: wantedRequest });
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(here, "Halaman ini"));
    return;
  }
  if (u.employee_id === null) {
    replace(ctx.main, pageHeading(title), noEmployeeNotice("tidak dapat menyusun laporan"));
    return;
  }
  const me = u.employee_id;
  const [teams, mine] = await Promise.all([
    teamsOf(me, wantedTeam).catch(() => [] as Team[]),
    accountability.mine(100).catch(() => null),
  ]);
  if (!ctx.isCurrent()) return;
  const teamById = (v: string) => teams.find((t) => String(t.id) === v) ?? null;

  // The requests asked of me that a report may answer: the open ones, and the one named in the
  // address whatever its state (the server says when it was answered already).
  const asked = (mine?.requests ?? []).filter(
    (r) => r.asked.id === me && (r.report_id === null || String(r.id) === wantedRequest),
  );
  const requestOptions: [string, string][] = [
    ["", "Tidak menjawab permintaan"],
    ...asked.map(
      (r) =>
        [
          String(r.id),
          `#${r.id} dari ${r.requester.name}, tenggat ${formatDate(r.due)}${
            r.report_id !== null ? " (sudah dijawab)" : r.overdue ? " (terlambat)" : ""
          }`,
        ] as [string, string],
    ),
  ];
  if (wantedRequest && !asked.some((r) => String(r.id) === wantedRequest))
    requestOptions.push([wantedRequest, `Permintaan laporan #${wantedRequest}`]);
  const requestField = field(
    "request_id",
    "Menjawab permintaan laporan",
    select(requestOptions, wantedRequest ?? ""),
    "Pilih bila laporan ini menjawab permintaan pimpinan unit kerja.",
  );
  const requestOf = (v: string) => asked.find((r) => String(r.id) === v) ?? null;

  const answering = wantedRequest ? requestOf(wantedRequest) : null;
  const firstTeam =
    (wantedTeam ? teamById(wantedTeam) : null) ??
    (answering?.team_id ? teamById(String(answering.team_id)) : null) ??
    teams[0] ??
    null;
  const teamField = field(
    "team_id",
    "Tim kerja",
    select(
      [["", "Pilih tim kerja"], ...teams.map((t) => [String(t.id), t.name] as [string, string])],
      firstTeam ? String(firstTeam.id) : "",
    ),
    teams.length ? undefined : "Anda belum menjadi anggota tim kerja yang aktif.",
  );
  // A request asked outside a team is answered with a report of one's own.
  const startKind: ReportKind =
    answering && answering.team_id === null
      ? "individu"
      : reportKindFor(firstTeam?.members ?? null, me);
  const kindField = field("kind", "Jenis laporan", select(REPORT_KINDS, startKind));
  const start = field("period_start", "Awal periode", h("input", { type: "date", required: true }));
  const end = field("period_end", "Akhir periode", h("input", { type: "date", required: true }));
  const summary = field(
    "summary",
    "Ringkasan laporan",
    h("textarea", { rows: 6, maxlength: 8000, required: true }),
    "Capaian, kendala dan rencana tindak lanjut pada periode ini.",
  );
  const to = h("p", { class: "muted", id: "penerima-laporan", "aria-live": "polite" });

  // One result per current member but the lead (a team report): empty ones are not sent.
  const resultsError = h("p", { id: "f-member_results-galat", class: "field-error" });
  const results: Field = {
    name: "member_results",
    control: h("textarea"),
    row: h("div"),
    error: resultsError,
  };
  let resultRows: { member: TeamMember; control: HTMLTextAreaElement }[] = [];
  const resultsList = h("div", { class: "member-result-rows" });
  const resultsBox = h(
    "fieldset",
    { class: "roles-box results-box" },
    h("legend", null, "Hasil kerja setiap anggota"),
    h(
      "p",
      { class: "muted small" },
      "Disampaikan juga kepada pejabat penilai kinerja anggota sebagai bahan penilaian kinerja; kosongkan bila tidak dilaporkan.",
    ),
    resultsList,
    resultsError,
  );
  const drawResults = () => {
    const t = teamById(teamField.control.value);
    const made = (t ? resultMembers(t.members) : []).map((member) => {
      const f = field(
        `hasil-${member.employee_id}`,
        `Hasil kerja ${member.name}`,
        h("textarea", { rows: 3, maxlength: 4000 }),
      );
      f.control.setAttribute("aria-describedby", `${f.control.id}-galat ${resultsError.id}`);
      return { member, f };
    });
    resultRows = made.map(({ member, f }) => ({ member, control: f.control }));
    replace(
      resultsList,
      made.length
        ? made.map((x) => x.f.row)
        : h("p", { class: "muted" }, "Tim ini tidak punya anggota selain ketua."),
    );
    results.control = resultRows[0]?.control ?? h("textarea");
  };
  const show = () => {
    const kind = kindField.control.value as ReportKind;
    const t = teamById(teamField.control.value);
    teamField.row.hidden = kind === "individu";
    resultsBox.hidden = kind !== "tim";
    replace(to, recipientsText(kind, t?.members ?? null));
  };
  teamField.control.addEventListener("change", () => {
    const t = teamById(teamField.control.value);
    if (t) kindField.control.value = reportKindFor(t.members, me);
    drawResults();
    show();
  });
  kindField.control.addEventListener("change", show);
  requestField.control.addEventListener("change", () => {
    const rq = requestOf(requestField.control.value);
    if (!rq) return;
    if (rq.team_id === null) kindField.control.value = "individu";
    else if (teamById(String(rq.team_id))) {
      teamField.control.value = String(rq.team_id);
      kindField.control.value = reportKindFor(teamById(String(rq.team_id))!.members, me);
      drawResults();
    }
    show();
  });
  drawResults();
  show();

  const submit = h("button", { type: "submit", class: "button" }, "Sampaikan laporan");
  const state = new FormState(
    [requestField, kindField, teamField, start, end, summary, results],
    submit,
  );
  const form = h(
    "form",
    { class: "card form registry-form", "aria-labelledby": "form-judul", novalidate: true },
    h("h2", { id: "form-judul" }, "Laporan baru"),
    requestField.row,
    kindField.row,
    teamField.row,
    to,
    h("div", { class: "date-pair" }, start.row, end.row),
    summary.row,
    resultsBox,
    state.message,
    h(
      "div",
      { class: "actions" },
      submit,
      h("a", { href: paths.myWork(), class: "button secondary" }, "Batal"),
    ),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const kind = kindField.control.value as ReportKind;
    const p = reportProblems({
      kind,
      team: teamField.control.value,
      start: start.control.value,
      end: end.control.value,
      summary: summary.control.value,
    });
    if (
      state.refuse([
        [kindField, p.kind ?? null],
        [teamField, p.team ?? null],
        [start, p.start ?? null],
        [end, p.end ?? null],
        [summary, p.summary ?? null],
      ])
    )
      return;
    const memberResults =
      kind === "tim"
        ? resultRows
            .filter((r) => r.control.value.trim() !== "")
            .map((r) => ({
              member_employee_id: r.member.employee_id,
              result: r.control.value.trim(),
            }))
        : [];
    void state.send(
      () =>
        accountability.submit({
          kind,
          team_id: kind !== "individu" ? Number(teamField.control.value) : undefined,
          period_start: start.control.value,
          period_end: end.control.value,
          summary: summary.control.value.trim(),
          request_id: requestField.control.value ? Number(requestField.control.value) : undefined,
          member_results: memberResults.length ? memberResults : undefined,
        }),
      (r) => ctx.navigate(paths.report(r.id)),
    );
  });
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.myWork(), "Pekerjaan saya"),
      ` › ${title}`,
    ),
    pageHeading(
      title,
      "Laporan kerja kepada ketua tim atau pimpinan unit kerja, untuk suatu periode.",
    ),
    form,
  );
}

// ---- A team's accountability on its page ----

/** A small form of the team page: its heading, fields, message box and button. */
function teamForm(label: string, state: FormState, ...rows: Child[]): HTMLFormElement {
  return h(
    "form",
    { class: "step-form", novalidate: true, "aria-label": label },
    h("h3", null, label),
    rows,
    state.message,
    h("div", { class: "actions" }, state.submit),
  );
}

function requestForm(ctx: PageContext, team: Team): HTMLFormElement {
  const today = localToday();
  const asked = field(
    "minta-pegawai",
    "Diminta dari",
    select(
      [
        ["", "Pilih ketua atau anggota tim"],
        ...team.members.map(
          (m) =>
            [
              String(m.employee_id),
              `${m.name} (${m.role === "ketua" ? "Ketua tim" : "Anggota"})`,
            ] as [string, string],
        ),
      ],
      "",
    ),
  );
  asked.name = "asked_employee_id";
  const due = field("minta-tenggat", "Tenggat", h("input", { type: "date", min: today }));
  due.name = "due";
  const note = field(
    "minta-catatan",
    "Catatan (pilihan)",
    h("textarea", { rows: 2, maxlength: 2000 }),
    "Mis. hal yang perlu dilaporkan.",
  );
  note.name = "note";
  const state = new FormState(
    [asked, due, note],
    h("button", { type: "submit", class: "button" }, "Minta laporan"),
  );
  const form = teamForm(
    "Minta laporan",
    state,
    h(
      "p",
      { class: "muted small" },
      "Laporan diminta oleh pimpinan unit kerja pemilik kinerja tim (atau pejabat di atasnya); permintaan dari pegawai lain ditolak.",
    ),
    asked.row,
    due.row,
    note.row,
  );
  sendRequestOnSubmit(form, state, { asked, due, note }, today, team.id, () =>
    ctx.navigate(paths.team(team.id), { replace: true }),
  );
  return form;
}

/** Sends a request for a report (POST /report-requests) when `form` is submitted, once the
 * form's own checks pass; `teamId` null for a request outside a team. */
function sendRequestOnSubmit(
  form: HTMLFormElement,
  state: FormState,
  f: { asked: Field; due: Field; note: Field },
  today: string,
  teamId: Id | null,
  done: () => void,
): void {
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = requestProblems({ asked: f.asked.control.value, due: f.due.control.value }, today);
    if (
      state.refuse([
        [f.asked, p.asked ?? null],
        [f.due, p.due ?? null],
      ])
    )
      return;
    void state.send(
      () =>
        accountability.ask({
          asked_employee_id: Number(f.asked.control.value),
          ...(teamId === null ? {} : { team_id: teamId }),
          due: f.due.control.value,
          note: f.note.control.value.trim() || undefined,
        }),
      done,
    );
  });
}

function escalationForm(ctx: PageContext, team: Team): HTMLFormElement {
  const problem = field(
    "eskalasi-masalah",
    "Permasalahan",
    h("textarea", { rows: 3, maxlength: 4000 }),
    "Permasalahan tim yang perlu diputuskan pimpinan unit kerja.",
  );
  problem.name = "problem";
  const altError = h("p", { id: "f-alternatives-galat", class: "field-error" });
  const alternatives: Field = {
    name: "alternatives",
    control: h("textarea"),
    row: h("div"),
    error: altError,
  };
  const rows: HTMLTextAreaElement[] = [];
  const list = h("ol", { class: "plain-list alternative-rows" });
  const add = h("button", { type: "button", class: "button secondary" }, "Tambah alternatif");
  let made = 0;
  const draw = () => {
    replace(
      list,
      rows.map((control, i) =>
        h(
          "li",
          { class: "field alternative-row" },
          h("label", { for: control.id }, `Alternatif ${i + 1}`),
          control,
          h(
            "button",
            {
              type: "button",
              class: "button secondary",
              disabled: rows.length === 1,
              onclick: () => {
                rows.splice(i, 1);
                draw();
              },
            },
            `Hapus alternatif ${i + 1}`,
          ),
        ),
      ),
    );
    add.disabled = rows.length >= MAX_ALTERNATIVES;
    alternatives.control = rows[0] ?? h("textarea");
  };
  const addRow = () => {
    made += 1;
    const control = h("textarea", {
      id: `f-alternatif-${made}`,
      rows: 2,
      maxlength: 1000,
      "aria-describedby": altError.id,
    });
    rows.push(control);
    draw();
    return control;
  };
  add.addEventListener("click", () => addRow().focus());
  addRow();
  const several = h("input", { type: "checkbox", id: "f-several_units" });
  const severalRow = h(
    "div",
    { class: "field checkbox-row" },
    several,
    h(
      "label",
      { for: "f-several_units" },
      "Beberapa unit kerja harus bertindak (disampaikan juga kepada pimpinan unit setiap anggota)",
    ),
  );
  const state = new FormState(
    [problem, alternatives],
    h("button", { type: "submit", class: "button" }, "Eskalasi permasalahan"),
  );
  const form = teamForm(
    "Eskalasi permasalahan",
    state,
    problem.row,
    h(
      "fieldset",
      { class: "roles-box" },
      h("legend", null, `Alternatif rekomendasi penyelesaian (1–${MAX_ALTERNATIVES})`),
      list,
      altError,
      h("div", { class: "actions" }, add),
    ),
    severalRow,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const texts = rows.map((r) => r.value);
    const p = escalationProblems(problem.control.value, texts);
    if (
      state.refuse([
        [problem, p.problem ?? null],
        [alternatives, p.alternatives ?? null],
      ])
    )
      return;
    void state.send(
      () =>
        accountability.escalate({
          team_id: team.id,
          problem: problem.control.value.trim(),
          alternatives: alternativesOf(texts),
          several_units: several.checked,
        }),
      () => ctx.navigate(paths.team(team.id), { replace: true }),
    );
  });
  return form;
}

/**
 * "Akuntabilitas tim" on a team's page (`team`: its current members): its requests, reports and
 * escalations, the link to write a report (for its members), and the forms that ask for a report
 * and escalate a problem; a short note when the server refuses the reader.
 */
export async function teamAccountabilitySection(
  ctx: PageContext,
  team: Team,
): Promise<HTMLElement> {
  const title = "Akuntabilitas tim";
  let o: AccountabilityOverview;
  try {
    o = await accountability.team(team.id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403)
      return section(
        title,
        h(
          "p",
          { class: "muted" },
          "Laporan dan eskalasi tim ini hanya untuk anggota tim, pimpinan unit pemiliknya, dan administrator.",
        ),
      );
    return section(title, h("div", { class: "alert error", role: "alert" }, errorMessage(e)));
  }
  const me = user()?.employee_id ?? null;
  const member = team.members.some((m) => m.employee_id === me);
  return h(
    "section",
    { class: "card", id: "akuntabilitas" },
    h("h2", null, title),
    member
      ? h(
          "p",
          null,
          h(
            "a",
            { href: paths.reportNew({ team: team.id }), class: "button secondary" },
            "Tulis laporan tim ini",
          ),
        )
      : null,
    group(
      "Permintaan laporan",
      o.requests,
      (rq) => requestItem(rq, rq.asked.id === me, null),
      "Belum ada permintaan laporan.",
    ),
    group("Laporan", o.reports, (r) => reportItem(r, null), "Belum ada laporan."),
    group("Eskalasi", o.escalations, (e) => escalationItem(e, null), "Belum ada eskalasi."),
    team.status === "aktif"
      ? [requestForm(ctx, team), member ? escalationForm(ctx, team) : null]
      : h("p", { class: "muted" }, "Tim ini sudah bubar."),
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
