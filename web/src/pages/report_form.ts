// The form that writes a report (/laporan-baru[?tim=&permintaan=], issue 12 item 5): a member's
// report to the lead, the lead's team report with each member's results, a report of one's own.
// The server has the last word; its refusals are shown at their field when it names one.
import { accountability, api } from "../api/client";
import type { ReportKind } from "../api/accountability_types";
import type { Id, Team, TeamMember } from "../api/types";
import {
  recipientsText,
  REPORT_KINDS,
  reportKindFor,
  reportProblems,
  resultMembers,
} from "../accountability_view";
import { h, replace } from "../dom";
import { formatDate } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { link, pageHeading, signInPrompt, noEmployeeNotice } from "../ui";
import { field, FormState, select, type Field } from "./form_kit";
import { routeOf, type PageContext } from "./context";

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
