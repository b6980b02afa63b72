// A letter (issue 12 item 6) for those who may read it: its signatory, its recipients, their
// appraisers and the administrators. Its PDF, its verification address, and revocation (with a
// reason) for its signatory and the administrators.
import { letters } from "../api/client";
import type { Letter } from "../api/letter_types";
import { h, replace } from "../dom";
import { formatDate, roleCanAdminister } from "../format";
import { paths } from "../router";
import { user } from "../session";
import {
  errorBox,
  facts,
  link,
  pageHeading,
  section,
  signInPrompt,
  statusBadge,
  table,
} from "../ui";
import { routeOf, type PageContext } from "./context";

/** Whether the signed-in user may revoke the letter (the server decides; this only hides the form). */
export function mayRevoke(
  u: { role: string; employee_id: number | null } | null,
  l: Pick<Letter, "status" | "signatory">,
): boolean {
  if (!u || l.status !== "berlaku") return false;
  return roleCanAdminister(u.role) || u.employee_id === l.signatory.employee_id;
}

function revokeForm(ctx: PageContext, l: Letter): HTMLElement {
  const reason = h("textarea", { id: "alasan-cabut", rows: 3, maxlength: 2000, required: true });
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    {
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        try {
          await letters.revoke(l.id, reason.value);
          ctx.navigate(paths.letter(l.id), { replace: true });
        } catch (e) {
          replace(out, errorBox(e));
        }
      },
    },
    h("div", { class: "field" }, h("label", { for: "alasan-cabut" }, "Alasan pencabutan"), reason),
    h("button", { type: "submit", class: "button" }, "Cabut surat"),
    out,
  );
  return section("Cabut surat", form);
}

export async function letterPage(ctx: PageContext): Promise<void> {
  const { id } = routeOf(ctx, "letter");
  const title = "Surat";
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(paths.letter(id), "Surat ini"));
    return;
  }
  const l = await letters.get(id);
  if (!ctx.isCurrent()) return;
  const people = l.recipients.map((r) => [
    link(paths.employee(r.employee_id), r.name),
    r.nip,
    r.rank,
    r.position,
  ]);
  replace(
    ctx.main,
    pageHeading(`${l.title} Nomor ${l.number}`, `${l.agency}, ${l.government}`),
    h(
      "p",
      null,
      statusBadge(l.status),
      " ",
      h("a", { href: letters.pdfHref(l.id), class: "button", target: "_blank" }, "Buka PDF"),
      " ",
      link(paths.verification(l.verification_path.split("/").pop() ?? ""), "Halaman verifikasi"),
    ),
    section(
      "Surat",
      facts([
        ["Nomor", l.number],
        ["Tempat dan tanggal", `${l.place}, ${formatDate(l.date)}`],
        [
          "Penandatangan",
          `${l.signatory.name} — ${l.signatory.position}${l.signatory.nip ? `, NIP ${l.signatory.nip}` : ""}`,
        ],
        ["Tim kerja", l.team_id !== null ? link(paths.team(l.team_id), `Tim ${l.team_id}`) : ""],
        ["Dicabut", l.revoked_at ? `${formatDate(l.revoked_at)}: ${l.revoked_reason}` : ""],
      ]),
    ),
    l.grounds.length > 0
      ? section(
          "Dasar",
          h(
            "ol",
            null,
            l.grounds.map((g) => h("li", null, g)),
          ),
        )
      : null,
    section("Kepada", table(["Nama", "NIP", "Pangkat/Gol.", "Jabatan"], people)),
    section(
      "Untuk",
      h(
        "ol",
        null,
        l.tasks.map((t) => h("li", null, t)),
      ),
    ),
    l.copies.length > 0
      ? section(
          "Tembusan",
          h(
            "ol",
            null,
            l.copies.map((c) => h("li", null, c)),
          ),
        )
      : null,
    mayRevoke(u, l) ? revokeForm(ctx, l) : null,
  );
}
