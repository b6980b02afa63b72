import { describe, expect, it } from "vitest";
import {
  passwordFieldOf,
  passwordFormProblem,
  passwordLength,
  sessionsEndedText,
} from "./password";

describe("passwordFormProblem", () => {
  it("asks for every field and the same new password twice", () => {
    expect(passwordFormProblem("", "kuda-lari-di-pantai", "kuda-lari-di-pantai")).toMatch(
      /saat ini/,
    );
    expect(passwordFormProblem("lama-sekali-1", "", "")).toMatch(/baru/);
    expect(
      passwordFormProblem("lama-sekali-1", "kuda-lari-di-pantai", "kuda-lari-di-pantaI"),
    ).toMatch(/tidak sama/);
    expect(passwordFormProblem("sama-saja-123", "sama-saja-123", "sama-saja-123")).toMatch(
      /berbeda/,
    );
    expect(passwordFormProblem("lama-sekali-1", "kuda-lari-di-pantai", "kuda-lari-di-pantai")).toBe(
      null,
    );
  });
  it("leaves the rules to the server", () => {
    expect(passwordFormProblem("lama-sekali-1", "aaaaaaaaaa", "aaaaaaaaaa")).toBe(null);
  });
});

describe("passwordFieldOf", () => {
  it("names the field a refusal is about", () => {
    expect(passwordFieldOf("current_password", "CURRENT_PASSWORD_WRONG")).toBe("current");
    expect(passwordFieldOf(null, "CURRENT_PASSWORD_WRONG")).toBe("current");
    expect(passwordFieldOf("new_password", "PASSWORD_TOO_COMMON")).toBe("new");
    expect(passwordFieldOf(null, "PASSWORD_TOO_SHORT")).toBe("new");
    expect(passwordFieldOf(null, "RATE_LIMITED")).toBe(null);
  });
});

describe("passwordLength", () => {
  it("counts characters, not UTF-16 units", () => {
    expect(passwordLength("abc")).toBe(3);
    expect(passwordLength("é😀")).toBe(2);
  });
});

describe("sessionsEndedText", () => {
  it("says how many ended", () => {
    expect(sessionsEndedText(0)).toMatch(/Tidak ada/);
    expect(sessionsEndedText(2)).toBe("2 sesi lain telah diakhiri.");
  });
});
