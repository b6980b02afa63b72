// "Tempatkan dalam jabatan" and "Akhiri penempatan": a registry administrator places an employee
// in a position as definitif, Plt or Plh from a date (POST /placements: not before the employee's
// birth or appointment month; in another region's agency only with the decree of a documented
// secondment), and ends a current placement (POST /placements/{id}/end: not before its start).
import { api, changes } from "../api/client";
import type { NewPlacementBody } from "../api/change_types";
import type { AgencyListItem, Employee, PositionListItem } from "../api/types";
import { h, replace } from "../dom";
import { formatDate, placementLabel } from "../format";
import { paths } from "../router";
import { lengthProblem, placementEndProblem, placementStartProblem } from "../registry_rules";
import { errorBox, facts, link, pageHeading, section } from "../ui";
import { routeOf, type PageContext } from "./context";
import {
  allPositions,
  editorGuard,
  field,
  FormState,
  formCard,
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

export async function placementNewPage(ctx: PageContext): Promise<void> {
  const { employeeId, position } = routeOf(ctx, "placementNew");
  if (!editorGuard(ctx, "Tempatkan dalam Jabatan", paths.placementNew(employeeId, position)))
    return;
  const [e, regions, agencies, chosen] = await Promise.all([
    api.employee(employeeId),
    api.regions(),
    changes.agencies({ limit: 500 }),
    position ? api.position(position).catch(() => null) : Promise.resolve(null),
  ]);
  if (!ctx.isCurrent()) return;
  const regionName = new Map(regions.items.map((r) => [r.id, r.name]));
  const regionOf = new Map<number, number>(agencies.items.map((a) => [a.id, a.region_id]));
  // The employee's own region first: a placement elsewhere needs a secondment decree.
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
      chosen?.agency ? String(chosen.agency.id) : "",
    ),
  );
  const positionField = field(
    "position_id",
    "Jabatan",
    select([["", "Pilih perangkat daerah terlebih dahulu"]], ""),
  );
  const kind = field(
    "kind",
    "Jenis penempatan",
    select(KINDS, "definitif"),
    "Plt. dan Plh. menjalankan tugas jabatan tanpa menggantikan pemangku definitifnya.",
  );
  const start = field(
    "start",
    "Tanggal mulai (TMT)",
    textInput(today(), { type: "date", required: true }),
  );
  const decree = field(
    "secondment_decree",
    "Nomor surat keputusan penugasan",
    textInput("", { maxlength: 200 }),
    "Diisi hanya bila jabatan berada di daerah lain dari daerah pegawai (penugasan).",
  );
  const state = new FormState(
    [agency, positionField, kind, start, decree],
    h("button", { type: "submit", class: "button" }, "Tempatkan"),
  );

  const loadPositions = async (selected: string) => {
    const aid = agency.control.value;
    const box = positionField.control;
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
      setError(positionField, errorBox(err).textContent);
    }
  };
  agency.control.addEventListener("change", () => void loadPositions(""));

  const form = formCard(
    "Penempatan",
    state,
    paths.employee(e.id),
    agency.row,
    positionField.row,
    kind.row,
    start.row,
    decree.row,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const aid = Number(agency.control.value);
    const elsewhere = aid > 0 && regionOf.get(aid) !== e.region_id;
    if (
      state.refuse([
        [agency, agency.control.value ? null : "Perangkat daerah belum dipilih."],
        [positionField, positionField.control.value ? null : "Jabatan belum dipilih."],
        [start, placementStartProblem(start.control.value, e.birth_date, e.appointed)],
        [
          decree,
          elsewhere && !decree.control.value.trim()
            ? "Jabatan ini milik daerah lain dari daerah pegawai; penempatan lintas daerah hanya " +
              "dengan penugasan yang didokumentasikan: isi nomor surat keputusannya."
            : lengthProblem(decree.control.value, 200, "Nomor surat keputusan"),
        ],
      ])
    )
      return;
    const body: NewPlacementBody = {
      employee_id: e.id,
      position_id: Number(positionField.control.value),
      kind: kind.control.value,
      start: start.control.value,
    };
    if (decree.control.value.trim()) body.secondment_decree = decree.control.value.trim();
    await state.send(
      () => changes.place(body),
      (p) => ctx.navigate(paths.position(p.position_id)),
    );
  });

  replace(ctx.main, crumbs(e, "Tempatkan"), pageHeading("Tempatkan dalam Jabatan", e.name), form);
  if (chosen?.agency) await loadPositions(String(chosen.id));
}

export async function placementEndPage(ctx: PageContext): Promise<void> {
  const { employeeId, placementId } = routeOf(ctx, "placementEnd");
  if (!editorGuard(ctx, "Akhiri Penempatan", paths.placementEnd(employeeId, placementId))) return;
  const e = await api.employee(employeeId);
  if (!ctx.isCurrent()) return;
  const p = e.placements.find((x) => String(x.id) === placementId);
  if (!p || p.end) {
    replace(
      ctx.main,
      crumbs(e, "Akhiri penempatan"),
      pageHeading("Akhiri Penempatan", e.name),
      h(
        "div",
        { class: "alert error", role: "alert" },
        p ? "Penempatan ini sudah berakhir. " : "Penempatan ini tidak ditemukan. ",
        link(paths.employee(e.id), "Kembali ke data pegawai"),
      ),
    );
    return;
  }
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
    section(
      "Penempatan",
      facts([
        ["Jabatan", link(paths.position(p.position.id), p.position.title)],
        ["Perangkat daerah", link(paths.agency(p.position.agency_id), p.position.agency_name)],
        ["Jenis", placementLabel(p.kind)],
        ["Mulai", formatDate(p.start)],
      ]),
    ),
    form,
  );
}
