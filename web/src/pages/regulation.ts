import { api } from "../api/client";
import type { IkiTable, Regulation } from "../api/types";
import { renderArticleText } from "../article_text";
import { ikiTable } from "../iki";
import { h, replace } from "../dom";
import { formatDate, regulationName, severityLabel } from "../format";
import { paths } from "../router";
import {
  errorBox,
  facts,
  link,
  loading,
  pageHeading,
  regulationLink,
  section,
  severityBadge,
  statusBadge,
  table,
} from "../ui";
import { routeOf, type PageContext } from "./context";

export async function regulationPage(ctx: PageContext): Promise<void> {
  const { id, article } = routeOf(ctx, "regulation");
  const r = await api.regulation(id);
  if (!ctx.isCurrent()) return;

  const articles = h(
    "ul",
    { class: "articles" },
    r.articles.map((a) => {
      const body = h("div", { class: "article-body" });
      const details = h(
        "details",
        { id: `pasal-${a.id}`, "data-article-id": a.id },
        h(
          "summary",
          null,
          h("strong", null, a.label),
          a.path && a.path !== a.label ? h("span", { class: "muted small" }, ` · ${a.path}`) : null,
          h("span", { class: "muted small" }, ` · baris ${a.first_line}–${a.last_line}`),
        ),
        body,
      );
      let loaded = false;
      details.addEventListener("toggle", () => {
        if (!details.open || loaded) return;
        loaded = true;
        replace(body, loading("Memuat naskah…"));
        api.article(a.id).then(
          (full) => {
            replace(body, renderArticleText(full.text, full.first_line, a.label));
            showLineInView(body);
          },
          (err) => {
            loaded = false;
            replace(body, errorBox(err));
          },
        );
      });
      return h("li", null, details);
    }),
  );

  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      r.region ? [link(paths.region(r.region.id), r.region.name), " › "] : null,
      regulationName(r),
    ),
    pageHeading(regulationName(r), r.title ? `tentang ${r.title}` : undefined),
    h(
      "div",
      { class: "grid-2" },
      section(
        "Identitas",
        facts([
          ["Jenis", r.kind],
          ["Nomor", r.number || "(dikosongkan dalam naskah)"],
          ["Tahun", r.year ?? ""],
          ["Tentang", r.title],
          ["Tanggal penetapan", formatDate(r.date)],
          ["Daerah", r.region ? link(paths.region(r.region.id), r.region.name) : ""],
          ["Status", statusBlock(r)],
          ["Versi", r.versions.length > 1 ? versionList(r) : ""],
        ]),
      ),
      section(
        "Perangkat Daerah yang Dibentuk",
        r.agencies.length === 0
          ? h("p", { class: "muted" }, "Peraturan ini tidak membentuk perangkat daerah.")
          : h(
              "ul",
              { class: "plain-list" },
              r.agencies.map((a) => h("li", null, link(paths.agency(a.id), a.name))),
            ),
      ),
    ),
    section(
      `Pasal dan Bagian (${r.articles.length})`,
      h("p", { class: "muted small" }, "Pilih pasal untuk menampilkan naskahnya."),
      articles,
    ),
    ikiSection(r.iki ?? []),
    section(
      `Temuan Pemeriksaan Naskah (${r.findings.length})`,
      r.findings.length === 0
        ? h("p", { class: "muted" }, "Tidak ada temuan.")
        : table(
            ["Kode", "Tingkat", "Baris", "Pesan"],
            r.findings.map((f) => [
              h("code", null, f.code),
              severityBadge(f.severity, severityLabel(f.severity)),
              String(f.line),
              f.message,
            ]),
            "Temuan pemeriksaan naskah",
          ),
    ),
  );

  if (article) {
    const d = ctx.main.querySelector<HTMLDetailsElement>(
      `details[data-article-id="${CSS.escape(article)}"]`,
    );
    if (d) {
      d.open = true;
      d.classList.add("highlight");
      requestAnimationFrame(() => d.scrollIntoView({ block: "start" }));
    }
  }
}

/** The IKI tables the regulation writes, each under the position it belongs to. */
function ikiSection(tables: IkiTable[]): HTMLElement | null {
  if (tables.length === 0) return null;
  return section(
    `Indikator Kinerja Individu (${tables.length} tabel)`,
    tables.map((t) =>
      h(
        "div",
        { class: "iki-block", id: `iki-${t.id}` },
        h(
          "h3",
          null,
          t.position ? link(paths.position(t.position.id), t.position.title) : t.position_title,
        ),
        ikiTable(t, `IKI ${t.position?.title ?? t.position_title}`),
      ),
    ),
  );
}

/** The line the address points at ("#baris-122"), once its article is shown: in view, marked. */
function showLineInView(body: HTMLElement): void {
  const m = /^#baris-(\d+)$/.exec(location.hash);
  if (!m) return;
  const line = body.querySelector<HTMLElement>(`[data-line="${m[1]}"]`);
  if (!line) return;
  line.classList.add("line-target");
  requestAnimationFrame(() => line.scrollIntoView({ block: "center" }));
}

/** The stored versions of the regulation, this one not a link. */
function versionList(r: Regulation): HTMLElement {
  return h(
    "ol",
    { class: "plain-list", "aria-label": "Versi naskah" },
    r.versions.map((v) =>
      h(
        "li",
        null,
        v.id === r.id
          ? h("strong", null, `Versi ${v.version} (halaman ini)`)
          : link(paths.regulation(v.id), `Versi ${v.version}`),
        " ",
        statusBadge(v.status),
      ),
    ),
  );
}

function statusBlock(r: Regulation): HTMLElement {
  return h(
    "span",
    null,
    statusBadge(r.status),
    r.version > 1 ? h("span", { class: "block" }, `Versi ${r.version} (naskah perbaikan)`) : null,
    r.revoked_by
      ? h(
          "span",
          { class: "block" },
          r.status === "diganti_versi" ? "Diganti oleh versi baru: " : "Dicabut oleh ",
          regulationLink(r.revoked_by),
        )
      : null,
    r.revoked_articles.length
      ? h("span", { class: "block" }, `Bagian yang dicabut: ${r.revoked_articles.join(", ")}`)
      : null,
  );
}
