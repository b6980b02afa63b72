// "Akun saya": the signed-in user sets the address their notifications are copied to, changes
// their password and sees and ends their own sessions.
import { api, ApiError, retryWhenBusy } from "../api/client";
import type { SessionInfo } from "../api/types";
import { h, replace } from "../dom";
import { formatTimestamp, roleLabel } from "../format";
import {
  MIN_PASSWORD_LENGTH,
  passwordFieldOf,
  passwordFormProblem,
  sessionsEndedText,
} from "../password";
import { paths } from "../router";
import { loadSession, user } from "../session";
import {
  errorBox,
  errorMessage,
  facts,
  loading,
  pageHeading,
  section,
  signInPrompt,
  table,
} from "../ui";
import { routeOf, type PageContext } from "./context";
import { emailForm } from "./email_form";

export async function accountPage(ctx: PageContext): Promise<void> {
  routeOf(ctx, "account");
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading("Akun saya"), signInPrompt(paths.account(), "Halaman ini"));
    return;
  }
  const sessions = h("div", { "aria-live": "polite" });
  replace(
    ctx.main,
    pageHeading("Akun saya", "Alamat e-mail, kata sandi dan sesi masuk Anda."),
    section(
      "Akun",
      facts([
        ["Nama pengguna", u.username],
        ["Nama", u.display_name],
        ["Peran", roleLabel(u.role)],
      ]),
    ),
    section(
      "E-mail pemberitahuan",
      emailForm(
        "",
        u.email ?? "",
        (email) => api.setOwnEmail(email),
        () => void loadSession(),
      ),
    ),
    passwordForm(ctx, () => void showSessions(ctx, sessions)),
    section("Sesi masuk", sessions),
  );
  await showSessions(ctx, sessions);
}

function passwordInput(id: string, autocomplete: string): HTMLInputElement {
  return h("input", {
    id,
    type: "password",
    autocomplete,
    required: true,
    maxlength: 1024,
  });
}

function passwordForm(ctx: PageContext, afterChange: () => void): HTMLElement {
  const current = passwordInput("sandi-lama", "current-password");
  const next = passwordInput("sandi-baru", "new-password");
  next.setAttribute("minlength", String(MIN_PASSWORD_LENGTH));
  next.setAttribute("aria-describedby", "sandi-baru-bantuan");
  const repeat = passwordInput("sandi-ulang", "new-password");
  const message = h("div", { class: "form-message", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: "button" }, "Ganti kata sandi");
  const form = h(
    "form",
    { class: "card narrow form", "aria-labelledby": "ganti-sandi-judul" },
    h("h2", { id: "ganti-sandi-judul" }, "Ganti kata sandi"),
    h("div", { class: "field" }, h("label", { for: "sandi-lama" }, "Kata sandi saat ini"), current),
    h(
      "div",
      { class: "field" },
      h("label", { for: "sandi-baru" }, "Kata sandi baru"),
      next,
      h(
        "p",
        { id: "sandi-baru-bantuan", class: "muted small" },
        `Paling sedikit ${MIN_PASSWORD_LENGTH} karakter. Tidak perlu huruf besar, angka, atau ` +
          "simbol; kalimat pendek yang mudah Anda ingat lebih baik daripada kata yang umum. " +
          "Sesi Anda di perangkat lain akan diakhiri.",
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "sandi-ulang" }, "Ulangi kata sandi baru"),
      repeat,
    ),
    message,
    submit,
  );
  const say = (kind: "error" | "success", text: string) =>
    replace(
      message,
      h("p", { class: `alert ${kind}`, role: kind === "error" ? "alert" : "status" }, text),
    );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    for (const input of [current, next, repeat]) input.removeAttribute("aria-invalid");
    const problem = passwordFormProblem(current.value, next.value, repeat.value);
    if (problem) {
      say("error", problem);
      (next.value !== repeat.value ? repeat : current.value ? next : current).focus();
      return;
    }
    submit.disabled = true;
    replace(message, loading("Menyimpan…"));
    try {
      const r = await retryWhenBusy(() => api.changePassword(current.value, next.value));
      if (!ctx.isCurrent()) return;
      form.reset();
      say("success", `Kata sandi sudah diganti. ${sessionsEndedText(r.sessions_ended)}`);
      await loadSession();
      afterChange();
    } catch (e) {
      // The server's own message says why (too short, too common, the current one wrong, ...).
      say("error", errorMessage(e));
      const field = e instanceof ApiError ? passwordFieldOf(e.field, e.code) : null;
      const input = field === "current" ? current : field === "new" ? next : null;
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

async function showSessions(ctx: PageContext, box: HTMLElement): Promise<void> {
  replace(box, loading());
  let list;
  try {
    list = await api.sessions();
  } catch (e) {
    replace(box, errorBox(e));
    return;
  }
  if (!ctx.isCurrent()) return;
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const row = (s: SessionInfo) => {
    const end = h(
      "button",
      { type: "button", class: "button secondary" },
      s.current ? "Keluar dari sesi ini" : "Akhiri",
    );
    end.addEventListener("click", async () => {
      end.disabled = true;
      try {
        await api.endSession(s.id);
        if (s.current) {
          await loadSession();
          ctx.navigate(paths.login(paths.account()), { replace: true });
          return;
        }
        await showSessions(ctx, box);
      } catch (e) {
        end.disabled = false;
        replace(message, errorBox(e));
      }
    });
    return [
      s.created_at ? h("span", { class: "nowrap" }, formatTimestamp(s.created_at)) : "—",
      s.client_address || "—",
      h("span", { class: "nowrap" }, formatTimestamp(s.expires_at)),
      s.current ? h("strong", null, "Sesi ini") : "Perangkat lain",
      end,
    ];
  };
  replace(
    box,
    h(
      "p",
      { class: "muted" },
      "Setiap kali Anda masuk dari peramban atau perangkat, satu sesi dimulai. Akhiri sesi yang " +
        "tidak Anda kenali, lalu ganti kata sandi.",
    ),
    table(
      ["Mulai", "Alamat", "Berakhir", "Keterangan", "Tindakan"],
      list.items.map(row),
      "Sesi masuk Anda",
    ),
    message,
  );
}
