// A report's page (/laporan/:id, issue 12 item 5): its period, author, recipients, summary and
// the members' results the reader may read. The server decides who may read it.
import { accountability, api, ApiError } from "../api/client";
import type { Report } from "../api/accountability_types";
import { periodText, reportKindLabel } from "../accountability_view";
import { h, replace } from "../dom";
import { formatTimestamp } from "../format";
import { paths } from "../router";
import { user } from "../session";
import { errorMessage, facts, link, pageHeading, section, signInPrompt } from "../ui";
import { routeOf, type PageContext } from "./context";

export async function reportPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "report");
  const crumbs = (here: string) =>
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.myWork(), "Pekerjaan saya"),
      ` › ${here}`,
    );
  if (!user()) {
    replace(ctx.main, pageHeading("Laporan"), signInPrompt(paths.report(id), "Laporan ini"));
    return;
  }
  let r: Report;
  try {
    r = await accountability.report(id);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) throw e;
    if (!ctx.isCurrent()) return;
    replace(
      ctx.main,
      crumbs("Laporan"),
      pageHeading("Laporan"),
      h("div", { class: "alert error", role: "alert" }, errorMessage(e)),
    );
    return;
  }
  const teamName =
    r.team_id !== null
      ? await api.team(r.team_id).then(
          (t) => t.name,
          () => `Tim ${r.team_id}`,
        )
      : "";
  if (!ctx.isCurrent()) return;
  const title = reportKindLabel(r.kind);
  replace(
    ctx.main,
    crumbs(title),
    pageHeading(title, periodText(r)),
    section(
      "Laporan",
      facts([
        ["Jenis", title],
        ["Tim kerja", r.team_id !== null ? link(paths.team(r.team_id), teamName) : ""],
        ["Disusun oleh", link(paths.employee(r.author.id), r.author.name)],
        ["Periode", periodText(r)],
        [
          "Disampaikan kepada",
          r.recipients.length
            ? r.recipients.map((x, i) => [i > 0 ? ", " : "", link(paths.employee(x.id), x.name)])
            : "—",
        ],
        ["Menjawab", r.request_id !== null ? `Permintaan laporan #${r.request_id}` : ""],
        ["Disampaikan pada", formatTimestamp(r.created_at)],
      ]),
    ),
    section("Ringkasan", h("p", { class: "note-text" }, r.summary)),
    r.kind === "tim"
      ? section(
          `Hasil kerja anggota (${r.member_results.length})`,
          h(
            "p",
            { class: "muted small" },
            "Disampaikan juga kepada pejabat penilai kinerja setiap anggota sebagai bahan penilaian kinerja.",
          ),
          r.member_results.length
            ? h(
                "ul",
                { class: "plain-list work-list member-results" },
                r.member_results.map((m) =>
                  h(
                    "li",
                    null,
                    h(
                      "p",
                      null,
                      h("strong", null, link(paths.employee(m.member.id), m.member.name)),
                    ),
                    h("p", { class: "note-text" }, m.result),
                  ),
                ),
              )
            : h("p", { class: "muted" }, "Laporan ini tidak memuat hasil kerja anggota."),
        )
      : null,
  );
}
