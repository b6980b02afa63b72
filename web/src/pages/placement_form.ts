// "Tempatkan dalam jabatan", "Pindahkan" and "Akhiri penempatan": a registry administrator places
// an employee in a position as definitif, Plt or Plh from a date, with the number and date of the
// decree (SK) or order (POST /placements: not before the employee's birth or appointment month;
// in another region's agency only with the decree of a documented secondment; the decree's number
// and date together or not at all), moves a current placement to another position in one step
// (POST /placements/{id}/move), and ends one (POST /placements/{id}/end: not before its start).
import { api, changes } from "../api/client";
import type { NewPlacementBody } from "../api/change_types";
import type { AgencyListItem, Employee, PositionListItem } from "../api/types";
import { h, replace } from "../dom";
import { formatDate, placementLabel } from "../format";
import { paths } from "../router";
import {
  decreeProblems,
  lengthProblem,
  placementEndProblem,
  placementStartProblem,
} from "../registry_rules";
import { errorBox, facts, link, pageHeading, section } from "../ui";
import { routeOf, type PageContext } from "./context";
import {
  allPositions,
  editorGuard,
  field,
  FormState,
  formCard,
  type Field,
  select,
  setError,
  textInput,
} from "./form_kit";

/** Today in the browser's calendar, as YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

const KINDS: [string, string][] = [
  ["definitif", "Definitif"],
  ["plt", "Plt. (Pelaksana Tugas)"],
  ["plh", "Plh. (Pelaksana Harian)"],
];

function crumbs(e: Employee, last: string): HTMLElement {
  return h(
    "nav",
    { class: "breadcrumb", "aria-label": "Jejak" },
    link(paths.employees(), "Pegawai"),
    " › ",
    link(paths.employee(e.id), e.name),
    ` › ${last}`,
  );
}

function positionLabel(p: PositionListItem): string {
  return p.eselon ? `${p.title} (eselon ${p.eselon})` : p.title;
}

/** The placement an employee has: its decree, when recorded. */
type PlacementWithDecree = Employee["placements"][number] & {
  decree_number?: string | null;
  decree_date?: string | null;
};

/**
 * The fields of a placement in a position: the agency (the employee's own region first: a
 * placement elsewhere needs a secondment decree), the position (loaded when an agency is
 * chosen), the kind, the start, the decree (SK) or order with its date, and the secondment
 * decree; with the checks the server makes of them.
 */
