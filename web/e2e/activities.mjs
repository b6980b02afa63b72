// Issue 12 item 4 in Chromium on the demo database (run by run.mjs; tests "ac…"), the issue's
// scenario: a team across units of the demo agency is formed (through the API, by the
// administrator: the demo's pegawai as a member, a person of another unit as its lead; that unit's
// Kepala Bidang is then the activity's Level II). The member plans the activity on /kegiatan-baru
// (the form refuses an end before the start), starts it, writes a progress note, has a file that is
// no document refused at the upload field, uploads a small PDF (its SHA-256 shown, its download the
// same bytes) and submits it. The lead passes it on; Level II, on a phone (390 px), gives feedback
// and passes it on; Level I is stopped by the form when returning it without a reason (nothing
// sent), then returns it with one; the member resubmits; all pass it on again and Level I accepts:
// "Selesai". Level II and Level I are read from the activity's chain (position ids) and get an
// account from the administrator through the API, as the lead does. The team's board shows it
// under "Selesai"; the member's inbox links to it. axe on each new page.
/* global document -- read only inside page.evaluate() */
import assert from "node:assert/strict";

import { apiJson, employeeAccount } from "./assignments.mjs";
import { createHash } from "node:crypto";

const PASSWORD = "Uji-kegiatan-2026!";

