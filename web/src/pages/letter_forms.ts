// Issue 12 item 6 on the web: what the letters' API does, the people whose job it is do from here.
// "Terbitkan surat" (/surat-baru, POST /letters): an administrator of the agency or the letter's
// signatory issues a Surat Tugas or Surat Perintah to several people or to a team; the agency's
// letter numbering (/perangkat-daerah/{id}/penomoran-surat, GET/PUT /agencies/{id}/letter-scheme)
// for its administrators, with an example number computed while the pattern is typed. The forms
// check what they can (letter_form.ts, letter_number.ts); the server decides and its refusal is
// shown at the field it names.
import { api, changes, letters } from "../api/client";
import type { LetterScheme } from "../api/letter_types";
import type { Agency, TeamRef } from "../api/types";
import { h, replace } from "../dom";
import { formatDate, formatTimestamp, roleCanAdminister } from "../format";
import {
  LETTER_KINDS,
  letterBody,
  letterFormProblems,
  MAX_ITEMS,
  type LetterField,
} from "../letter_form";
import { DEFAULT_NUMBER_PATTERN, letterNumberExample, unitCodeProblem } from "../letter_number";
import { paths } from "../router";
import { user } from "../session";
import { errorMessage, facts, link, pageHeading, section, signInPrompt } from "../ui";
import { employeeChooser } from "./assignment";
import { routeOf, type PageContext } from "./context";
import { editorGuard, field, formCard, FormState, select, textInput, type Field } from "./form_kit";

/** Today in the browser's time zone, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The letters' links on an agency's page, for its administrators (the server checks the scope). */
export function agencyLetterLinks(agency: Pick<Agency, "id">): HTMLElement | null {
  if (!roleCanAdminister(user()?.role)) return null;
  return h(
    "nav",
    { class: "edit-links", "aria-label": "Surat perangkat daerah" },
    h(
      "a",
      { href: paths.letterNew({ agency: agency.id }), class: "button secondary" },
      "Terbitkan surat",
    ),
    h("a", { href: paths.letterScheme(agency.id), class: "button secondary" }, "Penomoran surat"),
  );
}

/**
 * The link on a team's page to a letter for the team (its members are the recipients), for an
 * administrator or a person who may sign it (anyone seated; the server decides).
 */
export function teamLetterLink(team: Pick<TeamRef, "id" | "agency_id">): HTMLElement | null {
  const u = user();
  if (!u || (!roleCanAdminister(u.role) && u.employee_id === null)) return null;
  return h(
    "nav",
    { class: "edit-links", "aria-label": "Surat untuk tim" },
    h(
      "a",
      {
        href: paths.letterNew({ agency: team.agency_id, team: team.id }),
        class: "button secondary",
      },
      "Terbitkan surat tugas untuk tim ini",
    ),
  );
}

/** A several-line field: one item a line. */
function linesField(name: LetterField, label: string, help: string, rows = 3) {
  return field(name, label, h("textarea", { rows, maxlength: 60000 }), help);
}

/**
 * The recipients: a search that fills a select, a button that adds the chosen person to the list,
 * and the list with a button that takes each off again.
 */