async function placementFields(
  e: Employee,
  chosen: { agencyId: number; positionId: number } | null,
  kindNow: string,
  notBefore: string | null,
) {
  const [regions, agencies] = await Promise.all([api.regions(), changes.agencies({ limit: 500 })]);
  const regionName = new Map(regions.items.map((r) => [r.id, r.name]));
  const regionOf = new Map<number, number>(agencies.items.map((a) => [a.id, a.region_id]));
  const ordered: AgencyListItem[] = [
    ...agencies.items.filter((a) => a.region_id === e.region_id),
    ...agencies.items.filter((a) => a.region_id !== e.region_id),
  ];
  const agency = field(
    "agency",
    "Perangkat daerah",
    select(
      [
        ["", "Pilih perangkat daerah"],
        ...ordered.map(
          (a) =>
            [String(a.id), `${a.name} — ${regionName.get(a.region_id) ?? ""}`] as [string, string],
        ),
      ],
      chosen ? String(chosen.agencyId) : "",
    ),
  );
  const position = field(
    "position_id",
    "Jabatan",
    select([["", "Pilih perangkat daerah terlebih dahulu"]], ""),
  );
  const kind = field(
    "kind",
    "Jenis penempatan",
    select(KINDS, kindNow),
    "Plt. dan Plh. menjalankan tugas jabatan tanpa menggantikan pemangku definitifnya.",
  );
  const start = field(
    "start",
    "Tanggal mulai (TMT)",
    textInput(today(), { type: "date", required: true, min: notBefore ?? undefined }),
    notBefore ? `Tidak sebelum mulai penempatan sekarang (${formatDate(notBefore)}).` : undefined,
  );
  const decreeNumber = field(
    "decree_number",
    "Nomor surat keputusan (SK) atau surat perintah",
    textInput("", { maxlength: 200 }),
    "Untuk Plt. dan Plh.: surat perintah. Diisi bersama tanggalnya, atau keduanya dikosongkan.",
  );
  const decreeDate = field(
    "decree_date",
    "Tanggal surat keputusan atau surat perintah",
    textInput("", { type: "date" }),
  );
  const secondment = field(
    "secondment_decree",
    "Nomor surat keputusan penugasan ke daerah lain",
    textInput("", { maxlength: 200 }),
    "Diisi hanya bila jabatan berada di daerah lain dari daerah pegawai (penugasan).",
  );

  const loadPositions = async (selected: string) => {
    const aid = agency.control.value;
    const box = position.control;
    replace(
      box,
      h(
        "option",
        { value: "" },
        aid ? "Memuat jabatan…" : "Pilih perangkat daerah terlebih dahulu",
      ),
    );
    if (!aid) return;
    try {
      const list = await allPositions(aid);
      if (agency.control.value !== aid) return;
      replace(
        box,
        h("option", { value: "" }, "Pilih jabatan"),
        list.map((p) => h("option", { value: String(p.id) }, positionLabel(p))),
      );
      box.value = selected;
    } catch (err) {
      setError(position, errorBox(err).textContent);
    }
  };
  agency.control.addEventListener("change", () => void loadPositions(""));

  const problems = (samePosition: number | null): [Field, string | null][] => {
    const aid = Number(agency.control.value);
    const elsewhere = aid > 0 && regionOf.get(aid) !== e.region_id;
    const pid = Number(position.control.value);
    return [
      [agency, agency.control.value ? null : "Perangkat daerah belum dipilih."],
      [
        position,
        !pid
          ? "Jabatan belum dipilih."
          : pid === samePosition
            ? "Penempatan ini sudah di jabatan tersebut."
            : null,
      ],
      [
        start,
        placementStartProblem(start.control.value, e.birth_date, e.appointed) ??
          (notBefore && start.control.value < notBefore
            ? `Tanggal pindah (${start.control.value}) sebelum tanggal mulai penempatan ini (${notBefore}).`
            : null),
      ],
      ...decreeProblems(decreeNumber.control.value, decreeDate.control.value).map(
        ([which, m]) => [which === "number" ? decreeNumber : decreeDate, m] as [Field, string],
      ),
      [
        secondment,
        elsewhere && !secondment.control.value.trim()
          ? "Jabatan ini milik daerah lain dari daerah pegawai; penempatan lintas daerah hanya " +
            "dengan penugasan yang didokumentasikan: isi nomor surat keputusannya."
          : lengthProblem(secondment.control.value, 200, "Nomor surat keputusan penugasan"),
      ],
    ];
  };
  /** What the routes take besides the employee: the position, kind, start and decrees. */
  const body = () => {
    const b: {
      position_id: number;
      kind: string;
      start: string;
      decree_number?: string;
      decree_date?: string;
      secondment_decree?: string;
    } = {
      position_id: Number(position.control.value),
      kind: kind.control.value,
      start: start.control.value,
    };
    if (decreeNumber.control.value.trim()) b.decree_number = decreeNumber.control.value.trim();
    if (decreeDate.control.value) b.decree_date = decreeDate.control.value;
    if (secondment.control.value.trim()) b.secondment_decree = secondment.control.value.trim();
    return b;
  };
  const all = [agency, position, kind, start, decreeNumber, decreeDate, secondment];
  return { all, problems, body, loadPositions, chosen };
}

export async function placementNewPage(ctx: PageContext): Promise<void> {
  const { employeeId, position } = routeOf(ctx, "placementNew");
  if (!editorGuard(ctx, "Tempatkan dalam Jabatan", paths.placementNew(employeeId, position)))
    return;
  const [e, chosen] = await Promise.all([
    api.employee(employeeId),
    position ? api.position(position).catch(() => null) : Promise.resolve(null),
  ]);
  const fields = await placementFields(
    e,
    chosen?.agency ? { agencyId: chosen.agency.id, positionId: chosen.id } : null,
    "definitif",
    null,
  );
  if (!ctx.isCurrent()) return;
  const state = new FormState(
    fields.all,
    h("button", { type: "submit", class: "button" }, "Tempatkan"),
  );
  const form = formCard(
    "Penempatan",
    state,
    paths.employee(e.id),
    fields.all.map((f) => f.row),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (state.refuse(fields.problems(null))) return;
    const body: NewPlacementBody = { employee_id: e.id, ...fields.body() };
    await state.send(
      () => changes.place(body),
      (p) => ctx.navigate(paths.position(p.position_id)),
    );
  });
  replace(ctx.main, crumbs(e, "Tempatkan"), pageHeading("Tempatkan dalam Jabatan", e.name), form);
  if (fields.chosen) await fields.loadPositions(String(fields.chosen.positionId));
}

