// The items of accountability lists shared by "Pekerjaan saya" and a team's page (issue 12 item
// 5): a report, a request for a report with its state, an escalation, and a titled group of them.
import type { Escalation, Report, ReportRequest } from "../api/accountability_types";
import type { Id } from "../api/types";
import {
  dueText,
  periodText,
  reportKindLabel,
  requestState,
  requestStateLabel,
} from "../accountability_view";
import { h, type Child } from "../dom";
import { formatTimestamp } from "../format";
import { paths } from "../router";
import { link } from "../ui";

export const names = (refs: { id: Id; name: string }[]): string =>
  refs.length ? refs.map((r) => r.name).join(", ") : "—";

export function reportItem(r: Report, teamName: TeamName): HTMLElement {
  return h(
    "li",
    { class: "work-item report-item" },
    h(
      "p",
      null,
      link(paths.report(r.id), `${reportKindLabel(r.kind)} #${r.id} · ${periodText(r)}`),
      teamLink(r.team_id, teamName),
    ),
    h(
      "p",
      { class: "muted small" },
      `Oleh ${r.author.name} kepada ${names(r.recipients)} · ${formatTimestamp(r.created_at)}`,
    ),
    r.member_results.length
      ? h("p", { class: "muted small" }, `Hasil kerja ${r.member_results.length} anggota`)
      : null,
  );
}

export function stateBadge(rq: ReportRequest): HTMLElement {
  const s = requestState(rq);
  return h(
    "span",
    { class: s === "terlambat" ? "badge vacant" : s === "dijawab" ? "badge filled" : "badge" },
    requestStateLabel(s),
  );
}

/** The name of a team (for a link to its page); null on the team's own page (no link). */
export type TeamName = ((id: Id) => string) | null;

export function teamLink(id: Id | null, teamName: TeamName): Child {
  return id !== null && teamName ? [" · ", link(paths.team(id), teamName(id))] : null;
}

/** A request for a report; `answerable`: asked of the reader, who may answer it from here. */
export function requestItem(
  rq: ReportRequest,
  answerable: boolean,
  teamName: TeamName,
): HTMLElement {
  const open = rq.report_id === null;
  return h(
    "li",
    {
      class: open && answerable ? "work-item awaiting request-item" : "work-item request-item",
    },
    h(
      "p",
      null,
      h("strong", null, `Permintaan laporan #${rq.id}`),
      ` dari ${rq.requester.name} kepada ${rq.asked.name}`,
    ),
    h("p", { class: "muted small" }, dueText(rq)),
    rq.note ? h("p", { class: "note-text" }, rq.note) : null,
    h("p", null, stateBadge(rq), teamLink(rq.team_id, teamName)),
    open && answerable
      ? h(
          "p",
          null,
          h(
            "a",
            { href: paths.reportNew({ team: rq.team_id, request: rq.id }), class: "button" },
            `Jawab permintaan #${rq.id} dengan laporan`,
          ),
        )
      : null,
    !open
      ? h("p", null, link(paths.report(rq.report_id!), `Lihat laporan #${rq.report_id}`))
      : null,
  );
}

export function escalationItem(e: Escalation, teamName: TeamName): HTMLElement {
  return h(
    "li",
    { class: "work-item escalation-item", id: `eskalasi-${e.id}` },
    h(
      "p",
      null,
      h("strong", null, `Eskalasi #${e.id}`),
      teamLink(e.team_id, teamName),
      e.several_units ? [" ", h("span", { class: "badge" }, "Beberapa unit kerja")] : null,
    ),
    h("p", { class: "note-text" }, e.problem),
    h(
      "p",
      { class: "muted small" },
      `Oleh ${e.author.name} kepada ${names(e.recipients)} · ${formatTimestamp(e.created_at)}`,
    ),
    h(
      "details",
      { class: "alternatives" },
      h("summary", null, `${e.alternatives.length} alternatif rekomendasi`),
      h(
        "ol",
        null,
        e.alternatives.map((a) => h("li", { class: "note-text" }, a)),
      ),
    ),
  );
}

export function group<T>(
  title: string,
  items: T[],
  item: (x: T) => HTMLElement,
  empty: string,
): Child {
  return [
    h("h3", null, `${title} (${items.length})`),
    items.length
      ? h("ul", { class: "plain-list work-list" }, items.map(item))
      : h("p", { class: "muted" }, empty),
  ];
}
