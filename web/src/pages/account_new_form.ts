// "Buat akun" on the administrator's account list (POST /users): the user name, the name shown,
// the first password (with the guidance of "Akun saya"), the role, the employee the account is
// linked to and the address its notifications are copied to. The form checks what it can
// (account_form.ts); the server judges the password and refuses a name already taken, shown at
// the field it names.
import { api, retryWhenBusy } from "../api/client";
import type { Account } from "../api/types";
import {
  ACCOUNT_ROLES,
  accountBody,
  accountFormProblems,
  type AccountField,
} from "../account_form";
import { h, replace } from "../dom";
import { emailDeliveryHint } from "../email";
import { MIN_PASSWORD_LENGTH } from "../password";
import { emailDelivery } from "../session";
import { employeeChooser } from "./assignment";
import { field, FormState, select, textInput, type Field } from "./form_kit";

function passwordInput(): HTMLInputElement {
  return h("input", {
    type: "password",
    autocomplete: "new-password",
    required: true,
    maxlength: 1024,
    minlength: MIN_PASSWORD_LENGTH,
  });
}

/** The form; `created` is told the new account once the server has made it. */
export function accountNewForm(created: (a: Account) => Promise<void> | void): HTMLElement {
  const username = field(
    "username",
    "Nama pengguna",
    textInput("", { maxlength: 64, autocapitalize: "none", spellcheck: "false", required: true }),
    "3 sampai 64 karakter: huruf kecil a-z, angka 0-9, titik, garis bawah atau tanda hubung.",
  );
  const displayName = field(
    "display_name",
    "Nama tampilan (pilihan)",
    textInput("", { maxlength: 200 }),
    "Kosongkan: nama pengguna yang ditampilkan.",
  );
  const password = field(
    "password",
    "Kata sandi awal",
    passwordInput(),
    `Paling sedikit ${MIN_PASSWORD_LENGTH} karakter. Tidak perlu huruf besar, angka, atau simbol; ` +
      "kalimat pendek yang mudah diingat lebih baik daripada kata yang umum. Sampaikan kepada " +
      "pemilik akun secara langsung; ia dapat menggantinya di Akun saya.",
  );
  const repeat = field("repeat", "Ulangi kata sandi awal", passwordInput());
  const role = field(
    "role",
    "Peran",
    select(ACCOUNT_ROLES, "pegawai"),
    "Admin registri hanya mengubah registri dalam cakupan daerah atau perangkat daerahnya.",
  );
  const employee = employeeChooser("employee_id", "Pegawai yang ditautkan (pilihan)", null);
  const email = field(
    "email",
    "Alamat e-mail (pilihan)",
    textInput("", {
      type: "email",
      autocomplete: "off",
      inputmode: "email",
      maxlength: 254,
      spellcheck: "false",
    }),
    emailDeliveryHint(emailDelivery()),
  );
  const fields: Field[] = [username, displayName, password, repeat, role, employee, email];
  const submit = h("button", { type: "submit", class: "button" }, "Buat akun");
  const state = new FormState(fields, submit);
  const form = h(
    "form",
    {
      class: "card form registry-form account-new",
      "aria-labelledby": "buat-akun-judul",
      novalidate: true,
    },
    h("h2", { id: "buat-akun-judul" }, "Buat akun"),
    username.row,
    displayName.row,
    password.row,
    repeat.row,
    role.row,
    employee.search,
    employee.row,
    email.row,
    state.message,
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const input = {
      username: username.control.value,
      displayName: displayName.control.value,
      password: password.control.value,
      repeat: repeat.control.value,
      role: role.control.value,
      employeeId: employee.control.value,
      email: email.control.value,
    };
    const byName = (n: AccountField) => fields.find((f) => f.name === n)!;
    const problems = accountFormProblems(input).map(([n, m]) => [byName(n), m] as [Field, string]);
    if (state.refuse(problems)) return;
    void state.send(
      () => retryWhenBusy(() => api.createUser(accountBody(input))),
      async (a) => {
        for (const f of [username, displayName, password, repeat, email]) f.control.value = "";
        role.control.value = "pegawai";
        replace(employee.control, h("option", { value: "" }, "Cari pegawai terlebih dahulu"));
        for (const el of employee.search.querySelectorAll("input, [role=status]")) {
          if (el instanceof HTMLInputElement) el.value = "";
          else el.textContent = "";
        }
        replace(
          state.message,
          h(
            "p",
            { class: "alert success", role: "status" },
            `Akun ${a.username} dibuat${a.employee_id !== null ? " dan ditautkan ke pegawainya" : ""}.`,
          ),
        );
        await created(a);
      },
    );
  });
  return form;
}
