import { actingLabel, occupancyLines, occupantsOfKinds } from "../acting";
import { api } from "../api/client";
import type { Article, ArticleRef, Position } from "../api/types";
import { h, replace } from "../dom";
import { formatDate, formatNip, sentenceCase, workLevelLabel } from "../format";
import { paths } from "../router";
import { renderArticleText } from "../article_text";
import { ikiTable } from "../iki";
import { user } from "../session";
import { errorBox, facts, link, loading, pageHeading, section } from "../ui";
import { routeOf, type PageContext } from "./context";
import { positionEditLinks } from "./position_form";

export async function positionPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "position");
  const p = await api.position(id);
  if (!ctx.isCurrent()) return;

  const sourceCol = h(
    "aside",
    { class: "source-col", "aria-labelledby": "sumber-judul" },
    h("h2", { id: "sumber-judul" }, "Naskah Sumber"),
    loading("Memuat naskah pasal…"),
  );

  const sub = [p.kind, p.eselon ? `Eselon ${p.eselon}` : "", p.unit?.name ?? ""]
    .filter(Boolean)
    .join(" · ");
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      p.agency ? [link(paths.agency(p.agency.id), p.agency.name), " › "] : null,
      p.title,
    ),
    pageHeading(p.title, sub),
    positionEditLinks(p),
    h(
      "div",
      { class: "with-source" },
      h(
        "div",
        { class: "main-col" },
        section(
          "Identitas Jabatan",
          facts([
            ["Jenis jabatan", p.kind],
            ["Eselon", p.eselon],
            ["Kode jabatan", p.code],
            ["Perangkat daerah", p.agency ? link(paths.agency(p.agency.id), p.agency.name) : ""],
            ["Unit organisasi", p.unit?.name ?? ""],
            [
              "Atasan langsung",
              p.superior ? link(paths.position(p.superior.id), p.superior.title) : p.reports_to,
            ],
            ...(p.superior && p.reports_to
              ? [["Bertanggung jawab kepada", p.reports_to] as [string, string]]
              : []),
            ["Tingkat kerja", workLevelLabel(p.work_level)],
            [
              "Pejabat penilai kinerja",
              p.appraiser
                ? link(paths.position(p.appraiser.id), p.appraiser.title)
                : p.appraiser_outside,
            ],
            ["Pejabat yang mengangkat", p.appointing_authority],
          ]),
        ),
        holdersSection(p),
        section("Rumusan Tugas", h("p", null, p.summary ? sentenceCase(p.summary) : "—")),
        p.functions.length
          ? section(
              "Fungsi",
              h(
                "ol",
                { class: "letter-list" },
                p.functions.map((f) => h("li", null, f)),
              ),
            )
          : null,
        section(
          "Uraian Tugas",
          p.duties.length
            ? h(
                "ol",
                { class: "duties" },
                p.duties.map((d) => h("li", null, d)),
              )
            : h("p", { class: "muted" }, "Peraturan tidak memuat uraian tugas untuk jabatan ini."),
        ),
        ikiSection(p),
        p.subordinates.length
          ? section(
              "Bawahan Langsung",
              h(
                "ul",
                { class: "plain-list" },
                p.subordinates.map((s) =>
                  h(
                    "li",
                    null,
                    link(paths.position(s.id), s.title),
                    h("span", { class: "muted" }, ` · ${s.kind}`),
                  ),
                ),
              ),
            )
          : null,
      ),
      sourceCol,
    ),
  );

  const refs = uniqueArticles([p.source_article, p.duties_article]);
  if (refs.length === 0) {
    replace(
      sourceCol,
      h("h2", { id: "sumber-judul" }, "Naskah Sumber"),
      h("p", { class: "muted" }, "Tidak ada pasal sumber yang tercatat."),
    );
    return;
  }
  const results = await Promise.allSettled(refs.map((r) => api.article(r.id)));
  if (!ctx.isCurrent()) return;
  replace(
    sourceCol,
    h("h2", { id: "sumber-judul" }, "Naskah Sumber"),
    results.map((res, i) => {
      const ref = refs[i]!;
      const role =
        ref.id === p.source_article?.id && ref.id === p.duties_article?.id
          ? "Pembentukan dan uraian tugas"
          : ref.id === p.source_article?.id
            ? "Pembentukan jabatan"
            : "Uraian tugas";
      return articleBlock(
        ref,
        role,
        res.status === "fulfilled" ? res.value : null,
        res.status === "rejected" ? res.reason : null,
      );
    }),
  );
}

