// A team's accountability on its page (issue 12 item 5): its reports, requests and escalations,
// with the forms that ask for a report and escalate a problem.
import { accountability } from "../api/client";
import type { AccountabilityOverview } from "../api/accountability_types";
import type { Id, Team } from "../api/types";
import {
  alternativesOf,
  escalationProblems,
  localToday,
  MAX_ALTERNATIVES,
  requestProblems,
} from "../accountability_view";
import { h, replace, type Child } from "../dom";
import { paths } from "../router";
import { user } from "../session";
import { refusedSection } from "../ui";
import { field, FormState, select, type Field } from "./form_kit";
import { type PageContext } from "./context";
import { reportItem, requestItem, escalationItem, group } from "./accountability_items";

/** A small form of the team page: its heading, fields, message box and button. */
export function teamForm(label: string, state: FormState, ...rows: Child[]): HTMLFormElement {
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
export function sendRequestOnSubmit(
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
    return refusedSection(
      title,
      e,
      "Laporan dan eskalasi tim ini hanya untuk anggota tim, pimpinan unit pemiliknya, dan administrator.",
    );
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
