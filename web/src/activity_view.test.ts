import { describe, expect, it } from "vitest";
import {
  activityStepLabel,
  activityStepProblem,
  awaitingFirst,
  boardColumnOf,
  boardColumns,
  flowRoleLabel,
  flowStateLabel,
  formatRupiah,
  formatSize,
  parsePercent,
  parseRupiah,
  planProblems,
  shortSha,
  historyLeftOut,
  timelineOf,
  waitingFor,
} from "./activity_view";
import type { ActivityFlow, ActivityNote, ActivityStep, Evidence } from "./api/activity_types";

const actor = { employee_id: 1, name: "Sari" };
const step = (id: number, at: string, transition = "mulai"): ActivityStep => ({
  id,
  transition,
  from: "direncanakan",
  to: "dilaksanakan",
  actor,
  role: "pelaksana",
  reason: "",
  at,
});
const note = (id: number, at: string): ActivityNote => ({
  id,
  kind: "kemajuan",
  author: actor,
  role: "pelaksana",
  text: "Separuh",
  progress: 50,
  at,
});
const file = (id: number, at: string): Evidence => ({
  id,
  name: "laporan.pdf",
  media_type: "application/pdf",
  size: 10,
  sha256: "ab".repeat(32),
  uploaded_by: actor,
  at,
  path: `/api/v1/evidence/${id}`,
});

describe("rupiah", () => {
  it("groups thousands with dots", () => {
    expect(formatRupiah(0)).toBe("Rp 0");
    expect(formatRupiah(999)).toBe("Rp 999");
    expect(formatRupiah(1500000)).toBe("Rp 1.500.000");
    expect(formatRupiah(-5000)).toBe("Rp -5.000");
  });
  it("reads what people type", () => {
    expect(parseRupiah("")).toBeNull();
    expect(parseRupiah("  ")).toBeNull();
    expect(parseRupiah("1500000")).toBe(1500000);
    expect(parseRupiah("1.500.000")).toBe(1500000);
    expect(parseRupiah("Rp 1.500.000")).toBe(1500000);
    expect(parseRupiah("Rp. 25 000")).toBe(25000);
    expect(parseRupiah("1.5")).toBeNaN();
    expect(parseRupiah("1.500,50")).toBeNaN();
    expect(parseRupiah("seribu")).toBeNaN();
    expect(parseRupiah("-100")).toBeNaN();
  });
});

describe("evidence facts", () => {
  it("says sizes and shortens checksums", () => {
    expect(formatSize(812)).toBe("812 B");
    expect(formatSize(12800)).toBe("12,5 KB");
    expect(formatSize(3 * 1024 * 1024)).toBe("3 MB");
    expect(shortSha("0123456789abcdef".repeat(4))).toBe("0123456789ab…");
    expect(shortSha("abc")).toBe("abc");
  });
});

describe("Kegiatan saya", () => {
  it("puts what awaits me first, each group in the server's order", () => {
    const items = [
      { id: 1, awaiting_me: false },
      { id: 2, awaiting_me: true },
      { id: 3 },
      { id: 4, awaiting_me: true },
    ];
    expect(awaitingFirst(items).map((x) => x.id)).toEqual([2, 4, 1, 3]);
  });
});

describe("team board", () => {
  it("puts every review stop under review", () => {
    expect(boardColumnOf("di_ketua")).toBe("ditinjau");
    expect(boardColumnOf("di_level_antara")).toBe("ditinjau");
    expect(boardColumnOf("perbaikan")).toBe("perbaikan");
    expect(boardColumnOf("dibatalkan")).toBe("dibatalkan");
    expect(boardColumnOf("entah")).toBeNull();
  });
  it("makes six columns in order, each keeping the server's order", () => {
    const cols = boardColumns([
      { id: 1, state: "selesai" },
      { id: 2, state: "di_level_i" },
      { id: 3, state: "direncanakan" },
      { id: 4, state: "di_level_ii" },
      { id: 5, state: "baru_sekali" },
    ]);
    expect(cols.map((c) => c.label)).toEqual([
      "Direncanakan",
      "Dilaksanakan",
      "Dalam tinjauan",
      "Perbaikan",
      "Selesai",
      "Dibatalkan",
    ]);
    expect(cols.map((c) => c.items.map((x) => x.id))).toEqual([[3], [], [2, 4, 5], [], [1], []]);
  });
});

