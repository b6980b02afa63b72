// "Ubah jabatan": a registry administrator corrects a position (PATCH /positions/{id}): its title,
// eselon, code, task summary, unit and superior, under the API's rules (an eselon as regulations
// write it or none; a unit and a superior of the same agency; never under its own subordinates).
import { api, changes } from "../api/client";
import type { PositionEditBody } from "../api/change_types";
import type { Position } from "../api/types";
import { h, replace } from "../dom";
import { paths } from "../router";
import {
  createsCycle,
  CYCLE_MESSAGE,
  dutiesOf,
  dutiesProblem,
  ESELONS,
  lengthProblem,
  textProblem,
} from "../registry_rules";
import { link, pageHeading } from "../ui";
import { routeOf, type PageContext } from "./context";
import {
  allPositions,
  editLinks,
  editorGuard,
  field,
  FormState,
  formCard,
  select,
  someUnits,
  textInput,
} from "./form_kit";

/** The position page's links to the forms (shown to registry administrators only). */
export function positionEditLinks(p: Position): HTMLElement | null {
  return editLinks("Ubah jabatan", [[paths.positionEdit(p.id), "Ubah jabatan"]]);
}

export async function positionEditPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "positionEdit");
  if (!editorGuard(ctx, "Ubah Jabatan", paths.positionEdit(id))) return;
  const p = await api.position(id);
  const agencyId = p.agency?.id;
  const [units, positions] = agencyId
    ? await Promise.all([someUnits(agencyId), allPositions(agencyId)])
    : [[], []];
  if (!ctx.isCurrent()) return;

  const eselons: [string, string][] = [
    ["", "Tanpa eselon"],
    ...ESELONS.map((e) => [e, e] as [string, string]),
  ];
  if (p.eselon && !ESELONS.includes(p.eselon)) eselons.push([p.eselon, p.eselon]);
  const unitOptions: [string, string][] = [
    ["", "Tanpa unit"],
    ...units.map((u) => [String(u.id), u.name] as [string, string]),
  ];
  if (p.unit && !units.some((u) => u.id === p.unit!.id))
    unitOptions.push([String(p.unit.id), p.unit.name]);
  const superiorOptions: [string, string][] = [
    ["", "Tidak ada (pimpinan tertinggi)"],
    ...positions
      .filter((x) => x.id !== p.id)
      .map((x) => [String(x.id), x.title] as [string, string]),
  ];
  if (p.superior && !positions.some((x) => x.id === p.superior!.id))
    superiorOptions.push([String(p.superior.id), p.superior.title]);

  const title = field(
    "title",
    "Nama jabatan",
    textInput(p.title, { required: true, maxlength: 300 }),
  );
  const eselon = field(
    "eselon",
    "Eselon",
    select(eselons, p.eselon),
    "Hanya untuk jabatan struktural; pilih “Tanpa eselon” untuk jabatan lain.",
  );
  const code = field("code", "Kode jabatan", textInput(p.code, { maxlength: 60 }));
  const summaryInput = h("textarea", { rows: 5, maxlength: 20000 });
  summaryInput.value = p.summary;
  const summary = field("summary", "Rumusan tugas", summaryInput);
  const dutiesInput = h("textarea", { rows: 10 });
  dutiesInput.value = p.duties.join("\n");
  const duties = field(
    "duties",
    "Uraian tugas",
    dutiesInput,
    "Satu butir per baris, berurutan seperti dalam peraturan; tanpa huruf penomoran.",
  );
  const unit = field(
    "unit_id",
    "Unit organisasi",
    select(unitOptions, p.unit ? String(p.unit.id) : ""),
  );
  const superior = field(
    "superior_id",
    "Atasan langsung",
    select(superiorOptions, p.superior ? String(p.superior.id) : ""),
    "Jabatan di perangkat daerah yang sama; bukan bawahan jabatan ini sendiri.",
  );
  const state = new FormState(
    [title, eselon, code, summary, duties, unit, superior],
    h("button", { type: "submit", class: "button" }, "Simpan perubahan"),
  );
  const form = formCard(
    "Data jabatan",
    state,
    paths.position(p.id),
    title.row,
    eselon.row,
    code.row,
    summary.row,
    duties.row,
    unit.row,
    superior.row,
  );

  const superiorOf = new Map(positions.map((x) => [x.id, x.superior_id]));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const superiorId = superior.control.value ? Number(superior.control.value) : null;
    if (
      state.refuse([
        [title, textProblem(title.control.value, 300, "Nama jabatan")],
        [code, lengthProblem(code.control.value, 60, "Kode jabatan")],
        [summary, lengthProblem(summary.control.value, 20000, "Rumusan tugas")],
        [duties, dutiesProblem(dutiesOf(duties.control.value))],
        [superior, createsCycle(superiorOf, p.id, superiorId) ? CYCLE_MESSAGE : null],
      ])
    )
      return;
    // Only what changed is sent: the server writes nothing (and no audit entry) for the rest.
    const body: PositionEditBody = {};
    if (title.control.value !== p.title) body.title = title.control.value;
    if (eselon.control.value !== p.eselon) body.eselon = eselon.control.value;
    if (code.control.value !== p.code) body.code = code.control.value;
    if (summary.control.value !== p.summary) body.summary = summary.control.value;
    const newDuties = dutiesOf(duties.control.value);
    // Compared as the form reads them, so that spacing alone in the stored text changes nothing.
    if (newDuties.join("\n") !== dutiesOf(p.duties.join("\n")).join("\n")) body.duties = newDuties;
    const unitId = unit.control.value ? Number(unit.control.value) : null;
    if (unitId !== (p.unit?.id ?? null)) body.unit_id = unitId;
    if (superiorId !== (p.superior?.id ?? null)) body.superior_id = superiorId;
    await state.send(
      () => changes.updatePosition(p.id, body),
      () => ctx.navigate(paths.position(p.id)),
    );
  });

  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      p.agency ? [link(paths.agency(p.agency.id), p.agency.name), " › "] : null,
      link(paths.position(p.id), p.title),
      " › Ubah",
    ),
    pageHeading("Ubah Jabatan", p.title),
    form,
  );
}