function recipientsChooser() {
  const chooser = employeeChooser("recipient_employee_ids", "Penerima", null);
  const chosen = new Map<string, string>();
  const list = h("ul", {
    class: "plain-list chosen-people",
    "aria-labelledby": "penerima-dipilih",
  });
  const listTitle = h("p", { id: "penerima-dipilih", class: "chosen-title" });
  const status = h("p", { class: "muted small", role: "status" });
  const show = () => {
    replace(
      list,
      [...chosen].map(([id, name]) =>
        h(
          "li",
          null,
          h("span", null, name),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "button secondary",
              "aria-label": `Hapus ${name} dari penerima`,
              onclick: () => {
                chosen.delete(id);
                show();
                replace(status, `${name} dihapus dari penerima.`);
              },
            },
            "Hapus",
          ),
        ),
      ),
    );
    list.hidden = chosen.size === 0;
    listTitle.hidden = chosen.size === 0;
    replace(listTitle, `Penerima yang dipilih (${chosen.size})`);
  };
  const add = h(
    "button",
    {
      type: "button",
      class: "button secondary",
      onclick: () => {
        const id = chooser.control.value;
        if (!id) {
          replace(status, "Cari lalu pilih pegawai terlebih dahulu.");
          return;
        }
        const option = chooser.control.selectedOptions[0];
        const name = (option?.textContent ?? id).split(" — ")[0]!;
        if (chosen.has(id)) {
          replace(status, `${name} sudah menjadi penerima.`);
          return;
        }
        chosen.set(id, name);
        show();
        replace(status, `${name} ditambahkan sebagai penerima (${chosen.size}).`);
      },
    },
    "Tambahkan penerima",
  );
  show();
  const box = h(
    "div",
    { class: "recipients" },
    chooser.search,
    chooser.row,
    h("div", { class: "actions" }, add),
    status,
    listTitle,
    list,
  );
  return { field: chooser as Field, box, ids: () => [...chosen.keys()] };
}

