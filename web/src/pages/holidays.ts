// "Hari libur" (/hari-libur[?tahun=]; issue 12 item 3, deadlines): a year's national holidays and
// collective leave days, the days the offices are closed besides the weekend, which an answer
// period in working days does not count. Any signed-in reader sees the year's table and moves to
// the year before or after; the administrator also adds a day off (checked here as the server
// does, its refusal shown at the field it names) and removes one (after a confirmation). A change
// draws the year again: the year of the day added, or the year shown.
import { ApiError, holidays } from "../api/client";
import type { Holiday, HolidayYear } from "../api/holiday_types";
import type { Id } from "../api/types";
import { h, replace, type Child } from "../dom";
import { formatDate, weekdayName } from "../format";
import {
  FIRST_YEAR,
  HOLIDAY_KINDS,
  LAST_YEAR,
  MAX_NAME_BYTES,
  holidayBody,
  holidayFormProblems,
  holidaySummary,
  neighbourYears,
  yearOfDate,
  type HolidayField,
} from "../holidays";
import { paths } from "../router";
import { user } from "../session";
import { errorBox, errorMessage, pageHeading, signInPrompt, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import { field, FormState, select, textInput, type Field } from "./form_kit";

const TITLE = "Hari libur dan cuti bersama";

export async function holidaysPage(ctx: PageContext): Promise<void> {
  const { year: asked } = routeOf(ctx, "holidays");
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(TITLE), signInPrompt(paths.holidays(asked), "Halaman ini"));
    return;
  }
  const admin = u.role === "administrator";
  const first = await holidays.ofYear(asked);
  if (!ctx.isCurrent()) return;

  const head = h("div", null);
  const notice = h("div", { class: "form-message", "aria-live": "polite" });
  const listBox = h("div", null);
  let shown = first.year;
  const say = (kind: "error" | "success", text: string) => {
    const p = h(
      "p",
      { class: `alert ${kind}`, role: kind === "error" ? "alert" : "status", tabindex: -1 },
      text,
    );
    replace(notice, p);
    return p;
  };
  const draw = (d: HolidayYear, fresh: Id | null) => {
    shown = d.year;
    replace(head, pageHeading(`${TITLE} ${d.year}`, explanation()), yearNav(d.year));
    replace(listBox, yearList(d, admin, fresh, remove));
  };
  /** Reads year `y` again and draws it; the address follows when the year changes. */
  const reload = async (y: number, fresh: Id | null = null): Promise<boolean> => {
    const d = await holidays.ofYear(y);
    if (!ctx.isCurrent()) return false;
    if (d.year !== shown) history.pushState(null, "", paths.holidays(d.year));
    draw(d, fresh);
    return true;
  };
  const remove = async (x: Holiday, button: HTMLButtonElement) => {
    const what = `${formatDate(x.date)} (${x.name})`;
    if (!window.confirm(`Hapus ${what} dari kalender hari libur?`)) return;
    button.disabled = true;
    replace(notice);
    try {
      let text = `${what} dihapus dari kalender hari libur.`;
      try {
        await holidays.remove(x.id);
      } catch (e) {
        // Removed meanwhile (another administrator, another tab): the year is drawn again too.
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        text = `${what} sudah dihapus sebelumnya.`;
      }
      if (await reload(shown)) say("success", text).focus();
    } catch (e) {
      button.disabled = false;
      say("error", errorMessage(e)).focus();
    }
  };

  draw(first, null);
  replace(
    ctx.main,
    head,
    notice,
    listBox,
    admin
      ? addForm(async (x) => {
          replace(notice);
          await reload(yearOfDate(x.date), x.id);
        })
      : h(
          "p",
          { class: "muted small" },
          "Kalender ini diisi oleh administrator dari Surat Keputusan Bersama (SKB) tahunan.",
        ),
  );
}

function explanation(): Child {
  return [
    "Hari kantor tutup selain Sabtu dan Minggu: hari libur nasional dan cuti bersama yang " +
      "ditetapkan pemerintah setiap tahun dengan Surat Keputusan Bersama (SKB). ",
    "Permintaan penugasan yang harus dijawab dalam sejumlah hari kerja tidak menghitung hari-hari " +
      "ini. Satu kalender berlaku untuk semua daerah.",
  ];
}

