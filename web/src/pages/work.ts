// The work system (issue 12): a region's rules ("Sistem kerja"), each with where it comes from —
// the article of the region's own regulation, or PermenPANRB 7/2022's default — for administrators,
// with the diagrams of the mechanisms and of each agency kind's structure (issue 12 item 7).
import { api, assignments, diagrams } from "../api/client";
import { agencyKinds, diagramFigure, mechanismAlt, structureAlt } from "../diagrams";
import type { Mechanisms } from "../api/assignment_types";
import type { Team, TeamMember, TeamRef, WorkRule } from "../api/types";
import { h, replace } from "../dom";
import { roleCanAdminister } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { facts, link, pageHeading, section, signInPrompt, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import { teamBoardSection } from "./activity";
import { teamAccountabilitySection } from "./team_accountability"; // issue 12 item 5
import { teamLetterLink } from "./letter_forms"; // issue 12 item 6, web

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
  const [data, teams, mechanisms] = await Promise.all([
    api.workRules(id),
    api.teams(id),
    assignments.mechanisms(),
  ]);
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
    section(
      "Tim kerja",
      teams.items.length === 0
        ? h("p", { class: "muted" }, "Belum ada tim kerja di daerah ini.")
        : h(
            "ul",
            { class: "plain-list" },
            teams.items.map((t) =>
              h(
                "li",
                null,
                link(paths.team(t.id), t.name),
                h("span", { class: "muted" }, ` · ${teamLine(t)}`),
              ),
            ),
          ),
    ),
    ...kindTitles.map(([kind, heading]) => {
      const rules = data.rules.filter((r) => r.kind === kind);
      return rules.length === 0
        ? null
        : section(heading, h("ul", { class: "card-list" }, rules.map(ruleCard)));
    }),
    diagramSections(id, data.rules, mechanisms),
  );
}

// Issue 12 item 7: each mechanism's flow and each agency kind's structure, drawn by the server
// from the definitions and rules it runs.
function diagramSections(region: string, rules: WorkRule[], mechanisms: Mechanisms): HTMLElement[] {
  const roleLabels = Object.fromEntries(mechanisms.roles.map((r) => [r.key, r.label]));
  const kinds = agencyKinds(rules);
  return [
    section(
      "Diagram alur mekanisme penugasan",
      h(
        "p",
        { class: "muted" },
        "Digambar dari aturan yang dijalankan sistem: setiap keadaan penugasan dan setiap langkah beserta pejabat yang berwenang mengambilnya. Ketuk gambar untuk ukuran penuh.",
      ),
      h(
        "div",
        { class: "diagram-list" },
        mechanisms.items.map((m) =>
          diagramFigure(diagrams.mechanismHref(m.key), mechanismAlt(m, roleLabels), m.label),
        ),
      ),
    ),
    section(
      "Bagan struktur penugasan dan alur peninjauan per jenis perangkat daerah",
      kinds.length === 0
        ? h("p", { class: "muted" }, "Aturan daerah ini tidak memuat struktur penugasan.")
        : h(
            "div",
            { class: "diagram-list" },
            kinds.map((k) => {
              const label = ruleLabel({ key: k });
              return diagramFigure(
                diagrams.structureHref(region, k),
                structureAlt(label, rules, k),
                label,
              );
            }),
          ),
    ),
  ];
}

const scopeLabels: Record<TeamRef["scope"], string> = {
  unit_organisasi: "satu unit organisasi",
  lintas_unit: "lintas unit organisasi",
  antar_perangkat_daerah: "antar perangkat daerah",
  lintas_instansi: "lintas instansi pemerintah",
};

/** "Tim rutin · lintas unit organisasi · dibentuk 2026-03-02" */
export function teamLine(t: Pick<TeamRef, "kind" | "scope" | "formed">): string {
  return `Tim ${t.kind} · ${scopeLabels[t.scope]} · dibentuk ${t.formed}`;
}

function memberRows(members: TeamMember[]): (string | HTMLElement)[][] {
  return members.map((m) => [
    link(paths.employee(m.employee_id), m.name),
    m.nip,
    m.unit,
    m.role === "ketua" ? "Ketua tim" : "Anggota",
    m.start,
    m.end ? `${m.end}${m.end_reason ? ` (${m.end_reason})` : ""}` : "—",
  ]);
}

export async function teamPage(ctx: PageContext): Promise<void> {
  const { id, on } = routeOf(ctx, "team");
  const title = "Tim kerja";
  if (!user()) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.team(id, on), "Halaman ini"));
    return;
  }
  // Issue 12 item 4: the team's board (its own note when the reader may not see it).
  const [t, board]: [Team, HTMLElement] = await Promise.all([
    api.team(id, on),
    teamBoardSection(id),
  ]);
  if (!ctx.isCurrent()) return;
  // Issue 12 item 5: the team's reports, requests and escalations, with the forms (on the team's
  // current members, also when the page shows another date's).
  const accountable = await teamAccountabilitySection(ctx, on ? await api.team(id) : t);
  if (!ctx.isCurrent()) return;
  const headers = ["Nama", "NIP", "Unit", "Peran", "Mulai", "Selesai"];
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      link(paths.region(t.region_id), "Daerah"),
      " › ",
      t.name,
    ),
    pageHeading(t.name, teamLine(t)),
    t.status === "aktif" ? teamLetterLink(t) : null, // issue 12 item 6: a letter for the team
    ...t.warnings.map((w) => h("div", { class: "alert error", role: "alert" }, w)),
    section(
      "Penetapan",
      facts([
        ["Target kinerja", t.target],
        ["Ditetapkan oleh", t.authority.authority],
        [
          "Dasar",
          `${[t.authority.article, t.authority.source].filter((x) => x).join(", ")}${
            t.authority.default ? " (ketentuan bawaan)" : ""
          }`,
        ],
      ]),
    ),
    section(
      t.members_on ? `Anggota pada ${t.members_on}` : "Anggota saat ini",
      table(headers, memberRows(t.members)),
    ),
    board,
    accountable,
    // Named by its caption: two tables named alike by their headers would be regions of one name.
    section("Riwayat keanggotaan", table(headers, memberRows(t.periods), "Riwayat keanggotaan")),
    section("Rancangan SK pembentukan", h("pre", { class: "decree" }, t.decree_text)),
  );
}