/** A small PDF (one empty page), enough for the server's type check. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

export async function activityTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("ac1: kegiatan tim lintas unit dari rencana sampai diterima Level I, dengan perbaikan", async () => {
    const get = async (page, path) => {
      const r = await apiJson(page, BASE, "GET", path);
      assert.equal(r.status, 200, `GET ${path}: ${JSON.stringify(r.json)}`);
      return r.json;
    };
    const account = (admin, username, who) => employeeAccount(admin, BASE, username, who, PASSWORD);

    // The member (the demo's pegawai) and a lead from another unit of the same agency.
    const member = await newPage();
    const m = member.page;
    await signIn(m, "pegawai", "demo-pegawai-2026");
    const me = (await get(m, "/auth/me")).user;
    const admin = await newPage();
    const a = admin.page;
    await signIn(a, "admin", "demo-admin-2026");
    const person = await get(a, `/employees/${me.employee_id}`);
    const seat = person.placements.find((p) => p.end === null && p.position);
    assert.ok(seat, "pegawai demo tanpa jabatan");
    const agencyId = seat.position.agency_id;
    const ownPosition = await get(a, `/positions/${seat.position.id}`);
    const units = (await get(a, `/agencies/${agencyId}/units?depth=10&limit=500`)).items;
    const positions = (await get(a, `/agencies/${agencyId}/positions?limit=500`)).items;
    let owner = null;
    let lead = null;
    for (const u of units) {
      if (u.id === ownPosition.unit.id || !u.head_position_id) continue;
      const head = (await get(a, `/positions/${u.head_position_id}`)).holders[0];
      if (!head) continue;
      for (const p of positions.filter(
        (x) => x.unit_id === u.id && x.superior_id === u.head_position_id,
      )) {
        const holder = (await get(a, `/positions/${p.id}`)).holders[0];
        if (holder && ![me.employee_id, head.employee_id].includes(holder.employee_id)) {
          owner = u;
          lead = holder;
          break;
        }
      }
      if (owner) break;
    }
    assert.ok(owner, "tidak ada unit lain dengan pimpinan dan staf");
    const today = new Date().toISOString().slice(0, 10);
    const teamName = `Tim kajian perbatasan ${Date.now()}`;
    const made = await apiJson(a, BASE, "POST", "/teams", {
      name: teamName,
      kind: "insidental",
      target: "Kajian kerja sama perbatasan tersusun",
      owner_unit_id: owner.id,
      lead_employee_id: lead.employee_id,
      member_employee_ids: [me.employee_id],
      formed: today,
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const team = made.json;
    assert.equal(team.scope, "lintas_unit");
    await account(a, "ketua-kegiatan-uji", lead);

    // The member plans it on the form.
    await m.locator("nav a", { hasText: "Pekerjaan saya" }).click();
    await m.locator("h1", { hasText: "Pekerjaan saya" }).waitFor();
    await m.locator("section", { hasText: "Kegiatan saya" }).waitFor();
    await m.getByRole("link", { name: "Rencanakan kegiatan", exact: true }).click();
    await m.locator("h1", { hasText: "Rencanakan kegiatan" }).waitFor();
    const title = `Menyusun kajian kerja sama perbatasan ${Date.now()}`;
    await m.getByLabel("Judul kegiatan").fill(title);
    await m.getByLabel("Target", { exact: true }).fill("Kajian kerja sama perbatasan tersusun");
    await m.getByLabel("Rincian").fill("Bahan rapat koordinasi triwulan IV.");
    await m.getByLabel("Anggaran (rupiah)").fill("1.500.000");
    await m.getByLabel("Tanggal mulai").fill("2026-12-10");
    await m.getByLabel("Tanggal selesai").fill("2026-12-01");
    await m.getByLabel("Tim kerja").selectOption(String(team.id));
    // The lead takes a role (found by NIP in the roles' search).
    const leadPerson = await get(a, `/employees/${lead.employee_id}`);
    await m.getByLabel("Cari pemegang peran").fill(leadPerson.nip);
    await m.locator("main .roles-box button", { hasText: "Cari" }).click();
    await m.locator(`#f-roles option[value="${lead.employee_id}"]`).waitFor({ state: "attached" });
    await m.getByLabel("Pemegang peran", { exact: true }).selectOption(String(lead.employee_id));
    await m.getByLabel("Peran", { exact: true }).fill("Penyusun peta lokasi");
    await m.locator("main button", { hasText: "Tambah peran" }).click();
    await m.locator("main .role-list li", { hasText: "Penyusun peta lokasi" }).waitFor();
    // An end before the start: the form says so at the field and sends nothing.
    await m.locator("main button[type=submit]", { hasText: "Simpan rencana" }).click();
    await m
      .locator("#f-end-galat", { hasText: "Tanggal selesai tidak boleh sebelum tanggal mulai." })
      .waitFor();
    assert.equal(new URL(m.url()).pathname, "/kegiatan-baru");
    await m.getByLabel("Tanggal selesai").fill("2026-12-31");
    await checkA11y(m, "rencanakan kegiatan");
    await screenshot(m, "kegiatan-baru-1366");
    await m.locator("main button[type=submit]", { hasText: "Simpan rencana" }).click();
    await m.locator("h1", { hasText: title }).waitFor();
    const id = new URL(m.url()).pathname.split("/").pop();
    assert.match(id, /^\d+$/);
    await m.locator("main .activity-state", { hasText: "Direncanakan" }).waitFor();
    let shown = await m.locator("main").innerText();
    assert.ok(shown.includes("Rp 1.500.000"), "anggaran tidak tampil sebagai rupiah");
    assert.ok(shown.includes(owner.name), "unit pemilik tidak tampil");
    assert.ok(shown.includes(`${lead.name} — Penyusun peta lokasi`), "peran tidak tampil");

    // Level II and Level I, from the activity's chain.
    const planned = await get(m, `/activities/${id}`);
    assert.equal(planned.team_id, team.id);
    assert.equal(planned.budget, 1500000);
    assert.deepEqual(
      planned.roles.map((r) => [r.employee.id, r.role]),
      [[lead.employee_id, "Penyusun peta lokasi"]],
    );
    assert.deepEqual(
      planned.chain.map((s) => s.role),
      ["ketua", "level_ii", "level_i"],
    );
    const holderOf = async (role) => {
      const stop = planned.chain.find((s) => s.role === role);
      const h = (await get(a, `/positions/${stop.position_id}`)).holders[0];
      assert.ok(h, `jabatan ${stop.position_title} lowong`);
      assert.ok(stop.people.includes(h.name), `${h.name} tidak tercantum pada alur`);
      return h;
    };
    await account(a, "level2-kegiatan-uji", await holderOf("level_ii"));
    await account(a, "level1-kegiatan-uji", await holderOf("level_i"));
    for (const s of planned.chain) assert.ok(shown.includes(s.label), `alur tanpa ${s.label}`);

    // Start, a progress note, a refused upload and a PDF.
    const step = async (page, label, state) => {
      await page.locator(`main form[aria-label^='${label}'] button[type=submit]`).click();
      await page.locator("main .activity-state", { hasText: state }).waitFor();
    };
    await step(m, "Mulai", "Sedang dilaksanakan");
    const note = m.locator("main form[aria-label='Catatan kemajuan']");
    await note.locator("textarea").fill("Data kerja sama tiga kecamatan terkumpul.");
    await note.getByLabel("Kemajuan (%)").fill("40");
    await note.locator("button[type=submit]").click();
    await m.locator("main .timeline", { hasText: "Data kerja sama tiga kecamatan" }).waitFor();
    const upload = m.locator("main form[aria-label='Unggah bukti']");
    await upload.locator("input[type=file]").setInputFiles({
      name: "alat.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ\x90\x00bukan dokumen"),
    });
    await upload.locator("button[type=submit]").click();
    const refusedAt = upload.locator(".field-error");
    await refusedAt.filter({ hasText: /\S/ }).waitFor();
    assert.equal(
      await upload.locator("input[type=file]").getAttribute("aria-invalid"),
      "true",
      "penolakan server tidak ditandai pada isian berkas",
    );
    assert.equal((await get(m, `/activities/${id}`)).evidence.length, 0);
    await upload.locator("input[type=file]").setInputFiles({
      name: "laporan-kemajuan.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await upload.locator("button[type=submit]").click();
    const evidence = m.locator("main .evidence-list li", { hasText: "laporan-kemajuan.pdf" });
    await evidence.waitFor();
    const sha = createHash("sha256").update(PDF).digest("hex");
    assert.equal(await evidence.locator("code").getAttribute("title"), sha);
    assert.ok((await evidence.locator("code").innerText()).startsWith(sha.slice(0, 12)));
    const href = await evidence.locator("a").getAttribute("href");
    const bytes = await (await m.request.get(`${BASE}${href}`)).body();
    assert.ok(bytes.equals(PDF), "berkas yang diunduh tidak sama dengan yang diunggah");
    await m.locator("main .timeline", { hasText: "Bukti diunggah" }).waitFor();
    await checkA11y(m, "halaman kegiatan (pelaksana)");
    await screenshot(m, "kegiatan-dilaksanakan-1366");
    await step(m, "Ajukan", "Diajukan kepada Ketua Tim");

    // The lead: it waits for them on "Pekerjaan saya".
    const leader = await newPage();
    const l = leader.page;
    await signIn(l, "ketua-kegiatan-uji", PASSWORD);
    await l.goto(`${BASE}/pekerjaan-saya`);
    const mine = l.locator("section", { hasText: "Kegiatan saya" });
    const item = mine.locator("li", { hasText: title });
    await item.locator(".badge", { hasText: "Menunggu tindakan Anda" }).waitFor();
    await item.locator("a", { hasText: title }).click();
    await l.locator("h1", { hasText: title }).waitFor();
    await step(l, "Teruskan", "Ditinjau Pejabat Level II");

    // Level II on a phone: feedback, then passes it on.
    const two = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const p2 = two.page;
    await signIn(p2, "level2-kegiatan-uji", PASSWORD);
    await p2.goto(`${BASE}/kegiatan/${id}`);
    await p2.locator("h1", { hasText: title }).waitFor();
    await p2.locator("main .chain li.current", { hasText: "Pejabat Level II" }).waitFor();
    const feedback = p2.locator("main form[aria-label='Umpan balik']");
    await feedback.locator("textarea").fill("Tambahkan peta lokasi kerja sama.");
    await feedback.locator("button[type=submit]").click();
    await p2.locator("main .timeline", { hasText: "Tambahkan peta lokasi" }).waitFor();
    const width = await p2.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `halaman kegiatan lebih lebar dari layar (${width} px)`);
    await checkA11y(p2, "halaman kegiatan (390 px)");
    await screenshot(p2, "kegiatan-level-ii-390");
    await step(p2, "Teruskan", "Ditinjau Pejabat Level I");

    // Level I: a return without a reason is stopped here; with one it goes back for rework.
    const one = await newPage();
    const p1 = one.page;
    await signIn(p1, "level1-kegiatan-uji", PASSWORD);
    await p1.goto(`${BASE}/kegiatan/${id}`);
    await p1.locator("h1", { hasText: title }).waitFor();
    const back = p1.locator("main form[aria-label^='Kembalikan']");
    await back.locator("button[type=submit]").click();
    await back
      .locator(".alert.error", { hasText: "Alasan wajib diisi untuk mengembalikan kegiatan." })
      .waitFor();
    assert.equal(await back.locator("textarea").getAttribute("aria-invalid"), "true");
    const unchanged = await get(p1, `/activities/${id}`);
    assert.equal(unchanged.state, "di_level_i");
    assert.equal(unchanged.rework, 0);
    await checkA11y(p1, "halaman kegiatan (Level I)");
    await back.locator("textarea").fill("Lampirkan notula rapat koordinasi.");
    await back.locator("button[type=submit]").click();
    await p1.locator("main .activity-state", { hasText: "Dikembalikan untuk perbaikan" }).waitFor();
    await p1.locator("main .timeline", { hasText: "Alasan: Lampirkan notula" }).waitFor();
    assert.equal((await get(p1, `/activities/${id}`)).rework, 1);

    // The member resubmits; everyone passes it on again and Level I accepts.
    await m.goto(`${BASE}/kegiatan/${id}`);
    await m.locator("main .activity-state", { hasText: "Dikembalikan untuk perbaikan" }).waitFor();
    await step(m, "Ajukan", "Diajukan kepada Ketua Tim");
    await l.goto(`${BASE}/kegiatan/${id}`);
    await step(l, "Teruskan", "Ditinjau Pejabat Level II");
    await p2.goto(`${BASE}/kegiatan/${id}`);
    await step(p2, "Teruskan", "Ditinjau Pejabat Level I");
    await p1.goto(`${BASE}/kegiatan/${id}`);
    await step(p1, "Terima", "Selesai");
    const done = await get(p1, `/activities/${id}`);
    assert.equal(done.state, "selesai");
    assert.equal(done.progress, 100);
    await m.goto(`${BASE}/kegiatan/${id}`);
    await m.locator("main .activity-state", { hasText: "Selesai" }).waitFor();
    shown = await m.locator("main").innerText();
    assert.ok(shown.includes("Dikembalikan untuk perbaikan\n1 kali"), "jumlah perbaikan");
    assert.equal(await m.locator("main .timeline > li.timeline-step").count(), 10);
    await screenshot(m, "kegiatan-selesai-1366");

    // The member's inbox links to the activity.
    await m.goto(`${BASE}/pekerjaan-saya`);
    await m
      .locator("section", { hasText: "Kotak masuk" })
      .locator(`a[href="/kegiatan/${id}"]`)
      .first()
      .waitFor();

    // The team's board: the lead sees it under "Selesai".
    await l.goto(`${BASE}/tim/${team.id}`);
    const board = l.locator("section", { hasText: "Papan kegiatan" });
    await board.locator(".board-selesai", { hasText: title }).waitFor();
    await checkA11y(l, "papan kegiatan tim");
    await screenshot(l, "papan-kegiatan-1366");
    // Someone who may not see the board gets the short note (the server's 403).
    const outsider = await apiJson(p1, BASE, "GET", `/teams/${team.id}/activities`);
    if (outsider.status === 403) {
      await p1.goto(`${BASE}/tim/${team.id}`);
      await p1
        .locator("section", { hasText: "Papan kegiatan" })
        .locator("p", { hasText: "hanya untuk anggota tim" })
        .waitFor();
    }

    for (const x of [m, a, l, p2, p1]) assert.deepEqual(x.problems, []);
    await Promise.all([member, admin, leader, two, one].map((x) => x.context.close()));
  });

  await test("ac2: riwayat panjang: 20 langkah terakhir tampil, seluruhnya dimuat atas permintaan", async () => {
    // The demo's pegawai plans an activity of their own and submits it; its Level II (from the
    // chain, given an account by the administrator) returns it eleven times: 24 steps.
    const member = await newPage();
    const m = member.page;
    await signIn(m, "pegawai", "demo-pegawai-2026");
    const admin = await newPage();
    await signIn(admin.page, "admin", "demo-admin-2026");
    const must = async (page, method, path, body, status = 200) => {
      const r = await apiJson(page, BASE, method, path, body);
      assert.equal(r.status, status, `${method} ${path}: ${JSON.stringify(r.json)}`);
      return r.json;
    };
    const title = `Menata arsip surat masuk ${Date.now()}`;
    let act = await must(
      m,
      "POST",
      "/activities",
      { title, start: "2026-12-01", end: "2026-12-31" },
      201,
    );
    const two = act.chain.find((s) => s.role === "level_ii");
    assert.ok(two, JSON.stringify(act.chain));
    const holder = (await must(admin.page, "GET", `/positions/${two.position_id}`)).holders[0];
    assert.ok(holder, `jabatan ${two.position_title} lowong`);
    await employeeAccount(admin.page, BASE, "level2-riwayat-uji", holder, PASSWORD);
    const reviewer = await newPage();
    await signIn(reviewer.page, "level2-riwayat-uji", PASSWORD);
    const stepBy = async (page, transition, reason) => {
      act = await must(page, "POST", `/activities/${act.id}/steps`, {
        transition,
        version: act.version,
        ...(reason ? { reason } : {}),
      });
    };
    await stepBy(m, "mulai");
    for (let round = 0; round < 11; round++) {
      await stepBy(m, "ajukan");
      await stepBy(reviewer.page, "kembalikan", `Putaran ${round + 1}: lengkapi daftar arsip`);
    }
    // A step's answer is what it changed (ActivityStepResult); the activity read again holds its
    // newest 20 steps and the count of all.
    const read = await must(m, "GET", `/activities/${act.id}`);
    assert.equal(read.steps_total, 24);
    assert.equal(read.steps.length, 20);

    await m.goto(`${BASE}/kegiatan/${act.id}`);
    await m.locator("h1", { hasText: title }).waitFor();
    const notice = m.locator("main .history-left-out");
    await notice.locator("text=Menampilkan 20 langkah terakhir dari 24.").waitFor();
    assert.equal(await m.locator("main .timeline .timeline-step").count(), 20);
    await checkA11y(m, "riwayat kegiatan yang panjang");
    await notice.getByRole("button", { name: "Tampilkan seluruh riwayat" }).click();
    await notice.waitFor({ state: "detached" });
    assert.equal(await m.locator("main .timeline .timeline-step").count(), 24);
    assert.ok(
      (await m.locator("main .timeline .timeline-step").first().innerText()).includes("Rencanakan"),
      "langkah pertama (rencana) tidak tampil",
    );
    for (const x of [m, admin.page, reviewer.page]) assert.deepEqual(x.problems, []);
    await Promise.all([member, admin, reviewer].map((x) => x.context.close()));
  });
}