export async function letterNewPage(ctx: PageContext): Promise<void> {
  const { agency: agencyParam, team: teamParam } = routeOf(ctx, "letterNew");
  const title = "Terbitkan surat";
  const u = user();
  if (!u) {
    replace(
      ctx.main,
      pageHeading(title),
      signInPrompt(paths.letterNew({ agency: agencyParam, team: teamParam }), "Halaman ini"),
    );
    return;
  }
  const agencies = await changes.agencies({ limit: 500 });
  if (!ctx.isCurrent()) return;

  const kind = field(
    "kind",
    "Jenis surat",
    select(LETTER_KINDS, "surat_tugas"),
    "Surat Tugas untuk tugas dalam tugas jabatan; Surat Perintah untuk tugas di luar tugas jabatan.",
  );
  const agency = field(
    "agency_id",
    "Perangkat daerah",
    select(
      [
        ["", "Pilih perangkat daerah"],
        ...agencies.items.map(
          (a) => [String(a.id), `${a.name} — ${a.region_name}`] as [string, string],
        ),
      ],
      agencyParam ?? "",
    ),
    "Perangkat daerah yang menerbitkan surat: kop surat dan nomornya dari penomoran surat perangkat daerah ini.",
  );
  const own =
    u.employee_id !== null ? { id: u.employee_id, name: u.display_name || u.username } : null;
  const signatory = employeeChooser("signatory_employee_id", "Penandatangan", own);
  const recipients = recipientsChooser();
  const team = field(
    "team_id",
    "Tim kerja (pilihan)",
    select([["", "Tanpa tim kerja"]], ""),
    "Tanpa penerima yang ditambahkan, anggota tim pada tanggal surat menjadi penerimanya (ketua lebih dahulu).",
  );
  const grounds = linesField(
    "grounds",
    "Dasar (pilihan)",
    `Satu dasar per baris, misalnya peraturan yang menjadi dasar tugas; paling banyak ${MAX_ITEMS}.`,
  );
  const tasks = linesField(
    "tasks",
    "Untuk",
    `Isi tugas, satu butir per baris; wajib paling sedikit satu, paling banyak ${MAX_ITEMS}.`,
    4,
  );
  const copies = linesField(
    "copies",
    "Tembusan (pilihan)",
    "Satu penerima tembusan per baris, misalnya Sekretaris Daerah.",
    2,
  );
  const date = field("date", "Tanggal surat", textInput(today(), { type: "date", required: true }));
  const place = field(
    "place",
    "Tempat (pilihan)",
    textInput("", { maxlength: 100 }),
    "Tempat surat ditandatangani. Kosongkan: tempat dari penomoran surat perangkat daerah, atau nama daerahnya.",
  );

  // The teams of the chosen agency (active ones), loaded when it changes.
  let wantedTeam = teamParam ?? "";
  const loadTeams = async () => {
    const aid = agency.control.value;
    const a = agencies.items.find((x) => String(x.id) === aid);
    replace(team.control, h("option", { value: "" }, a ? "Memuat tim kerja…" : "Tanpa tim kerja"));
    if (!a) return;
    try {
      const teams = (await api.teams(a.region_id)).items.filter(
        (t) => String(t.agency_id) === aid && (t.status === "aktif" || String(t.id) === wantedTeam),
      );
      if (agency.control.value !== aid) return;
      replace(
        team.control,
        h("option", { value: "" }, "Tanpa tim kerja"),
        teams.map((t) => h("option", { value: String(t.id) }, t.name)),
      );
      if (wantedTeam && teams.some((t) => String(t.id) === wantedTeam)) {
        team.control.value = wantedTeam;
      }
      wantedTeam = "";
    } catch (e) {
      replace(team.control, h("option", { value: "" }, "Tanpa tim kerja"));
      replace(team.error, errorMessage(e));
    }
  };
  agency.control.addEventListener("change", () => void loadTeams());

  const submit = h("button", { type: "submit", class: "button" }, "Terbitkan surat");
  const fields: Field[] = [
    kind,
    agency,
    signatory,
    recipients.field,
    team,
    grounds,
    tasks,
    copies,
    date,
    place,
  ];
  const state = new FormState(fields, submit);
  const form = formCard(
    "Surat baru",
    state,
    agencyParam ? paths.agency(agencyParam) : paths.myWork(),
    h(
      "p",
      { class: "muted" },
      "Surat diterbitkan oleh administrator perangkat daerahnya atau oleh penandatangannya sendiri. " +
        "Penandatangan harus pegawai pemerintah daerah yang sama dan menduduki jabatan pada tanggal surat. " +
        "Nomor surat diberikan saat surat terbit.",
    ),
    kind.row,
    agency.row,
    signatory.search,
    signatory.row,
    h("fieldset", { class: "field-group" }, h("legend", null, "Kepada"), recipients.box, team.row),
    grounds.row,
    tasks.row,
    copies.row,
    date.row,
    place.row,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const input = {
      kind: kind.control.value,
      agencyId: agency.control.value,
      signatoryId: signatory.control.value,
      recipientIds: recipients.ids(),
      teamId: team.control.value,
      grounds: grounds.control.value,
      tasks: tasks.control.value,
      copies: copies.control.value,
      date: date.control.value,
      place: place.control.value,
    };
    const problems = letterFormProblems(input);
    const byName = (n: LetterField) => fields.find((f) => f.name === n)!;
    if (state.refuse(problems.map(([n, m]) => [byName(n), m] as [Field, string]))) return;
    void state.send(
      () => letters.issue(letterBody(input)),
      (l) => ctx.navigate(paths.letter(l.id)),
    );
  });
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      agencyParam
        ? link(
            paths.agency(agencyParam),
            agencies.items.find((a) => String(a.id) === agencyParam)?.name ?? "Perangkat daerah",
          )
        : link(paths.myWork(), "Pekerjaan saya"),
      ` › ${title}`,
    ),
    pageHeading(
      title,
      "Surat Tugas atau Surat Perintah, dengan nomor dari penomoran perangkat daerah.",
    ),
    form,
  );
  if (agency.control.value) await loadTeams();
}

// ---- The agency's letter numbering ----

const PLACEHOLDER_HELP =
  "Penanda: {seq} nomor urut (wajib; dimulai lagi setiap tahun), {year} tahun (wajib), " +
  "{unit_code} kode unit, {month} bulan (03), {month_roman} bulan dalam angka Romawi (III); " +
  "masing-masing paling banyak sekali. Selain penanda: huruf, angka dan tanda baca tanpa spasi.";

/** The sequence number the example shows. */
const EXAMPLE_SEQ = 12;

function schemeFacts(s: LetterScheme): HTMLElement {
  return facts([
    [
      "Pola yang berlaku",
      s.stored
        ? h("code", null, s.pattern)
        : [h("code", null, s.pattern), " (bawaan; belum diatur)"],
    ],
    ["Kode unit", s.unit_code],
    ["Alamat kop surat", s.address],
    ["Tempat penandatanganan", s.place],
    ["Terakhir diubah", s.updated_at ? formatTimestamp(s.updated_at) : ""],
  ]);
}

