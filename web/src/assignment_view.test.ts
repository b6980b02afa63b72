// Issue 12 item 3: the assignment pages' routes and pure decisions.
import { describe, expect, it } from "vitest";
import type { Assignment, Mechanisms } from "./api/assignment_types";
import {
  groupAssignments,
  letterKindLabel,
  mayBeMine,
  mechanismLabel,
  namesOfficialAtStart,
  roleLabel,
  stateLabel,
  stepLabel,
  stepNamesOfficial,
  stepProblem,
  unreadLine,
} from "./assignment_view";
import { parseRoute, paths } from "./router";

function assignment(over: Partial<Assignment>): Assignment {
  return {
    id: 1,
    region_id: 1,
    mechanism: "penunjukan_lintas_unit",
    mechanism_rule_id: null,
    team_id: null,
    owner_unit: { id: 10, name: "Bidang A" },
    official: { id: 7, name: "Pejabat" },
    official_unit: { id: 11, name: "Bidang B" },
    target_unit: null,
    requester: { id: 5, name: "Kepala Bidang A" },
    title: "Menyusun laporan",
    details: "",
    within_main_duties: true,
    letter_kind: "surat_tugas",
    letter: null,
    state: "menunggu_penilai",
    state_since: "2026-03-02T01:00:00Z",
    version: 1,
    overdue: false,
    answer_days: 3,
    created_at: "2026-03-02T01:00:00Z",
    updated_at: "2026-03-02T01:00:00Z",
    next: [
      { transition: "setujui", role: "penilai", reason_required: false },
      { transition: "tolak", role: "penilai", reason_required: true },
    ],
    ...over,
  };
}

const mechs: Mechanisms = {
  items: [
    {
      key: "penunjukan_lintas_instansi",
      label: "Penunjukan lintas instansi pemerintah",
      reach: "lintas_instansi",
      first: {
        transition: "ajukan",
        role: "pimpinan_unit_pemilik",
        to: "menunggu_pejabat_berwenang",
      },
      states: [
        {
          key: "menunggu_penilai_tujuan",
          label: "Menunggu penugasan",
          waiting: true,
          final: false,
        },
      ],
      transitions: [
        {
          from: "menunggu_penilai_tujuan",
          transition: "tugaskan",
          to: "ditugaskan",
          role: "penilai_tujuan",
          reason_required: false,
          names_official: true,
        },
      ],
    },
  ],
  roles: [{ key: "penilai", label: "Pejabat penilai kinerja" }],
};

describe("assignment groups", () => {
  it("puts an appraiser's waiting request under what needs them", () => {
    const g = groupAssignments([assignment({})], 9);
    expect(g.needsMe.map((a) => a.id)).toEqual([1]);
    expect(g.mine).toEqual([]);
  });
  it("puts the requester's own request under their requests, not under what needs them", () => {
    const g = groupAssignments([assignment({})], 5);
    expect(g.needsMe).toEqual([]);
    expect(g.mine.map((a) => a.id)).toEqual([1]);
  });
  it("puts an assigned task before its official to accept, and a finished one under the rest", () => {
    const assigned = assignment({
      id: 2,
      state: "ditugaskan",
      next: [{ transition: "terima", role: "pejabat", reason_required: false }],
    });
    const done = assignment({ id: 3, state: "diterima", next: [] });
    const g = groupAssignments([assigned, done], 7);
    expect(g.needsMe.map((a) => a.id)).toEqual([2]);
    expect(g.others.map((a) => a.id)).toEqual([3]);
    expect(mayBeMine(assigned.next[0]!, assigned, 9)).toBe(false);
  });
  it("gives nothing to an account without an employee", () => {
    const g = groupAssignments([assignment({})], null);
    expect(g.needsMe).toEqual([]);
    expect(g.others.length).toBe(1);
  });
});

describe("assignment labels and checks", () => {
  it("says mechanisms, states, roles, steps and letters in Indonesian", () => {
    expect(mechanismLabel(mechs, "penunjukan_lintas_instansi")).toBe(
      "Penunjukan lintas instansi pemerintah",
    );
    expect(mechanismLabel(mechs, "lain")).toBe("lain");
    expect(stateLabel(mechs, "penunjukan_lintas_instansi", "menunggu_penilai_tujuan")).toBe(
      "Menunggu penugasan",
    );
    expect(roleLabel(mechs, "penilai")).toBe("Pejabat penilai kinerja");
    expect(stepLabel("tolak")).toBe("Tolak");
    expect(stepLabel("terima")).toBe("Terima penugasan");
    expect(letterKindLabel("surat_perintah")).toBe("Surat Perintah");
    expect(letterKindLabel("surat_tugas")).toBe("Surat Tugas");
    expect(unreadLine(2)).toBe("2 belum dibaca");
    expect(unreadLine(0)).toBe("Semua sudah dibaca");
  });
  it("knows where an official is named", () => {
    const m = mechs.items[0]!;
    expect(stepNamesOfficial(m, "menunggu_penilai_tujuan", "tugaskan")).toBe(true);
    expect(stepNamesOfficial(m, "menunggu_penilai_tujuan", "tolak")).toBe(false);
    expect(namesOfficialAtStart(m)).toBe(false);
    expect(namesOfficialAtStart({ reach: "lintas_unit" })).toBe(true);
  });
  it("refuses a refusal without a reason and a tugaskan without an official", () => {
    expect(stepProblem({ reason_required: true }, "  ", false, "")?.field).toBe("reason");
    expect(stepProblem({ reason_required: true }, "Beban kerja penuh", false, "")).toBeNull();
    expect(stepProblem({ reason_required: false }, "", true, "")?.field).toBe(
      "official_employee_id",
    );
    expect(stepProblem({ reason_required: false }, "", true, "12")).toBeNull();
  });
});

describe("assignment routes", () => {
  it("parses and builds the three paths", () => {
    expect(parseRoute("/pekerjaan-saya")).toEqual({ name: "myWork" });
    expect(parseRoute("/penugasan/12")).toEqual({ name: "assignment", id: "12" });
    expect(parseRoute("/penugasan-baru")).toEqual({ name: "assignmentNew" });
    expect(paths.myWork()).toBe("/pekerjaan-saya");
    expect(paths.assignment(3)).toBe("/penugasan/3");
    expect(paths.assignmentNew()).toBe("/penugasan-baru");
  });
});
