import { api } from "../api/client";
import type { Agency, ChartNode, HistoryItem, Id, Unit } from "../api/types";
import { renderChart } from "../chart/render";
import { mergeChartNodes, shownSubordinates } from "../chart/tree";
import { h, replace, type Child } from "../dom";
import { changeLabel, establishes, regulationName, sentenceCase } from "../format";
import { paths } from "../router";
import {
  changeValue,
  errorBox,
  facts,
  link,
  loading,
  pageHeading,
  regulationLink,
  section,
  table,
} from "../ui";
import { routeOf, type PageContext } from "./context";
import { agencyEditLinks } from "./unit_form";
import { agencyDocumentLinks } from "./agency_documents";
import { agencyLetterLinks } from "./letter_forms"; // issue 12 item 6, web

/** Subordinates loaded at once when a box is expanded (the rest behind the same button). */
const EXPAND_LIMIT = 200;

export async function agencyPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "agency");
  const agency = await api.agency(id);
  if (!ctx.isCurrent()) return;

  const chartBox = h("div", { class: "chart-holder" }, loading("Memuat bagan…"));
  const historyBox = h("div", null, loading("Memuat riwayat…"));
  const unitsBox = h("div", null, loading("Memuat unit organisasi…")); // issue 11
  const unitsOutsideChart = h("p", { class: "muted small units-outside-chart" }); // issue 11, item 5
  const kind = [agency.kind, agency.type ? `Tipe ${agency.type}` : ""].filter(Boolean).join(" · ");

  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      agency.region ? [link(paths.region(agency.region.id), agency.region.name), " › "] : null,
      agency.name,
    ),
    pageHeading(agency.name, kind),
    agencyEditLinks(agency),
    agencyLetterLinks(agency), // issue 12 item 6: Terbitkan surat, Penomoran surat
    h(
      "div",
      { class: "grid-2" },
      section(
        "Identitas",
        facts([
          ["Jenis", agency.kind],
          ["Tipe", agency.type ? `Tipe ${agency.type}` : ""],
          ["Daerah", agency.region ? link(paths.region(agency.region.id), agency.region.name) : ""],
          ...legalBasisFacts(agency),
          ["Paling banyak bidang", agency.max_bidang ?? ""],
          ["Unit organisasi", String(agency.unit_count)],
          ["Jabatan", String(agency.position_count)],
        ]),
      ),
      section(
        "Tugas dan Fungsi",
        agency.tasks_of_head ? tasksOfHeadNote(agency) : null,
        h("h3", null, "Tugas"),
        h("p", null, agency.tasks ? sentenceCase(agency.tasks) : "—"),
        h("h3", null, "Fungsi"),
        agency.functions.length
          ? h(
              "ol",
              { class: "letter-list" },
              agency.functions.map((f) => h("li", null, f)),
            )
          : h("p", { class: "muted" }, "—"),
      ),
    ),
    h(
      "section",
      { class: "card chart-card", "aria-labelledby": "bagan-judul" },
      h("h2", { id: "bagan-judul" }, "Bagan Struktur Organisasi"),
      h(
        "p",
        { class: "muted" },
        "Digambar dari struktur yang ditetapkan peraturan (pengganti bagan Lampiran I).",
      ),
      chartBox,
      unitsOutsideChart,
    ),
    section("Unit Organisasi", unitsBox), // issue 11: each unit has its page
    section("Riwayat Struktur", historyBox),
  );
  void fillUnits(ctx, id, unitsBox, unitsOutsideChart);
  // Print and export (issue 11, item 8): the chart as its Lampiran I (PDF, SVG), the exports.
  chartBox.before(agencyDocumentLinks(agency.id));

  // The chart opens at its top levels; a box's subordinates are loaded when it is expanded.
  let nodes: ChartNode[] = [];
  const draw = (focus?: Id) => {
    replace(chartBox, renderChart(nodes, { onExpand: expand }));
    if (focus !== undefined) {
      chartBox
        .querySelector<HTMLAnchorElement>(`a[data-chart-box][href="${paths.position(focus)}"]`)
        ?.focus();
    }
  };
  const expand = async (positionId: Id): Promise<void> => {
    const more = await api.chart(id, {
      root: positionId,
      depth: 2,
      limit: EXPAND_LIMIT,
      offset: shownSubordinates(nodes, positionId),
    });
    if (!ctx.isCurrent()) return;
    nodes = mergeChartNodes(nodes, more.nodes);
    draw(positionId);
  };

  const [chart, history] = await Promise.allSettled([api.chart(id), api.history(id)]);
  if (!ctx.isCurrent()) return;
  if (chart.status === "fulfilled") {
    nodes = chart.value.nodes;
    draw();
  } else {
    replace(chartBox, errorBox(chart.reason));
  }
  replace(
    historyBox,
    history.status === "fulfilled" ? renderHistory(history.value.items) : errorBox(history.reason),
  );
}

