// A unit's page (issue 11): its head, positions, people and sub-units, linked from the agency page
// and from breadcrumbs.
import { api, ApiError } from "../api/client";
import { h, replace } from "../dom";
import { placementLabel } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { errorBox, link, loading, pageHeading, section, table } from "../ui";
import { routeOf, type PageContext } from "./context";

/** Positions and people shown on a unit's page at most (the rest through the people list). */
const LIST_LIMIT = 100;

/** "Dinas Kesehatan — Kabupaten Kupang": agencies of different regions share names. */
export function agencyWithRegion(name: string, region: string | null | undefined): string {
  return region ? `${name} — ${region}` : name;
}

export async function unitPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "unit");
  const u = await api.unit(id, { limit: 200 });
  if (!ctx.isCurrent()) return;
  const region = u.agency.region;

  const headBox = h("div", null, loading("Memuat kepala unit…"));
  const positionsBox = h("div", null, loading("Memuat jabatan…"));
  const peopleBox = h("div", null, loading("Memuat pegawai…"));
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      region ? [link(paths.region(region.id), region.name), " › "] : null,
      link(paths.agency(u.agency.id), u.agency.name),
      " › ",
      u.parents.map((p) => [link(paths.unit(p.id), p.name), " › "]),
      u.name,
    ),
    pageHeading(u.name, `${u.kind} · ${agencyWithRegion(u.agency.name, region?.name)}`),
    section("Kepala Unit", headBox),
    section(
      `Sub-unit (${u.child_count})`,
      u.children.length === 0
        ? h("p", { class: "muted" }, "Tidak ada sub-unit.")
        : h(
            "ul",
            { class: "unit-children" },
            u.children.map((c) =>
              h(
                "li",
                null,
                link(paths.unit(c.id), c.name),
                h("span", { class: "muted small" }, ` · ${c.kind}`),
                c.child_count
                  ? h("span", { class: "muted small" }, ` · ${c.child_count} sub-unit`)
                  : null,
              ),
            ),
          ),
    ),
    section("Jabatan", positionsBox),
    section("Pegawai", peopleBox),
  );

  const signedIn = user() !== null;
  const [head, positions, people] = await Promise.allSettled([
    u.head ? api.position(u.head.id) : Promise.resolve(null),
    api.agencyPositions(u.agency.id, { unit_id: u.id, limit: LIST_LIMIT }),
    signedIn ? api.employees({ unit_id: u.id, limit: LIST_LIMIT }) : Promise.resolve(null),
  ]);
  if (!ctx.isCurrent()) return;

  if (!u.head) {
    replace(headBox, h("p", { class: "muted" }, "Unit ini tidak mempunyai jabatan struktural."));
  } else {
    const holders = head.status === "fulfilled" && head.value ? head.value.holders : null;
    replace(
      headBox,
      h(
        "p",
        null,
        link(paths.position(u.head.id), u.head.title),
        u.head.eselon ? h("span", { class: "muted" }, ` (Eselon ${u.head.eselon})`) : null,
      ),
      holders === null
        ? h("p", { class: "muted small" }, "Pemangku jabatan tampil setelah masuk.")
        : holders.length === 0
          ? h("p", null, h("span", { class: "badge vacant" }, "Lowong"))
          : h(
              "ul",
              null,
              holders.map((x) =>
                h(
                  "li",
                  null,
                  x.placement_kind !== "definitif" ? `${placementLabel(x.placement_kind)} ` : "",
                  link(paths.employee(x.employee_id), x.name),
                ),
              ),
            ),
    );
  }

  if (positions.status === "fulfilled") {
    const list = positions.value;
    replace(
      positionsBox,
      list.items.length === 0
        ? h("p", { class: "muted" }, "Tidak ada jabatan di unit ini.")
        : table(
            ["Jabatan", "Jenis", "Eselon"],
            list.items.map((p) => [link(paths.position(p.id), p.title), p.kind, p.eselon || "—"]),
            `Jabatan di ${u.name}${list.total > list.items.length ? ` (${list.items.length} dari ${list.total})` : ""}`,
          ),
    );
  } else {
    replace(positionsBox, errorBox(positions.reason));
  }

  if (
    !signedIn ||
    (people.status === "rejected" &&
      people.reason instanceof ApiError &&
      people.reason.status === 401)
  ) {
    replace(peopleBox, h("p", { class: "muted" }, "Data pegawai tampil setelah masuk."));
  } else if (people.status === "fulfilled" && people.value) {
    const list = people.value;
    replace(
      peopleBox,
      list.items.length === 0
        ? h("p", { class: "muted" }, "Belum ada pegawai yang ditempatkan di unit ini.")
        : [
            table(
              ["Nama", "Jabatan", "Pangkat/golongan"],
              list.items.map((e) => [
                link(paths.employee(e.id), e.name),
                e.position
                  ? [
                      link(paths.position(e.position.id), e.position.title),
                      e.placement_kind && e.placement_kind !== "definitif"
                        ? ` (${placementLabel(e.placement_kind)})`
                        : "",
                    ]
                  : "—",
                e.rank,
              ]),
              `Pegawai di ${u.name}`,
            ),
            link(
              paths.employees("", 1, { agency: String(u.agency.id), unit: String(u.id) }),
              "Cari pegawai unit ini",
            ),
          ],
    );
  } else if (people.status === "rejected") {
    replace(peopleBox, errorBox(people.reason));
  }
}
