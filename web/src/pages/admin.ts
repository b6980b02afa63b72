import { api, ApiError } from "../api/client";
import type { Account, Amendment, AuditEntry, RegulationPreview } from "../api/types";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditChanges,
  auditSentence,
  type Piece,
} from "../audit_entry";
import { h, replace, type Child } from "../dom";
import {
  changeLabel,
  formatDate,
  formatTimestamp,
  pageRange,
  regulationName,
  severityLabel,
} from "../format";
import { roleCanAdminister, roleLabel } from "../format";
import { paths, type AuditFilters } from "../router";
import { user } from "../session";
import {
  changeValue,
  errorBox,
  errorMessage,
  facts,
  link,
  loading,
  pageHeading,
  pager,
  regulationLink,
  severityBadge,
  signInPrompt,
  table,
} from "../ui";
import { emailLabel } from "../email";
import { emailForm } from "./email_form";
import { accountNewForm } from "./account_new_form"; // issue 12 item 6, web
import { pageOfAccount } from "../account_form";
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
          !r.created
            ? "Naskah ini sudah pernah diimpor. "
            : r.amendment?.new_version_id
              ? [
                  "Peraturan perubahan tersimpan dan diterapkan: ",
                  link(
                    paths.regulation(r.amendment.new_version_id),
                    "versi baru peraturan yang diubah",
                  ),
                  ". ",
                ]
              : r.previous_version_id
                ? "Peraturan tersimpan sebagai versi baru; versi sebelumnya tetap dapat dibaca. "
                : "Peraturan tersimpan. ",
          link(paths.regulation(r.id), "Buka halaman peraturan"),
        ),
      );
    } catch (e) {
      saveBtn.disabled = false;
      replace(saveMsg, errorBox(e));
    }
  });
  const agency = p.agency;
  const previous = p.previous_version;
  const changes = p.amendment ? p.amendment.changes : p.changes;
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
    previous
      ? h(
          "p",
          { class: "alert info", role: "status" },
          "Peraturan ini sudah ada (",
          regulationLink(previous, true),
          `, versi ${previous.version}). Menyimpan naskah ini mencatatnya sebagai versi ` +
            `${previous.version + 1} (perbaikan), bukan salinan kedua; perubahan di bawah ` +
            "dibandingkan dengan versi yang tersimpan.",
        )
      : null,
    p.amendment ? amendmentBox(p.amendment) : null,
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
      [
        "Status impor",
        p.already_imported
          ? "sudah diimpor"
          : previous
            ? `sudah ada; akan menjadi versi ${previous.version + 1}`
            : "belum diimpor",
      ],
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
    h("h3", null, `Perubahan struktur (${changes.length})`),
    changes.length
      ? table(
          ["Perubahan", "Jabatan", "Sebelum", "Sesudah"],
          changes.map((c) => [
            changeLabel(c.kind),
            c.position_title,
            changeValue(c.before),
            changeValue(c.after),
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

/** What an amending text ("Perubahan atas ...") would do to the regulation it amends. */
function amendmentBox(a: Amendment): HTMLElement {
  const cited = regulationName({ kind: a.cited.kind, number: a.cited.number, year: a.cited.year });
  if (!a.amended) {
    return h(
      "div",
      { class: "alert warning", role: "status" },
      h(
        "p",
        null,
        `Naskah ini mengubah ${cited}, yang belum ada (atau tidak berlaku) di registri. ` +
          "Jika disimpan sekarang, perubahannya tidak diterapkan; impor dahulu peraturan itu.",
      ),
    );
  }
  return h(
    "div",
    { class: "alert info", role: "status" },
    h(
      "p",
      null,
      "Naskah ini mengubah ",
      regulationLink(a.amended, true),
      `. Menyimpannya menyimpan naskah perubahan ini dan mencatat versi ${a.amended.version + 1} ` +
        "peraturan yang diubah dengan perubahan diterapkan; versi yang sekarang tetap dapat dibaca.",
    ),
    h(
      "ul",
      { class: "plain-list" },
      a.applied.map((x) => h("li", null, x)),
    ),
    a.not_applied.length
      ? [
          h("p", null, "Tidak diterapkan (periksa sendiri):"),
          h(
            "ul",
            { class: "plain-list" },
            a.not_applied.map((x) => h("li", null, x)),
          ),
        ]
      : null,
  );
}

const AUDIT_PAGE = 50;

// ---- Audit (issue 11: readable, with links, filtered by account, kind and date) ----

export async function auditPage(ctx: PageContext): Promise<void> {
  const { before, filters } = routeOf(ctx, "audit");
  if (!guard(ctx, "Audit", paths.audit(before, filters))) return;
  let list;
  try {
    list = await api.audit({
      limit: AUDIT_PAGE,
      before_id: before,
      username: filters.username,
      action: filters.action,
      entity: filters.entity,
      from: filters.from,
      to: filters.to,
    });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 400)) {
      replace(ctx.main, pageHeading("Audit"), auditFilterForm(ctx, filters), errorBox(e));
      return;
    }
    throw e;
  }
  if (!ctx.isCurrent()) return;
  const filtered = Object.values(filters).some(Boolean);
  replace(
    ctx.main,
    pageHeading("Audit", "Catatan setiap perubahan pada registri."),
    auditFilterForm(ctx, filters),
    list.items.length === 0
      ? h(
          "p",
          { class: "muted", role: "status" },
          filtered ? "Tidak ada catatan yang cocok dengan saringan." : "Belum ada catatan.",
        )
      : h(
          "div",
          null,
          h(
            "p",
            { class: "muted", role: "status" },
            `Menampilkan ${list.items.length} catatan${before === null ? " terbaru" : ""}`,
          ),
          table(
            ["Waktu", "Catatan", "Perubahan (sebelum → sesudah)"],
            list.items.map((a) => [
              h("span", { class: "nowrap" }, formatTimestamp(a.at)),
              h("span", { class: "audit-sentence" }, auditSentence(a).map(piece)),
              changeList(a),
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
                  { href: paths.audit(null, filters), class: "button secondary", rel: "prev" },
                  "‹ Terbaru",
                ),
            list.next_before_id === null
              ? null
              : h(
                  "a",
                  {
                    href: paths.audit(list.next_before_id, filters),
                    class: "button secondary",
                    rel: "next",
                  },
                  "Lebih lama ›",
                ),
          ),
        ),
  );
}

function piece(p: Piece): Child {
  return p.href ? link(p.href, p.text) : p.text;
}

function changeList(a: AuditEntry): Child {
  const changes = auditChanges(a);
  if (changes.length === 0) return h("span", { class: "muted" }, "—");
  return h(
    "ul",
    { class: "audit-changes" },
    changes.map((c) =>
      h(
        "li",
        { "data-field": c.field },
        h("span", { class: "audit-field" }, `${c.label}: `),
        h("span", { class: "audit-before" }, piece(c.before)),
        " → ",
        h("span", { class: "audit-after" }, piece(c.after)),
      ),
    ),
  );
}

function auditFilterForm(ctx: PageContext, f: AuditFilters): HTMLElement {
  const field = (id: string, label: string, control: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: id }, label), control);
  const select = (id: string, value: string, options: [string, string][]) => {
    const el = h(
      "select",
      { id, name: id },
      h("option", { value: "" }, "Semua"),
      options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)),
    );
    return el;
  };
  const username = h("input", { id: "audit-pengguna", type: "text", value: f.username });
  const action = select("audit-tindakan", f.action, AUDIT_ACTION_LABELS);
  const entity = select("audit-data", f.entity, AUDIT_ENTITY_LABELS);
  const from = h("input", { id: "audit-dari", type: "date", value: f.from });
  const to = h("input", { id: "audit-sampai", type: "date", value: f.to });
  const form = h(
    "form",
    { class: "filter-form", "aria-label": "Saring catatan audit" },
    field("audit-pengguna", "Pengguna", username),
    field("audit-tindakan", "Jenis perubahan", action),
    field("audit-data", "Jenis data", entity),
    field("audit-dari", "Dari tanggal", from),
    field("audit-sampai", "Sampai tanggal", to),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "button" }, "Saring"),
      Object.values(f).some(Boolean)
        ? h("a", { href: paths.audit(), class: "button secondary" }, "Hapus saringan")
        : null,
    ),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    ctx.navigate(
      paths.audit(null, {
        username: username.value.trim(),
        action: action.value,
        entity: entity.value,
        from: from.value,
        to: to.value,
      }),
    );
  });
  return form;
}