/**
 * The regulation that established the agency and the article that set it up. An agency known
 * only from a decree about it (an IKI decree, a Keputusan) has no establishing regulation in the
 * registry: the decree is shown as where it was recorded from, not as its legal basis.
 */
function legalBasisFacts(agency: Agency): [string, Child][] {
  const reg = agency.regulation;
  if (!reg) return [["Dasar pembentukan", ""]];
  if (!establishes(reg)) {
    return [
      [
        "Dasar pembentukan",
        h("span", { class: "muted" }, "Peraturan pembentukannya belum diimpor"),
      ],
      ["Tercatat dari", regulationLink(reg, true)],
    ];
  }
  return [
    ["Dasar pembentukan", regulationLink(reg, true)],
    [
      "Pasal",
      agency.source_article_id
        ? link(
            paths.regulation(reg.id, agency.source_article_id),
            `Pasal pembentukan dalam ${regulationName(reg)}`,
          )
        : "",
    ],
  ];
}

function tasksOfHeadNote(agency: Agency): HTMLElement {
  const head = agency.tasks_of_head!;
  const where =
    head.article_id && agency.regulation
      ? [" (", link(paths.regulation(agency.regulation.id, head.article_id), "pasalnya"), ")"]
      : [];
  return h(
    "p",
    { class: "muted" },
    "Peraturan ini merumuskan tugas dan fungsi ",
    link(paths.position(head.id), head.title),
    ...where,
    "; itulah tugas dan fungsi perangkat daerah ini.",
  );
}

function renderHistory(items: HistoryItem[]): HTMLElement {
  if (items.length === 0)
    return h("p", { class: "muted" }, "Belum ada perubahan struktur yang tercatat.");
  return table(
    ["Perubahan", "Jabatan", "Sebelum", "Sesudah", "Peraturan lama", "Peraturan baru"],
    items.map((i) => [
      changeLabel(i.kind),
      i.position_title,
      changeValue(i.before),
      changeValue(i.after),
      link(paths.regulation(i.old_regulation.id), regulationName(i.old_regulation)),
      link(paths.regulation(i.new_regulation.id), regulationName(i.new_regulation)),
    ]),
    "Riwayat struktur",
  );
}

// ---- Issue 11: the agency's units, each linked to its page ----

/**
 * A UPTD that the regulation sets up without naming its positions has no box among the positions:
 * said under the chart (the printed Lampiran draws it under the agency's head), with its page.
 */
function noteUnitsOutsideChart(units: Unit[], note: HTMLElement): void {
  const uptd = units.filter(
    (u) => u.kind === "UPTD" && u.parent_id === null && u.head_position_id === null,
  );
  if (uptd.length === 0) return;
  replace(
    note,
    "Tanpa kotak jabatan di bagan ini (susunan jabatannya tidak diatur dalam peraturan ini; " +
      "bagan cetak menggambarnya di bawah pimpinan): ",
    ...uptd.flatMap((u, i) => [i ? ", " : "", link(paths.unit(u.id), u.name)]),
    ".",
  );
}

async function fillUnits(
  ctx: PageContext,
  agencyId: string,
  box: HTMLElement,
  outsideChart: HTMLElement,
): Promise<void> {
  let units: Unit[];
  try {
    units = (await api.agencyUnits(agencyId, { depth: 2, limit: 300 })).items;
  } catch (e) {
    if (ctx.isCurrent()) replace(box, errorBox(e));
    return;
  }
  if (!ctx.isCurrent()) return;
  if (units.length === 0) {
    replace(box, h("p", { class: "muted" }, "Belum ada unit organisasi."));
    return;
  }
  noteUnitsOutsideChart(units, outsideChart);
  const shown = new Set(units.map((u) => u.id));
  const item = (u: Unit): HTMLElement => {
    const children = units.filter((c) => c.parent_id === u.id);
    return h(
      "li",
      null,
      link(paths.unit(u.id), u.name),
      u.hidden_children
        ? h("span", { class: "muted small" }, ` · ${u.child_count} sub-unit`)
        : null,
      children.length ? h("ul", null, children.map(item)) : null,
    );
  };
  const tops = units.filter((u) => u.parent_id === null || !shown.has(u.parent_id));
  replace(box, h("ul", { class: "unit-tree", "aria-label": "Unit organisasi" }, tops.map(item)));
}
