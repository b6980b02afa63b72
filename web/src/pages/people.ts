import { actingLabel, definitiveBeside } from "../acting";
import { api, ApiError } from "../api/client";
import type { Placement } from "../api/types";
import { h, replace, type Child } from "../dom";
import { formatDate, formatNip, pageRange, placementLabel, sexLabel } from "../format";
import { paths, type PeopleFilters } from "../router";
import { user } from "../session";
import { facts, link, pageHeading, pager, section, signInPrompt, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import { employeeEditLinks, employeeListEditLinks } from "./employee_form";
import { agencyWithRegion } from "./unit";
import { workResultsSection } from "./accountability"; // issue 12 item 5

const PAGE_SIZE = 20;

// ---- The people list (issue 11: filters by region, agency, unit, rank, kind; vacant positions) ----

const PNS_RANKS = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d"].concat([
  "III/a",
  "III/b",
  "III/c",
  "III/d",
  "IV/a",
  "IV/b",
  "IV/c",
  "IV/d",
  "IV/e",
]);
const PPPK_GRADES = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].concat([
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
  "XVII",
]);

export async function employeesPage(ctx: PageContext): Promise<void> {
  const { q, page, filters } = routeOf(ctx, "employees");
  const heading = pageHeading(
    "Pegawai",
    "Cari pegawai berdasarkan nama atau NIP, saring menurut daerah, perangkat daerah, unit, pangkat dan status, atau tampilkan jabatan yang lowong.",
  );
  const here = paths.employees(q, page, filters);
  if (!user()) {
    replace(ctx.main, heading, signInPrompt(here, "Data pegawai"));
    return;
  }
  // The choices of the filters: regions, the agencies (of the region when one is chosen), and the
  // unit named in the address.
  const [regions, agencies, unit] = await Promise.all([
    api.regions(),
    api.agencies({ region_id: filters.region, limit: 500 }),
    filters.unit ? api.unit(filters.unit).catch(() => null) : Promise.resolve(null),
  ]);
  if (!ctx.isCurrent()) return;

  const input = h("input", {
    id: "cari-pegawai",
    name: "q",
    type: "search",
    value: q,
    autocomplete: "off",
    placeholder: "Nama atau NIP",
    "aria-describedby": "cari-bantuan",
  });
  const choice = (id: string, value: string, all: string, options: [string, string][]) =>
    h(
      "select",
      { id, name: id },
      h("option", { value: "" }, all),
      options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)),
    );
  const regionSel = choice(
    "saring-wilayah",
    filters.region,
    "Semua daerah",
    regions.items.map((r) => [String(r.id), r.name]),
  );
  const agencySel = choice(
    "saring-pd",
    filters.agency,
    "Semua perangkat daerah",
    agencies.items.map((a) => [String(a.id), agencyWithRegion(a.name, a.region_name)]),
  );
  const rankSel = choice("saring-pangkat", filters.rank, "Semua pangkat", [
    ...PNS_RANKS.map((r): [string, string] => [r, `PNS ${r}`]),
    ...PPPK_GRADES.map((r): [string, string] => [r, `PPPK golongan ${r}`]),
  ]);
  const kindSel = choice("saring-status", filters.kind, "PNS dan PPPK", [
    ["PNS", "PNS"],
    ["PPPK", "PPPK"],
  ]);
  const vacant = h("input", { id: "saring-lowong", type: "checkbox", checked: filters.vacant });
  const field = (id: string, label: string, control: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: id }, label), control);
  const read = (): PeopleFilters => ({
    region: regionSel.value,
    agency: agencySel.value,
    unit: filters.unit && agencySel.value === filters.agency ? filters.unit : "",
    rank: rankSel.value,
    kind: kindSel.value,
    vacant: vacant.checked,
  });
  // A region chosen: its agencies are listed (the page reloads its choices).
  regionSel.addEventListener("change", () =>
    ctx.navigate(paths.employees(input.value.trim(), 1, { ...read(), agency: "", unit: "" })),
  );
  const form = h(
    "form",
    { role: "search", class: "search-form", "aria-label": "Cari pegawai" },
    h("label", { for: "cari-pegawai" }, "Cari nama atau NIP"),
    h(
      "div",
      { class: "search-row" },
      input,
      h("button", { type: "submit", class: "button" }, "Cari"),
    ),
    h(
      "p",
      { id: "cari-bantuan", class: "muted small" },
      "Cocok dengan awal kata nama atau awal NIP.",
    ),
    h(
      "fieldset",
      { class: "filter-form" },
      h("legend", null, "Saring"),
      field("saring-wilayah", "Daerah", regionSel),
      field("saring-pd", "Perangkat daerah", agencySel),
      field("saring-pangkat", "Pangkat/golongan", rankSel),
      field("saring-status", "Status kepegawaian", kindSel),
      h(
        "div",
        { class: "field checkbox" },
        vacant,
        h("label", { for: "saring-lowong" }, "Tampilkan jabatan lowong perangkat daerah ini"),
      ),
      unit
        ? h(
            "p",
            { class: "small" },
            "Unit: ",
            link(paths.unit(unit.id), unit.name),
            " · ",
            link(paths.employees(q, 1, { ...filters, unit: "" }), "hapus saringan unit"),
          )
        : null,
    ),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ctx.navigate(paths.employees(input.value.trim().replace(/\s+/g, " "), 1, read()));
  });

  if (filters.vacant) {
    replace(ctx.main, heading, form, await vacancies(filters, page));
    return;
  }

  const offset = (page - 1) * PAGE_SIZE;
  let list;
  try {
    // A NIP typed with spaces ("19670325 199703 2 002") is searched without them.
    const query = /^[\d\s]+$/.test(q) ? q.replace(/\s+/g, "") : q;
    list = await api.employees({
      q: query,
      limit: PAGE_SIZE,
      offset,
      region_id: filters.region,
      agency_id: filters.agency,
      unit_id: filters.unit,
      rank: filters.rank,
      kind: filters.kind,
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      replace(ctx.main, heading, signInPrompt(here, "Data pegawai"));
      return;
    }
    throw e;
  }
  if (!ctx.isCurrent()) return;
  const filtered = q || Object.values(filters).some(Boolean);
  const results =
    list.items.length === 0
      ? h(
          "p",
          { role: "status" },
          filtered
            ? q
              ? `Tidak ada pegawai yang cocok dengan "${q}" dan saringan ini.`
              : "Tidak ada pegawai yang cocok dengan saringan ini."
            : "Belum ada data pegawai.",
        )
      : h(
          "div",
          null,
          h(
            "p",
            { role: "status", class: "muted" },
            `Menampilkan ${pageRange(list.offset, list.items.length, list.total, list.total_at_least)} pegawai`,
          ),
          table(
            ["Nama", "NIP", "Pangkat/golongan", "Jabatan", "Perangkat daerah"],
            list.items.map((e) => [
              link(paths.employee(e.id), e.name),
              h("span", { class: "nowrap" }, formatNip(e.nip)),
              [e.rank, e.kind ? h("span", { class: "muted small block" }, e.kind) : null],
              e.position
                ? [
                    link(paths.position(e.position.id), e.position.title),
                    e.placement_kind && e.placement_kind !== "definitif"
                      ? ` (${placementLabel(e.placement_kind)}; ${definitiveBeside(
                          e.definitive_holder ?? null,
                        )})`
                      : "",
                  ]
                : "—",
              e.agency_id
                ? link(
                    paths.agency(e.agency_id),
                    agencyWithRegion(e.agency_name, e.agency_region_name),
                  )
                : e.agency_name || "—",
            ]),
            "Hasil pencarian pegawai",
          ),
          pager(list.offset, list.limit || PAGE_SIZE, list.total, (p) =>
            paths.employees(q, p, filters),
          ),
        );
  replace(ctx.main, heading, employeeListEditLinks(), form, results);
}

