import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./api/types";
import { auditChanges, auditSentence, auditSentenceText, auditSubject } from "./audit_entry";

function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: "2026-12-03T10:00:00Z",
    username: "organisasi",
    action: "update",
    entity: "position",
    entity_id: "12",
    before: null,
    after: null,
    subject: null,
    names: {},
    hash: null,
    ...over,
  };
}

describe("auditSentence", () => {
  it("names what changed and links it to its page", () => {
    const e = entry({ subject: { id: 12, name: "Kepala Bidang Mutasi", agency_id: 3 } });
    expect(auditSentenceText(e)).toBe("organisasi mengubah jabatan Kepala Bidang Mutasi");
    expect(auditSentence(e).at(-1)).toEqual({ text: "Kepala Bidang Mutasi", href: "/jabatan/12" });
  });
  it("says a placement as the person in the position, linked to the person", () => {
    const e = entry({
      action: "create",
      entity: "placement",
      entity_id: "104",
      subject: {
        id: 104,
        name: "Melkianus Riwu Kaho",
        employee_id: 78,
        position_id: 24,
        position_title: "Kepala Sub Bagian Keuangan",
      },
    });
    expect(auditSentenceText(e)).toBe(
      "organisasi menambahkan penempatan Melkianus Riwu Kaho sebagai Kepala Sub Bagian Keuangan",
    );
    expect(auditSubject(e)?.href).toBe("/pegawai/78");
    expect(auditSentenceText(e)).not.toContain("#104");
  });
  it("links a unit to its page and an account without a page", () => {
    const unit = entry({ action: "move", entity: "unit", subject: { id: 5, name: "Bidang A" } });
    expect(auditSentenceText(unit)).toBe("organisasi memindahkan unit organisasi Bidang A");
    expect(auditSubject(unit)?.href).toBe("/unit/5");
    const user = entry({
      username: "admin",
      action: "disable",
      entity: "user",
      subject: { id: 4, name: "Budi", username: "budi" },
    });
    expect(auditSentenceText(user)).toBe("admin menonaktifkan akun Budi (budi)");
    expect(auditSubject(user)?.href).toBeUndefined();
  });
  it("says a sign-in without an object", () => {
    const e = entry({ action: "sign_in", entity: "user", after: { client_address: "10.0.0.1" } });
    expect(auditSentenceText(e)).toBe("organisasi masuk");
  });
  it("names the work system's records in Indonesian words", () => {
    const said = (entity: string, action = "create") =>
      auditSentenceText(entry({ action, entity, entity_id: "5" }));
    expect(said("holiday")).toBe("organisasi menambahkan hari libur");
    expect(said("activity", "update")).toBe("organisasi mengubah kegiatan");
    expect(said("report_request")).toBe("organisasi menambahkan permintaan laporan");
  });
  it("falls back to the recorded name when the record is gone", () => {
    const e = entry({ action: "create", entity: "employee", after: { name: "Siti Uji" } });
    expect(auditSentenceText(e)).toBe("organisasi menambahkan data pegawai Siti Uji");
  });
});

describe("auditChanges", () => {
  it("lists only the fields that changed, before → after, with ids named and linked", () => {
    const e = entry({
      before: { id: 12, title: "Kepala Seksi A", superior_id: 3, eselon: "IV.a" },
      after: { id: 12, title: "Kepala Seksi B", superior_id: 4, eselon: "IV.a" },
      names: { "position/3": "Kepala Bidang Lama", "position/4": "Kepala Bidang Baru" },
    });
    expect(auditChanges(e)).toEqual([
      {
        field: "title",
        label: "Nama jabatan",
        before: { text: "Kepala Seksi A" },
        after: { text: "Kepala Seksi B" },
      },
      {
        field: "superior_id",
        label: "Atasan langsung",
        before: { text: "Kepala Bidang Lama", href: "/jabatan/3" },
        after: { text: "Kepala Bidang Baru", href: "/jabatan/4" },
      },
    ]);
  });
  it("shows every field of a record added, in Indonesian words", () => {
    const e = entry({
      action: "create",
      entity: "placement",
      after: {
        id: 104,
        employee_id: 78,
        position_id: 24,
        kind: "plt",
        start: "2026-01-05",
        end: null,
      },
      names: { "employee/78": "Melkianus Riwu Kaho" },
    });
    const changes = auditChanges(e);
    expect(changes.map((c) => c.label)).toEqual([
      "Pegawai",
      "Jabatan",
      "Jenis penempatan",
      "Mulai (TMT)",
      "Selesai",
    ]);
    expect(changes[0]!.after).toEqual({ text: "Melkianus Riwu Kaho", href: "/pegawai/78" });
    expect(changes[1]!.after).toEqual({ text: "#24", href: "/jabatan/24" });
    expect(changes[2]!.after.text).toBe("Plt.");
    expect(changes[3]!.after.text).toBe("5 Januari 2026");
    expect(changes[3]!.before.text).toBe("—");
    expect(changes[4]!.after.text).toBe("—");
  });
  it("writes booleans, roles and lists in words, and has nothing for an empty entry", () => {
    const e = entry({
      action: "disable",
      entity: "user",
      before: { id: 4, active: true, role: "admin_registri" },
      after: { id: 4, active: false, role: "admin_registri" },
    });
    expect(auditChanges(e)).toEqual([
      { field: "active", label: "Aktif", before: { text: "ya" }, after: { text: "tidak" } },
    ]);
    const people = entry({
      action: "import",
      entity: "people",
      subject: { id: 4, name: "Badan Kepegawaian" },
    });
    expect(auditSentence(people)[3]).toEqual({
      text: "Badan Kepegawaian",
      href: "/perangkat-daerah/4",
    });
    const imported = entry({ action: "import", entity: "regulation", after: { revoked: [1, 2] } });
    expect(auditChanges(imported)[0]!.after.text).toBe("2 butir");
    expect(auditChanges(entry({}))).toEqual([]);
  });
});
