// Small building blocks shared by the pages.
import { ApiError } from "./api/client";
import type { RegulationRef } from "./api/types";
import { h, type Child } from "./dom";
import { formatDate, regulationName, statusLabel } from "./format";
import { paths } from "./router";

export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { href }, ...children);
}

/** The page heading; focused after navigation so screen readers announce the new page. */
export function pageHeading(text: string, sub?: Child): HTMLElement {
  document.title = `${text} — Tatakerja`;
  return h(
    "header",
    { class: "page-head" },
    h("h1", { tabindex: -1 }, text),
    sub ? h("p", { class: "page-sub" }, sub) : null,
  );
}

export function loading(text = "Memuat…"): HTMLElement {
  return h("p", { class: "loading", role: "status" }, text);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return "Terjadi kesalahan yang tidak terduga. Muat ulang halaman ini.";
}

export function errorBox(err: unknown): HTMLElement {
  return h("div", { class: "alert error", role: "alert" }, errorMessage(err));
}

export function statusBadge(status: string): HTMLElement {
  return h(
    "span",
    { class: `badge status-${status.replace(/[^a-z_]/g, "")}` },
    statusLabel(status),
  );
}

export function severityBadge(severity: string, label: string): HTMLElement {
  return h("span", { class: `badge sev-${severity.replace(/[^a-z]/g, "")}` }, label);
}

/** "Peraturan Gubernur Nomor 77 Tahun 2023 tentang …" as a link to the regulation page. */
export function regulationLink(r: RegulationRef, withStatus = false): HTMLElement {
  return h(
    "span",
    { class: "reg-ref" },
    link(paths.regulation(r.id), regulationName(r)),
    r.title ? ` tentang ${r.title}` : "",
    r.date ? h("span", { class: "muted" }, ` (${formatDate(r.date)})`) : null,
    withStatus ? [" ", statusBadge(r.status)] : null,
  );
}

/** A structural change's before or after: several duties (one per line) as a list, "—" for none. */
export function changeValue(text: string): Child {
  if (!text) return "—";
  const lines = text.split("\n");
  return lines.length === 1
    ? text
    : h(
        "ul",
        { class: "plain-list" },
        lines.map((l) => h("li", null, l)),
      );
}

/** A definition list from [term, value] rows; rows with an empty value are left out. */
export function facts(rows: [string, Child][]): HTMLDListElement {
  const dl = h("dl", { class: "facts" });
  for (const [term, value] of rows) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    dl.appendChild(h("div", null, h("dt", null, term), h("dd", null, value)));
  }
  return dl;
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", null, title), ...children);
}

/** A section whose reading the server refused: `forbidden` (who may read it) on 403, else the error. */
export function refusedSection(title: string, err: unknown, forbidden: string): HTMLElement {
  if (err instanceof ApiError && err.status === 403)
    return section(title, h("p", { class: "muted" }, forbidden));
  return section(title, h("div", { class: "alert error", role: "alert" }, errorMessage(err)));
}

export function signInPrompt(next: string, what: string): HTMLElement {
  return h(
    "div",
    { class: "alert info signin-prompt" },
    h("p", null, `${what} hanya dapat dilihat oleh pengguna yang sudah masuk.`),
    h("p", null, h("a", { href: paths.login(next), class: "button" }, "Masuk untuk melanjutkan")),
  );
}

/** A table that scrolls sideways inside its own box on narrow screens. */
export function table(headers: string[], rows: Child[][], caption?: string): HTMLElement {
  return h(
    "div",
    {
      class: "table-wrap",
      tabindex: 0,
      role: "region",
      "aria-label": caption ?? headers.join(", "),
    },
    h(
      "table",
      null,
      caption ? h("caption", { class: "visually-hidden" }, caption) : null,
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          headers.map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      h(
        "tbody",
        null,
        rows.map((r) =>
          h(
            "tr",
            null,
            r.map((c) => h("td", null, c)),
          ),
        ),
      ),
    ),
  );
}

export function pager(
  offset: number,
  limit: number,
  total: number,
  hrefOf: (page: number) => string,
): HTMLElement | null {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return h(
    "nav",
    { class: "pager", "aria-label": "Halaman" },
    page > 1
      ? h("a", { href: hrefOf(page - 1), class: "button secondary", rel: "prev" }, "‹ Sebelumnya")
      : null,
    h("span", null, `Halaman ${page} dari ${pages}`),
    page < pages
      ? h("a", { href: hrefOf(page + 1), class: "button secondary", rel: "next" }, "Berikutnya ›")
      : null,
  );
}

/** Why a page cannot act for an account that is linked to no employee: "Akun ini tidak terhubung
 * dengan data pegawai, sehingga <consequence>." */
export function noEmployeeNotice(consequence: string): HTMLElement {
  return h(
    "div",
    { class: "alert info" },
    `Akun ini tidak terhubung dengan data pegawai, sehingga ${consequence}.`,
  );
}
