// The work system (issue 12): a region's rules ("Sistem kerja"), each with where it comes from —
// the article of the region's own regulation, or PermenPANRB 7/2022's default — for administrators.
import { api } from "../api/client";
import type { WorkRule } from "../api/types";
import { h, replace } from "../dom";
import { roleCanAdminister } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { link, pageHeading, section, signInPrompt } from "../ui";
import { routeOf, type PageContext } from "./context";

const kindTitles: [WorkRule["kind"], string][] = [
  ["level", "Level pejabat"],
  ["keputusan_tim", "Penetapan tim kerja"],
  ["mekanisme", "Mekanisme penugasan"],
  ["struktur_penugasan", "Struktur penugasan per jenis perangkat daerah"],
  ["alur", "Alur pelaksanaan kerja per jenis perangkat daerah"],
  ["pengembalian", "Pengembalian untuk perbaikan"],
];

const keyLabels: Record<string, string> = {
  "1": "Pejabat Level I",
  "2": "Pejabat Level II",
  "3": "Pejabat Level III",
  unit_organisasi: "Tim kerja unit organisasi",
  perangkat_daerah: "Tim kerja perangkat daerah",
  antar_perangkat_daerah: "Tim kerja antar perangkat daerah",
  lintas_instansi: "Tim kerja lintas instansi pemerintah",
  penunjukan_dalam_unit: "Penunjukan di dalam unit",
  penunjukan_lintas_unit: "Penunjukan lintas unit",
  penunjukan_lintas_instansi: "Penunjukan lintas instansi",
  sukarela_dalam_unit: "Pengajuan sukarela di dalam unit",
  sukarela_lintas_unit: "Pengajuan sukarela lintas unit",
  sekretariat_daerah: "Sekretariat Daerah",
  sekretariat_dprd: "Sekretariat DPRD",
  inspektorat: "Inspektorat Daerah",
  dinas_badan: "Dinas/Badan",
  dpmptsp: "DPMPTSP",
  uptd: "UPTD",
  sekolah: "Sekolah (UPTD Pendidikan)",
  pengembalian: "Hasil yang belum sesuai target",
};

/** The rule's name for people: its key's label, or the key itself. */
export function ruleLabel(r: Pick<WorkRule, "key">): string {
  return keyLabels[r.key] ?? r.key;
}

/** Where a rule comes from, in words: "Pasal 20 ayat (4) huruf c, Peraturan ..." or the default. */
export function ruleSource(r: Pick<WorkRule, "origin" | "source" | "article">): string {
  const where = [r.article, r.source].filter((s) => s).join(", ");
  return r.origin === "bawaan" ? `Ketentuan bawaan: ${where}` : where;
}

function ruleCard(r: WorkRule): HTMLElement {
  return h(
    "li",
    { class: "card" },
    h(
      "h3",
      null,
      ruleLabel(r),
      " ",
      h(
        "span",
        { class: `badge ${r.origin === "bawaan" ? "status-dicabut_sebagian" : "status-berlaku"}` },
        r.origin === "bawaan" ? "bawaan PermenPANRB 7/2022" : "peraturan daerah",
      ),
    ),
    h("p", null, r.statement),
    r.items.length > 0
      ? h(
          "ol",
          null,
          r.items.map((i) => h("li", null, i)),
        )
      : null,
    h(
      "p",
      { class: "muted" },
      "Sumber: ",
      r.regulation_id !== null
        ? link(paths.regulation(r.regulation_id), ruleSource(r))
        : ruleSource(r),
    ),
    r.changed_reason
      ? h(
          "p",
          { class: "muted" },
          `Diubah ${r.changed_at.slice(0, 10)} dengan alasan: ${r.changed_reason}`,
        )
      : null,
  );
}

export async function workRulesPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "workRules");
  const u = user();
  const title = "Sistem kerja";
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.workRules(id), "Halaman ini"));
    return;
  }
  if (!roleCanAdminister(u.role)) {
    replace(
      ctx.main,
      pageHeading(title),
      h(
        "div",
        { class: "alert error", role: "alert" },
        "Halaman ini hanya untuk admin registri dan administrator.",
      ),
    );
    return;
  }
  const data = await api.workRules(id);
  if (!ctx.isCurrent()) return;
  const regionName = data.region.name ?? "";
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      link(paths.region(id), regionName),
      " › ",
      title,
    ),
    pageHeading(
      `${title} ${regionName}`,
      data.stored
        ? "Aturan sistem kerja daerah ini, dibaca dari peraturannya; yang tidak diatur mengikuti ketentuan bawaan PermenPANRB 7/2022."
        : "Daerah ini belum memiliki peraturan sistem kerja sendiri: berlaku ketentuan bawaan PermenPANRB 7/2022.",
    ),
    ...kindTitles.map(([kind, heading]) => {
      const rules = data.rules.filter((r) => r.kind === kind);
      return rules.length === 0
        ? null
        : section(heading, h("ul", { class: "card-list" }, rules.map(ruleCard)));
    }),
  );
}
