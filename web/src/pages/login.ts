import { ApiError } from "../api/client";
import { h, replace } from "../dom";
import { roleLabel } from "../format";
import { paths } from "../router";
import { signIn, user } from "../session";
import { errorMessage, link, pageHeading } from "../ui";
import { routeOf, type PageContext } from "./context";

export async function loginPage(ctx: PageContext): Promise<void> {
  const { next } = routeOf(ctx, "login");
  const current = user();
  if (current) {
    replace(
      ctx.main,
      pageHeading("Masuk"),
      h(
        "p",
        null,
        `Anda sudah masuk sebagai ${current.display_name || current.username} (${roleLabel(current.role)}). `,
        link(next, "Lanjutkan"),
        ".",
      ),
    );
    return;
  }
  const username = h("input", {
    id: "nama-pengguna",
    name: "username",
    autocomplete: "username",
    required: true,
    autocapitalize: "none",
    spellcheck: "false",
  });
  const password = h("input", {
    id: "kata-sandi",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const message = h("div", { class: "form-message", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "button" }, "Masuk");
  const form = h(
    "form",
    { class: "card narrow form" },
    h("div", { class: "field" }, h("label", { for: "nama-pengguna" }, "Nama pengguna"), username),
    h("div", { class: "field" }, h("label", { for: "kata-sandi" }, "Kata sandi"), password),
    message,
    submit,
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    replace(message);
    submit.disabled = true;
    submit.textContent = "Memproses…";
    try {
      await signIn(username.value.trim(), password.value);
      ctx.navigate(next === paths.login() ? paths.home() : next, { replace: true });
    } catch (e) {
      const text =
        e instanceof ApiError && e.code === "RATE_LIMITED" ? `${e.message}` : errorMessage(e);
      replace(message, h("p", { class: "alert error", role: "alert" }, text));
      password.value = "";
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = "Masuk";
    }
  });
  replace(
    ctx.main,
    pageHeading("Masuk", "Masuk untuk melihat data pegawai dan pemangku jabatan."),
    form,
  );
}
