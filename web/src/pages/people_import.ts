// "Impor pegawai": a registry administrator reads a table of people (the civil-service system's
// export, a BKPSDM sheet, or this agency's own people export) into an agency. The file is first
// previewed (POST /agencies/{id}/people/preview: nothing written; row by row what would be
// matched, created, updated or refused, and why), then saved (POST .../people/import), all or
// nothing unless the officer chooses to skip the refused rows.
import { api, ApiError } from "../api/client";
import type { Agency, ImportedRow, PeopleImportReport } from "../api/types";
import { h, replace, type Child } from "../dom";
import { paths } from "../router";
import { errorBox, facts, link, loading, pageHeading, section, table } from "../ui";
import { routeOf, type PageContext } from "./context";
import { editorGuard } from "./form_kit";

const OUTCOME_LABELS: Record<ImportedRow["outcome"], string> = {
  created: "Dibuat",
  updated: "Diperbarui",
  refused: "Ditolak",
};

const FIELD_LABELS: Record<string, string> = {
  nip: "NIP",
  name: "Nama",
  rank: "Pangkat/golongan",
  kind: "Jenis pegawai",
  position: "Jabatan",
  unit: "Unit kerja",
  placement: "Penempatan",
  start: "TMT",
};

/** What the report says of one row: its changes, or why it is refused (with the column). */
function rowNotes(r: ImportedRow): Child {
  if (r.outcome === "refused") {
    return h(
      "ul",
      { class: "plain-list" },
      r.problems.map((p) => h("li", null, p.column ? `${p.column}: ${p.message}` : p.message)),
    );
  }
  return h(
    "ul",
    { class: "plain-list" },
    r.changes.map((c) => h("li", null, c)),
  );
}

function rowName(r: ImportedRow): Child {
  return r.employee_id !== null ? link(paths.employee(r.employee_id), r.name || r.nip) : r.name;
}

/** The report of a preview or an import: counts, the columns read, the rows that change. */
export function renderImportReport(report: PeopleImportReport): HTMLElement {
  const s = report.summary;
  const used = report.columns.filter((c) => c.field !== null);
  const ignored = report.columns.filter((c) => c.field === null);
  return h(
    "div",
    { class: "import-report" },
    facts([
      ["Baris data", String(s.rows)],
      ["Sudah sesuai registri", String(s.matched)],
      ["Pegawai baru", String(s.created)],
      ["Diperbarui", String(s.updated)],
      ["Ditolak", String(s.refused)],
    ]),
    h(
      "p",
      { class: "muted small" },
      "Kolom yang dibaca: ",
      used.map((c) => `${c.heading} (${FIELD_LABELS[c.field!] ?? c.field})`).join(", ") || "—",
      ignored.length
        ? `. Diabaikan: ${ignored.map((c) => c.heading || "(tanpa judul)").join(", ")}`
        : "",
      ".",
    ),
    report.rows.length === 0
      ? h("p", null, "Tidak ada baris yang mengubah registri.")
      : table(
          ["Baris", "NIP", "Nama", "Hasil", "Keterangan"],
          report.rows.map((r) => [
            String(r.line),
            r.nip,
            rowName(r),
            h("span", { class: `badge outcome-${r.outcome}` }, OUTCOME_LABELS[r.outcome]),
            rowNotes(r),
          ]),
          "Baris yang dibuat, diperbarui atau ditolak",
        ),
    report.rows_left_off > 0
      ? h(
          "p",
          { class: "muted small" },
          `${report.rows_left_off} baris lain tidak ditampilkan (paling banyak 1.000 baris).`,
        )
      : null,
  );
}

