// Activities (kegiatan; issue 12 item 4): one activity's page (its facts, its review chain with the
// stop it waits at, one timeline of its steps, notes and evidence uploads, and the forms the server
// says are the caller's: the open steps, a progress note, feedback, an evidence upload), the form
// that plans one (/kegiatan-baru), "Kegiatan saya" on "Pekerjaan saya" and a team's board.
import { activities, api, ApiError } from "../api/client";
import type {
  Activity,
  ActivityFlow,
  ActivityNext,
  ActivityNote,
  ActivityStep,
  ActivitySummary,
  Evidence,
} from "../api/activity_types";
import type { Id, TeamRef } from "../api/types";
import {
  activityStepLabel,
  activityStepProblem,
  awaitingFirst,
  boardColumns,
  flowRoleLabel,
  flowStateLabel,
  formatRupiah,
  formatSize,
  parsePercent,
  parseRupiah,
  planProblems,
  shortSha,
  historyLeftOut,
  timelineOf,
  waitingFor,
  type TimelineEntry,
} from "../activity_view";
import { h, replace, type Child } from "../dom";
import { formatDate, formatTimestamp } from "../format";
import { paths } from "../router";
import { user } from "../session";
import {
  errorMessage,
  facts,
  link,
  noEmployeeNotice,
  pageHeading,
  refusedSection,
  section,
  signInPrompt,
} from "../ui";
import { employeeChooser } from "./assignment";
import { field, formCard, FormState, select, setError, textInput, type Field } from "./form_kit";
import { routeOf, type PageContext } from "./context";

const CONFLICT = "Kegiatan ini sudah diubah orang lain; muat ulang halaman ini.";

/** The message of a refused change: a version conflict says to reload, anything else the server's words. */
export function activityRefusal(e: unknown): string {
  if (e instanceof ApiError && e.code === "VERSION_CONFLICT") return CONFLICT;
  return errorMessage(e);
}

function refusalBox(a: Activity, e: unknown): HTMLElement {
  const conflict = e instanceof ApiError && e.code === "VERSION_CONFLICT";
  return h(
    "div",
    { class: "alert error", role: "alert" },
    h("p", null, activityRefusal(e)),
    conflict ? h("p", null, link(paths.activity(a.id), "Muat ulang")) : null,
  );
}

function stateBadge(a: Pick<ActivitySummary, "state" | "state_label">): HTMLElement {
  return h(
    "span",
    { class: `badge activity-state state-${a.state.replace(/[^a-z_]/g, "")}` },
    a.state_label || a.state,
  );
}

/** The progress as a bar with its words ("Kemajuan 40%"). */
function progressBar(progress: number, label: string): HTMLElement {
  return h(
    "span",
    { class: "progress-line" },
    h("progress", { max: 100, value: progress, "aria-label": label }),
    h("span", null, ` ${progress}%`),
  );
}

// ---- "Kegiatan saya" on "Pekerjaan saya" ----

function activityItem(a: ActivitySummary): HTMLElement {
  return h(
    "li",
    { class: a.awaiting_me ? "work-item awaiting" : "work-item" },
    h("p", null, link(paths.activity(a.id), a.title)),
    h(
      "p",
      { class: "muted small" },
      `${formatDate(a.start)} – ${formatDate(a.end)}`,
      a.executor ? ` · Pelaksana: ${a.executor.name}` : "",
      a.owner_unit ? ` · ${a.owner_unit.name}` : "",
    ),
    h(
      "p",
      null,
      a.awaiting_me ? h("span", { class: "badge vacant" }, "Menunggu tindakan Anda") : null,
      stateBadge(a),
      h("span", { class: "muted small" }, ` Kemajuan ${a.progress}%`),
      a.rework > 0 ? h("span", { class: "muted small" }, ` · diperbaiki ${a.rework} kali`) : null,
    ),
  );
}

