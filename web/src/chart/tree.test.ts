import { describe, expect, it } from "vitest";
import type { ChartNode } from "../api/types";
import {
  boxSubtitle,
  buildChartTree,
  countPositions,
  groupTitle,
  holderText,
  mergeChartNodes,
  occupantsOfNode,
  missingSubordinates,
  shownSubordinates,
  type ChartItem,
  type PositionBox,
} from "./tree";

function node(
  id: number,
  title: string,
  kind: string,
  superior: number | null,
  extra: Partial<ChartNode> = {},
): ChartNode {
  return {
    position_id: id,
    title,
    kind,
    eselon: "",
    unit_id: null,
    unit_name: "",
    superior_id: superior,
    work_level: 0,
    vacant: false,
    holder_name: null,
    subordinate_count: 0,
    hidden_children: 0,
    ...extra,
  };
}

const titles = (items: ChartItem[]) =>
  items.map((i) => (i.type === "group" ? `[${i.title}]` : i.node.title));
const box = (i: ChartItem | undefined) => i as PositionBox;

describe("buildChartTree", () => {
  // The shape of 000 (Badan Pengelola Perbatasan Daerah): head, Sekretaris with a Sub Bagian,
  // three Kepala Bidang, and functional positions.
  const bppd = [
    node(1, "Kepala Badan", "JPT Pratama", null, { eselon: "II.a", work_level: 1 }),
    node(4, "Kepala Bidang Koordinasi Perencanaan dan Fasilitasi Kerja Sama", "Administrator", 1, {
      eselon: "III.a",
    }),
    node(2, "Sekretaris", "Administrator", 1, { eselon: "III.a", unit_name: "Sekretariat" }),
    node(3, "Kepala Sub Bagian Kepegawaian dan Umum", "Pengawas", 2, { eselon: "IV.a" }),
    node(5, "Kepala Bidang Koordinasi Pelaksanaan", "Administrator", 1),
    node(6, "Kepala Bidang Monitoring dan Evaluasi", "Administrator", 1),
    node(7, "Analis Kebijakan Ahli Madya", "Fungsional", 1),
    node(8, "Perencana Ahli Muda", "Fungsional", 2),
    node(9, "Bendahara", "Pelaksana", 2),
  ];

  it("puts the head at the top and the Sekretaris first among its subordinates", () => {
    const roots = buildChartTree(bppd);
    expect(titles(roots)).toEqual(["Kepala Badan"]);
    expect(titles(box(roots[0]).children)).toEqual([
      "Sekretaris",
      "Kepala Bidang Koordinasi Perencanaan dan Fasilitasi Kerja Sama",
      "Kepala Bidang Koordinasi Pelaksanaan",
      "Kepala Bidang Monitoring dan Evaluasi",
      "[Jabatan fungsional]",
    ]);
  });

  it("groups functional and executor positions under their coordinator", () => {
    const sek = box(box(buildChartTree(bppd)[0]).children[0]);
    expect(titles(sek.children)).toEqual([
      "Kepala Sub Bagian Kepegawaian dan Umum",
      "[Fungsional dan pelaksana]",
    ]);
    const group = sek.children[1]!;
    expect(group.type).toBe("group");
    if (group.type === "group")
      expect(group.members.map((m) => m.title)).toEqual(["Perencana Ahli Muda", "Bendahara"]);
  });

  it("counts positions", () => {
    expect(countPositions(buildChartTree(bppd)[0]!)).toBe(9);
  });

  it("makes roots of nodes whose superior is unknown or themselves", () => {
    const roots = buildChartTree([
      node(1, "A", "Administrator", 99),
      node(2, "B", "Administrator", 2),
    ]);
    expect(titles(roots)).toEqual(["A", "B"]);
  });

  it("breaks cycles instead of looping", () => {
    const roots = buildChartTree([
      node(1, "A", "Administrator", 3),
      node(2, "B", "Administrator", 1),
      node(3, "C", "Administrator", 2),
    ]);
    expect(roots.length).toBe(1);
    expect(countPositions(roots[0]!)).toBe(3);
  });

  it("ignores duplicate nodes", () => {
    const roots = buildChartTree([
      node(1, "A", "JPT Pratama", null),
      node(1, "A again", "JPT Pratama", null),
    ]);
    expect(titles(roots)).toEqual(["A"]);
  });

  it("keeps a single 'Kelompok Jabatan Fungsional' node as a box", () => {
    const roots = buildChartTree([
      node(1, "Kepala", "JPT Pratama", null),
      node(2, "Kelompok Jabatan Fungsional", "Fungsional", 1),
    ]);
    expect(box(roots[0]).children.map((c) => c.type)).toEqual(["position"]);
  });

  it("shows subordinates of a functional position as their own box", () => {
    const roots = buildChartTree([
      node(1, "Kepala", "JPT Pratama", null),
      node(2, "Kepala UPTD (JF)", "Fungsional", 1),
      node(3, "Pelaksana UPTD", "Pelaksana", 2),
    ]);
    expect(titles(box(roots[0]).children)).toEqual(["[Jabatan fungsional]", "Kepala UPTD (JF)"]);
  });

  it("handles an empty chart", () => {
    expect(buildChartTree([])).toEqual([]);
  });
});