export async function letterSchemePage(ctx: PageContext): Promise<void> {
  const { agencyId } = routeOf(ctx, "letterScheme");
  const title = "Penomoran surat";
  if (!editorGuard(ctx, title, paths.letterScheme(agencyId))) return;
  const [agency, scheme] = await Promise.all([api.agency(agencyId), letters.scheme(agencyId)]);
  if (!ctx.isCurrent()) return;

  const pattern = field(
    "pattern",
    "Pola nomor surat",
    textInput(scheme.pattern, { maxlength: 100, spellcheck: "false", required: true }),
    PLACEHOLDER_HELP,
  );
  const unitCode = field(
    "unit_code",
    "Kode unit (pilihan)",
    textInput(scheme.unit_code, { maxlength: 30, spellcheck: "false" }),
    "Wajib bila pola memuat {unit_code}: 1-30 huruf, angka, titik, tanda hubung atau garis bawah.",
  );
  const address = field(
    "address",
    "Alamat pada kop surat (pilihan)",
    textInput(scheme.address, { maxlength: 500 }),
  );
  const place = field(
    "place",
    "Tempat penandatanganan (pilihan)",
    textInput(scheme.place, { maxlength: 100 }),
    "Kosongkan: nama daerahnya tanpa jenisnya (Kota Batam: Batam).",
  );
  const on = today();
  const example = h("p", { class: "letter-number-example", "aria-live": "polite" });
  const showExample = () => {
    const r = letterNumberExample(pattern.control.value, unitCode.control.value, EXAMPLE_SEQ, on);
    replace(
      example,
      "number" in r
        ? [
            `Contoh nomor surat ke-${EXAMPLE_SEQ} bertanggal ${formatDate(on)}: `,
            h("strong", { class: "letter-number" }, r.number),
          ]
        : h(
            "span",
            { class: "muted" },
            // Said once: not again when the field already shows the same refusal.
            pattern.error.textContent === r.problem
              ? "Contoh belum dapat dibuat."
              : `Contoh belum dapat dibuat. ${r.problem}`,
          ),
    );
  };
  pattern.control.addEventListener("input", showExample);
  unitCode.control.addEventListener("input", showExample);
  showExample();

  const current = h("div", null, schemeFacts(scheme));
  const submit = h("button", { type: "submit", class: "button" }, "Simpan penomoran");
  const state = new FormState([pattern, unitCode, address, place], submit);
  const form = formCard(
    "Ubah penomoran",
    state,
    paths.agency(agency.id),
    pattern.row,
    example,
    unitCode.row,
    address.row,
    place.row,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    // The pattern itself is judged by the server, whose message says what is wrong with it.
    if (
      state.refuse([
        [pattern, pattern.control.value.trim() ? null : "Pola nomor surat wajib diisi."],
        [unitCode, unitCodeProblem(unitCode.control.value)],
      ])
    )
      return;
    void state
      .send(
        () =>
          letters.setScheme(agency.id, {
            pattern: pattern.control.value.trim(),
            unit_code: unitCode.control.value.trim(),
            address: address.control.value.trim(),
            place: place.control.value.trim(),
          }),
        (saved) => {
          replace(current, schemeFacts(saved));
          replace(
            state.message,
            h(
              "p",
              { class: "alert success", role: "status" },
              `Penomoran surat disimpan. Surat berikutnya bernomor menurut pola ${saved.pattern}.`,
            ),
          );
        },
      )
      .then(showExample);
  });
  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.agency(agency.id), agency.name),
      ` › ${title}`,
    ),
    pageHeading(
      `${title}: ${agency.name}`,
      `Pola nomor Surat Tugas dan Surat Perintah; tanpa pola sendiri: ${DEFAULT_NUMBER_PATTERN}.`,
    ),
    section("Penomoran sekarang", current),
    form,
    h(
      "p",
      null,
      link(paths.letterNew({ agency: agency.id }), "Terbitkan surat perangkat daerah ini"),
    ),
  );
}