describe("timeline", () => {
  it("merges steps, notes and uploads in time order", () => {
    const t = timelineOf({
      steps: [step(1, "2026-03-02T01:00:00Z"), step(2, "2026-03-04T01:00:00Z", "ajukan")],
      notes: [note(7, "2026-03-03T01:00:00Z")],
      evidence: [file(9, "2026-03-02T05:00:00Z")],
    });
    expect(t.map((e) => e.kind)).toEqual(["step", "evidence", "note", "step"]);
  });
  it("at the same instant: the step, then the note, then the upload", () => {
    const at = "2026-03-02T01:00:00Z";
    const t = timelineOf({ steps: [step(1, at)], notes: [note(2, at)], evidence: [file(3, at)] });
    expect(t.map((e) => e.kind)).toEqual(["step", "note", "evidence"]);
    const u = timelineOf({ steps: [], notes: [], evidence: [file(3, at), file(2, at)] });
    expect(u.map((e) => (e.kind === "evidence" ? e.evidence.id : 0))).toEqual([3, 2]);
  });
  it("is empty for a new plan", () => {
    expect(timelineOf({ steps: [], notes: [], evidence: [] })).toEqual([]);
  });
  it("says what the answer left out of the history", () => {
    const at = "2026-03-02T01:00:00Z";
    const steps = Array.from({ length: 20 }, (_, i) => step(i + 13, at));
    const notes = Array.from({ length: 20 }, (_, i) => note(i + 6, at));
    expect(historyLeftOut({ steps, steps_total: 32, notes: [], notes_total: 0 })).toBe(
      "Menampilkan 20 langkah terakhir dari 32.",
    );
    expect(historyLeftOut({ steps, steps_total: 32, notes, notes_total: 25 })).toBe(
      "Menampilkan 20 langkah terakhir dari 32 dan 20 catatan terakhir dari 25.",
    );
    expect(historyLeftOut({ steps: [step(1, at)], steps_total: 1, notes, notes_total: 20 })).toBe(
      "",
    );
  });
});

describe("labels", () => {
  const flow: ActivityFlow = {
    key: "level_ii+level_i",
    first: { transition: "mulai", to: "dilaksanakan" },
    states: [
      { key: "di_level_ii", label: "Ditinjau Pejabat Level II", waiting: true, final: false },
    ],
    transitions: [
      {
        from: "di_level_ii",
        transition: "teruskan",
        to: "di_level_i",
        role: "level_ii",
        role_label: "Pejabat Level II",
        reason_required: false,
      },
    ],
  };
  it("takes the flow's words, the key else", () => {
    expect(flowStateLabel(flow, "di_level_ii")).toBe("Ditinjau Pejabat Level II");
    expect(flowStateLabel(flow, "x")).toBe("x");
    expect(flowStateLabel(null, "x")).toBe("x");
    expect(flowRoleLabel(flow, "level_ii")).toBe("Pejabat Level II");
    expect(flowRoleLabel(flow, "ketua")).toBe("Ketua tim");
    expect(flowRoleLabel(null, "zz")).toBe("zz");
    expect(flowRoleLabel(flow, "perencana")).toBe("Perencana");
    expect(activityStepLabel("rencanakan")).toBe("Rencanakan");
    expect(activityStepLabel("kembalikan")).toBe("Kembalikan untuk perbaikan");
    expect(activityStepLabel("lain")).toBe("lain");
  });
});

describe("checks made before sending", () => {
  it("finds the plan form's problems at their fields", () => {
    expect(
      planProblems({ title: "A", start: "2026-03-02", end: "2026-03-02", budget: "" }),
    ).toEqual({});
    expect(planProblems({ title: " ", start: "", end: "", budget: "1,5" })).toEqual({
      title: "Judul kegiatan wajib diisi.",
      start: "Tanggal mulai wajib diisi.",
      end: "Tanggal selesai wajib diisi.",
      budget: "Anggaran ditulis dalam rupiah tanpa sen, mis. 1.500.000.",
    });
    expect(
      planProblems({ title: "A", start: "2026-03-05", end: "2026-03-04", budget: "1.000" }),
    ).toEqual({ end: "Tanggal selesai tidak boleh sebelum tanggal mulai." });
  });
  it("refuses a return or a cancellation without a reason", () => {
    const back = { reason_required: true, transition: "kembalikan" };
    expect(activityStepProblem(back, "  ")).toBe(
      "Alasan wajib diisi untuk mengembalikan kegiatan.",
    );
    expect(activityStepProblem({ reason_required: true, transition: "batalkan" }, "")).toBe(
      "Alasan wajib diisi untuk membatalkan.",
    );
    expect(activityStepProblem(back, "Data belum lengkap")).toBeNull();
    expect(activityStepProblem({ reason_required: false, transition: "teruskan" }, "")).toBeNull();
  });
  it("reads a percent", () => {
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("40")).toBe(40);
    expect(parsePercent("100 %")).toBe(100);
    expect(parsePercent("101")).toBeNaN();
    expect(parsePercent("4.5")).toBeNaN();
  });
});

describe("who it waits for", () => {
  const next = (transition: string, role_label: string) => ({
    transition,
    role: "x",
    role_label,
    reason_required: false,
    mine: false,
  });
  it("names the roles of the open steps, a cancellation's only when nothing else is open", () => {
    expect(
      waitingFor([
        next("teruskan", "Pejabat Level II"),
        next("kembalikan", "Pejabat Level II"),
        next("batalkan", "Pejabat yang membatalkan"),
      ]),
    ).toEqual(["Pejabat Level II"]);
    expect(waitingFor([next("batalkan", "Pejabat yang membatalkan")])).toEqual([
      "Pejabat yang membatalkan",
    ]);
    expect(waitingFor([])).toEqual([]);
  });
});
