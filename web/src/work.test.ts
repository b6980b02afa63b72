// Issue 12: the work system's route and how a rule's source reads.
import { describe, expect, it } from "vitest";
import { parseRoute, paths } from "./router";
import { ruleLabel, ruleSource, teamLine } from "./pages/work";

describe("work system", () => {
  it("reads and builds the Sistem kerja route", () => {
    expect(parseRoute("/wilayah/3/sistem-kerja")).toEqual({ name: "workRules", id: "3" });
    expect(paths.workRules(3)).toBe("/wilayah/3/sistem-kerja");
    expect(parseRoute("/wilayah/3/sistem-kerja/x").name).toBe("notFound");
  });
  it("names a rule's source, marking the defaults", () => {
    expect(
      ruleSource({
        origin: "peraturan",
        source: "Peraturan Wali Kota Nomor 20 Tahun 2024",
        article: "Pasal 20 ayat (4) huruf c",
      }),
    ).toBe("Pasal 20 ayat (4) huruf c, Peraturan Wali Kota Nomor 20 Tahun 2024");
    expect(
      ruleSource({ origin: "bawaan", source: "PermenPANRB 7/2022", article: "Lampiran" }),
    ).toBe("Ketentuan bawaan: Lampiran, PermenPANRB 7/2022");
    expect(ruleLabel({ key: "antar_perangkat_daerah" })).toBe("Tim kerja antar perangkat daerah");
    expect(ruleLabel({ key: "lain" })).toBe("lain");
  });
  it("reads a team's route and describes a team", () => {
    expect(parseRoute("/tim/4")).toEqual({ name: "team", id: "4", on: null });
    expect(parseRoute("/tim/4", "?tanggal=2026-04-01")).toEqual({
      name: "team",
      id: "4",
      on: "2026-04-01",
    });
    expect(parseRoute("/tim/4", "?tanggal=kemarin")).toEqual({ name: "team", id: "4", on: null });
    expect(paths.team(4, "2026-04-01")).toBe("/tim/4?tanggal=2026-04-01");
    expect(teamLine({ kind: "rutin", scope: "lintas_unit", formed: "2026-03-02" })).toBe(
      "Tim rutin · lintas unit organisasi · dibentuk 2026-03-02",
    );
  });
});
