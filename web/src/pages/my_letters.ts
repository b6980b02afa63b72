// "Surat saya" on "Pekerjaan saya" (issue 12 item 8): the letters the person signs, first, and the
// letters addressed to them (GET /me/letters), each linked to the letter page with its PDF.
import { letters } from "../api/client";
import type { MyLetter } from "../api/letter_types";
import { h } from "../dom";
import { formatDate } from "../format";
import { groupMyLetters, myLetterLine } from "../my_letters";
import { paths } from "../router";
import { errorBox, section } from "../ui";

function letterItem(l: MyLetter): HTMLElement {
  return h(
    "li",
    null,
    h("a", { href: paths.letter(l.id) }, `${l.title} ${l.number}`),
    h("span", { class: "muted small" }, ` · ${formatDate(l.date)} · ${myLetterLine(l)}`),
  );
}

function list(title: string, items: MyLetter[], empty: string): HTMLElement {
  return h(
    "div",
    null,
    h("h3", null, `${title} (${items.length})`),
    items.length
      ? h("ul", { class: "plain-list work-list" }, items.map(letterItem))
      : h("p", { class: "muted" }, empty),
  );
}

export async function myLettersSection(canIssue: boolean): Promise<HTMLElement> {
  const title = "Surat saya";
  let items: MyLetter[];
  try {
    items = (await letters.mine(25)).items;
  } catch (e) {
    return section(title, errorBox(e));
  }
  const g = groupMyLetters(items);
  return section(
    title,
    canIssue
      ? h(
          "p",
          null,
          h("a", { href: paths.letterNew(), class: "button secondary" }, "Terbitkan surat"),
        )
      : null,
    list("Saya tanda tangani", g.toSign, "Tidak ada surat yang Anda tanda tangani."),
    list("Ditujukan kepada saya", g.received, "Belum ada surat untuk Anda."),
  );
}
