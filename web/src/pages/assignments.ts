// "Pekerjaan saya" (issue 12 item 3): the signed-in person's assignments grouped by what needs them
// now, the requests they made and their state (overdue ones marked "Terlambat"), and their inbox
// with its unread count; and the form that makes an assignment (/penugasan-baru).
import { activities, assignments, changes } from "../api/client";
import type { Assignment, Mechanisms, Notification } from "../api/assignment_types";
import type { AgencyListItem } from "../api/types";
import {
  groupAssignments,
  letterKindLabel,
  mechanismLabel,
  mechanismOf,
  namesOfficialAtStart,
  notificationKindLabel,
  stateLabel,
  unreadLine,
} from "../assignment_view";
import { h, replace } from "../dom";
import { formatTimestamp } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { errorBox, link, pageHeading, section, signInPrompt, noEmployeeNotice } from "../ui";
import { employeeChooser } from "./assignment";
import { myActivitiesSection } from "./activity";
import { myAccountabilitySection } from "./accountability"; // issue 12 item 5
import { myLettersSection } from "./my_letters"; // issue 12 item 8
import { field, formCard, FormState, select, setError, someUnits, textInput } from "./form_kit";
import type { PageContext } from "./context";

function assignmentItem(a: Assignment, m: Mechanisms): HTMLElement {
  return h(
    "li",
    { class: "work-item" },
    h("p", null, link(paths.assignment(a.id), a.title)),
    h(
      "p",
      { class: "muted small" },
      mechanismLabel(m, a.mechanism),
      a.official ? ` · Pejabat: ${a.official.name}` : "",
      a.requester ? ` · Diajukan oleh: ${a.requester.name}` : "",
    ),
    h(
      "p",
      null,
      h("span", { class: "badge" }, stateLabel(m, a.mechanism, a.state)),
      a.overdue ? h("span", { class: "badge vacant" }, "Terlambat") : null,
      h("span", { class: "muted small" }, ` ${letterKindLabel(a.letter_kind)}`),
    ),
  );
}

function group(title: string, items: Assignment[], m: Mechanisms, empty: string): HTMLElement {
  return section(
    `${title} (${items.length})`,
    items.length
      ? h(
          "ul",
          { class: "plain-list work-list" },
          items.map((a) => assignmentItem(a, m)),
        )
      : h("p", { class: "muted" }, empty),
  );
}

function inboxSection(ctx: PageContext, items: Notification[], unread: number): HTMLElement {
  const rows = items.map((n) => {
    const button =
      n.id !== null && !n.read
        ? h(
            "button",
            {
              type: "button",
              class: "button secondary",
              onclick: async (ev: Event) => {
                const b = ev.currentTarget as HTMLButtonElement;
                b.disabled = true;
                try {
                  await assignments.markRead(n.id!);
                  ctx.navigate(paths.myWork(), { replace: true });
                } catch (e) {
                  b.disabled = false;
                  b.after(errorBox(e));
                }
              },
            },
            "Tandai dibaca",
          )
        : null;
    return h(
      "li",
      { class: n.read || n.id === null ? "inbox-item" : "inbox-item unread" },
      h(
        "p",
        null,
        h(
          "span",
          { class: n.kind === "tenggat" ? "badge vacant" : "badge" },
          notificationKindLabel(n),
        ),
        !n.read && n.id !== null ? h("span", { class: "badge new" }, "Baru") : null,
        " ",
        n.assignment_id !== null
          ? link(paths.assignment(n.assignment_id), n.message)
          : n.activity_id !== null && n.activity_id !== undefined
            ? link(paths.activity(n.activity_id), n.message)
            : n.report_id !== null && n.report_id !== undefined
              ? link(paths.report(n.report_id), n.message)
              : n.report_request_id !== null && n.report_request_id !== undefined
                ? link(paths.reportNew({ request: n.report_request_id }), n.message)
                : n.message,
      ),
      h("p", { class: "muted small" }, formatTimestamp(n.created_at)),
      button,
    );
  });
  return section(
    "Kotak masuk",
    h("p", { id: "jumlah-belum-dibaca" }, unreadLine(unread)),
    rows.length
      ? h("ul", { class: "plain-list inbox" }, rows)
      : h("p", { class: "muted" }, "Belum ada pemberitahuan."),
  );
}

export async function myWorkPage(ctx: PageContext): Promise<void> {
  const title = "Pekerjaan saya";
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.myWork(), "Pekerjaan Anda"));
    return;
  }
  const [list, m, inbox, mine, accountable, myLetters] = await Promise.all([
    assignments.list(),
    assignments.mechanisms(),
    assignments.inbox(),
    activities.list(25),
    myAccountabilitySection(ctx, u.employee_id),
    myLettersSection(u.employee_id !== null),
  ]);
  if (!ctx.isCurrent()) return;
  const g = groupAssignments(list.items, u.employee_id);
  replace(
    ctx.main,
    pageHeading(title, inbox.unread > 0 ? unreadLine(inbox.unread) : undefined),
    u.employee_id === null
      ? noEmployeeNotice("tidak memegang peran dalam penugasan")
      : h("p", null, h("a", { href: paths.assignmentNew(), class: "button" }, "Buat penugasan")),
    group("Menunggu tindakan Anda", g.needsMe, m, "Tidak ada yang menunggu tindakan Anda."),
    group("Permintaan saya", g.mine, m, "Anda belum mengajukan penugasan."),
    group("Penugasan lain", g.others, m, "Tidak ada penugasan lain."),
    // Issue 12 item 4: the activities the person carries out, takes a role in or must act on.
    myActivitiesSection(mine.items, u.employee_id !== null),
    // Issue 12 item 5: reports, requests for a report and escalations.
    accountable,
    // Issue 12 item 8: the letters to sign and those received.
    myLetters,
    inboxSection(ctx, inbox.items, inbox.unread),
  );
}

