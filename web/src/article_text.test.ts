import { describe, expect, it } from "vitest";
import { articleBlocks } from "./article_text";

describe("articleBlocks", () => {
  it("keeps prose lines with their numbers and draws tab-separated rows as a table", () => {
    const text = [
      "Jabatan : Sekretaris",
      "No.\tSASARAN\tINDIKATOR\tFORMULA\tSUMBER DATA",
      "1.\tMeningkatnya\tTingkat\t$\\frac{A}{B}$\tDPA",
      "",
      "\t\t\t\tBKU, SPJ",
      "",
      "Jabatan : Bendahara",
    ].join("\n");
    expect(articleBlocks(text, 118)).toEqual([
      { kind: "lines", lines: [{ line: 118, text: "Jabatan : Sekretaris" }] },
      {
        kind: "table",
        rows: [
          { line: 119, cells: ["No.", "SASARAN", "INDIKATOR", "FORMULA", "SUMBER DATA"] },
          { line: 120, cells: ["1.", "Meningkatnya", "Tingkat", "$\\frac{A}{B}$", "DPA"] },
          { line: 122, cells: ["", "", "", "", "BKU, SPJ"] },
        ],
      },
      {
        kind: "lines",
        lines: [
          { line: 123, text: "" },
          { line: 124, text: "Jabatan : Bendahara" },
        ],
      },
    ]);
  });

  it("a text without tabs is one run of lines", () => {
    expect(articleBlocks("Pasal 1\r\nDalam Peraturan ini", 5)).toEqual([
      {
        kind: "lines",
        lines: [
          { line: 5, text: "Pasal 1" },
          { line: 6, text: "Dalam Peraturan ini" },
        ],
      },
    ]);
  });
});
