import { describe, expect, it } from "vitest";
import corpus001 from "../../data/regulations/001_39b4b52b71b1491f.txt?raw";
import { formulaPlain, hasMarkup, parseFormula, parseLatex, splitMath } from "./formula";

const plain = (written: string) => formulaPlain(parseFormula(written));

describe("parseFormula: the LaTeX forms of the corpus IKI tables (001)", () => {
  it("\\frac of \\text with \\times 100\\% (line 122, parenthesised numerator)", () => {
    const nodes = parseFormula(
      "$\\frac{\\text{(Jumlah Realisasi Anggaran)}}{\\text{Jumlah Total Anggaran}} \\times 100\\%$",
    );
    expect(nodes).toEqual([
      {
        type: "frac",
        num: [{ type: "text", text: "(Jumlah Realisasi Anggaran)" }],
        den: [{ type: "text", text: "Jumlah Total Anggaran" }],
      },
      { type: "text", text: " × 100%" },
    ]);
    expect(formulaPlain(nodes)).toBe(
      "(Jumlah Realisasi Anggaran) ÷ (Jumlah Total Anggaran) × 100%",
    );
  });

  it("\\times 100 without a percent sign (line 124)", () => {
    expect(
      plain(
        "$\\frac{\\text{Jumlah dokumen kepegawaian yang Diselesaikan}}{\\text{Jumlah dokumen kepegawaian yang ditargetkan}} \\times 100$",
      ),
    ).toBe(
      "(Jumlah dokumen kepegawaian yang Diselesaikan) ÷ (Jumlah dokumen kepegawaian yang ditargetkan) × 100",
    );
  });

  it('"\\times 100 :" is the percent sign as OCR read it (lines 138–139)', () => {
    expect(plain("$\\frac{\\text{Pagu RUP}}{\\text{pagu pengadaan}} \\times 100 :$")).toBe(
      "(Pagu RUP) ÷ (pagu pengadaan) × 100%",
    );
  });

  it("plain cells stay as written", () => {
    expect(parseFormula("Jumlah Dokumen")).toEqual([{ type: "text", text: "Jumlah Dokumen" }]);
    expect(plain("Hasil Evaluasi SAKIP")).toBe("Hasil Evaluasi SAKIP");
    expect(parseFormula("")).toEqual([]);
  });

  it("every formula cell of 001 reads without markup", () => {
    const cells = corpus001
      .split("\n")
      .flatMap((line) => line.split("\t"))
      .filter((cell) => cell.includes("$"));
    expect(cells.length).toBe(14);
    for (const cell of cells) {
      const nodes = parseFormula(cell);
      expect(nodes[0]?.type).toBe("frac");
      const text = formulaPlain(nodes);
      expect(hasMarkup(text)).toBe(false);
      expect(text).toMatch(/ ÷ .* × 100%?$/);
    }
  });
});

describe("parseLatex: other forms a regulation may write", () => {
  it("\\dfrac, \\mathrm, \\cdot and spaced \\%", () => {
    expect(
      formulaPlain(parseLatex("\\dfrac{\\mathrm{Realisasi}}{\\mathrm{Target}} \\cdot 100\\,\\%")),
    ).toBe("Realisasi ÷ Target × 100 %");
  });

  it("a fraction without braces around one-letter operands, and nested fractions", () => {
    expect(formulaPlain(parseLatex("\\frac ab"))).toBe("a ÷ b");
    expect(formulaPlain(parseLatex("\\frac{\\frac{a}{b}}{c}"))).toBe("(a ÷ b) ÷ c");
  });

  it("\\left( \\right), escaped braces and unknown commands show no backslash", () => {
    const text = formulaPlain(parseLatex("\\left(A + B\\right) \\div \\{C\\} \\alpha"));
    expect(text).toBe("(A + B) ÷ {C} alpha");
    expect(hasMarkup(text)).toBe(false);
  });

  it("an unclosed group reads to the end", () => {
    expect(formulaPlain(parseLatex("\\frac{Realisasi}{Target"))).toBe("Realisasi ÷ Target");
  });
});

describe("splitMath", () => {
  it("finds $...$, $$...$$ and \\(...\\) and leaves an unpaired $ alone", () => {
    expect(splitMath("a $x$ b $$y$$ c \\(z\\) d $5")).toEqual([
      { math: false, text: "a " },
      { math: true, text: "x" },
      { math: false, text: " b " },
      { math: true, text: "y" },
      { math: false, text: " c " },
      { math: true, text: "z" },
      { math: false, text: " d $5" },
    ]);
  });
});
