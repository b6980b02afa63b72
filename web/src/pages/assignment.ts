// One assignment (penugasan; issue 12 item 3) for its parties and whoever holds one of its roles:
// what is asked, of whom, by whom, its letter kind and state, the history of its steps as a
// timeline, and a form for each step open from its state (the server decides whether the caller
// may take it and refuses with its own words otherwise).
import { api, ApiError, assignments } from "../api/client";
import type { Assignment, Mechanisms, NextStep } from "../api/assignment_types";
import type { Id } from "../api/types";
import {
  letterKindLabel,
  mayBeMine,
  mechanismLabel,
  mechanismOf,
  roleLabel,
  stateLabel,
  stepLabel,
  stepNamesOfficial,
  stepProblem,
} from "../assignment_view";
import { h, replace } from "../dom";
import { formatTimestamp } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { errorMessage, facts, link, pageHeading, section, signInPrompt } from "../ui";
import { field, select, setError, textInput, type Field } from "./form_kit";
import { routeOf, type PageContext } from "./context";

/** The message of a refused step: a version conflict says to reload, anything else the server's words. */
export function stepRefusal(e: unknown): string {
  if (e instanceof ApiError && e.code === "VERSION_CONFLICT")
    return "Penugasan ini sudah diubah orang lain; muat ulang halaman ini.";
  return errorMessage(e);
}

/**
 * A chooser of one employee: a search by name or NIP (GET /employees?q=) that fills a select.
 * `own`: the signed-in person, offered first.
 */
export function employeeChooser(
  name: string,
  label: string,
  own: { id: Id; name: string } | null,
): Field<HTMLSelectElement> & { search: HTMLElement } {
  const f = field(
    name,
    label,
    select(
      own
        ? [
            ["", "Pilih pegawai"],
            [String(own.id), `${own.name} (saya)`],
          ]
        : [["", "Cari pegawai terlebih dahulu"]],
      "",
    ),
    "Cari dengan nama atau NIP, lalu pilih dari daftar.",
  );
  const qid = `${f.control.id}-cari`;
  const q = textInput("", { id: qid, type: "search", maxlength: 100 });
  const status = h("p", { class: "muted small", role: "status" });
  const run = async () => {
    const text = q.value.trim();
    if (text.length < 2) {
      replace(status, "Ketik sedikitnya 2 huruf atau angka.");
      return;
    }
    replace(status, "Mencari…");
    try {
      const r = await api.employees({ q: text, limit: 20 });
      replace(
        f.control,
        h("option", { value: "" }, r.items.length ? "Pilih pegawai" : "Tidak ada yang cocok"),
        r.items.map((e) =>
          h(
            "option",
            { value: String(e.id) },
            `${e.name}${e.position ? ` — ${e.position.title}` : ""}${e.agency_name ? `, ${e.agency_name}` : ""}`,
          ),
        ),
      );
      replace(status, `${r.items.length} pegawai ditemukan.`);
    } catch (e) {
      replace(status, errorMessage(e));
    }
  };
  const search = h(
    "div",
    { class: "field employee-search" },
    h("label", { for: qid }, `Cari ${label.toLowerCase()}`),
    h(
      "div",
      { class: "search-row" },
      q,
      h("button", { type: "button", class: "button secondary", onclick: () => void run() }, "Cari"),
    ),
    status,
  );
  q.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void run();
    }
  });
  return { ...f, search };
}

function timeline(a: Assignment, m: Mechanisms): HTMLElement {
  const steps = a.steps ?? [];
  if (steps.length === 0) return h("p", { class: "muted" }, "Belum ada langkah.");
  return h(
    "ol",
    { class: "timeline" },
    steps.map((s) =>
      h(
        "li",
        null,
        h(
          "p",
          { class: "timeline-head" },
          h("strong", null, stepLabel(s.transition)),
          " — ",
          stateLabel(m, a.mechanism, s.to),
        ),
        h(
          "p",
          { class: "muted small" },
          `${s.actor.name || "—"} (${roleLabel(m, s.role)}), ${formatTimestamp(s.at)}`,
        ),
        s.reason ? h("p", null, `Alasan: ${s.reason}`) : null,
      ),
    ),
  );
}

