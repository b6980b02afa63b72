import { api, ApiError } from "../api/client";
import type { RegulationPreview } from "../api/types";
import { h, replace, type Child } from "../dom";
import {
  auditActionLabel,
  changeLabel,
  formatDate,
  formatTimestamp,
  regulationName,
  severityLabel,
} from "../format";
import { roleCanAdminister } from "../format";
import { paths } from "../router";
import { user } from "../session";
import {
  errorBox,
  facts,
  link,
  loading,
  pageHeading,
  regulationLink,
  severityBadge,
  signInPrompt,
  table,
} from "../ui";
import { routeOf, type PageContext } from "./context";

function guard(ctx: PageContext, title: string, next: string): boolean {
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading(title), signInPrompt(next, "Halaman ini"));
    return false;
  }
  if (!roleCanAdminister(u.role)) {
    replace(
      ctx.main,
      pageHeading(title),
      h(
        "div",
        { class: "alert error", role: "alert" },
        "Halaman ini hanya untuk admin registri dan administrator.",
      ),
    );
    return false;
  }
  return true;
}

export async function uploadPage(ctx: PageContext): Promise<void> {
  routeOf(ctx, "upload");
  if (!guard(ctx, "Unggah Peraturan", paths.upload())) return;

  const file = h("input", {
    id: "berkas",
    type: "file",
    accept: ".txt,text/plain",
    "aria-describedby": "berkas-bantuan",
  });
  const text = h("textarea", {
    id: "naskah",
    rows: 8,
    spellcheck: "false",
    "aria-describedby": "naskah-bantuan",
  });
  const previewBtn = h("button", { type: "submit", class: "button" }, "Pratinjau");
  const result = h("div", { class: "preview", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "card form" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "berkas" }, "Pilih berkas naskah (.txt)"),
      file,
      h(
        "p",
        { id: "berkas-bantuan", class: "muted small" },
        "Teks UTF-8, Windows-1252, atau UTF-16; paling besar 32 MiB.",
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "naskah" }, "atau tempel naskah peraturan"),
      text,
      h(
        "p",
        { id: "naskah-bantuan", class: "muted small" },
        "Jika berkas dipilih, berkas yang dipakai.",
      ),
    ),
    h("p", null, previewBtn),
  );

  // The file is sent as its bytes, so the server converts its encoding; pasted text is UTF-8.
  const body = async (): Promise<string | Blob | null> => {
    const f = file.files?.[0];
    if (f) return f;
    return text.value.trim() ? text.value : null;
  };

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const b = await body();
    if (b === null) {
      replace(
        result,
        h(
          "p",
          { class: "alert error", role: "alert" },
          "Pilih berkas atau tempel naskah terlebih dahulu.",
        ),
      );
      return;
    }
    previewBtn.disabled = true;
    replace(result, loading("Membaca naskah…"));
    try {
      const preview = await api.previewRegulation(b);
      if (!ctx.isCurrent()) return;
      replace(result, renderPreview(preview, b));
    } catch (e) {
      replace(result, errorBox(e));
    } finally {
      previewBtn.disabled = false;
    }
  });

  replace(
    ctx.main,
    pageHeading(
      "Unggah Peraturan",
      "Naskah dibaca dan diperiksa dahulu; tidak ada yang disimpan sebelum Anda menekan Simpan.",
    ),
    form,
    result,
  );
}

