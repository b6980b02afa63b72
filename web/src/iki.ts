// An IKI table (Indikator Kinerja Individu) drawn as a table: sasaran, indikator kinerja, formula
// (drawn readably by formula.ts, never as LaTeX), sumber data, and each row's source lines as a
// link to them on the regulation's page.
import type { IkiRow, IkiTable } from "./api/types";
import { h } from "./dom";
import { regulationName } from "./format";
import { renderFormula } from "./formula";
import { paths } from "./router";
import { link } from "./ui";

/** Where a line of the table's regulation is shown: its article opened, the line in view. */
export function ikiLineHref(t: IkiTable, line: number): string | null {
  if (!t.regulation) return null;
  return `${paths.regulation(t.regulation.id, t.article_id)}#baris-${line}`;
}

function linesText(r: Pick<IkiRow, "first_line" | "last_line">): string {
  return r.first_line === r.last_line
    ? `baris ${r.first_line}`
    : `baris ${r.first_line}–${r.last_line}`;
}

/** One IKI table; `heading` names it ("IKI Sekretaris" on the regulation's page). */
export function ikiTable(t: IkiTable, heading: string): HTMLElement {
  const where = ikiLineHref(t, t.first_line);
  const caption = `${heading}${t.regulation ? ` — ${regulationName(t.regulation)}` : ""}`;
  return h(
    "div",
    { class: "iki" },
    h(
      "p",
      { class: "muted small" },
      t.regulation && where
        ? [link(where, regulationName(t.regulation)), ` · ${linesText(t)}`]
        : linesText(t),
    ),
    h(
      "div",
      { class: "table-wrap", tabindex: 0, role: "region", "aria-label": caption },
      h(
        "table",
        { class: "iki-table" },
        h("caption", { class: "visually-hidden" }, caption),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["No.", "Sasaran", "Indikator kinerja", "Formula", "Sumber data", "Naskah"].map((c) =>
              h("th", { scope: "col" }, c),
            ),
          ),
        ),
        h(
          "tbody",
          null,
          t.rows.map((r) => {
            const href = ikiLineHref(t, r.first_line);
            return h(
              "tr",
              null,
              h("td", null, r.number),
              h(
                "td",
                r.sasaran_carried ? { class: "muted" } : null,
                r.sasaran_carried ? `(${r.sasaran})` : r.sasaran,
              ),
              h("td", null, r.indikator),
              h("td", { class: "iki-formula" }, renderFormula(r.formula.written || r.formula.text)),
              h("td", null, r.sumber_data),
              h("td", { class: "nowrap" }, href ? link(href, linesText(r)) : linesText(r)),
            );
          }),
        ),
      ),
    ),
  );
}