/** The caller's 25 newest activities, those waiting for them first. */
export function myActivitiesSection(items: ActivitySummary[], canPlan: boolean): HTMLElement {
  const waiting = items.filter((a) => a.awaiting_me).length;
  return section(
    `Kegiatan saya (${items.length})`,
    canPlan
      ? h("p", null, h("a", { href: paths.activityNew(), class: "button" }, "Rencanakan kegiatan"))
      : null,
    waiting > 0
      ? h("p", null, `${waiting} kegiatan menunggu tindakan Anda.`)
      : items.length
        ? h("p", { class: "muted" }, "Tidak ada kegiatan yang menunggu tindakan Anda.")
        : null,
    items.length
      ? h("ul", { class: "plain-list work-list" }, awaitingFirst(items).map(activityItem))
      : h("p", { class: "muted" }, "Belum ada kegiatan."),
  );
}

// ---- A team's board ----

/** "Papan kegiatan" of a team: its activities in columns by state; a short note when refused. */
export async function teamBoardSection(teamId: Id | string): Promise<HTMLElement> {
  const title = "Papan kegiatan";
  let items: ActivitySummary[];
  try {
    items = (await activities.team(teamId)).items;
  } catch (e) {
    return refusedSection(
      title,
      e,
      "Papan kegiatan tim ini hanya untuk anggota tim, pimpinan unit pemiliknya, dan administrator.",
    );
  }
  return section(
    title,
    h(
      "p",
      null,
      h("a", { href: paths.activityNew(teamId), class: "button secondary" }, "Rencanakan kegiatan"),
    ),
    items.length === 0 ? h("p", { class: "muted" }, "Tim ini belum punya kegiatan.") : null,
    h(
      "div",
      { class: "board" },
      boardColumns(items).map((c) =>
        h(
          "div",
          { class: `board-column board-${c.key}` },
          h("h3", null, `${c.label} (${c.items.length})`),
          c.items.length
            ? h(
                "ul",
                { class: "plain-list" },
                c.items.map((a) =>
                  h(
                    "li",
                    { class: "board-card" },
                    h("p", null, link(paths.activity(a.id), a.title)),
                    h(
                      "p",
                      { class: "muted small" },
                      a.executor ? `${a.executor.name} · ` : "",
                      `${a.progress}%`,
                      a.state.startsWith("di_") ? ` · ${a.state_label}` : "",
                    ),
                    a.awaiting_me
                      ? h("p", null, h("span", { class: "badge vacant" }, "Menunggu tindakan Anda"))
                      : null,
                  ),
                ),
              )
            : h("p", { class: "muted small" }, "Tidak ada."),
        ),
      ),
    ),
  );
}

// ---- One activity ----

function chainList(a: Activity): HTMLElement {
  if (a.chain.length === 0) return h("p", { class: "muted" }, "Tidak ada alur peninjauan.");
  return h(
    "ol",
    { class: "chain" },
    a.chain.map((s) =>
      h(
        "li",
        {
          class: s.current ? "chain-stop current" : "chain-stop",
          "aria-current": s.current ? "step" : null,
        },
        h(
          "p",
          null,
          h("strong", null, s.label),
          s.current ? h("span", { class: "badge new" }, "Sekarang di sini") : null,
        ),
        s.position_title ? h("p", null, s.position_title) : null,
        h(
          "p",
          { class: "muted small" },
          s.people.length ? s.people.join(", ") : "Jabatan ini sedang lowong",
        ),
      ),
    ),
  );
}

function evidenceLine(e: Evidence): Child[] {
  return [
    h(
      "p",
      null,
      h("a", { href: activities.evidenceHref(e.id), download: e.name }, e.name),
      h("span", { class: "muted small" }, ` · ${e.media_type} · ${formatSize(e.size)}`),
    ),
    h(
      "p",
      { class: "muted small" },
      "SHA-256: ",
      h("code", { title: e.sha256 }, shortSha(e.sha256)),
    ),
  ];
}

