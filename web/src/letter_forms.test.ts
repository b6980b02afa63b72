// The letter forms (issue 12 item 6 on the web): the numbering pattern and its example, the
// letter's form checks and body, the account form, and the new routes.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_NUMBER_PATTERN,
  formatLetterNumber,
  letterNumberExample,
  parseNumberPattern,
  romanNumeral,
  unitCodeProblem,
} from "./letter_number";
import { letterBody, letterFormProblems, linesOf, type LetterFormInput } from "./letter_form";
import { accountBody, accountFormProblems, pageOfAccount } from "./account_form";
import { parseRoute, paths } from "./router";

describe("letter number example", () => {
  it("numbers by the pattern as the server does", () => {
    expect(letterNumberExample("800.1.11.1/{seq}/{year}", "", 12, "2026-03-05")).toEqual({
      number: "800.1.11.1/12/2026",
    });
    expect(
      letterNumberExample("094/{seq}/{unit_code}/{month_roman}/{year}", "BKPSDM", 7, "2026-03-05"),
    ).toEqual({ number: "094/7/BKPSDM/III/2026" });
    expect(letterNumberExample("{year}.{month}-{seq}", "", 1, "2026-11-30")).toEqual({
      number: "2026.11-1",
    });
  });
  it("says why a pattern is not one, in the server's words", () => {
    const problem = (p: string) => {
      const r = parseNumberPattern(p);
      return "problem" in r ? r.problem : null;
    };
    expect(problem("800/{seq}")).toBe(
      "Pola nomor surat tidak sah: penanda {year} (tahun) wajib ada, karena nomor urut dimulai lagi setiap tahun.",
    );
    expect(problem("800/{year}")).toMatch(/penanda \{seq\} \(nomor urut\) wajib ada/);
    expect(problem("800/{seq}/{tahun}/{year}")).toMatch(/penanda \{tahun\} tidak dikenal/);
    expect(problem("{seq}/{seq}/{year}")).toMatch(/\{seq\} muncul lebih dari sekali/);
    expect(problem("800 1/{seq}/{year}")).toMatch(/posisi 4 tidak diizinkan/);
    expect(problem("800/{seq/{year}")).toMatch(/tidak dikenal/);
    expect(problem("800/{seq}/{year")).toMatch(/posisi 11 tidak ditutup/);
    expect(problem("800}/{seq}/{year}")).toMatch(/tanda \} pada posisi 4/);
    expect(problem("")).toMatch(/pola kosong/);
    expect(problem(`${"9".repeat(95)}{seq}{year}`)).toMatch(/paling banyak 100/);
    expect(problem(DEFAULT_NUMBER_PATTERN)).toBeNull();
  });
  it("asks for a unit code when the pattern names one", () => {
    expect(letterNumberExample("{unit_code}/{seq}/{year}", " ", 1, "2026-01-02")).toEqual({
      problem: "Pola memuat {unit_code}: kode unit wajib diisi.",
    });
    expect(unitCodeProblem("BKPSDM.1")).toBeNull();
    expect(unitCodeProblem("")).toBeNull();
    expect(unitCodeProblem("BK PSDM")).toMatch(/Kode unit/);
  });
  it("writes months in Roman numerals", () => {
    expect([1, 3, 4, 9, 12].map(romanNumeral)).toEqual(["I", "III", "IV", "IX", "XII"]);
    const parsed = parseNumberPattern("{seq}/{month_roman}/{year}");
    expect("segments" in parsed && formatLetterNumber(parsed.segments, 3, "", "2026-08-01")).toBe(
      "3/VIII/2026",
    );
  });
});

const form = (over: Partial<LetterFormInput> = {}): LetterFormInput => ({
  kind: "surat_tugas",
  agencyId: "4",
  signatoryId: "10",
  recipientIds: ["11", "12"],
  teamId: "",
  grounds: "Peraturan Wali Kota Batam Nomor 3 Tahun 2024\n\n",
  tasks: "  Menyusun   laporan kinerja \r\nMenghadiri rapat koordinasi",
  copies: "",
  date: "2026-03-05",
  place: "",
  ...over,
});

