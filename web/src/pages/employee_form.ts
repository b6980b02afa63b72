// "Tambah pegawai" and "Ubah data pegawai": a registry administrator registers an employee
// (POST /employees: NIP, name, PNS or PPPK, rank, region) or corrects one (PATCH /employees/{id}:
// name and rank; the NIP and what it encodes are fixed).
import { api, changes } from "../api/client";
import type { EmployeeEditBody } from "../api/change_types";
import type { Employee } from "../api/types";
import { h, replace } from "../dom";
import { formatDate, formatNip, placementLabel } from "../format";
import { paths } from "../router";
import { decodeNip, rankOptions, textProblem } from "../registry_rules";
import { facts, link, pageHeading, section } from "../ui";
import { routeOf, type PageContext } from "./context";
import { editLinks, editorGuard, field, FormState, formCard, select, textInput } from "./form_kit";

/** The people list's link to the new-employee form (registry administrators only). */
export function employeeListEditLinks(): HTMLElement | null {
  return editLinks("Ubah data pegawai", [[paths.employeeNew(), "Tambah pegawai"]]);
}

/** The employee page's links to the forms: edit, place, and end each current placement. */
export function employeeEditLinks(e: Employee): HTMLElement | null {
  const links: [string, string][] = [
    [paths.employeeEdit(e.id), "Ubah data pegawai"],
    [paths.placementNew(e.id), "Tempatkan dalam jabatan"],
  ];
  for (const p of e.placements.filter((x) => !x.end)) {
    links.push([paths.placementMove(e.id, p.id), `Pindahkan: ${p.position.title}`]);
    links.push([paths.placementEnd(e.id, p.id), `Akhiri penempatan: ${p.position.title}`]);
  }
  return editLinks("Ubah data pegawai", links);
}

const rankSelect = (kind: string, value: string) =>
  select([["", "Pilih pangkat/golongan"], ...rankOptions(kind)], value);

export async function employeeNewPage(ctx: PageContext): Promise<void> {
  routeOf(ctx, "employeeNew");
  if (!editorGuard(ctx, "Tambah Pegawai", paths.employeeNew())) return;
  const regions = await api.regions();
  if (!ctx.isCurrent()) return;

  const nip = field(
    "nip",
    "NIP",
    textInput("", { inputmode: "numeric", maxlength: 40, required: true }),
    "18 angka, boleh dengan spasi (mis. 19670325 199703 2 002). Tanggal lahir, TMT " +
      "pengangkatan, dan jenis kelamin dibaca dari NIP.",
  );
  const name = field(
    "name",
    "Nama lengkap (dengan gelar)",
    textInput("", { maxlength: 200, required: true, autocomplete: "off" }),
  );
  const kind = field(
    "kind",
    "Status kepegawaian",
    select(
      [
        ["PNS", "PNS"],
        ["PPPK", "PPPK"],
      ],
      "PNS",
    ),
  );
  const rank = field("rank", "Pangkat/golongan", rankSelect("PNS", ""));
  kind.control.addEventListener("change", () => {
    const fresh = rankSelect(kind.control.value, "");
    for (const a of ["id", "aria-describedby"])
      fresh.setAttribute(a, rank.control.getAttribute(a)!);
    rank.control.replaceWith(fresh);
    rank.control = fresh;
  });
  const region = field(
    "region_id",
    "Daerah",
    select(
      [
        ["", "Pilih daerah"],
        ...regions.items.map((r) => [String(r.id), r.name] as [string, string]),
      ],
      regions.items.length === 1 ? String(regions.items[0]!.id) : "",
    ),
    "Daerah tempat pegawai diangkat; penempatan di daerah lain memerlukan surat keputusan penugasan.",
  );
  const state = new FormState(
    [nip, name, kind, rank, region],
    h("button", { type: "submit", class: "button" }, "Simpan pegawai"),
  );
  const form = formCard(
    "Data pegawai baru",
    state,
    paths.employees(),
    nip.row,
    name.row,
    kind.row,
    rank.row,
    region.row,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const decoded = decodeNip(nip.control.value);
    if (
      state.refuse([
        [nip, typeof decoded === "string" ? decoded : null],
        [name, textProblem(name.control.value, 200, "Nama")],
        [rank, rank.control.value ? null : "Pangkat/golongan belum dipilih."],
        [region, region.control.value ? null : "Daerah belum dipilih."],
      ])
    )
      return;
    await state.send(
      () =>
        changes.createEmployee({
          nip: nip.control.value,
          name: name.control.value.trim(),
          kind: kind.control.value === "PPPK" ? "PPPK" : "PNS",
          rank: rank.control.value,
          region_id: Number(region.control.value),
        }),
      (e) => ctx.navigate(paths.employee(e.id)),
    );
  });
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.employees(), "Pegawai"),
      " › Tambah pegawai",
    ),
    pageHeading("Tambah Pegawai", "Pegawai baru dicatat dengan NIP-nya; NIP tidak dapat diubah."),
    form,
  );
}

export async function employeeEditPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "employeeEdit");
  if (!editorGuard(ctx, "Ubah Data Pegawai", paths.employeeEdit(id))) return;
  const e = await api.employee(id);
  if (!ctx.isCurrent()) return;
  const name = field("name", "Nama lengkap (dengan gelar)", textInput(e.name, { maxlength: 200 }));
  const rank = field("rank", "Pangkat/golongan", rankSelect(e.kind, e.rank));
  const state = new FormState(
    [name, rank],
    h("button", { type: "submit", class: "button" }, "Simpan perubahan"),
  );
  const form = formCard("Data pegawai", state, paths.employee(e.id), name.row, rank.row);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (
      state.refuse([
        [name, textProblem(name.control.value, 200, "Nama")],
        [rank, rank.control.value ? null : "Pangkat/golongan belum dipilih."],
      ])
    )
      return;
    const body: EmployeeEditBody = {};
    if (name.control.value !== e.name) body.name = name.control.value.trim();
    if (rank.control.value !== e.rank) body.rank = rank.control.value;
    await state.send(
      () => changes.updateEmployee(e.id, body),
      () => ctx.navigate(paths.employee(e.id)),
    );
  });
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.employees(), "Pegawai"),
      " › ",
      link(paths.employee(e.id), e.name),
      " › Ubah",
    ),
    pageHeading("Ubah Data Pegawai", e.name),
    section(
      "Tetap (dari NIP)",
      facts([
        ["NIP", h("span", { class: "nip" }, formatNip(e.nip))],
        ["Status kepegawaian", e.kind],
        ["Tanggal lahir", formatDate(e.birth_date)],
        ["TMT pengangkatan", formatDate(e.appointed)],
        [
          "Jabatan sekarang",
          e.placements
            .filter((p) => !p.end)
            .map((p) => `${p.position.title} (${placementLabel(p.kind)})`)
            .join("; "),
        ],
      ]),
    ),
    form,
  );
}
