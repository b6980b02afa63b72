// What the password form decides before and after asking the server (pure; unit-tested). The
// server alone judges the new password (length, common passwords, patterns: docs/api.md,
// "Passwords"); the form only checks that it was typed twice alike and says which field a refusal
// is about.

/** The shortest password the server accepts (kept in step with kMinPasswordLength). */
export const MIN_PASSWORD_LENGTH = 10;

/** A message when the form cannot be sent as it is; null when it can. */
export function passwordFormProblem(current: string, next: string, repeat: string): string | null {
  if (!current) return "Isi kata sandi saat ini.";
  if (!next) return "Isi kata sandi baru.";
  if (next !== repeat) return "Ulangan kata sandi baru tidak sama.";
  if (next === current) return "Kata sandi baru harus berbeda dari kata sandi saat ini.";
  return null;
}

/** The form field a refusal names: "current" for the current password, "new" for the new one. */
export function passwordFieldOf(
  field: string | null | undefined,
  code: string,
): "current" | "new" | null {
  if (field === "current_password" || code === "CURRENT_PASSWORD_WRONG") return "current";
  if (field === "new_password" || code.startsWith("PASSWORD_")) return "new";
  return null;
}

/** How many characters a password has, as the server counts them (code points). */
export function passwordLength(s: string): number {
  return Array.from(s).length;
}

/** A sentence on how many sessions ended. */
export function sessionsEndedText(n: number): string {
  if (n <= 0) return "Tidak ada sesi lain yang perlu diakhiri.";
  return `${n} sesi lain telah diakhiri.`;
}