/** The vacant positions of the chosen agency (of its unit when one is chosen), paged. */
async function vacancies(filters: PeopleFilters, page: number): Promise<HTMLElement> {
  if (!filters.agency) {
    return h(
      "p",
      { role: "status" },
      "Pilih perangkat daerah untuk menampilkan jabatan yang lowong.",
    );
  }
  const offset = (page - 1) * PAGE_SIZE;
  const list = await api.agencyPositions(filters.agency, {
    vacant: 1,
    unit_id: filters.unit,
    limit: PAGE_SIZE,
    offset,
  });
  if (list.items.length === 0) {
    return h("p", { role: "status" }, "Tidak ada jabatan lowong di perangkat daerah ini.");
  }
  return h(
    "div",
    null,
    h(
      "p",
      { role: "status", class: "muted" },
      `Menampilkan ${pageRange(list.offset, list.items.length, list.total)} jabatan lowong`,
    ),
    table(
      ["Jabatan", "Jenis", "Eselon", "Unit"],
      list.items.map((p) => [
        link(paths.position(p.id), p.title),
        p.kind,
        p.eselon || "—",
        p.unit_id ? link(paths.unit(p.unit_id), "Lihat unit") : "—",
      ]),
      "Jabatan lowong",
    ),
    pager(list.offset, list.limit || PAGE_SIZE, list.total, (p) => paths.employees("", p, filters)),
  );
}

