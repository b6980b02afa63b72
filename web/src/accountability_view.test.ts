import { describe, expect, it } from "vitest";
import {
  alternativesOf,
  dueText,
  escalationProblems,
  groupMine,
  localToday,
  periodText,
  recipientsText,
  reportKindFor,
  reportKindLabel,
  reportProblems,
  requestProblems,
  requestState,
  requestStateLabel,
  resultMembers,
  teamLead,
  waitingLine,
} from "./accountability_view";
import type { Escalation, Report, ReportRequest } from "./api/accountability_types";
import type { TeamMember } from "./api/types";

const ref = (id: number, name = `Orang ${id}`) => ({ id, name });
const request = (
  id: number,
  asked: number,
  requester: number,
  extra: Partial<ReportRequest> = {},
) =>
  ({
    id,
    region_id: 1,
    team_id: 3,
    requester: ref(requester),
    asked: ref(asked),
    due: "2026-12-10",
    note: "",
    report_id: null,
    overdue: false,
    created_at: "2026-12-01T02:00:00Z",
    ...extra,
  }) satisfies ReportRequest;
const report = (id: number, author: number, recipients: number[]): Report => ({
  id,
  region_id: 1,
  team_id: 3,
  kind: "anggota",
  author: ref(author),
  period_start: "2026-11-01",
  period_end: "2026-11-30",
  summary: "Ringkasan",
  request_id: null,
  recipients: recipients.map((r) => ref(r)),
  member_results: [],
  created_at: "2026-12-01T02:00:00Z",
});
const escalation = (id: number, author: number, recipients: number[]): Escalation => ({
  id,
  region_id: 1,
  team_id: 3,
  author: ref(author),
  problem: "Data terlambat",
  alternatives: ["A"],
  several_units: false,
  recipients: recipients.map((r) => ref(r)),
  created_at: "2026-12-01T02:00:00Z",
});
const member = (employee_id: number, role: "ketua" | "anggota"): TeamMember => ({
  id: employee_id * 10,
  employee_id,
  name: `Orang ${employee_id}`,
  nip: "",
  unit_id: 1,
  unit: "Bidang A",
  role,
  start: "2026-07-01",
  end: null,
  end_reason: "",
});
const team = [member(1, "ketua"), member(2, "anggota"), member(3, "anggota")];

describe("words", () => {
  it("names each kind of report, and leaves an unknown one as it is", () => {
    expect(reportKindLabel("anggota")).toBe("Laporan anggota tim");
    expect(reportKindLabel("tim")).toBe("Laporan tim");
    expect(reportKindLabel("individu")).toBe("Laporan individu");
    expect(reportKindLabel("lain")).toBe("lain");
  });
  it("writes a period in Indonesian dates", () => {
    expect(periodText({ period_start: "2026-11-01", period_end: "2026-11-30" })).toBe(
      "1 November 2026 – 30 November 2026",
    );
  });
});

describe("a request's state", () => {
  it("is answered once a report names it, even after its due date", () => {
    const r = request(1, 2, 9, { report_id: 5, overdue: false });
    expect(requestState(r)).toBe("dijawab");
    expect(requestStateLabel(requestState(r))).toBe("Sudah dijawab");
    expect(dueText(r)).toBe("Tenggat 10 Desember 2026");
  });
  it("is late when the server says it is still open after its due date", () => {
    const r = request(1, 2, 9, { overdue: true, due: "2026-11-20" });
    expect(requestState(r)).toBe("terlambat");
    expect(requestStateLabel("terlambat")).toBe("Terlambat");
    expect(dueText(r)).toBe("Tenggat 20 November 2026 · terlambat");
  });
  it("waits otherwise", () => {
    expect(requestState(request(1, 2, 9))).toBe("menunggu");
    expect(requestStateLabel("menunggu")).toBe("Menunggu laporan");
  });
});

