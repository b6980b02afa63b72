// IKI formulas as people read them. A regulation writes a formula cell in LaTeX
// ("$\frac{\text{Realisasi}}{\text{Target}} \times 100\%$", corpus 001) or in plain words; the
// interface never shows the markup: a fraction is drawn stacked (numerator over denominator, with
// "÷" for copying and screen readers), \times becomes ×, \% a percent sign. Parsing is pure
// (unit-tested); renderFormula builds the DOM.
import { h } from "./dom";

export type FormulaNode =
  { type: "text"; text: string } | { type: "frac"; num: FormulaNode[]; den: FormulaNode[] };

/** Commands that stand for a character. */
const SYMBOLS: Record<string, string> = {
  times: "×",
  cdot: "×",
  ast: "×",
  div: "÷",
  pm: "±",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  neq: "≠",
  ne: "≠",
  approx: "≈",
  sum: "Σ",
  percent: "%",
  quad: " ",
  qquad: " ",
};

/** Commands whose one argument is their content ("\text{Jumlah}" → "Jumlah"). */
const WRAPPERS = new Set([
  "text",
  "textrm",
  "textbf",
  "textit",
  "textnormal",
  "mathrm",
  "mathbf",
  "mathit",
  "mathsf",
  "operatorname",
  "mbox",
  "hbox",
]);

/** Commands dropped without a trace (sizing of delimiters, display style). */
const DROPPED = new Set([
  "left",
  "right",
  "big",
  "Big",
  "bigg",
  "Bigg",
  "displaystyle",
  "textstyle",
]);

const FRACTIONS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);

/** A reader over LaTeX source (without its $ delimiters). */
class Reader {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
}

/** The source of the brace group at the reader (after spaces), or one character as LaTeX takes it. */
function argument(r: Reader): string {
  while (!r.done && r.s[r.i] === " ") r.i++;
  if (r.done) return "";
  if (r.s[r.i] !== "{") {
    if (r.s[r.i] === "\\") {
      const start = r.i++;
      while (!r.done && /[A-Za-z]/.test(r.s[r.i]!)) r.i++;
      if (r.i === start + 1 && !r.done) r.i++;
      return r.s.slice(start, r.i);
    }
    return r.s[r.i++]!;
  }
  let depth = 0;
  const start = r.i;
  for (; r.i < r.s.length; r.i++) {
    const c = r.s[r.i];
    if (c === "\\") {
      r.i++; // an escaped brace does not count
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      r.i++;
      return r.s.slice(start + 1, r.i - 1);
    }
  }
  return r.s.slice(start + 1); // never closed: the rest
}

function pushText(out: FormulaNode[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.type === "text") last.text += text;
  else out.push({ type: "text", text });
}

