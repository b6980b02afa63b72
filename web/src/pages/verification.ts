// The public verification of a letter (issue 12 item 6): what its QR code opens. It says whether
// the letter is genuine and still in force (or revoked, with the date), and shows only what the
// letter itself prints: its number, date, agency, signatory and the names of those it is for.
import { ApiError, letters } from "../api/client";
import type { LetterVerification } from "../api/letter_types";
import { h, replace } from "../dom";
import { formatDate } from "../format";
import { errorBox, facts, pageHeading, section } from "../ui";
import { routeOf, type PageContext } from "./context";

/** The verdict in one sentence, and its tone ("ok": genuine and in force). */
export function verdict(v: Pick<LetterVerification, "in_force" | "revoked_on">): {
  tone: "ok" | "revoked";
  text: string;
} {
  if (v.in_force) return { tone: "ok", text: "Surat ini asli dan masih berlaku." };
  const on = v.revoked_on ? ` pada ${formatDate(v.revoked_on)}` : "";
  return { tone: "revoked", text: `Surat ini asli, tetapi sudah dicabut${on}.` };
}

export async function verificationPage(ctx: PageContext): Promise<void> {
  const { token } = routeOf(ctx, "verification");
  const title = "Verifikasi surat";
  let v: LetterVerification;
  try {
    v = await letters.verify(token);
  } catch (e) {
    if (!ctx.isCurrent()) return;
    if (e instanceof ApiError && e.status === 404) {
      replace(
        ctx.main,
        pageHeading(title),
        h(
          "div",
          { class: "alert error", role: "alert" },
          h("p", null, h("strong", null, "Surat tidak dapat dipastikan asli.")),
          h(
            "p",
            null,
            "Kode verifikasi ini tidak dikenal. Periksa kembali alamat dari kode QR surat; bila " +
              "alamatnya benar, surat tersebut tidak diterbitkan melalui Tatakerja.",
          ),
        ),
      );
      return;
    }
    replace(ctx.main, pageHeading(title), errorBox(e));
    return;
  }
  if (!ctx.isCurrent()) return;
  const d = verdict(v);
  const l = v.letter;
  replace(
    ctx.main,
    pageHeading(title, "Hasil pemeriksaan keaslian surat dari kode QR-nya."),
    h(
      "div",
      {
        class: `alert ${d.tone === "ok" ? "success" : "error"}`,
        role: "status",
        "data-status": v.status,
      },
      h("p", null, h("strong", null, d.text)),
    ),
    section(
      `${l.title} Nomor ${l.number}`,
      facts([
        ["Jenis", l.title],
        ["Nomor", l.number],
        ["Tanggal", `${l.place ? `${l.place}, ` : ""}${formatDate(l.date)}`],
        ["Instansi", `${l.agency}, ${l.government}`],
        ["Penandatangan", `${l.signatory.name} (${l.signatory.position})`],
        ["NIP penandatangan", l.signatory.nip],
        ["Ditujukan kepada", l.recipient_names.join("; ")],
        ["Status", v.status === "berlaku" ? "Berlaku" : "Dicabut"],
        ["Dicabut pada", v.revoked_on ? formatDate(v.revoked_on) : ""],
      ]),
    ),
    h(
      "p",
      { class: "muted" },
      "Halaman ini hanya menampilkan yang tercantum pada surat itu sendiri. Cocokkan nomor, " +
        "tanggal dan penandatangan dengan surat yang Anda pegang.",
    ),
  );
}