function timelineItem(flow: ActivityFlow | null, t: TimelineEntry): HTMLElement {
  if (t.kind === "step") {
    const s = t.step;
    return h(
      "li",
      { class: "timeline-step" },
      h(
        "p",
        { class: "timeline-head" },
        h("strong", null, activityStepLabel(s.transition)),
        " — ",
        flowStateLabel(flow, s.to),
      ),
      h(
        "p",
        { class: "muted small" },
        `${s.actor.name || "—"} (${flowRoleLabel(flow, s.role)}), ${formatTimestamp(s.at)}`,
      ),
      s.reason ? h("p", null, `Alasan: ${s.reason}`) : null,
    );
  }
  if (t.kind === "note") {
    const n = t.note;
    return h(
      "li",
      { class: "timeline-note" },
      h(
        "p",
        { class: "timeline-head" },
        h("strong", null, n.kind === "umpan_balik" ? "Umpan balik" : "Catatan kemajuan"),
        n.kind === "kemajuan" && n.progress !== null ? ` — ${n.progress}%` : "",
      ),
      h(
        "p",
        { class: "muted small" },
        `${n.author.name || "—"} (${flowRoleLabel(flow, n.role)}), ${formatTimestamp(n.at)}`,
      ),
      h("p", { class: "note-text" }, n.text),
    );
  }
  const e = t.evidence;
  return h(
    "li",
    { class: "timeline-evidence" },
    h("p", { class: "timeline-head" }, h("strong", null, "Bukti diunggah")),
    h("p", { class: "muted small" }, `${e.uploaded_by.name || "—"}, ${formatTimestamp(e.at)}`),
    evidenceLine(e),
  );
}

function timeline(a: Activity, flow: ActivityFlow | null): HTMLElement {
  const all = timelineOf(a);
  if (all.length === 0)
    return h("p", { class: "muted" }, "Belum ada langkah, catatan, atau bukti.");
  return h(
    "ol",
    { class: "timeline" },
    all.map((t) => timelineItem(flow, t)),
  );
}

/** Every row of a history read a page of 200 at a time (at most 50 pages). */
async function everyPage<T>(
  total: number,
  read: (offset: number) => Promise<{ items: T[] }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; page < 50 && out.length < total; page++) {
    const got = await read(out.length);
    if (got.items.length === 0) break;
    out.push(...got.items);
  }
  return out;
}

/**
 * The timeline, and when the answer left older steps or notes out, a line saying so with a
 * button that reads them all and draws the timeline again.
 */
function history(a: Activity, flow: ActivityFlow | null): HTMLElement {
  const box = h("div", null, timeline(a, flow));
  const leftOut = historyLeftOut(a);
  if (leftOut === "") return box;
  const button = h(
    "button",
    { type: "button", class: "button secondary" },
    "Tampilkan seluruh riwayat",
  );
  const problem = h("span", { class: "error", role: "alert" });
  const notice = h("p", { class: "muted small history-left-out" }, `${leftOut} `, button, problem);
  button.addEventListener("click", () => {
    button.disabled = true;
    replace(problem);
    Promise.all([
      everyPage<ActivityStep>(a.steps_total, (o) => activities.steps(a.id, o)),
      everyPage<ActivityNote>(a.notes_total, (o) => activities.notes(a.id, o)),
    ])
      .then(([steps, notes]) => {
        replace(box, timeline({ ...a, steps, notes }, flow));
        notice.remove();
      })
      .catch((e: unknown) => {
        button.disabled = false;
        replace(problem, " ", errorMessage(e));
      });
  });
  return h("div", null, notice, box);
}

