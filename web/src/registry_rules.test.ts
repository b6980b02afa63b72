import { describe, expect, it } from "vitest";
import {
  createsCycle,
  dateProblem,
  decodeNip,
  decreeProblems,
  dutiesOf,
  dutiesProblem,
  ESELONS,
  lengthProblem,
  placementEndProblem,
  placementStartProblem,
  rankOptions,
  textProblem,
} from "./registry_rules";

describe("decodeNip", () => {
  it("decodes a valid NIP, spaced or not", () => {
    const expected = {
      digits: "196703251997032002",
      birthDate: "1967-03-25",
      appointed: "1997-03",
      sex: "perempuan",
    };
    expect(decodeNip("19670325 199703 2 002")).toEqual(expected);
    expect(decodeNip("196703251997032002")).toEqual(expected);
    expect(decodeNip("19800101\t200501 1 001")).toMatchObject({ sex: "laki-laki" });
  });
  it("refuses with the server's sentences, field by field", () => {
    expect(decodeNip("  ")).toBe("NIP belum diisi.");
    expect(decodeNip("12345")).toBe("NIP harus 18 angka.");
    expect(decodeNip("19670325-99703-2-0")).toMatch(/hanya boleh berisi angka/);
    expect(decodeNip("196702301997032002")).toMatch(/^Delapan angka pertama/); // 30 Feb
    expect(decodeNip("193901011997032002")).toMatch(/^Delapan angka pertama/); // before 1940
    expect(decodeNip("196703251997132002")).toMatch(/^Angka ke-9/); // month 13
    expect(decodeNip("196703251959032002")).toMatch(/^Angka ke-9/); // before 1960
    expect(decodeNip("196703251985022002")).toMatch(/sebelum berusia 18 tahun/);
    expect(decodeNip("196703251985032002")).not.toBeTypeOf("string"); // the month they turn 18
    expect(decodeNip("196703251997033002")).toMatch(/^Angka ke-15/);
    expect(decodeNip("196703251997032000")).toMatch(/nomor urut/);
  });
  it("knows leap years", () => {
    expect(decodeNip("200002291997032002")).toMatch(/sebelum berusia 18/); // valid date
    expect(decodeNip("190002291997032002")).toMatch(/^Delapan/);
    expect(decodeNip("197102291997032002")).toMatch(/^Delapan/);
    expect(decodeNip("197202291997032002")).toMatchObject({ birthDate: "1972-02-29" });
  });
});

describe("ranks and eselons", () => {
  it("offers the 17 PNS ranks and the 17 PPPK grades", () => {
    expect(rankOptions("PNS")).toHaveLength(17);
    expect(rankOptions("PNS")[0]).toEqual(["I/a", "I/a — Juru Muda"]);
    expect(rankOptions("PNS")[16]![0]).toBe("IV/e");
    expect(rankOptions("PPPK").map(([v]) => v)).toContain("IX");
    expect(rankOptions("PPPK")).toHaveLength(17);
  });
  it("lists the ten eselons, highest first", () => {
    expect(ESELONS).toEqual([
      "I.a",
      "I.b",
      "II.a",
      "II.b",
      "III.a",
      "III.b",
      "IV.a",
      "IV.b",
      "V.a",
      "V.b",
    ]);
  });
});

describe("text and dates", () => {
  it("requires text and counts bytes as the server does", () => {
    expect(textProblem(" ", 10, "Nama")).toBe("Nama belum diisi.");
    expect(textProblem("Budi", 10, "Nama")).toBeNull();
    expect(textProblem("ééééé", 10, "Nama")).toBeNull(); // 10 bytes
    expect(textProblem("éééééé", 10, "Nama")).toMatch(/terlalu panjang/);
    expect(lengthProblem("", 10, "Kode")).toBeNull();
  });
  it("takes calendar dates only", () => {
    expect(dateProblem("", "Tanggal")).toBe("Tanggal belum diisi.");
    expect(dateProblem("2026-02-30", "Tanggal")).toMatch(/tanggal yang sah/);
    expect(dateProblem("3/12/2026", "Tanggal")).toMatch(/tanggal yang sah/);
    expect(dateProblem("2024-02-29", "Tanggal")).toBeNull();
  });
});

describe("placements", () => {
  it("refuses a start before birth or before the appointment month", () => {
    expect(placementStartProblem("1960-01-01", "1967-03-25", "1997-03")).toMatch(
      /tidak mungkin: pegawai ini lahir pada 1967-03-25/,
    );
    expect(placementStartProblem("1997-02-28", "1967-03-25", "1997-03")).toBe(
      "Tanggal mulai (1997-02-28) sebelum TMT pengangkatan pegawai ini (1997-03, menurut NIP).",
    );
    expect(placementStartProblem("1997-03-01", "1967-03-25", "1997-03")).toBeNull();
    expect(placementStartProblem("", "1967-03-25", "1997-03")).toMatch(/belum diisi/);
  });
  it("takes a decree's number and date together or not at all", () => {
    expect(decreeProblems("", "")).toEqual([]);
    expect(decreeProblems("800/12/2024", "2024-01-29")).toEqual([]);
    expect(decreeProblems("800/12/2024", "")).toEqual([
      ["date", "Tanggal surat keputusan belum diisi, padahal nomornya diisi."],
    ]);
    expect(decreeProblems("  ", "2024-01-29")).toEqual([
      ["number", "Nomor surat keputusan belum diisi, padahal tanggalnya diisi."],
    ]);
    expect(decreeProblems("x".repeat(201), "2024-01-29")[0]![1]).toMatch(/terlalu panjang/);
    expect(decreeProblems("800", "2024-02-30")).toEqual([
      ["date", "Tanggal surat keputusan harus tanggal yang sah (TTTT-BB-HH)."],
    ]);
  });
  it("refuses an end before the start", () => {
    expect(placementEndProblem("2026-01-01", "2026-02-01")).toBe(
      "Tanggal berakhir sebelum tanggal mulai.",
    );
    expect(placementEndProblem("2026-02-01", "2026-02-01")).toBeNull();
  });
});

describe("duties", () => {
  it("takes one duty per line, blank lines left out", () => {
    expect(dutiesOf("menyusun rencana;\n\n  melaksanakan tugas lain.  \r\n")).toEqual([
      "menyusun rencana;",
      "melaksanakan tugas lain.",
    ]);
    expect(dutiesOf("")).toEqual([]);
  });
  it("refuses what the server refuses", () => {
    expect(dutiesProblem(["a", "b"])).toBeNull();
    expect(dutiesProblem(Array.from({ length: 201 }, () => "a"))).toMatch(/200 butir/);
    expect(dutiesProblem(["a", "é".repeat(1001)])).toMatch(/ke-2 terlalu panjang/);
  });
});

describe("createsCycle", () => {
  // 1 ← 2 ← 3 (3 under 2 under 1), 4 alone.
  const tree = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, null],
  ]);
  it("refuses a record under itself or its descendants", () => {
    expect(createsCycle(tree, 1, 1)).toBe(true);
    expect(createsCycle(tree, 1, 3)).toBe(true);
    expect(createsCycle(tree, 2, 3)).toBe(true);
  });
  it("allows moves elsewhere and to the top", () => {
    expect(createsCycle(tree, 3, 1)).toBe(false);
    expect(createsCycle(tree, 2, 4)).toBe(false);
    expect(createsCycle(tree, 2, null)).toBe(false);
  });
});
