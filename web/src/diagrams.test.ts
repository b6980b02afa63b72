// Issue 12 item 7: the diagrams' addresses and their Indonesian text alternatives.
import { describe, expect, it } from "vitest";
import { diagrams } from "./api/client";
import type { Mechanism } from "./api/assignment_types";
import { agencyKinds, drawableKey, mechanismAlt, structureAlt } from "./diagrams";

const mechanism: Mechanism = {
  key: "penunjukan_lintas_unit",
  label: "Penunjukan lintas unit organisasi",
  reach: "lintas_unit",
  first: { transition: "ajukan", role: "pimpinan_unit_pemilik", to: "menunggu_penilai" },
  states: [
    {
      key: "menunggu_penilai",
      label: "Menunggu persetujuan pejabat penilai",
      waiting: true,
      final: false,
    },
    { key: "ditugaskan", label: "Ditugaskan", waiting: false, final: false },
    { key: "ditolak", label: "Ditolak", waiting: false, final: true },
  ],
  transitions: [
    {
      from: "menunggu_penilai",
      transition: "setujui",
      to: "ditugaskan",
      role: "penilai",
      reason_required: false,
      names_official: false,
    },
    {
      from: "menunggu_penilai",
      transition: "tolak",
      to: "ditolak",
      role: "penilai",
      reason_required: true,
      names_official: false,
    },
  ],
};

describe("diagrams", () => {
  it("builds the SVG addresses", () => {
    expect(diagrams.mechanismHref("sukarela_dalam_unit")).toBe(
      "/api/v1/assignment-mechanisms/sukarela_dalam_unit.svg",
    );
    expect(diagrams.structureHref(4, "dinas_badan")).toBe(
      "/api/v1/regions/4/work-rules/structure/dinas_badan.svg",
    );
    expect(drawableKey("dinas_badan")).toBe(true);
    expect(drawableKey("Dinas Badan")).toBe(false);
    expect(drawableKey("")).toBe(false);
  });
  it("describes a mechanism from its definition", () => {
    const alt = mechanismAlt(mechanism, {
      pimpinan_unit_pemilik: "Pimpinan unit organisasi pemilik kinerja",
      penilai: "Pejabat penilai kinerja",
    });
    expect(alt).toBe(
      "Diagram alur Penunjukan lintas unit organisasi. Dimulai dengan ajukan oleh Pimpinan unit " +
        "organisasi pemilik kinerja, menuju Menunggu persetujuan pejabat penilai. Keadaan: " +
        "Menunggu persetujuan pejabat penilai; Ditugaskan; Ditolak. Langkah: setujui oleh Pejabat " +
        "penilai kinerja (dari Menunggu persetujuan pejabat penilai ke Ditugaskan); tolak oleh " +
        "Pejabat penilai kinerja (dari Menunggu persetujuan pejabat penilai ke Ditolak, alasan wajib).",
    );
  });
  it("lists the agency kinds of the rules once and describes their structure", () => {
    const rules = [
      { kind: "mekanisme" as const, key: "penunjukan_dalam_unit", statement: "", items: [] },
      {
        kind: "struktur_penugasan" as const,
        key: "sekretariat_daerah",
        statement: "Sekretariat Daerah",
        items: ["Asisten menilai Kepala Bagian"],
      },
      { kind: "struktur_penugasan" as const, key: "uptd", statement: "UPTD", items: [] },
      {
        kind: "alur" as const,
        key: "sekretariat_daerah",
        statement: "Kepala Bagian > Asisten Daerah > Sekretaris Daerah",
        items: [],
      },
      { kind: "alur" as const, key: "sekolah", statement: "Kepala Sekolah", items: [] },
    ];
    expect(agencyKinds(rules)).toEqual(["sekretariat_daerah", "uptd", "sekolah"]);
    expect(structureAlt("Sekretariat Daerah", rules, "sekretariat_daerah")).toBe(
      "Bagan struktur penugasan dan alur peninjauan hasil Sekretariat Daerah. Peninjauan " +
        "berurutan: Kepala Bagian, Asisten Daerah, lalu Sekretaris Daerah yang menerima hasil. " +
        "Struktur penugasan: Asisten menilai Kepala Bagian.",
    );
    expect(structureAlt("Sekolah", rules, "sekolah")).toBe(
      "Bagan struktur penugasan dan alur peninjauan hasil Sekolah. Hasil ditinjau dan diterima " +
        "oleh Kepala Sekolah.",
    );
  });
});
