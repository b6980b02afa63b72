// "Surat saya" on "Pekerjaan saya": how each of the caller's letters is described (pure).
import type { MyLetter } from "./api/letter_types";

/** "Anda penanda tangan" / "Anda penerima" and, when revoked, that it is no longer in force. */
export function myLetterLine(l: Pick<MyLetter, "my_role" | "status">): string {
  const role = l.my_role === "penandatangan" ? "Anda penanda tangan" : "Anda penerima";
  return l.status === "dicabut" ? `${role} · dicabut, tidak berlaku lagi` : role;
}

/** The letters to sign first (the signatory's), then those received; each group newest first. */
export function groupMyLetters(items: MyLetter[]): { toSign: MyLetter[]; received: MyLetter[] } {
  return {
    toSign: items.filter((l) => l.my_role === "penandatangan"),
    received: items.filter((l) => l.my_role === "penerima"),
  };
}