function stepForm(ctx: PageContext, a: Assignment, m: Mechanisms, step: NextStep): HTMLElement {
  const key = step.transition;
  const namesOfficial = stepNamesOfficial(mechanismOf(m, a.mechanism), a.state, key);
  const reason = step.reason_required
    ? field(
        `alasan-${key}`,
        "Alasan",
        h("textarea", { rows: 3, maxlength: 2000, required: true }),
        "Wajib diisi: alasan dikirim kepada pihak-pihak penugasan.",
      )
    : null;
  const official = namesOfficial
    ? employeeChooser(`pejabat-${key}`, "Pejabat yang ditugaskan", null)
    : null;
  const button = h(
    "button",
    { type: "submit", class: step.reason_required ? "button secondary" : "button" },
    stepLabel(key),
  );
  const message = h("div", { class: "form-message", "aria-live": "assertive" });
  const form = h(
    "form",
    {
      class: "step-form",
      novalidate: true,
      "aria-label": `${stepLabel(key)} (${roleLabel(m, step.role)})`,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        if (reason) setError(reason, null);
        if (official) setError(official, null);
        const problem = stepProblem(
          step,
          reason?.control.value ?? "",
          namesOfficial,
          official?.control.value ?? "",
        );
        if (problem) {
          const at = problem.field === "reason" ? reason : official;
          replace(message, h("div", { class: "alert error", role: "alert" }, problem.message));
          if (at) {
            setError(at, problem.message);
            at.control.focus();
          }
          return;
        }
        button.disabled = true;
        replace(message, h("p", { class: "loading", role: "status" }, "Mengirim…"));
        try {
          await assignments.step(a.id, {
            transition: key,
            version: a.version,
            reason: reason?.control.value.trim() || undefined,
            official_employee_id: official ? Number(official.control.value) : undefined,
          });
          ctx.navigate(paths.assignment(a.id), { replace: true });
        } catch (e) {
          const conflict = e instanceof ApiError && e.code === "VERSION_CONFLICT";
          replace(
            message,
            h(
              "div",
              { class: "alert error", role: "alert" },
              h("p", null, stepRefusal(e)),
              conflict ? h("p", null, link(paths.assignment(a.id), "Muat ulang")) : null,
            ),
          );
        } finally {
          button.disabled = false;
        }
      },
    },
    h(
      "h3",
      null,
      `${stepLabel(key)}`,
      h("span", { class: "muted small" }, ` — ${roleLabel(m, step.role)}`),
    ),
    official ? [official.search, official.row] : null,
    reason ? reason.row : null,
    message,
    h("div", { class: "actions" }, button),
  );
  return form;
}

/**
 * The forms of the open steps: those that may be the caller's first; the others (another role's,
 * as far as the page can tell) folded away, still there to try: the server decides and refuses.
 */
function nextSteps(ctx: PageContext, a: Assignment, m: Mechanisms, me: Id | null): HTMLElement {
  const mine = a.next.filter((s) => mayBeMine(s, a, me));
  const rest = a.next.filter((s) => !mayBeMine(s, a, me));
  return section(
    "Langkah berikutnya",
    mine.length
      ? mine.map((s) => stepForm(ctx, a, m, s))
      : h(
          "p",
          null,
          `Menunggu: ${[...new Set(a.next.map((s) => roleLabel(m, s.role)))].join(", ")}.`,
        ),
    rest.length
      ? h(
          "details",
          { class: "other-steps" },
          h("summary", null, "Langkah untuk pemegang peran lain"),
          h(
            "p",
            { class: "muted small" },
            "Hanya pemegang peran yang disebut pada tiap langkah yang dapat mengambilnya; selain itu server menolak dengan alasannya.",
          ),
          rest.map((s) => stepForm(ctx, a, m, s)),
        )
      : null,
  );
}

export async function assignmentPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "assignment");
  const u = user();
  if (!u) {
    replace(
      ctx.main,
      pageHeading("Penugasan"),
      signInPrompt(paths.assignment(id), "Penugasan ini"),
    );
    return;
  }
  const [a, m] = await Promise.all([assignments.get(id), assignments.mechanisms()]);
  if (!ctx.isCurrent()) return;
  const ref = (r: { id: Id; name: string } | null, href?: (x: Id) => string) =>
    r ? (href ? link(href(r.id), r.name) : r.name) : "";
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.myWork(), "Pekerjaan saya"),
      " › Penugasan",
    ),
    pageHeading(a.title, mechanismLabel(m, a.mechanism)),
    h(
      "p",
      null,
      h(
        "span",
        { class: `badge state-${a.state.replace(/[^a-z_]/g, "")}` },
        stateLabel(m, a.mechanism, a.state),
      ),
      a.overdue ? h("span", { class: "badge vacant" }, "Terlambat") : null,
    ),
    section(
      "Penugasan",
      facts([
        ["Mekanisme", mechanismLabel(m, a.mechanism)],
        [
          "Status",
          `${stateLabel(m, a.mechanism, a.state)} (sejak ${formatTimestamp(a.state_since)})`,
        ],
        ["Unit pemilik kinerja", ref(a.owner_unit, paths.unit)],
        ["Pejabat yang ditugaskan", ref(a.official, paths.employee)],
        ["Unit pejabat", ref(a.official_unit, paths.unit)],
        ["Unit tujuan", ref(a.target_unit, paths.unit)],
        ["Diajukan oleh", ref(a.requester, paths.employee)],
        ["Jenis surat", letterKindLabel(a.letter_kind)],
        [
          "Surat penugasan",
          a.letter
            ? link(
                paths.letter(a.letter.id),
                `${letterKindLabel(a.letter.kind)} nomor ${a.letter.number}` +
                  (a.letter.status === "dicabut" ? " (dicabut)" : ""),
              )
            : "Terbit ketika penugasan disetujui",
        ],
        ["Dalam tugas jabatan", a.within_main_duties ? "Ya" : "Tidak (di luar tugas jabatan)"],
        ["Batas jawaban", `${a.answer_days} hari kerja`],
        ["Tim kerja", a.team_id !== null ? link(paths.team(a.team_id), `Tim ${a.team_id}`) : ""],
        ["Rincian", a.details],
      ]),
    ),
    section("Riwayat langkah", timeline(a, m)),
    a.next.length > 0 ? nextSteps(ctx, a, m, u.employee_id) : null,
  );
}
