// "Profil saya" (issue 11, item 10): what a signed-in employee most often looks for about
// themselves, on one page: their position, unit and agency, their superior and their appraiser as
// people (with the position each holds), their duties and their IKI. Read from the same API as
// the other pages: the account's employee, the position of their main placement in office, and
// the superior's and the appraiser's positions for their holders.
import { api } from "../api/client";
import type { Employee, Holder, Placement, Position } from "../api/types";
import { actingLabel } from "../acting";
import { h, replace, type Child } from "../dom";
import { formatNip } from "../format";
import { ikiTable } from "../iki";
import { paths } from "../router";
import { user } from "../session";
import { facts, link, loading, pageHeading, section } from "../ui";
import type { PageContext } from "./context";
import { workResultsSection } from "./accountability"; // issue 12 item 5

/** The placement the profile is about: in office, definitif before Plt and Plh. */
export function mainPlacement(placements: readonly Placement[]): Placement | null {
  const current = placements.filter((p) => p.end === null);
  return current.find((p) => p.kind === "definitif") ?? current[0] ?? null;
}

/** The people who hold a position, each linked, with "Plt."/"Plh." for an acting one. */
function holderNames(holders: Holder[] | null): Child {
  if (!holders || holders.length === 0) return h("span", { class: "muted" }, "lowong");
  return holders.map((x, i) => [
    i > 0 ? ", " : "",
    actingLabel(x.placement_kind) ? `${actingLabel(x.placement_kind)} ` : "",
    link(paths.employee(x.employee_id), x.name),
  ]);
}

/** "Name (Title)" for a position related to the employee's: its holders and its page. */
async function personOf(ref: { id: number; title: string } | null): Promise<Child> {
  if (!ref) return "";
  // A position the reader may not open (another region's) shows its title without names.
  const holders = await api.position(ref.id).then(
    (p) => p.holders,
    () => null,
  );
  return [
    holderNames(holders),
    h("span", { class: "muted" }, " · "),
    link(paths.position(ref.id), ref.title),
  ];
}

export async function profilePage(ctx: PageContext): Promise<void> {
  const u = user();
  if (!u) {
    replace(
      ctx.main,
      pageHeading("Profil saya"),
      h(
        "p",
        null,
        "Masuk dahulu untuk melihat profil Anda. ",
        link(paths.login(paths.profile()), "Masuk"),
        ".",
      ),
    );
    return;
  }
  if (u.employee_id === null) {
    replace(
      ctx.main,
      pageHeading("Profil saya"),
      h(
        "p",
        null,
        "Akun ini belum terhubung dengan data pegawai. Mintalah administrator menghubungkannya; ",
        link(paths.account(), "Akun saya"),
        " tetap dapat dibuka.",
      ),
    );
    return;
  }
  replace(ctx.main, pageHeading("Profil saya"), loading("Memuat profil…"));
  const me: Employee = await api.employee(u.employee_id);
  if (!ctx.isCurrent()) return;
  const placement = mainPlacement(me.placements);
  const position: Position | null = placement ? await api.position(placement.position.id) : null;
  if (!ctx.isCurrent()) return;
  const [superior, appraiser, results] = await Promise.all([
    personOf(position?.superior ?? null),
    position?.appraiser
      ? personOf(position.appraiser)
      : Promise.resolve(position?.appraiser_outside ?? ""),
    // Issue 12 item 5: the lead's accounts of the person's results (input to their appraisal).
    workResultsSection(me.id, false),
  ]);
  if (!ctx.isCurrent()) return;

  replace(
    ctx.main,
    pageHeading("Profil saya", me.name),
    section(
      "Data diri",
      facts([
        ["Nama", link(paths.employee(me.id), me.name)],
        ["NIP", formatNip(me.nip)],
        ["Status", me.kind],
        ["Pangkat/golongan", [me.rank_name, me.rank ? ` (${me.rank})` : ""]],
      ]),
    ),
    position && placement
      ? [
          section(
            "Jabatan",
            facts([
              [
                "Jabatan",
                [
                  actingLabel(placement.kind) ? `${actingLabel(placement.kind)} ` : "",
                  link(paths.position(position.id), position.title),
                ],
              ],
              [
                "Unit organisasi",
                position.unit ? link(paths.unit(position.unit.id), position.unit.name) : "",
              ],
              [
                "Perangkat daerah",
                position.agency ? link(paths.agency(position.agency.id), position.agency.name) : "",
              ],
              ["Atasan langsung", superior],
              ["Pejabat penilai kinerja", appraiser],
            ]),
          ),
          section(
            "Uraian Tugas",
            position.duties.length
              ? h(
                  "ol",
                  { class: "duties" },
                  position.duties.map((d) => h("li", null, d)),
                )
              : h(
                  "p",
                  { class: "muted" },
                  "Peraturan tidak memuat uraian tugas untuk jabatan ini.",
                ),
          ),
          position.iki.length
            ? section(
                "Indikator Kinerja Individu",
                position.iki.map((t) => ikiTable(t, `IKI ${position.title}`)),
              )
            : null,
        ]
      : section(
          "Jabatan",
          h("p", { class: "muted" }, "Anda tidak sedang menduduki jabatan menurut registri."),
        ),
    results,
  );
}