/** A small form of the page: its message box, a button and the send cycle (reload when done). */
function smallForm(
  ctx: PageContext,
  a: Activity,
  opts: {
    label: string;
    title: Child;
    buttonText: string;
    secondary?: boolean;
    fields: Child[];
    /** A problem found here (nothing is sent), with the field to mark. */
    check: () => { at: Field | null; message: string } | null;
    send: () => Promise<unknown>;
    /** The field a refusal is shown at when the server names none (an upload's file). */
    refusalAt?: Field;
    all: Field[];
  },
): HTMLFormElement {
  const button = h(
    "button",
    { type: "submit", class: opts.secondary ? "button secondary" : "button" },
    opts.buttonText,
  );
  const message = h("div", { class: "form-message", "aria-live": "assertive" });
  return h(
    "form",
    {
      class: "step-form",
      novalidate: true,
      "aria-label": opts.label,
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        opts.all.forEach((f) => setError(f, null));
        const problem = opts.check();
        if (problem) {
          replace(message, h("div", { class: "alert error", role: "alert" }, problem.message));
          if (problem.at) {
            setError(problem.at, problem.message);
            problem.at.control.focus();
          }
          return;
        }
        button.disabled = true;
        replace(message, h("p", { class: "loading", role: "status" }, "Mengirim…"));
        try {
          await opts.send();
          ctx.navigate(paths.activity(a.id), { replace: true });
        } catch (e) {
          replace(message, refusalBox(a, e));
          const named =
            e instanceof ApiError && e.field ? opts.all.find((f) => f.name === e.field) : null;
          const at = named ?? opts.refusalAt ?? null;
          if (at) setError(at, activityRefusal(e));
        } finally {
          button.disabled = false;
        }
      },
    },
    h("h3", null, opts.title),
    opts.fields,
    message,
    h("div", { class: "actions" }, button),
  );
}

function stepForm(ctx: PageContext, a: Activity, step: ActivityNext): HTMLFormElement {
  const key = step.transition;
  const reason = step.reason_required
    ? field(
        `alasan-${key}`,
        "Alasan",
        h("textarea", { rows: 3, maxlength: 2000, required: true }),
        key === "batalkan"
          ? "Wajib diisi: alasan pembatalan dikirim kepada pihak-pihak kegiatan."
          : "Wajib diisi: apa yang harus diperbaiki, dikirim kepada pelaksana.",
      )
    : null;
  if (reason) reason.name = "reason";
  return smallForm(ctx, a, {
    label: `${activityStepLabel(key)} (${step.role_label})`,
    title: [activityStepLabel(key), h("span", { class: "muted small" }, ` — ${step.role_label}`)],
    buttonText: activityStepLabel(key),
    secondary: step.reason_required,
    fields: reason ? [reason.row] : [],
    all: reason ? [reason] : [],
    check: () => {
      const m = activityStepProblem(step, reason?.control.value ?? "");
      return m ? { at: reason, message: m } : null;
    },
    send: () =>
      activities.step(a.id, {
        transition: key,
        version: a.version,
        reason: reason?.control.value.trim() || undefined,
      }),
  });
}

function noteForm(
  ctx: PageContext,
  a: Activity,
  kind: "kemajuan" | "umpan_balik",
): HTMLFormElement {
  const progress = kind === "kemajuan";
  const text = field(
    `catatan-${kind}`,
    progress ? "Catatan kemajuan" : "Umpan balik",
    h("textarea", { rows: 3, maxlength: 4000, required: true }),
  );
  text.name = "text";
  const percent = progress
    ? field(
        "kemajuan-persen",
        "Kemajuan (%)",
        textInput(String(a.progress), { inputmode: "numeric", maxlength: 5, size: 5 }),
        "Bilangan bulat 0–100; menjadi kemajuan kegiatan.",
      )
    : null;
  if (percent) percent.name = "progress";
  return smallForm(ctx, a, {
    label: progress ? "Catatan kemajuan" : "Umpan balik",
    title: progress ? "Tulis catatan kemajuan" : "Beri umpan balik",
    buttonText: progress ? "Simpan catatan" : "Kirim umpan balik",
    secondary: true,
    fields: percent ? [text.row, percent.row] : [text.row],
    all: percent ? [text, percent] : [text],
    check: () => {
      if (text.control.value.trim() === "")
        return {
          at: text,
          message: progress ? "Catatan kemajuan wajib diisi." : "Umpan balik wajib diisi.",
        };
      if (percent && Number.isNaN(parsePercent(percent.control.value)))
        return { at: percent, message: "Kemajuan ditulis sebagai bilangan bulat 0–100." };
      return null;
    },
    send: () =>
      activities.note(a.id, {
        kind,
        text: text.control.value.trim(),
        version: a.version,
        progress: percent ? (parsePercent(percent.control.value) ?? undefined) : undefined,
      }),
  });
}