// ---- Accounts (administrator) ----

const ACCOUNTS_PAGE = 50;

/** The administrator's accounts: switch an account off or on, end its sessions. */
export async function accountsPage(ctx: PageContext): Promise<void> {
  const { page } = routeOf(ctx, "accounts");
  const u = user();
  if (!u) {
    replace(ctx.main, pageHeading("Akun"), signInPrompt(paths.accounts(page), "Halaman ini"));
    return;
  }
  if (u.role !== "administrator") {
    replace(
      ctx.main,
      pageHeading("Akun"),
      h("div", { class: "alert error", role: "alert" }, "Halaman ini hanya untuk administrator."),
    );
    return;
  }
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const say = (kind: "error" | "success", text: string) =>
    replace(
      message,
      h("p", { class: `alert ${kind}`, role: kind === "error" ? "alert" : "status" }, text),
    );
  const listBox = h("div", null);
  /** Shows the list's page `p`; `fresh`: the user name of an account just made (marked). */
  const showList = async (p: number, fresh: string | null = null) => {
    const list = await api.users({ limit: ACCOUNTS_PAGE, offset: (p - 1) * ACCOUNTS_PAGE });
    if (!ctx.isCurrent()) return;
    const rows = list.items.map((a) => accountRow(a, a.id === u.id, say, a.username === fresh));
    replace(
      listBox,
      list.items.length === 0
        ? h("p", { class: "muted" }, "Belum ada akun.")
        : h(
            "div",
            null,
            h(
              "p",
              { class: "muted" },
              `Menampilkan ${pageRange(list.offset, list.items.length, list.total)} akun`,
            ),
            table(
              ["Nama pengguna", "Nama", "Peran", "E-mail", "Status", "Tindakan"],
              rows,
              "Daftar akun",
            ),
            pager(list.offset, list.limit || ACCOUNTS_PAGE, list.total, (n) => paths.accounts(n)),
          ),
    );
  };
  await showList(page);
  if (!ctx.isCurrent()) return;
  // Issue 12 item 6 on the web: the administrator makes an account; the list then shows the page
  // that holds it (accounts are listed by user name).
  const created = async (a: Account) => {
    const names: string[] = [];
    for (let offset = 0; offset < 100000;) {
      const r = await api.users({ limit: 500, offset });
      names.push(...r.items.map((x) => x.username));
      offset += r.items.length;
      if (r.items.length === 0 || offset >= r.total) break;
    }
    const p = pageOfAccount(names, a.username, ACCOUNTS_PAGE);
    if (!ctx.isCurrent()) return;
    history.replaceState(null, "", paths.accounts(p));
    await showList(p, a.username);
  };
  replace(
    ctx.main,
    pageHeading(
      "Akun",
      "Akun yang dinonaktifkan tidak dapat masuk dan semua sesinya berakhir seketika.",
    ),
    message,
    listBox,
    accountNewForm(created),
  );
}

