import { describe, expect, it } from "vitest";
import {
  establishes,
  formatDate,
  formatNip,
  formatTimestamp,
  pageRange,
  regulationName,
  roleCanAdminister,
  sentenceCase,
  statusLabel,
  workLevelLabel,
} from "./format";

describe("formatNip", () => {
  it("groups an 18-digit NIP as birth date, appointment, sex, serial", () => {
    expect(formatNip("196703251997032002")).toBe("19670325 199703 2 002");
  });
  it("accepts a NIP already spaced", () => {
    expect(formatNip("19670325 199703 2 002")).toBe("19670325 199703 2 002");
  });
  it("leaves anything else unchanged", () => {
    expect(formatNip("12345")).toBe("12345");
    expect(formatNip("19670325199703200X")).toBe("19670325199703200X");
    expect(formatNip("")).toBe("");
  });
});

describe("formatDate", () => {
  it("writes Indonesian dates", () => {
    expect(formatDate("2023-12-29")).toBe("29 Desember 2023");
    expect(formatDate("2024-01-05")).toBe("5 Januari 2024");
  });
  it("writes a month", () => {
    expect(formatDate("1997-03")).toBe("Maret 1997");
  });
  it("keeps text it cannot read, and empty for nothing", () => {
    expect(formatDate("kemarin")).toBe("kemarin");
    expect(formatDate("2023-13-01")).toBe("2023-13-01");
    expect(formatDate(null)).toBe("");
  });
  it("writes a timestamp", () => {
    expect(formatTimestamp("2026-03-01T08:05:00Z", 0)).toBe("1 Maret 2026 08.05");
    expect(formatTimestamp("2026-11-23T20:59:44.5Z", 420)).toBe("24 November 2026 03.59");
    expect(formatTimestamp("2026-03-01 08:05")).toBe("1 Maret 2026 08.05");
    expect(formatTimestamp("kemarin")).toBe("kemarin");
  });
});

describe("labels", () => {
  it("names work levels", () => {
    expect(workLevelLabel(1)).toBe("Level I");
    expect(workLevelLabel(3)).toBe("Level III");
    expect(workLevelLabel(0)).toBe("");
    expect(workLevelLabel(7)).toBe("");
  });
  it("names statuses", () => {
    expect(statusLabel("dicabut_sebagian")).toBe("Dicabut sebagian");
    expect(statusLabel("berlaku")).toBe("Berlaku");
  });
  it("names a regulation, with a blank number", () => {
    expect(regulationName({ kind: "Peraturan Gubernur", number: "77", year: 2023 })).toBe(
      "Peraturan Gubernur Nomor 77 Tahun 2023",
    );
    expect(regulationName({ kind: "Peraturan Gubernur", number: "", year: 2023 })).toBe(
      "Peraturan Gubernur Nomor … Tahun 2023",
    );
  });
  it("knows who may administer", () => {
    expect(roleCanAdminister("admin_registri")).toBe(true);
    expect(roleCanAdminister("administrator")).toBe(true);
    expect(roleCanAdminister("pegawai")).toBe(false);
    expect(roleCanAdminister(null)).toBe(false);
  });
});

describe("sentenceCase", () => {
  it("softens text in capitals", () => {
    expect(sentenceCase("MEMIMPIN DAN MENGOORDINASIKAN")).toBe("Memimpin dan mengoordinasikan");
  });
  it("keeps mixed-case text", () => {
    expect(sentenceCase("Memimpin Badan")).toBe("Memimpin Badan");
  });
});

describe("pageRange", () => {
  it("describes a page", () => {
    expect(pageRange(0, 20, 57)).toBe("1–20 dari 57");
    expect(pageRange(40, 17, 57)).toBe("41–57 dari 57");
    expect(pageRange(0, 0, 0)).toBe("0 dari 0");
    expect(pageRange(0, 20, 200, true)).toBe("1–20 dari 200+");
  });
});

describe("establishes", () => {
  it("tells a Peraturan from a Keputusan", () => {
    expect(establishes({ kind: "Peraturan Gubernur" })).toBe(true);
    expect(establishes({ kind: "Peraturan Wali Kota" })).toBe(true);
    expect(establishes({ kind: "Keputusan Kepala Badan" })).toBe(false);
    expect(establishes({ kind: " keputusan bupati" })).toBe(false);
  });
});