function uploadForm(ctx: PageContext, a: Activity): HTMLFormElement {
  const input = h("input", {
    type: "file",
    accept: ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.txt,.csv",
  });
  const file = field(
    "berkas-bukti",
    "Berkas bukti",
    input,
    "PDF, PNG, JPEG, DOCX, XLSX, PPTX, TXT atau CSV; paling besar 10 MB.",
  );
  return smallForm(ctx, a, {
    label: "Unggah bukti",
    title: "Unggah bukti",
    buttonText: "Unggah",
    secondary: true,
    fields: [file.row],
    all: [file],
    refusalAt: file,
    check: () => {
      const f = input.files?.[0];
      if (!f) return { at: file, message: "Pilih berkas bukti terlebih dahulu." };
      if (f.size > 10 * 1024 * 1024)
        return { at: file, message: "Berkas terlalu besar: paling besar 10 MB." };
      return null;
    },
    send: () => activities.upload(a.id, a.version, input.files![0]!),
  });
}

function nextSteps(ctx: PageContext, a: Activity): HTMLElement | null {
  if (a.next.length === 0) return null;
  const mine = a.next.filter((s) => s.mine);
  return section(
    "Langkah berikutnya",
    mine.length
      ? mine.map((s) => stepForm(ctx, a, s))
      : h("p", null, `Menunggu: ${waitingFor(a.next).join(", ")}.`),
  );
}