describe("box texts", () => {
  it("names a group by what it holds", () => {
    expect(groupTitle([{ kind: "Fungsional" }])).toBe("Jabatan fungsional");
    expect(groupTitle([{ kind: "Pelaksana" }, { kind: "Pelaksana" }])).toBe("Pelaksana");
    expect(groupTitle([{ kind: "Fungsional" }, { kind: "Pelaksana" }])).toBe(
      "Fungsional dan pelaksana",
    );
  });
  it("writes eselon and kind", () => {
    expect(boxSubtitle({ eselon: "III.a", kind: "Administrator" })).toBe(
      "Eselon III.a · Administrator",
    );
    expect(boxSubtitle({ eselon: "", kind: "Fungsional" })).toBe("Fungsional");
  });
  it("never invents a holder name", () => {
    expect(holderText({ vacant: true, holder_name: null })).toBe("Lowong");
    expect(holderText({ vacant: false, holder_name: null })).toBe("Terisi");
    expect(holderText({ vacant: false, holder_name: "Siti" })).toBe("Siti");
  });
  it("takes every holder with the kind of placement, a Plh beside the definitive one", () => {
    const holders = [
      { placement_kind: "definitif", name: "Budi" },
      { placement_kind: "plh", name: "Sari" },
    ];
    expect(occupantsOfNode({ vacant: false, holder_name: "Budi", holders })).toEqual(holders);
    expect(occupantsOfNode({ vacant: true, holder_name: null })).toEqual([]);
    expect(occupantsOfNode({ vacant: false, holder_name: "Siti" })).toEqual([
      { placement_kind: "definitif", name: "Siti" },
    ]);
  });
});

describe("a chart loaded on demand", () => {
  // The first screen: the head with two of its five subordinates; one of those has three of its own.
  const first = [
    node(1, "Kepala Dinas", "JPT Pratama", null, { subordinate_count: 5, hidden_children: 3 }),
    node(2, "Sekretaris", "Administrator", 1, { subordinate_count: 3, hidden_children: 3 }),
    node(3, "Kepala Bidang Sekolah Dasar", "Administrator", 1),
  ];

  it("knows how many subordinates of each box are not loaded", () => {
    expect([...missingSubordinates(first)]).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(shownSubordinates(first, 1)).toBe(2);
    expect(shownSubordinates(first, 2)).toBe(0);
  });

  it("adds an expanded subtree after what is shown, without doubles", () => {
    // GET chart?root=1&depth=2&offset=2: the head again, then its three other subordinates.
    const more = [
      node(1, "Kepala Dinas", "JPT Pratama", null, { subordinate_count: 5, hidden_children: 2 }),
      node(4, "Kepala Bidang Sekolah Menengah", "Administrator", 1),
      node(5, "Kepala Bidang Guru", "Administrator", 1),
      node(6, "Analis Kebijakan", "Fungsional", 1),
    ];
    const merged = mergeChartNodes(first, more);
    expect(merged.map((n) => n.position_id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...missingSubordinates(merged)]).toEqual([[2, 3]]);
    const head = box(buildChartTree(merged)[0]);
    expect(titles(head.children)).toEqual([
      "Sekretaris",
      "Kepala Bidang Sekolah Dasar",
      "Kepala Bidang Sekolah Menengah",
      "Kepala Bidang Guru",
      "[Jabatan fungsional]",
    ]);
  });
});