function uniqueArticles(refs: (ArticleRef | null)[]): ArticleRef[] {
  const seen = new Set<number>();
  const out: ArticleRef[] = [];
  for (const r of refs)
    if (r && !seen.has(r.id)) {
      seen.add(r.id);
      out.push(r);
    }
  return out;
}

function articleBlock(
  ref: ArticleRef,
  role: string,
  article: Article | null,
  err: unknown,
): HTMLElement {
  return h(
    "article",
    { class: "source-article" },
    h("h3", null, link(paths.regulation(ref.regulation_id, ref.id), ref.label)),
    h(
      "p",
      { class: "muted small" },
      role,
      article?.path ? ` · ${article.path}` : "",
      article ? ` · baris ${article.first_line}–${article.last_line}` : "",
    ),
    article ? renderArticleText(article.text, article.first_line, ref.label) : errorBox(err),
  );
}

/** The position's IKI tables (Indikator Kinerja Individu), each as a table. */
function ikiSection(p: Position): HTMLElement | null {
  const tables = p.iki ?? [];
  if (tables.length === 0) return null;
  return section(
    "Indikator Kinerja Individu (IKI)",
    tables.map((t) => ikiTable(t, `IKI ${p.title}`)),
  );
}

/** "Plt." / "Plh." with the definitive holder or the vacancy, for anyone (no names). */
function occupancyNote(p: Position): HTMLElement | null {
  const lines = occupancyLines(occupantsOfKinds(p.placement_kinds ?? []));
  if (!lines.some((l) => l.kind === "acting")) return null;
  return h(
    "p",
    { class: "occupancy" },
    lines.map((l) => h("span", { class: `occupancy-line is-${l.kind}` }, l.text)),
  );
}

function holdersSection(p: Position): HTMLElement {
  const signedIn = user() !== null;
  if (p.holders === null || !signedIn) {
    return section(
      "Pemangku Jabatan",
      h(
        "p",
        null,
        h(
          "span",
          { class: `badge ${p.vacant ? "vacant" : "filled"}` },
          p.vacant ? "Lowong" : "Terisi",
        ),
      ),
      occupancyNote(p),
      h(
        "p",
        { class: "muted small" },
        "Nama pemangku jabatan hanya tampil bagi pengguna yang sudah masuk.",
      ),
    );
  }
  if (p.holders.length === 0) {
    return section(
      "Pemangku Jabatan",
      h("p", null, h("span", { class: "badge vacant" }, "Lowong")),
    );
  }
  const definitive = p.holders.find((x) => !actingLabel(x.placement_kind));
  return section(
    "Pemangku Jabatan",
    h(
      "ul",
      { class: "holders" },
      p.holders.map((x) =>
        h(
          "li",
          null,
          actingLabel(x.placement_kind)
            ? h("span", { class: "badge acting" }, actingLabel(x.placement_kind))
            : null,
          actingLabel(x.placement_kind) ? " " : null,
          link(paths.employee(x.employee_id), x.name),
          actingLabel(x.placement_kind)
            ? h(
                "span",
                { class: "muted small block" },
                definitive
                  ? [
                      "Pejabat definitif: ",
                      link(paths.employee(definitive.employee_id), definitive.name),
                    ]
                  : "Pejabat definitif: lowong",
              )
            : null,
          h(
            "span",
            { class: "muted small block" },
            `NIP ${formatNip(x.nip)}`,
            x.rank ? ` · ${x.rank}` : "",
            x.start ? ` · TMT ${formatDate(x.start)}` : "",
          ),
        ),
      ),
    ),
  );
}