/** The current placement of the route, or a page that says why there is none. */
function currentPlacement(
  ctx: PageContext,
  e: Employee,
  placementId: string,
  title: string,
): PlacementWithDecree | null {
  const p = e.placements.find((x) => String(x.id) === placementId);
  if (p && !p.end) return p;
  replace(
    ctx.main,
    crumbs(e, title),
    pageHeading(title, e.name),
    h(
      "div",
      { class: "alert error", role: "alert" },
      p ? "Penempatan ini sudah berakhir. " : "Penempatan ini tidak ditemukan. ",
      link(paths.employee(e.id), "Kembali ke data pegawai"),
    ),
  );
  return null;
}

function placementFacts(p: PlacementWithDecree): HTMLElement {
  return section(
    "Penempatan sekarang",
    facts([
      ["Jabatan", link(paths.position(p.position.id), p.position.title)],
      ["Perangkat daerah", link(paths.agency(p.position.agency_id), p.position.agency_name)],
      ["Jenis", placementLabel(p.kind)],
      ["Mulai", formatDate(p.start)],
      [
        "Surat keputusan",
        p.decree_number
          ? `${p.decree_number}${p.decree_date ? `, ${formatDate(p.decree_date)}` : ""}`
          : "",
      ],
    ]),
  );
}

export async function placementMovePage(ctx: PageContext): Promise<void> {
  const { employeeId, placementId } = routeOf(ctx, "placementMove");
  if (!editorGuard(ctx, "Pindahkan Penempatan", paths.placementMove(employeeId, placementId)))
    return;
  const e = await api.employee(employeeId);
  if (!ctx.isCurrent()) return;
  const p = currentPlacement(ctx, e, placementId, "Pindahkan Penempatan");
  if (!p) return;
  const fields = await placementFields(
    e,
    { agencyId: p.position.agency_id, positionId: p.position.id },
    p.kind,
    p.start,
  );
  if (!ctx.isCurrent()) return;
  const state = new FormState(
    fields.all,
    h("button", { type: "submit", class: "button" }, "Pindahkan"),
  );
  const form = formCard(
    "Jabatan baru",
    state,
    paths.employee(e.id),
    h(
      "p",
      { class: "muted" },
      "Penempatan sekarang berakhir pada tanggal mulai jabatan baru, dan penempatan baru dimulai " +
        "pada hari yang sama.",
    ),
    fields.all.map((f) => f.row),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (state.refuse(fields.problems(p.position.id))) return;
    const body = fields.body();
    await state.send(
      () => changes.movePlacement(p.id, body),
      (moved) => ctx.navigate(paths.position(moved.placement.position_id)),
    );
  });
  replace(
    ctx.main,
    crumbs(e, "Pindahkan penempatan"),
    pageHeading("Pindahkan Penempatan", e.name),
    placementFacts(p),
    form,
  );
  await fields.loadPositions("");
}

export async function placementEndPage(ctx: PageContext): Promise<void> {
  const { employeeId, placementId } = routeOf(ctx, "placementEnd");
  if (!editorGuard(ctx, "Akhiri Penempatan", paths.placementEnd(employeeId, placementId))) return;
  const e = await api.employee(employeeId);
  if (!ctx.isCurrent()) return;
  const p = currentPlacement(ctx, e, placementId, "Akhiri Penempatan");
  if (!p) return;
  const end = field(
    "end",
    "Tanggal berakhir",
    textInput(today(), { type: "date", required: true, min: p.start }),
    `Tidak sebelum tanggal mulai (${formatDate(p.start)}).`,
  );
  const state = new FormState(
    [end],
    h("button", { type: "submit", class: "button" }, "Akhiri penempatan"),
  );
  const form = formCard("Akhir penempatan", state, paths.employee(e.id), end.row);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (state.refuse([[end, placementEndProblem(end.control.value, p.start)]])) return;
    await state.send(
      () => changes.endPlacement(p.id, end.control.value),
      () => ctx.navigate(paths.employee(e.id)),
    );
  });
  replace(
    ctx.main,
    crumbs(e, "Akhiri penempatan"),
    pageHeading("Akhiri Penempatan", e.name),
    placementFacts(p),
    form,
  );
}