function yearNav(year: number): HTMLElement {
  const { previous, next } = neighbourYears(year);
  return h(
    "nav",
    { class: "pager year-nav", "aria-label": "Tahun lain" },
    previous === null
      ? null
      : h(
          "a",
          { href: paths.holidays(previous), class: "button secondary", rel: "prev" },
          `‹ Tahun ${previous}`,
        ),
    next === null
      ? null
      : h(
          "a",
          { href: paths.holidays(next), class: "button secondary", rel: "next" },
          `Tahun ${next} ›`,
        ),
  );
}

function yearList(
  d: HolidayYear,
  admin: boolean,
  fresh: Id | null,
  remove: (x: Holiday, button: HTMLButtonElement) => Promise<void>,
): HTMLElement {
  if (d.items.length === 0)
    return h(
      "p",
      { class: "muted holiday-list", role: "status" },
      `Belum ada hari libur atau cuti bersama yang tercatat untuk tahun ${d.year}.`,
      admin ? " Tambahkan dengan formulir di bawah." : "",
    );
  const headers = ["Tanggal", "Hari", "Nama", "Jenis"];
  if (admin) headers.push("Tindakan");
  const rows = d.items.map((x) => {
    const cells: Child[] = [
      h("span", { class: "nowrap" }, formatDate(x.date)),
      weekdayName(x.date),
      [x.name, x.id === fresh ? [" ", h("span", { class: "badge new" }, "baru")] : null],
      x.kind_label,
    ];
    if (admin) {
      const button = h(
        "button",
        {
          type: "button",
          class: "button secondary",
          "aria-label": `Hapus ${x.name}, ${formatDate(x.date)}`,
        },
        "Hapus",
      );
      button.addEventListener("click", () => void remove(x, button));
      cells.push(button);
    }
    return cells;
  });
  return h(
    "div",
    { class: "holiday-list" },
    h("p", { class: "muted" }, holidaySummary(d.items)),
    table(headers, rows, `Hari libur dan cuti bersama tahun ${d.year}`),
  );
}

/** The administrator's form; `added` draws the day's year once the server has added it. */
function addForm(added: (x: Holiday) => Promise<void>): HTMLElement {
  const date = field(
    "date",
    "Tanggal",
    h("input", {
      type: "date",
      required: true,
      min: `${FIRST_YEAR}-01-01`,
      max: `${LAST_YEAR}-12-31`,
    }),
    "Satu hari libur untuk setiap tanggal; daftar lalu menampilkan tahun tanggal itu.",
  );
  const name = field(
    "name",
    "Nama",
    textInput("", { maxlength: MAX_NAME_BYTES, required: true }),
    "Seperti dalam SKB, mis. Hari Raya Natal atau Cuti Bersama Hari Raya Idulfitri.",
  );
  const kind = field("kind", "Jenis", select(HOLIDAY_KINDS, "libur_nasional"));
  const fields: Field[] = [date, name, kind];
  const submit = h("button", { type: "submit", class: "button" }, "Tambahkan");
  const state = new FormState(fields, submit);
  const form = h(
    "form",
    {
      class: "card form registry-form holiday-form",
      "aria-labelledby": "tambah-libur-judul",
      novalidate: true,
    },
    h("h2", { id: "tambah-libur-judul" }, "Tambah hari libur"),
    date.row,
    name.row,
    kind.row,
    state.message,
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const input = { date: date.control.value, name: name.control.value, kind: kind.control.value };
    const byName = (n: HolidayField) => fields.find((f) => f.name === n)!;
    const problems = holidayFormProblems(input).map(([n, m]) => [byName(n), m] as [Field, string]);
    if (state.refuse(problems)) return;
    void state.send(
      () => holidays.add(holidayBody(input)),
      (x) =>
        void (async () => {
          date.control.value = "";
          name.control.value = "";
          try {
            await added(x);
            replace(
              state.message,
              h(
                "p",
                { class: "alert success", role: "status" },
                `${formatDate(x.date)} (${x.name}, ${x.kind_label.toLowerCase()}) ditambahkan ` +
                  "ke kalender hari libur.",
              ),
            );
          } catch (e) {
            replace(state.message, errorBox(e));
          }
        })(),
    );
  });
  return form;
}
