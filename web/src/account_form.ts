// What the administrator's form that makes an account (POST /users) decides before asking the
// server: the user name's shape, the password typed twice alike and long enough, a known role,
// the e-mail address (email.ts). Pure (unit-tested); the server judges the password itself
// (common passwords, patterns: docs/api.md, "Passwords") and refuses a name already taken.
import { emailProblem } from "./email";
import { MIN_PASSWORD_LENGTH, passwordLength } from "./password";

export const ACCOUNT_ROLES: [string, string][] = [
  ["pegawai", "Pegawai — membaca registri, pekerjaannya sendiri"],
  ["admin_registri", "Admin registri — mengubah registri dalam cakupannya"],
  ["administrator", "Administrator — semua, termasuk akun"],
];

export interface AccountFormInput {
  username: string;
  displayName: string;
  password: string;
  repeat: string;
  role: string;
  employeeId: string;
  email: string;
}

export type AccountField = "username" | "display_name" | "password" | "repeat" | "role" | "email";

/** Each field's problem (empty: none). */
export function accountFormProblems(f: AccountFormInput): [AccountField, string][] {
  const out: [AccountField, string][] = [];
  const name = f.username.trim();
  if (!/^[a-z0-9._-]{3,64}$/.test(name))
    out.push([
      "username",
      "Nama pengguna harus 3 sampai 64 karakter: huruf kecil a-z, angka 0-9, titik, garis bawah atau tanda hubung.",
    ]);
  if (f.displayName.trim().length > 200)
    out.push(["display_name", "Nama tampilan paling banyak 200 karakter."]);
  if (passwordLength(f.password) < MIN_PASSWORD_LENGTH)
    out.push([
      "password",
      `Kata sandi terlalu pendek: paling sedikit ${MIN_PASSWORD_LENGTH} karakter.`,
    ]);
  else if (f.password !== f.repeat) out.push(["repeat", "Ulangan kata sandi tidak sama."]);
  if (!ACCOUNT_ROLES.some(([r]) => r === f.role)) out.push(["role", "Pilih peran akun."]);
  const mail = emailProblem(f.email);
  if (mail) out.push(["email", mail]);
  return out;
}

/** The body of POST /users. */
export function accountBody(f: AccountFormInput): {
  username: string;
  display_name: string;
  password: string;
  role: string;
  employee_id?: number;
  email?: string;
} {
  const body: ReturnType<typeof accountBody> = {
    username: f.username.trim(),
    display_name: f.displayName.trim(),
    password: f.password,
    role: f.role,
  };
  if (f.employeeId) body.employee_id = Number(f.employeeId);
  if (f.email.trim()) body.email = f.email.trim();
  return body;
}

/** The page of the account list (by user name, `perPage` a page) on which `username` stands. */
export function pageOfAccount(usernames: string[], username: string, perPage: number): number {
  const i = usernames.indexOf(username);
  return i < 0 ? 1 : Math.floor(i / perPage) + 1;
}
