// Issue 12 item 6: the letter pages' routes and their pure decisions.
import { describe, expect, it } from "vitest";
import { parseRoute, paths } from "./router";
import { verdict } from "./pages/verification";
import { mayRevoke } from "./pages/letter";

describe("letter routes", () => {
  it("parses and builds the letter and verification paths", () => {
    expect(parseRoute("/surat/12")).toEqual({ name: "letter", id: "12" });
    const token = "I-j4SqaV6r6Y4tl_FbjDEtNwdCHHpSzUTS6kiW183Io";
    expect(parseRoute(`/verifikasi/${token}`)).toEqual({ name: "verification", token });
    expect(paths.verification(token)).toBe(`/verifikasi/${token}`);
    expect(paths.letter(7)).toBe("/surat/7");
    expect(parseRoute("/verifikasi/a b").name).toBe("notFound");
  });
});

describe("verification verdict", () => {
  it("says genuine and in force, or revoked with the date", () => {
    expect(verdict({ in_force: true, revoked_on: null })).toEqual({
      tone: "ok",
      text: "Surat ini asli dan masih berlaku.",
    });
    expect(verdict({ in_force: false, revoked_on: "2026-03-05" }).text).toBe(
      "Surat ini asli, tetapi sudah dicabut pada 5 Maret 2026.",
    );
  });
});

describe("revocation form", () => {
  const letter = { status: "berlaku" as const, signatory: { employee_id: 5 } as never };
  it("is shown to the signatory and administrators of a letter in force", () => {
    expect(mayRevoke({ role: "pegawai", employee_id: 5 }, letter)).toBe(true);
    expect(mayRevoke({ role: "administrator", employee_id: null }, letter)).toBe(true);
    expect(mayRevoke({ role: "pegawai", employee_id: 6 }, letter)).toBe(false);
    expect(mayRevoke(null, letter)).toBe(false);
    expect(
      mayRevoke({ role: "administrator", employee_id: null }, { ...letter, status: "dicabut" }),
    ).toBe(false);
  });
});