export async function employeePage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "employee");
  if (!user()) {
    replace(
      ctx.main,
      pageHeading("Data Pegawai"),
      signInPrompt(paths.employee(id), "Data pegawai"),
    );
    return;
  }
  let e;
  try {
    e = await api.employee(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      replace(
        ctx.main,
        pageHeading("Data Pegawai"),
        signInPrompt(paths.employee(id), "Data pegawai"),
      );
      return;
    }
    throw err;
  }
  if (!ctx.isCurrent()) return;
  // Issue 12 item 5: the person's results in team reports, for their appraiser and themselves
  // (left out when the server refuses the reader).
  const results = await workResultsSection(e.id, user()?.employee_id !== e.id);
  if (!ctx.isCurrent()) return;
  const current = e.placements.filter((p) => !p.end);
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.employees(), "Pegawai"),
      " › ",
      e.name,
    ),
    pageHeading(
      e.name,
      current.length
        ? current
            .map((p) => (actingLabel(p.kind) ? `${actingLabel(p.kind)} ` : "") + p.position.title)
            .join("; ")
        : undefined,
    ),
    employeeEditLinks(e),
    section(
      "Data Pegawai",
      facts([
        ["NIP", h("span", { class: "nip" }, formatNip(e.nip))],
        ["Status kepegawaian", e.kind],
        [
          "Pangkat/golongan",
          [e.rank_name, e.rank_name && e.rank ? ", " : "", e.rank].filter(Boolean).join(""),
        ],
        ["Tanggal lahir", formatDate(e.birth_date)],
        ["TMT pengangkatan", formatDate(e.appointed)],
        ["Jenis kelamin", sexLabel(e.sex)],
      ]),
    ),
    section(
      "Riwayat Jabatan",
      e.placements.length === 0
        ? h("p", { class: "muted" }, "Belum ada penempatan.")
        : table(
            ["Jabatan", "Perangkat daerah", "Jenis", "Mulai", "Selesai"],
            e.placements.map((p) => [
              link(paths.position(p.position.id), p.position.title),
              link(paths.agency(p.position.agency_id), p.position.agency_name),
              placementKindCell(p),
              formatDate(p.start),
              p.end ? formatDate(p.end) : "sekarang",
            ]),
            "Riwayat jabatan",
          ),
    ),
    results,
  );
}

/** A placement's kind on the person's page: "Plt." / "Plh." with the definitive holder or the
 * vacancy beside it while the placement lasts. */
function placementKindCell(p: Placement): Child {
  if (!actingLabel(p.kind)) return placementLabel(p.kind);
  return [
    h("span", { class: "badge acting" }, actingLabel(p.kind)),
    p.end
      ? null
      : h(
          "span",
          { class: "muted small block" },
          p.definitive_holder
            ? [
                "definitif: ",
                link(paths.employee(p.definitive_holder.employee_id), p.definitive_holder.name),
              ]
            : definitiveBeside(null),
        ),
  ];
}
