import { api } from "../api/client";
import { h, replace } from "../dom";
import { regionKindLabel, roleCanAdminister } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { link, pageHeading, regulationLink, section } from "../ui";
import { routeOf, type PageContext } from "./context";

export async function homePage(ctx: PageContext): Promise<void> {
  const regions = await api.regions();
  if (!ctx.isCurrent()) return;
  replace(
    ctx.main,
    pageHeading(
      "Daftar Daerah",
      "Pilih daerah untuk melihat perangkat daerah, struktur organisasi, dan peraturannya.",
    ),
    regions.items.length === 0
      ? h("p", { class: "muted" }, "Belum ada daerah. Unggah peraturan untuk mengisi registri.")
      : h(
          "ul",
          { class: "card-list" },
          regions.items.map((r) =>
            h(
              "li",
              { class: "card link-card" },
              h("h2", null, link(paths.region(r.id), r.name)),
              h(
                "p",
                { class: "muted" },
                `${regionKindLabel(r.kind)} · ${r.agency_count} perangkat daerah`,
              ),
            ),
          ),
        ),
  );
}

export async function regionPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "region");
  const region = await api.region(id);
  if (!ctx.isCurrent()) return;
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      region.name,
    ),
    pageHeading(region.name, regionKindLabel(region.kind)),
    // Issue 12: the region's work-system rules, for administrators.
    roleCanAdminister(user()?.role)
      ? h("p", null, link(paths.workRules(region.id), "Sistem kerja daerah ini"))
      : null,
    h(
      "div",
      { class: "grid-2" },
      section(
        "Perangkat Daerah",
        region.agencies.length === 0
          ? h("p", { class: "muted" }, "Belum ada perangkat daerah.")
          : h(
              "ul",
              { class: "plain-list" },
              region.agencies.map((a) =>
                h(
                  "li",
                  null,
                  link(paths.agency(a.id), a.name),
                  h("span", { class: "muted" }, ` · ${a.kind}${a.type ? ` Tipe ${a.type}` : ""}`),
                ),
              ),
            ),
      ),
      section(
        "Peraturan",
        region.regulations.length === 0
          ? h("p", { class: "muted" }, "Belum ada peraturan.")
          : h(
              "ul",
              { class: "plain-list" },
              region.regulations.map((r) => h("li", null, regulationLink(r, true))),
            ),
      ),
    ),
  );
}