function renderPreview(p: RegulationPreview, body: string | Blob): HTMLElement {
  const reg = p.regulation;
  const regName = regulationName({
    kind: String(reg.kind ?? ""),
    number: (reg.number as string | null) ?? "",
    year: (reg.year as number | null) ?? null,
  });
  const saveMsg = h("div", { "aria-live": "polite" });
  const saveBtn = h("button", { type: "button", class: "button" }, "Simpan");
  saveBtn.addEventListener("click", async () => {
    saveBtn.disabled = true;
    replace(saveMsg, loading("Menyimpan…"));
    try {
      const r = await api.importRegulation(body);
      replace(
        saveMsg,
        h(
          "p",
          { class: "alert success", role: "status" },
          r.created ? "Peraturan tersimpan. " : "Naskah ini sudah pernah diimpor. ",
          link(paths.regulation(r.id), "Buka halaman peraturan"),
        ),
      );
    } catch (e) {
      saveBtn.disabled = false;
      replace(saveMsg, errorBox(e));
    }
  });
  const agency = p.agency;
  return h(
    "section",
    { class: "card", "aria-labelledby": "pratinjau-judul" },
    h("h2", { id: "pratinjau-judul" }, "Pratinjau"),
    p.already_imported
      ? h(
          "p",
          { class: "alert info", role: "status" },
          "Naskah ini sudah diimpor sebelumnya; menyimpan lagi tidak mengubah apa pun.",
        )
      : null,
    facts([
      ["Peraturan", regName],
      ["Tentang", String(reg.title ?? "")],
      ["Tanggal penetapan", formatDate((reg.date as string | null) ?? null)],
      [
        "Daerah",
        [
          p.region.name,
          " ",
          h(
            "span",
            { class: `badge ${p.region.exists ? "" : "new"}` },
            p.region.exists ? "sudah ada" : "baru",
          ),
        ],
      ],
      [
        "Perangkat daerah",
        agency
          ? [
              String(agency.name ?? ""),
              agency.kind ? h("span", { class: "muted" }, ` · ${String(agency.kind)}`) : null,
            ]
          : "—",
      ],
      ["Unit organisasi", String(p.units.length)],
      ["Jabatan", String(p.positions.length)],
      ...(p.more_agencies.length
        ? [
            [
              "Perangkat daerah lain",
              h(
                "ul",
                { class: "plain-list" },
                p.more_agencies.map((m) =>
                  h(
                    "li",
                    null,
                    String(m.agency.name ?? ""),
                    h(
                      "span",
                      { class: "muted small" },
                      ` · ${m.units.length} unit · ${m.positions.length} jabatan`,
                    ),
                  ),
                ),
              ),
            ] as [string, Child],
          ]
        : []),
      ["Status impor", p.already_imported ? "sudah diimpor" : "belum diimpor"],
    ]),
    p.positions.length
      ? h(
          "details",
          { class: "preview-positions" },
          h("summary", null, `Daftar ${p.positions.length} jabatan`),
          h(
            "ul",
            { class: "plain-list" },
            p.positions.map((x) => {
              const o = (x ?? {}) as Record<string, unknown>;
              const meta = [
                o.kind,
                typeof o.eselon === "string" && o.eselon ? `Eselon ${o.eselon}` : "",
              ]
                .filter((v) => typeof v === "string" && v)
                .join(" · ");
              return h(
                "li",
                null,
                typeof o.title === "string" ? o.title : "",
                meta ? h("span", { class: "muted small" }, ` · ${meta}`) : null,
              );
            }),
          ),
        )
      : null,
    h("h3", null, `Peraturan yang dicabut (${p.revokes.length})`),
    p.revokes.length
      ? h(
          "ul",
          { class: "plain-list" },
          p.revokes.map((r) => h("li", null, regulationLink(r, true))),
        )
      : h("p", { class: "muted" }, "Tidak ada."),
    h("h3", null, `Perubahan struktur (${p.changes.length})`),
    p.changes.length
      ? table(
          ["Perubahan", "Jabatan", "Sebelum", "Sesudah"],
          p.changes.map((c) => [
            changeLabel(c.kind),
            c.position_title,
            c.before || "—",
            c.after || "—",
          ]),
          "Perubahan struktur",
        )
      : h("p", { class: "muted" }, "Tidak ada."),
    h("h3", null, `Temuan (${p.findings.length})`),
    p.findings.length
      ? table(
          ["Kode", "Tingkat", "Baris", "Pesan"],
          p.findings.map((f) => [
            h("code", null, f.code),
            severityBadge(f.severity, severityLabel(f.severity)),
            String(f.line),
            f.message,
          ]),
          "Temuan pemeriksaan naskah",
        )
      : h("p", { class: "muted" }, "Tidak ada temuan."),
    h("div", { class: "actions" }, saveBtn),
    saveMsg,
  );
}

const AUDIT_PAGE = 50;

export async function auditPage(ctx: PageContext): Promise<void> {
  const { before } = routeOf(ctx, "audit");
  if (!guard(ctx, "Audit", paths.audit(before))) return;
  let list;
  try {
    list = await api.audit({ limit: AUDIT_PAGE, before_id: before });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      replace(ctx.main, pageHeading("Audit"), errorBox(e));
      return;
    }
    throw e;
  }
  if (!ctx.isCurrent()) return;
  replace(
    ctx.main,
    pageHeading("Audit", "Catatan setiap perubahan pada registri."),
    list.items.length === 0
      ? h("p", { class: "muted" }, "Belum ada catatan.")
      : h(
          "div",
          null,
          h(
            "p",
            { class: "muted" },
            `Menampilkan ${list.items.length} catatan${before === null ? " terbaru" : ""}`,
          ),
          table(
            ["Waktu", "Pengguna", "Tindakan", "Data", "Sebelum", "Sesudah"],
            list.items.map((a) => [
              h("span", { class: "nowrap" }, formatTimestamp(a.at)),
              a.username,
              auditActionLabel(a.action),
              `${a.entity}${a.entity_id !== null && a.entity_id !== undefined ? ` #${a.entity_id}` : ""}`,
              jsonCell(a.before),
              jsonCell(a.after),
            ]),
            "Catatan audit",
          ),
          h(
            "nav",
            { class: "pager", "aria-label": "Halaman catatan audit" },
            before === null
              ? null
              : h(
                  "a",
                  { href: paths.audit(), class: "button secondary", rel: "prev" },
                  "‹ Terbaru",
                ),
            list.next_before_id === null
              ? null
              : h(
                  "a",
                  {
                    href: paths.audit(list.next_before_id),
                    class: "button secondary",
                    rel: "next",
                  },
                  "Lebih lama ›",
                ),
          ),
        ),
  );
}

function jsonCell(v: unknown): HTMLElement | string {
  if (v === null || v === undefined || v === "") return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v, null, 1);
  return h("code", { class: "json" }, s.length > 400 ? `${s.slice(0, 400)}…` : s);
}
