// "Ubah unit organisasi": a registry administrator renames a unit of an agency or moves it under
// another unit (PATCH /units/{id}: a parent of the same agency in force, never the unit itself
// or one of its own descendants). Without a chosen unit the page lists the agency's units.
import { api, changes } from "../api/client";
import type { UnitEditBody } from "../api/change_types";
import type { Agency, Unit } from "../api/types";
import { h, replace } from "../dom";
import { paths } from "../router";
import { createsCycle, CYCLE_MESSAGE, textProblem } from "../registry_rules";
import { link, pageHeading, section, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import {
  editLinks,
  editorGuard,
  field,
  FormState,
  formCard,
  select,
  someUnits,
  textInput,
} from "./form_kit";

/** The agency page's links to the forms (shown to registry administrators only). */
export function agencyEditLinks(a: Agency): HTMLElement | null {
  return editLinks("Ubah perangkat daerah", [
    [paths.unitEdit(a.id), "Ubah unit organisasi"],
    [paths.peopleImport(a.id), "Impor pegawai (XLSX/CSV)"], // issue 11, item 9
  ]);
}

export async function unitEditPage(ctx: PageContext): Promise<void> {
  const { agencyId, unit } = routeOf(ctx, "unitEdit");
  if (!editorGuard(ctx, "Ubah Unit Organisasi", paths.unitEdit(agencyId, unit))) return;
  const [agency, units] = await Promise.all([api.agency(agencyId), someUnits(agencyId)]);
  if (!ctx.isCurrent()) return;
  const crumbs = (...last: (Node | string)[]) =>
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      link(paths.agency(agency.id), agency.name),
      " › ",
      ...last,
    );
  const byId = new Map(units.map((u) => [u.id, u]));

  if (unit === null) {
    replace(
      ctx.main,
      crumbs("Unit organisasi"),
      pageHeading("Ubah Unit Organisasi", agency.name),
      section(
        "Unit organisasi",
        units.length === 0
          ? h("p", { class: "muted" }, "Perangkat daerah ini belum mempunyai unit.")
          : table(
              ["Unit", "Jenis", "Di bawah", "Tindakan"],
              units.map((u) => [
                u.name,
                u.kind,
                u.parent_id ? (byId.get(u.parent_id)?.name ?? "—") : "—",
                h(
                  "a",
                  { href: paths.unitEdit(agency.id, u.id), "aria-label": `Ubah ${u.name}` },
                  "Ubah",
                ),
              ]),
              "Unit organisasi",
            ),
      ),
    );
    return;
  }

  const u = byId.get(Number(unit));
  if (!u) {
    replace(
      ctx.main,
      crumbs("Unit organisasi"),
      pageHeading("Ubah Unit Organisasi"),
      h(
        "div",
        { class: "alert error", role: "alert" },
        "Unit ini tidak ditemukan di perangkat daerah ini. ",
        link(paths.unitEdit(agency.id), "Kembali ke daftar unit"),
      ),
    );
    return;
  }
  form(ctx, agency, units, u, crumbs);
}

function form(
  ctx: PageContext,
  agency: Agency,
  units: Unit[],
  u: Unit,
  crumbs: (...last: (Node | string)[]) => HTMLElement,
): void {
  const parentOf = new Map(units.map((x) => [x.id, x.parent_id]));
  const parentOptions: [string, string][] = [
    ["", "Tidak ada (langsung di bawah perangkat daerah)"],
    ...units
      .filter((x) => x.id !== u.id && !createsCycle(parentOf, u.id, x.id))
      .map((x) => [String(x.id), x.name] as [string, string]),
  ];
  const name = field("name", "Nama unit", textInput(u.name, { required: true, maxlength: 300 }));
  const parent = field(
    "parent_id",
    "Di bawah unit",
    select(parentOptions, u.parent_id ? String(u.parent_id) : ""),
    "Unit lain di perangkat daerah yang sama; bukan unit di bawah unit ini sendiri.",
  );
  const state = new FormState(
    [name, parent],
    h("button", { type: "submit", class: "button" }, "Simpan perubahan"),
  );
  const el = formCard("Data unit", state, paths.unitEdit(agency.id), name.row, parent.row);
  el.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const parentId = parent.control.value ? Number(parent.control.value) : null;
    if (
      state.refuse([
        [name, textProblem(name.control.value, 300, "Nama unit")],
        [parent, createsCycle(parentOf, u.id, parentId) ? CYCLE_MESSAGE : null],
      ])
    )
      return;
    const body: UnitEditBody = {};
    if (name.control.value !== u.name) body.name = name.control.value;
    if (parentId !== u.parent_id) body.parent_id = parentId;
    await state.send(
      () => changes.updateUnit(u.id, body),
      () => ctx.navigate(paths.agency(agency.id)),
    );
  });
  replace(
    ctx.main,
    crumbs(link(paths.unitEdit(agency.id), "Unit organisasi"), " › ", u.name),
    pageHeading("Ubah Unit Organisasi", u.name),
    el,
  );
}
