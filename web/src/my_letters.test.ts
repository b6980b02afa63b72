import { describe, expect, it } from "vitest";
import type { MyLetter } from "./api/letter_types";
import { groupMyLetters, myLetterLine } from "./my_letters";

const letter = (id: number, my_role: MyLetter["my_role"], status: MyLetter["status"]) =>
  ({ id, my_role, status }) as MyLetter;

describe("myLetterLine", () => {
  it("says the caller's part and a revocation", () => {
    expect(myLetterLine(letter(1, "penandatangan", "berlaku"))).toBe("Anda penanda tangan");
    expect(myLetterLine(letter(1, "penerima", "berlaku"))).toBe("Anda penerima");
    expect(myLetterLine(letter(1, "penerima", "dicabut"))).toBe(
      "Anda penerima · dicabut, tidak berlaku lagi",
    );
  });
});

describe("groupMyLetters", () => {
  it("keeps the order within each group", () => {
    const g = groupMyLetters([
      letter(9, "penerima", "berlaku"),
      letter(8, "penandatangan", "berlaku"),
      letter(7, "penerima", "dicabut"),
      letter(6, "penandatangan", "berlaku"),
    ]);
    expect(g.toSign.map((l) => l.id)).toEqual([8, 6]);
    expect(g.received.map((l) => l.id)).toEqual([9, 7]);
  });
});
