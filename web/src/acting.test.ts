import { describe, expect, it } from "vitest";
import {
  actingLabel,
  definitiveBeside,
  isActing,
  occupancyLines,
  occupantsOfKinds,
} from "./acting";

describe("actingLabel", () => {
  it("labels Plt and Plh, not a definitive placement", () => {
    expect(actingLabel("plt")).toBe("Plt.");
    expect(actingLabel("plh")).toBe("Plh.");
    expect(actingLabel("definitif")).toBe("");
    expect(isActing("plt")).toBe(true);
    expect(isActing("definitif")).toBe(false);
  });
});

describe("occupancyLines", () => {
  it("no one: vacant", () => {
    expect(occupancyLines([])).toEqual([{ kind: "vacant", text: "Lowong" }]);
  });

  it("a definitive holder alone: the name (Terisi anonymously)", () => {
    expect(occupancyLines([{ placement_kind: "definitif", name: "Budi" }])).toEqual([
      { kind: "definitif", text: "Budi" },
    ]);
    expect(occupancyLines(occupantsOfKinds(["definitif"]))).toEqual([
      { kind: "definitif", text: "Terisi" },
    ]);
  });

  it("a Plt in a vacant position: Plt. and the vacancy", () => {
    expect(occupancyLines([{ placement_kind: "plt", name: "Ani" }])).toEqual([
      { kind: "acting", label: "Plt.", text: "Plt. Ani" },
      { kind: "vacant", text: "Definitif: lowong" },
    ]);
    expect(occupancyLines(occupantsOfKinds(["plt"]))).toEqual([
      { kind: "acting", label: "Plt.", text: "Dijabat Plt." },
      { kind: "vacant", text: "Definitif: lowong" },
    ]);
  });

  it("a Plh beside the definitive holder: both, the definitive first", () => {
    expect(
      occupancyLines([
        { placement_kind: "definitif", name: "Budi" },
        { placement_kind: "plh", name: "Sari" },
      ]),
    ).toEqual([
      { kind: "definitif", text: "Definitif: Budi" },
      { kind: "acting", label: "Plh.", text: "Plh. Sari" },
    ]);
    expect(occupancyLines(occupantsOfKinds(["definitif", "plh"]))).toEqual([
      { kind: "definitif", text: "Definitif: terisi" },
      { kind: "acting", label: "Plh.", text: "Dijabat Plh." },
    ]);
  });
});

describe("definitiveBeside", () => {
  it("names the definitive holder or the vacancy", () => {
    expect(definitiveBeside({ name: "Budi" })).toBe("definitif: Budi");
    expect(definitiveBeside(null)).toBe("definitif: lowong");
  });
});