/** Parses LaTeX math (no $ delimiters) into text and fractions. */
export function parseLatex(src: string): FormulaNode[] {
  const r = new Reader(src);
  const out: FormulaNode[] = [];
  while (!r.done) {
    const c = r.s[r.i]!;
    if (c === "{" || c === "}") {
      r.i++; // grouping braces
      continue;
    }
    if (c === "~") {
      r.i++;
      pushText(out, " ");
      continue;
    }
    if (c !== "\\") {
      pushText(out, c);
      r.i++;
      continue;
    }
    const start = ++r.i;
    while (!r.done && /[A-Za-z]/.test(r.s[r.i]!)) r.i++;
    const name = r.s.slice(start, r.i);
    if (!name) {
      // An escaped character: \% \{ \} \_ \& \# \$, or a space command (\, \; \: \! \ ).
      const e = r.done ? "" : r.s[r.i++]!;
      pushText(out, /[%{}_&#$]/.test(e) ? (e === "$" ? "" : e) : " ");
      continue;
    }
    if (FRACTIONS.has(name)) {
      const num = parseLatex(argument(r));
      const den = parseLatex(argument(r));
      out.push({ type: "frac", num: trimNodes(num), den: trimNodes(den) });
      continue;
    }
    if (WRAPPERS.has(name)) {
      for (const n of parseLatex(argument(r))) {
        if (n.type === "text") pushText(out, n.text);
        else out.push(n);
      }
      continue;
    }
    if (DROPPED.has(name)) continue;
    const symbol = SYMBOLS[name];
    // An unknown command shows as its name: never a backslash.
    if (symbol === undefined) pushText(out, name);
    else pushText(out, symbol === "%" || symbol === " " ? symbol : ` ${symbol} `);
  }
  return out;
}

/** Collapses runs of spaces and trims the ends of a node list. */
function trimNodes(nodes: FormulaNode[]): FormulaNode[] {
  const out: FormulaNode[] = [];
  for (const n of nodes) {
    if (n.type === "frac") out.push(n);
    else pushText(out, n.text.replace(/\s+/g, " "));
  }
  const first = out[0];
  if (first && first.type === "text") first.text = first.text.replace(/^ /, "");
  const last = out[out.length - 1];
  if (last && last.type === "text") last.text = last.text.replace(/ $/, "");
  return out.filter((n) => n.type === "frac" || n.text !== "");
}

/**
 * Parses a formula cell as written: the parts between $...$ (or $$...$$, \(...\)) are LaTeX, the
 * rest plain text. A trailing "100 :" after a multiplication is the percent sign as OCR read it
 * (corpus 001 lines 138–139; the engine reads it so too).
 */
export function parseFormula(written: string): FormulaNode[] {
  const out: FormulaNode[] = [];
  for (const seg of splitMath(written)) {
    const nodes = seg.math ? parseLatex(seg.text) : [{ type: "text" as const, text: seg.text }];
    for (const n of nodes) {
      if (n.type === "text") pushText(out, n.text);
      else out.push(n);
    }
  }
  const nodes = trimNodes(out);
  const last = nodes[nodes.length - 1];
  if (last && last.type === "text" && /×\s*100\s*:$/.test(last.text))
    last.text = last.text.replace(/\s*:$/, "%");
  if (last && last.type === "text") last.text = last.text.replace(/ %$/, "%");
  return nodes;
}

export type Segment = { math: boolean; text: string };

/** Splits text into plain parts and math parts ($...$, $$...$$, \(...\), \[...\]); unpaired stays. */
export function splitMath(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /\$\$([^$]+)\$\$|\$([^$]+)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ math: false, text: text.slice(at, m.index) });
    out.push({ math: true, text: m[1] ?? m[2] ?? m[3] ?? m[4] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ math: false, text: text.slice(at) });
  return out;
}

/** An operand of "÷" in one line: in parentheses when it has more than one word. */
function operand(nodes: FormulaNode[]): string {
  const s = formulaPlain(nodes);
  if (!/\s/.test(s) || (s.startsWith("(") && s.endsWith(")"))) return s;
  return `(${s})`;
}

/** The formula in one line of plain text: "(Realisasi Anggaran) ÷ (Total Anggaran) × 100%". */
export function formulaPlain(nodes: FormulaNode[]): string {
  return nodes
    .map((n) => (n.type === "text" ? n.text : `${operand(n.num)} ÷ ${operand(n.den)}`))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether text still holds LaTeX markup (what the interface must never show). */
export function hasMarkup(text: string): boolean {
  return /\\[A-Za-z]+|\$/.test(text);
}

function renderNodes(nodes: FormulaNode[]): (HTMLElement | string)[] {
  return nodes.map((n) =>
    n.type === "text"
      ? n.text
      : h(
          "span",
          { class: "frac" },
          h("span", { class: "frac-num" }, ...renderNodes(n.num)),
          h("span", { class: "visually-hidden" }, " ÷ "),
          h("span", { class: "frac-den" }, ...renderNodes(n.den)),
        ),
  );
}

/** A formula cell drawn readably: fractions stacked, with its one-line reading as its label. */
export function renderFormula(written: string): HTMLElement {
  const nodes = parseFormula(written);
  return h(
    "span",
    { class: "formula", role: "math", "aria-label": formulaPlain(nodes) },
    ...renderNodes(nodes),
  );
}

/** Text that may hold inline math ($...$): the math drawn as formulas, the rest as text. */
export function renderInlineMath(text: string): (HTMLElement | string)[] {
  return splitMath(text).map((s) => (s.math ? renderFormula(`$${s.text}$`) : s.text));
}