export async function peopleImportPage(ctx: PageContext): Promise<void> {
  const { agencyId } = routeOf(ctx, "peopleImport");
  if (!editorGuard(ctx, "Impor Pegawai", paths.peopleImport(agencyId))) return;
  replace(ctx.main, loading());
  let agency: Agency;
  try {
    agency = await api.agency(agencyId);
  } catch (e) {
    if (ctx.isCurrent()) replace(ctx.main, pageHeading("Impor Pegawai"), errorBox(e));
    return;
  }
  if (!ctx.isCurrent()) return;

  const file = h("input", {
    id: "berkas-pegawai",
    type: "file",
    accept: ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv",
    "aria-describedby": "berkas-pegawai-bantuan",
  });
  const previewBtn = h("button", { type: "submit", class: "button" }, "Pratinjau");
  const result = h("div", { class: "preview", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "card form" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "berkas-pegawai" }, "Pilih berkas tabel pegawai (.xlsx atau .csv)"),
      file,
      h(
        "p",
        { id: "berkas-pegawai-bantuan", class: "muted small" },
        "Baris pertama berisi judul kolom. Wajib: NIP dan Nama. Dibaca juga: Pangkat/golongan, " +
          "Jenis pegawai (PNS/PPPK), Jabatan, Unit kerja, Penempatan (definitif, Plt., Plh.) dan " +
          "TMT. Ekspor pegawai dari halaman perangkat daerah dapat diimpor kembali.",
      ),
    ),
    h("p", null, previewBtn),
  );

  const save = (chosen: File, report: PeopleImportReport): HTMLElement => {
    const s = report.summary;
    if (s.created + s.updated === 0) {
      return h("p", { class: "alert" }, "Tidak ada yang perlu disimpan: registri sudah sesuai.");
    }
    const skip = h("input", { id: "lewati-ditolak", type: "checkbox" });
    const saveBtn = h("button", { type: "button", class: "button" }, "Simpan ke registri");
    const outcome = h("div", { "aria-live": "polite" });
    saveBtn.addEventListener("click", async () => {
      saveBtn.disabled = true;
      replace(outcome, loading("Menyimpan…"));
      try {
        const done = await api.importPeople(agency.id, chosen, skip.checked);
        if (!ctx.isCurrent()) return;
        const d = done.summary;
        replace(
          result,
          h(
            "p",
            { class: "alert success", role: "status" },
            `Tersimpan: ${d.created} pegawai baru, ${d.updated} diperbarui` +
              (d.refused ? `, ${d.refused} baris ditolak dan dilewati.` : "."),
          ),
          renderImportReport(done),
        );
      } catch (e) {
        if (e instanceof ApiError && e.code === "PEOPLE_IMPORT_REFUSED" && e.body) {
          replace(outcome, errorBox(e), renderImportReport(e.body as PeopleImportReport));
        } else {
          replace(outcome, errorBox(e));
        }
        saveBtn.disabled = false;
      }
    });
    return h(
      "div",
      { class: "card" },
      s.refused > 0
        ? h(
            "p",
            { class: "field" },
            skip,
            " ",
            h(
              "label",
              { for: "lewati-ditolak" },
              `Lewati ${s.refused} baris yang ditolak dan simpan baris lainnya`,
            ),
          )
        : null,
      h(
        "p",
        { class: "muted small" },
        s.refused > 0
          ? "Tanpa pilihan ini, tidak ada yang disimpan selama ada baris yang ditolak."
          : "Semua perubahan disimpan sekaligus, atau tidak sama sekali.",
      ),
      h("p", null, saveBtn),
      outcome,
    );
  };

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      replace(
        result,
        h("p", { class: "alert error", role: "alert" }, "Pilih berkas tabel terlebih dahulu."),
      );
      return;
    }
    previewBtn.disabled = true;
    replace(result, loading("Membaca tabel…"));
    try {
      const report = await api.previewPeopleImport(agency.id, chosen);
      if (!ctx.isCurrent()) return;
      replace(result, section("Pratinjau", renderImportReport(report), save(chosen, report)));
    } catch (e) {
      replace(result, errorBox(e));
    } finally {
      previewBtn.disabled = false;
    }
  });

  replace(
    ctx.main,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Jejak" },
      link(paths.home(), "Beranda"),
      " › ",
      link(paths.agency(agency.id), agency.name),
      " › Impor pegawai",
    ),
    pageHeading("Impor Pegawai", agency.name),
    form,
    result,
  );
}