describe("Laporan dan permintaan on Pekerjaan saya", () => {
  it("groups by the caller's part: open requests asked of them first, earliest due first", () => {
    const g = groupMine(
      {
        requests: [
          request(4, 2, 9, { due: "2026-12-20" }),
          request(3, 2, 9, { report_id: 8, due: "2026-12-01" }),
          request(2, 2, 9, { due: "2026-12-05", overdue: true }),
          request(1, 7, 2),
        ],
        reports: [report(11, 2, [1]), report(10, 3, [2])],
        escalations: [escalation(21, 2, [9]), escalation(20, 3, [2])],
      },
      2,
    );
    expect(g.askedOfMe.map((r) => r.id)).toEqual([2, 4, 3]);
    expect(g.askedByMe.map((r) => r.id)).toEqual([1]);
    expect(g.reportsWritten.map((r) => r.id)).toEqual([11]);
    expect(g.reportsReceived.map((r) => r.id)).toEqual([10]);
    expect(g.escalationsWritten.map((e) => e.id)).toEqual([21]);
    expect(g.escalationsReceived.map((e) => e.id)).toEqual([20]);
  });
  it("says how many requests wait and how many are late", () => {
    expect(waitingLine([])).toBeNull();
    expect(waitingLine([request(1, 2, 9, { report_id: 3 })])).toBeNull();
    expect(waitingLine([request(1, 2, 9), request(2, 2, 9, { overdue: true })])).toBe(
      "2 permintaan laporan menunggu Anda, 1 terlambat.",
    );
    expect(waitingLine([request(1, 2, 9)])).toBe("1 permintaan laporan menunggu Anda.");
  });
});

describe("reports in a team", () => {
  it("finds the lead and the members whose results the lead reports", () => {
    expect(teamLead(team)?.employee_id).toBe(1);
    expect(teamLead([member(2, "anggota")])).toBeNull();
    expect(resultMembers(team).map((m) => m.employee_id)).toEqual([2, 3]);
  });
  it("chooses the kind a person makes: the lead a team report, a member a member's report", () => {
    expect(reportKindFor(team, 1)).toBe("tim");
    expect(reportKindFor(team, 3)).toBe("anggota");
    expect(reportKindFor(team, 8)).toBe("individu");
    expect(reportKindFor(null, 1)).toBe("individu");
  });
  it("says to whom it goes", () => {
    expect(recipientsText("anggota", team)).toBe("Disampaikan kepada ketua tim: Orang 1.");
    expect(recipientsText("anggota", null)).toBe("Disampaikan kepada ketua tim.");
    expect(recipientsText("tim", team)).toMatch(/pimpinan unit kerja pemilik kinerja/);
    expect(recipientsText("individu", null)).toMatch(/pimpinan unit kerja Anda/);
  });
});

describe("the forms' checks", () => {
  const ok = {
    kind: "anggota",
    team: "3",
    start: "2026-11-01",
    end: "2026-11-30",
    summary: "Selesai",
  };
  it("accepts a complete report", () => {
    expect(reportProblems(ok)).toEqual({});
    expect(reportProblems({ ...ok, kind: "individu", team: "" })).toEqual({});
  });
  it("refuses a report without its kind, team, period or summary, or ending before it starts", () => {
    expect(reportProblems({ ...ok, kind: "" }).kind).toBe("Pilih jenis laporan.");
    expect(reportProblems({ ...ok, team: "" }).team).toBe("Pilih tim kerja yang dilaporkan.");
    expect(reportProblems({ ...ok, start: "" }).start).toBe("Awal periode wajib diisi.");
    expect(reportProblems({ ...ok, end: "2026-10-31" }).end).toBe(
      "Akhir periode tidak boleh sebelum awalnya.",
    );
    expect(reportProblems({ ...ok, summary: "  " }).summary).toBe("Ringkasan laporan wajib diisi.");
  });
  it("refuses a request without the person asked, or due before today", () => {
    expect(requestProblems({ asked: "5", due: "2026-12-04" }, "2026-12-04")).toEqual({});
    expect(requestProblems({ asked: "", due: "" }, "2026-12-04")).toEqual({
      asked: "Pilih pegawai yang diminta laporannya.",
      due: "Tenggat wajib diisi.",
    });
    expect(requestProblems({ asked: "5", due: "2026-12-03" }, "2026-12-04").due).toBe(
      "Tenggat tidak boleh sebelum hari ini.",
    );
  });
  it("sends the alternatives typed, and refuses an escalation without a problem or any", () => {
    expect(alternativesOf([" Tambah petugas ", "", "Geser jadwal"])).toEqual([
      "Tambah petugas",
      "Geser jadwal",
    ]);
    expect(escalationProblems("Data terlambat", ["A", ""])).toEqual({});
    expect(escalationProblems(" ", ["", " "])).toEqual({
      problem: "Uraikan permasalahannya.",
      alternatives: "Sertakan sedikitnya satu alternatif rekomendasi penyelesaian.",
    });
    expect(
      escalationProblems(
        "x",
        Array.from({ length: 11 }, (_, i) => `A${i}`),
      ),
    ).toEqual({
      alternatives: "Paling banyak 10 alternatif rekomendasi.",
    });
  });
  it("reads today in the browser's time zone", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});