/** An agency select (each with its region) and the select of its units, loaded when it changes. */
function unitPicker(name: string, label: string, agencies: AgencyListItem[]) {
  const agency = field(
    `${name}-pd`,
    `Perangkat daerah (${label.toLowerCase()})`,
    select(
      [
        ["", "Pilih perangkat daerah"],
        ...agencies.map((a) => [String(a.id), `${a.name} — ${a.region_name}`] as [string, string]),
      ],
      "",
    ),
  );
  const unit = field(name, label, select([["", "Pilih perangkat daerah terlebih dahulu"]], ""));
  agency.control.addEventListener("change", async () => {
    const aid = agency.control.value;
    replace(
      unit.control,
      h("option", { value: "" }, aid ? "Memuat unit…" : "Pilih perangkat daerah terlebih dahulu"),
    );
    if (!aid) return;
    try {
      const units = await someUnits(aid);
      if (agency.control.value !== aid) return;
      replace(
        unit.control,
        h("option", { value: "" }, "Pilih unit"),
        units.map((x) => h("option", { value: String(x.id) }, x.name)),
      );
    } catch (e) {
      setError(unit, errorBox(e).textContent);
    }
  });
  return { agency, unit };
}

export async function assignmentNewPage(ctx: PageContext): Promise<void> {
  const title = "Buat penugasan";
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.assignmentNew(), "Halaman ini"));
    return;
  }
  const [m, agencies] = await Promise.all([
    assignments.mechanisms(),
    changes.agencies({ limit: 500 }),
  ]);
  if (!ctx.isCurrent()) return;
  const mechanism = field(
    "mechanism",
    "Mekanisme",
    select(
      [["", "Pilih mekanisme"], ...m.items.map((x) => [x.key, x.label] as [string, string])],
      "",
    ),
    "Yang boleh mengajukan ditentukan oleh mekanismenya (pimpinan unit, pejabat penilai, atau pejabat itu sendiri).",
  );
  const owner = unitPicker("owner_unit_id", "Unit pemilik kinerja", agencies.items);
  const own =
    u.employee_id !== null ? { id: u.employee_id, name: u.display_name || u.username } : null;
  const official = employeeChooser("official_employee_id", "Pejabat yang ditugaskan", own);
  const officialBox = h("div", null, official.search, official.row);
  const target = unitPicker("target_unit_id", "Unit tujuan di instansi lain", agencies.items);
  const targetBox = h("div", { hidden: true }, target.agency.row, target.unit.row);
  const name = field("title", "Judul penugasan", textInput("", { maxlength: 300, required: true }));
  const details = field("details", "Rincian", h("textarea", { rows: 4, maxlength: 4000 }));
  const within = h("input", { type: "checkbox", id: "f-within_main_duties", checked: true });
  const withinRow = h(
    "div",
    { class: "field checkbox-row" },
    within,
    h(
      "label",
      { for: "f-within_main_duties" },
      "Dalam tugas jabatan (Surat Tugas; tanpa centang: Surat Perintah)",
    ),
  );

  const showFor = () => {
    const mech = mechanismOf(m, mechanism.control.value);
    const names = mech === null || namesOfficialAtStart(mech);
    officialBox.hidden = !names;
    targetBox.hidden = mech?.reach !== "lintas_instansi";
  };
  mechanism.control.addEventListener("change", showFor);
  showFor();

  const submit = h("button", { type: "submit", class: "button" }, "Ajukan");
  const state = new FormState(
    [mechanism, owner.agency, owner.unit, official, target.agency, target.unit, name, details],
    submit,
  );
  const form = formCard(
    "Penugasan baru",
    state,
    paths.myWork(),
    mechanism.row,
    owner.agency.row,
    owner.unit.row,
    officialBox,
    targetBox,
    name.row,
    details.row,
    withinRow,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const mech = mechanismOf(m, mechanism.control.value);
    const across = mech?.reach === "lintas_instansi";
    const names = mech !== null && namesOfficialAtStart(mech);
    if (
      state.refuse([
        [mechanism, mech ? null : "Pilih mekanisme."],
        [owner.unit, owner.unit.control.value ? null : "Pilih unit pemilik kinerja."],
        [official, names && !official.control.value ? "Pilih pejabat yang ditugaskan." : null],
        [target.unit, across && !target.unit.control.value ? "Pilih unit tujuan." : null],
        [name, name.control.value.trim() ? null : "Judul penugasan wajib diisi."],
      ])
    )
      return;
    void state.send(
      () =>
        assignments.create({
          mechanism: mech!.key,
          owner_unit_id: Number(owner.unit.control.value),
          official_employee_id: names ? Number(official.control.value) : undefined,
          target_unit_id: across ? Number(target.unit.control.value) : undefined,
          title: name.control.value.trim(),
          details: details.control.value.trim() || undefined,
          within_main_duties: within.checked,
        }),
      (a) => ctx.navigate(paths.assignment(a.id)),
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
    pageHeading(title),
    form,
  );
}