export async function activityPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "activity");
  if (!user()) {
    replace(ctx.main, pageHeading("Kegiatan"), signInPrompt(paths.activity(id), "Kegiatan ini"));
    return;
  }
  const [a, flows] = await Promise.all([activities.get(id), activities.flows()]);
  if (!ctx.isCurrent()) return;
  const flow = flows.items.find((f) => f.key === a.flow) ?? null;
  const ref = (r: { id: Id; name: string } | null, href?: (x: Id) => string) =>
    r ? (href ? link(href(r.id), r.name) : r.name) : "";
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.myWork(), "Pekerjaan saya"),
      " › Kegiatan",
    ),
    pageHeading(a.title, a.owner_unit ? a.owner_unit.name : undefined),
    h(
      "p",
      null,
      stateBadge(a),
      a.rework > 0 ? h("span", { class: "badge" }, `Diperbaiki ${a.rework} kali`) : null,
    ),
    section(
      "Kegiatan",
      facts([
        ["Status", `${a.state_label} (sejak ${formatTimestamp(a.state_since)})`],
        ["Kemajuan", progressBar(a.progress, "Kemajuan kegiatan")],
        ["Target", a.target],
        ["Rincian", a.details],
        ["Anggaran", a.budget !== null && a.budget !== undefined ? formatRupiah(a.budget) : ""],
        ["Jadwal", `${formatDate(a.start)} – ${formatDate(a.end)}`],
        ["Unit pemilik kinerja", ref(a.owner_unit, paths.unit)],
        ["Pelaksana", ref(a.executor, paths.employee)],
        ["Direncanakan oleh", ref(a.planner, paths.employee)],
        ["Tim kerja", a.team_id !== null ? link(paths.team(a.team_id), `Tim ${a.team_id}`) : ""],
        [
          "Penugasan",
          a.assignment_id !== null
            ? link(paths.assignment(a.assignment_id), `Penugasan ${a.assignment_id}`)
            : "",
        ],
        ["Dikembalikan untuk perbaikan", `${a.rework} kali`],
      ]),
    ),
    a.roles.length
      ? section(
          "Peran",
          h(
            "ul",
            { class: "plain-list" },
            a.roles.map((r) =>
              h("li", null, link(paths.employee(r.employee.id), r.employee.name), ` — ${r.role}`),
            ),
          ),
        )
      : null,
    section(
      "Alur peninjauan",
      h(
        "p",
        { class: "muted small" },
        "Hanya pejabat pada pemberhentian terakhir (Level I) yang menyatakan kegiatan selesai.",
      ),
      chainList(a),
    ),
    nextSteps(ctx, a),
    a.can_note || a.can_feedback || a.can_upload
      ? section(
          "Catatan dan bukti",
          a.can_note ? noteForm(ctx, a, "kemajuan") : null,
          a.can_feedback ? noteForm(ctx, a, "umpan_balik") : null,
          a.can_upload ? uploadForm(ctx, a) : null,
        )
      : null,
    section(
      `Bukti (${a.evidence.length})`,
      a.evidence.length
        ? h(
            "ul",
            { class: "plain-list work-list evidence-list" },
            a.evidence.map((e) =>
              h(
                "li",
                null,
                evidenceLine(e),
                h(
                  "p",
                  { class: "muted small" },
                  `Diunggah oleh ${e.uploaded_by.name || "—"}, ${formatTimestamp(e.at)}`,
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, "Belum ada bukti."),
    ),
    section("Riwayat", history(a, flow)),
  );
}

// ---- The plan form ----

/** The teams the signed-in person is a current member of, in their region (at most 30 looked at). */
async function myTeams(me: Id): Promise<TeamRef[]> {
  const person = await api.employee(me);
  const teams = (await api.teams(person.region_id)).items
    .filter((t) => t.status === "aktif")
    .slice(0, 30);
  const full = await Promise.all(teams.map((t) => api.team(t.id).catch(() => null)));
  return teams.filter((_t, i) => full[i]?.members.some((m) => m.employee_id === me));
}

export async function activityNewPage(ctx: PageContext): Promise<void> {
  const { team } = routeOf(ctx, "activityNew");
  const title = "Rencanakan kegiatan";
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.activityNew(team), "Halaman ini"));
    return;
  }
  if (u.employee_id === null) {
    replace(ctx.main, pageHeading(title), noEmployeeNotice("tidak dapat merencanakan kegiatan"));
    return;
  }
  const me = u.employee_id;
  const teams = await myTeams(me).catch(() => [] as TeamRef[]);
  if (!ctx.isCurrent()) return;

  const name = field("title", "Judul kegiatan", textInput("", { maxlength: 300, required: true }));
  const target = field(
    "target",
    "Target",
    textInput("", { maxlength: 1000 }),
    "Target kinerja yang didukung kegiatan ini.",
  );
  const details = field("details", "Rincian", h("textarea", { rows: 4, maxlength: 4000 }));
  const budget = field(
    "budget",
    "Anggaran (rupiah)",
    textInput("", { inputmode: "numeric", maxlength: 24 }),
    "Tanpa sen, mis. 1.500.000; kosongkan bila tanpa anggaran.",
  );
  const start = field("start", "Tanggal mulai", h("input", { type: "date", required: true }));
  const end = field("end", "Tanggal selesai", h("input", { type: "date", required: true }));
  const teamField = field(
    "team_id",
    "Tim kerja",
    select(
      [
        ["", "Tanpa tim (kegiatan unit sendiri)"],
        ...teams.map((t) => [String(t.id), t.name] as [string, string]),
      ],
      team && teams.some((t) => String(t.id) === team) ? team : "",
    ),
    teams.length
      ? "Kegiatan tim ditinjau lebih dahulu oleh ketua tim."
      : "Anda belum menjadi anggota tim kerja yang aktif.",
  );
  const own = { id: me, name: u.display_name || u.username };
  const executor = employeeChooser("executor_employee_id", "Pelaksana", own);
  executor.control.value = String(me);

  // Roles: people added with the role they take.
  const roles: { employee_id: Id; name: string; role: string }[] = [];
  const roleWho = employeeChooser("roles", "Pemegang peran", null);
  const roleText = field(
    "peran-teks",
    "Peran",
    textInput("", { maxlength: 200 }),
    "Mis. Analis data, Penyusun laporan.",
  );
  const roleList = h("ul", { class: "plain-list role-list" });
  const drawRoles = () =>
    replace(
      roleList,
      roles.map((r, i) =>
        h(
          "li",
          null,
          `${r.name} — ${r.role} `,
          h(
            "button",
            {
              type: "button",
              class: "button secondary",
              onclick: () => {
                roles.splice(i, 1);
                drawRoles();
              },
            },
            `Hapus ${r.name}`,
          ),
        ),
      ),
    );
  const addRole = h(
    "button",
    {
      type: "button",
      class: "button secondary",
      onclick: () => {
        setError(roleWho, null);
        setError(roleText, null);
        const sel = roleWho.control;
        if (!sel.value) return setError(roleWho, "Pilih pegawai yang mengambil peran.");
        if (!roleText.control.value.trim()) return setError(roleText, "Tulis perannya.");
        const who = Number(sel.value);
        if (roles.some((r) => r.employee_id === who))
          return setError(roleWho, "Pegawai ini sudah mendapat peran.");
        roles.push({
          employee_id: who,
          name: (sel.selectedOptions[0]?.textContent ?? "").split(" — ")[0] ?? "",
          role: roleText.control.value.trim(),
        });
        roleText.control.value = "";
        drawRoles();
      },
    },
    "Tambah peran",
  );
  const rolesBox = h(
    "fieldset",
    { class: "roles-box" },
    h("legend", null, "Peran (pilihan)"),
    roleWho.search,
    roleWho.row,
    roleText.row,
    h("div", { class: "actions" }, addRole),
    roleList,
  );

  const submit = h("button", { type: "submit", class: "button" }, "Simpan rencana");
  const state = new FormState(
    [name, target, details, budget, start, end, teamField, executor, roleWho, roleText],
    submit,
  );
  const form = formCard(
    "Kegiatan baru",
    state,
    paths.myWork(),
    name.row,
    target.row,
    details.row,
    budget.row,
    h("div", { class: "date-pair" }, start.row, end.row),
    teamField.row,
    executor.search,
    executor.row,
    rolesBox,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = planProblems({
      title: name.control.value,
      start: start.control.value,
      end: end.control.value,
      budget: budget.control.value,
    });
    if (
      state.refuse([
        [name, p.title ?? null],
        [start, p.start ?? null],
        [end, p.end ?? null],
        [budget, p.budget ?? null],
        [executor, executor.control.value ? null : "Pilih pelaksana kegiatan."],
      ])
    )
      return;
    const money = parseRupiah(budget.control.value);
    void state.send(
      () =>
        activities.create({
          title: name.control.value.trim(),
          start: start.control.value,
          end: end.control.value,
          target: target.control.value.trim() || undefined,
          details: details.control.value.trim() || undefined,
          budget: money ?? undefined,
          team_id: teamField.control.value ? Number(teamField.control.value) : undefined,
          executor_employee_id: Number(executor.control.value),
          roles: roles.length
            ? roles.map((r) => ({ employee_id: r.employee_id, role: r.role }))
            : undefined,
        }),
      (a) => ctx.navigate(paths.activity(a.id)),
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