describe("letter form", () => {
  it("reads one item a line", () => {
    expect(linesOf(" a  b \n\n c\r\n")).toEqual(["a b", "c"]);
  });
  it("makes the request of a form without problems", () => {
    expect(letterFormProblems(form())).toEqual([]);
    expect(letterBody(form())).toEqual({
      kind: "surat_tugas",
      agency_id: 4,
      signatory_employee_id: 10,
      recipient_employee_ids: [11, 12],
      grounds: ["Peraturan Wali Kota Batam Nomor 3 Tahun 2024"],
      tasks: ["Menyusun laporan kinerja", "Menghadiri rapat koordinasi"],
      copies: [],
      date: "2026-03-05",
    });
    // A team without recipients: its members are the recipients (the server reads them).
    const b = letterBody(form({ recipientIds: [], teamId: "7", place: " Batam " }));
    expect(b.recipient_employee_ids).toBeUndefined();
    expect(b.team_id).toBe(7);
    expect(b.place).toBe("Batam");
  });
  it("names each field's problem", () => {
    const names = (f: LetterFormInput) => letterFormProblems(f).map(([n]) => n);
    expect(names(form({ kind: "", agencyId: "", signatoryId: "" }))).toEqual([
      "kind",
      "agency_id",
      "signatory_employee_id",
    ]);
    expect(letterFormProblems(form({ recipientIds: [] }))[0]![1]).toMatch(/penerima/);
    expect(names(form({ recipientIds: ["3", "3"] }))).toEqual(["recipient_employee_ids"]);
    expect(letterFormProblems(form({ tasks: " \n " }))).toEqual([
      ["tasks", "Untuk (isi tugas) wajib diisi, paling sedikit satu butir."],
    ]);
    expect(names(form({ copies: Array(31).fill("x").join("\n") }))).toEqual(["copies"]);
    expect(names(form({ grounds: "é".repeat(1001) }))).toEqual(["grounds"]);
    expect(names(form({ date: "" }))).toEqual(["date"]);
    expect(names(form({ place: "x".repeat(101) }))).toEqual(["place"]);
  });
});

describe("account form", () => {
  const input = {
    username: "kepala.bkpsdm",
    displayName: "Kepala BKPSDM",
    password: "surat tugas terbit pagi ini",
    repeat: "surat tugas terbit pagi ini",
    role: "pegawai",
    employeeId: "21",
    email: "kepala@bkpsdm.batam.go.id",
  };
  it("makes the request of a form without problems", () => {
    expect(accountFormProblems(input)).toEqual([]);
    expect(accountBody(input)).toEqual({
      username: "kepala.bkpsdm",
      display_name: "Kepala BKPSDM",
      password: "surat tugas terbit pagi ini",
      role: "pegawai",
      employee_id: 21,
      email: "kepala@bkpsdm.batam.go.id",
    });
    const bare = accountBody({ ...input, employeeId: "", email: " " });
    expect("employee_id" in bare || "email" in bare).toBe(false);
  });
  it("names each field's problem", () => {
    const names = (over: Partial<typeof input>) =>
      accountFormProblems({ ...input, ...over }).map(([n]) => n);
    expect(names({ username: "Kepala" })).toEqual(["username"]);
    expect(names({ username: "ab" })).toEqual(["username"]);
    expect(names({ password: "pendek", repeat: "pendek" })).toEqual(["password"]);
    expect(names({ repeat: "lain sekali ya" })).toEqual(["repeat"]);
    expect(names({ role: "raja" })).toEqual(["role"]);
    expect(names({ email: "kepala" })).toEqual(["email"]);
  });
  it("finds the page the new account stands on", () => {
    const names = Array.from({ length: 120 }, (_, i) => `u${String(i).padStart(3, "0")}`);
    expect(pageOfAccount(names, "u000", 50)).toBe(1);
    expect(pageOfAccount(names, "u050", 50)).toBe(2);
    expect(pageOfAccount(names, "u119", 50)).toBe(3);
    expect(pageOfAccount(names, "tidak-ada", 50)).toBe(1);
  });
});

describe("letter form routes", () => {
  it("parses and builds /surat-baru and an agency's numbering page", () => {
    expect(parseRoute("/surat-baru", "?lembaga=4&tim=9")).toEqual({
      name: "letterNew",
      agency: "4",
      team: "9",
    });
    expect(parseRoute("/surat-baru")).toEqual({ name: "letterNew", agency: null, team: null });
    expect(parseRoute("/surat-baru", "?lembaga=<x>").name === "letterNew").toBe(true);
    expect(paths.letterNew()).toBe("/surat-baru");
    expect(paths.letterNew({ agency: 4, team: 9 })).toBe("/surat-baru?lembaga=4&tim=9");
    expect(parseRoute("/perangkat-daerah/4/penomoran-surat")).toEqual({
      name: "letterScheme",
      agencyId: "4",
    });
    expect(paths.letterScheme(4)).toBe("/perangkat-daerah/4/penomoran-surat");
  });
});
