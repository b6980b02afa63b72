import { actingLabel, definitiveBeside } from "../acting";
import { api, ApiError } from "../api/client";
import type { Placement } from "../api/types";
import { h, replace, type Child } from "../dom";
import { formatDate, formatNip, pageRange, placementLabel, sexLabel } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { facts, link, pageHeading, pager, section, signInPrompt, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import { employeeEditLinks, employeeListEditLinks } from "./employee_form";

const PAGE_SIZE = 20;

export async function employeesPage(ctx: PageContext): Promise<void> {
  const { q, page } = routeOf(ctx, "employees");
  const heading = pageHeading("Pegawai", "Cari pegawai berdasarkan nama atau NIP.");
  if (!user()) {
    replace(ctx.main, heading, signInPrompt(paths.employees(q, page), "Data pegawai"));
    return;
  }
  const input = h("input", {
    id: "cari-pegawai",
    name: "q",
    type: "search",
    value: q,
    autocomplete: "off",
    placeholder: "Nama atau NIP",
    "aria-describedby": "cari-bantuan",
  });
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
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ctx.navigate(paths.employees(input.value.trim().replace(/\s+/g, " "), 1));
  });

  const offset = (page - 1) * PAGE_SIZE;
  let list;
  try {
    // A NIP typed with spaces ("19670325 199703 2 002") is searched without them.
    const query = /^[\d\s]+$/.test(q) ? q.replace(/\s+/g, "") : q;
    list = await api.employees({ q: query, limit: PAGE_SIZE, offset });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      replace(ctx.main, heading, signInPrompt(paths.employees(q, page), "Data pegawai"));
      return;
    }
    throw e;
  }
  if (!ctx.isCurrent()) return;
  const results =
    list.items.length === 0
      ? h(
          "p",
          { role: "status" },
          q ? `Tidak ada pegawai yang cocok dengan "${q}".` : "Belum ada data pegawai.",
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
                      ? ` (${placementLabel(e.placement_kind)})`
                      : "",
                  ]
                : "—",
              e.agency_name || "—",
            ]),
            "Hasil pencarian pegawai",
          ),
          pager(list.offset, list.limit || PAGE_SIZE, list.total, (p) => paths.employees(q, p)),
        );
  replace(ctx.main, heading, employeeListEditLinks(), form, results);
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
