// The holiday calendar's page (issue 12 item 3): the form's checks and body as POST /holidays
// takes them, the weekday of a date, the year's summary and its neighbours.
import { describe, expect, it } from "vitest";
import { weekdayName } from "./format";
import {
  holidayBody,
  holidayFormProblems,
  holidayName,
  holidaySummary,
  neighbourYears,
  yearOfDate,
} from "./holidays";

describe("weekdayName", () => {
  it("names the day of the week in Indonesian", () => {
    expect(weekdayName("2026-08-17")).toBe("Senin");
    expect(weekdayName("2031-12-25")).toBe("Kamis");
    expect(weekdayName("2026-01-01")).toBe("Kamis");
    expect(weekdayName("2026-03-20")).toBe("Jumat");
    expect(weekdayName("2026-03-21")).toBe("Sabtu");
    expect(weekdayName("2026-03-22")).toBe("Minggu");
    expect(weekdayName("2026-03-24")).toBe("Selasa");
    expect(weekdayName("2026-03-25")).toBe("Rabu");
    expect(weekdayName("2024-02-29")).toBe("Kamis");
    expect(weekdayName("1900-01-01")).toBe("Senin");
  });
  it("names nothing for what is not a calendar date", () => {
    expect(weekdayName("2026-02-29")).toBe("");
    expect(weekdayName("2026-13-01")).toBe("");
    expect(weekdayName("2026-8-17")).toBe("");
    expect(weekdayName("17 Agustus 2026")).toBe("");
    expect(weekdayName("")).toBe("");
    expect(weekdayName(null)).toBe("");
  });
});

describe("holidayFormProblems", () => {
  const ok = { date: "2031-12-25", name: "Hari Raya Natal", kind: "libur_nasional" };
  const fields = (f: typeof ok) => holidayFormProblems(f).map(([name]) => name);
  it("finds nothing in a good day off", () => {
    expect(holidayFormProblems(ok)).toEqual([]);
    expect(holidayFormProblems({ ...ok, kind: "cuti_bersama" })).toEqual([]);
    expect(holidayFormProblems({ ...ok, name: "x".repeat(200) })).toEqual([]);
  });
  it("says what is missing, at its field", () => {
    expect(holidayFormProblems({ date: "", name: "  ", kind: "" })).toEqual([
      ["date", "Tanggal belum diisi."],
      ["name", "Nama hari libur belum diisi."],
      ["kind", "Pilih jenisnya: libur nasional atau cuti bersama."],
    ]);
  });
  it("refuses a date that is not one, or out of the years the calendar shows", () => {
    expect(holidayFormProblems({ ...ok, date: "2026-02-29" })).toEqual([
      ["date", "Tanggal harus tanggal yang sah (TTTT-BB-HH)."],
    ]);
    expect(holidayFormProblems({ ...ok, date: "25-12-2031" })).toEqual([
      ["date", "Tanggal harus tanggal yang sah (TTTT-BB-HH)."],
    ]);
    expect(holidayFormProblems({ ...ok, date: "1899-12-31" })).toEqual([
      ["date", "Tahun tanggal harus 1900 sampai 2200."],
    ]);
    expect(holidayFormProblems({ ...ok, date: "2201-01-01" })).toEqual([
      ["date", "Tahun tanggal harus 1900 sampai 2200."],
    ]);
  });
  it("counts the name's bytes as the server does, after trimming", () => {
    expect(holidayFormProblems({ ...ok, name: `  ${"x".repeat(200)}  ` })).toEqual([]);
    expect(holidayFormProblems({ ...ok, name: "x".repeat(201) })).toEqual([
      ["name", "Nama hari libur terlalu panjang (paling banyak 200 byte)."],
    ]);
    // 67 × "é" (2 bytes) = 134 bytes: fine; 101 × "é" = 202 bytes: too long.
    expect(holidayFormProblems({ ...ok, name: "é".repeat(67) })).toEqual([]);
    expect(fields({ ...ok, name: "é".repeat(101) })).toEqual(["name"]);
  });
  it("refuses a kind the server does not know", () => {
    expect(fields({ ...ok, kind: "libur_daerah" })).toEqual(["kind"]);
  });
});

describe("holidayBody", () => {
  it("sends the name as the server keeps it", () => {
    expect(holidayName("  Cuti   Bersama\tNatal ")).toBe("Cuti Bersama Natal");
    expect(
      holidayBody({ date: " 2031-12-26 ", name: "  Cuti   Bersama Natal ", kind: "cuti_bersama" }),
    ).toEqual({ date: "2031-12-26", name: "Cuti Bersama Natal", kind: "cuti_bersama" });
  });
});

describe("the year shown", () => {
  it("is the year of the day added", () => {
    expect(yearOfDate("2031-12-25")).toBe(2031);
  });
  it("has neighbours within 1900..2200", () => {
    expect(neighbourYears(2026)).toEqual({ previous: 2025, next: 2027 });
    expect(neighbourYears(1900)).toEqual({ previous: null, next: 1901 });
    expect(neighbourYears(2200)).toEqual({ previous: 2199, next: null });
  });
  it("is summed up by kind", () => {
    expect(holidaySummary([])).toBe("");
    const n = { kind: "libur_nasional" as const };
    const c = { kind: "cuti_bersama" as const };
    expect(holidaySummary([n, n, c])).toBe("3 hari: 2 libur nasional dan 1 cuti bersama.");
    expect(holidaySummary([n])).toBe("1 hari libur nasional.");
    expect(holidaySummary([c, c])).toBe("2 hari cuti bersama.");
  });
});