function accountRow(
  a: Account,
  self: boolean,
  say: (kind: "error" | "success", text: string) => void,
  fresh = false,
): Child[] {
  let account = a;
  const status = h("span", { class: "badge" });
  const toggle = h("button", { type: "button", class: "button secondary" });
  const endSessions = h("button", { type: "button", class: "button secondary" }, "Akhiri sesi");
  const show = () => {
    status.textContent = account.active ? "Aktif" : "Nonaktif";
    status.className = `badge ${account.active ? "status-berlaku" : "status-dicabut"}`;
    toggle.textContent = account.active ? "Nonaktifkan" : "Aktifkan";
    toggle.setAttribute("aria-label", `${toggle.textContent} akun ${account.username}`);
    endSessions.setAttribute("aria-label", `Akhiri sesi akun ${account.username}`);
  };
  show();
  toggle.addEventListener("click", async () => {
    if (account.active && !window.confirm(`Nonaktifkan akun ${account.username}?`)) return;
    toggle.disabled = true;
    try {
      account = account.active
        ? await api.disableUser(account.id)
        : await api.enableUser(account.id);
      show();
      say(
        "success",
        account.active
          ? `Akun ${account.username} aktif kembali.`
          : `Akun ${account.username} dinonaktifkan; semua sesinya berakhir.`,
      );
    } catch (e) {
      say("error", errorMessage(e));
    } finally {
      toggle.disabled = false;
    }
  });
  endSessions.addEventListener("click", async () => {
    endSessions.disabled = true;
    try {
      const r = await api.endUserSessions(account.id);
      say(
        "success",
        r.sessions_ended > 0
          ? `${r.sessions_ended} sesi akun ${account.username} diakhiri.`
          : `Akun ${account.username} tidak punya sesi.`,
      );
    } catch (e) {
      say("error", errorMessage(e));
    } finally {
      endSessions.disabled = false;
    }
  });
  const shownEmail = h("span", null, emailLabel(a.email));
  const emailCell = h(
    "div",
    null,
    shownEmail,
    h(
      "details",
      { class: "inline-edit" },
      h("summary", { "aria-label": `Ubah e-mail akun ${a.username}` }, "Ubah"),
      emailForm(
        `akun-${a.id}-`,
        a.email ?? "",
        (email) => api.setUserEmail(a.id, email),
        (email) => replace(shownEmail, emailLabel(email)),
      ),
    ),
  );
  return [
    h(
      "span",
      { class: "nowrap" },
      a.username,
      fresh ? [" ", h("span", { class: "badge new" }, "baru")] : null,
    ),
    a.display_name,
    roleLabel(a.role),
    emailCell,
    status,
    h(
      "span",
      { class: "actions-inline" },
      self ? h("span", { class: "muted small" }, "akun Anda ") : toggle,
      self ? null : " ",
      self ? null : endSessions,
    ),
  ];
}
