// An article's text as a reader sees it: lines of prose, and the tab-separated rows a regulation's
// tables became in the text (an IKI table, corpus 001) drawn as a table. Inline math ($...$) is
// drawn as formulas, never as LaTeX. Each line keeps its number in the regulation (data-line),
// which "#baris-N" in a regulation page's address points at. Splitting is pure (unit-tested).
import { h } from "./dom";
import { renderInlineMath } from "./formula";

export type TextBlock =
  | { kind: "lines"; lines: { line: number; text: string }[] }
  | { kind: "table"; rows: { line: number; cells: string[] }[] };

/**
 * Splits `text` (its first line is line `firstLine` of the regulation) into runs of prose lines and
 * runs of tab-separated rows. A blank line inside a table does not end it when a row follows.
 */
export function articleBlocks(text: string, firstLine: number): TextBlock[] {
  const out: TextBlock[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    const line = firstLine + i;
    const last = out[out.length - 1];
    if (raw.includes("\t")) {
      const cells = raw.split("\t").map((c) => c.trim());
      if (last && last.kind === "table") last.rows.push({ line, cells });
      else out.push({ kind: "table", rows: [{ line, cells }] });
      continue;
    }
    if (raw.trim() === "" && last && last.kind === "table" && lines[i + 1]?.includes("\t")) {
      continue; // a blank line between two rows of one table
    }
    if (last && last.kind === "lines") last.lines.push({ line, text: raw });
    else out.push({ kind: "lines", lines: [{ line, text: raw }] });
  }
  return out;
}

/** The article text drawn: prose lines and tables, each line with its number (data-line). */
export function renderArticleText(text: string, firstLine: number, label: string): HTMLElement {
  const blocks = articleBlocks(text, firstLine);
  return h(
    "div",
    { class: "article-text", tabindex: 0, role: "region", "aria-label": `Naskah ${label}` },
    blocks.map((b) =>
      b.kind === "lines"
        ? b.lines.map((l) =>
            h("span", { class: "text-line", "data-line": l.line }, ...renderInlineMath(l.text)),
          )
        : h(
            "table",
            { class: "text-table" },
            h(
              "tbody",
              null,
              b.rows.map((r) =>
                h(
                  "tr",
                  { "data-line": r.line },
                  r.cells.map((c) => h("td", null, ...renderInlineMath(c))),
                ),
              ),
            ),
          ),
    ),
  );
}
