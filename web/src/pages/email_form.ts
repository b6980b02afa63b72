// The form that sets the address an account's notifications are copied to: on "Akun saya" for
// one's own (PUT /auth/email) and on the administrator's account list for another's
// (PUT /users/{id}/email). The form checks the address first (email.ts); the server's refusal is
// shown at the field in its own words.
import { h } from "../dom";
import { emailDeliveryHint, emailProblem } from "../email";
import { emailDelivery } from "../session";
import { field, FormState, textInput } from "./form_kit";

export function emailForm(
  idPrefix: string,
  current: string,
  save: (email: string) => Promise<{ email: string }>,
  saved: (email: string) => void,
): HTMLFormElement {
  const input = textInput(current, {
    type: "email",
    autocomplete: "email",
    inputmode: "email",
    maxlength: 254,
    spellcheck: "false",
  });
  const f = field(
    `${idPrefix}email`,
    "Alamat e-mail",
    input,
    `${emailDeliveryHint(emailDelivery())} Kosongkan untuk berhenti menerimanya.`,
  );
  f.name = "email";
  const submit = h("button", { type: "submit", class: "button" }, "Simpan alamat");
  const state = new FormState([f], submit);
  const form = h("form", { class: "form", novalidate: true }, f.row, state.message, submit);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = input.value.trim();
    if (state.refuse([[f, emailProblem(value)]])) return;
    void state.send(
      () => save(value),
      (r) => {
        input.value = r.email;
        state.message.replaceChildren(
          h(
            "p",
            { class: "alert success", role: "status" },
            r.email ? `Alamat e-mail disimpan: ${r.email}.` : "Alamat e-mail dihapus.",
          ),
        );
        saved(r.email);
      },
    );
  });
  return form;
}
