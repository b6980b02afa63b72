// Issue 12 item 3 in Chromium on the demo database (run by run.mjs; tests "as…"): the administrator
// gives two people of the demo agency an account (through the API: the demo has accounts only for
// admin, organisasi and pegawai): a Kepala Bidang and the appraiser of the demo's pegawai. The
// Kepala Bidang asks on /penugasan-baru for the pegawai to work for their unit (penunjukan lintas
// unit); the form refuses a request without a title; the server refuses the Kepala Bidang's own
// approval with its message. The appraiser sees it under "Menunggu tindakan Anda" on a phone (390
// px), marks the inbox's notice read, is stopped by the form when refusing without a reason
// (nothing sent: the version is unchanged), and approves it. The Kepala Bidang's stale page then
// gets the version conflict's message; the pegawai accepts the assignment. axe on each page.
import assert from "node:assert/strict";

const PASSWORD = "Uji-penugasan-2026!";

/** A call of the API as the page's signed-in user (with its CSRF token); {status, json}. */
export async function apiJson(page, base, method, path, body) {
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  const csrf = me.ok() ? (await me.json()).csrf_token : "";
  const r = await page.request.fetch(`${base}/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status(), json: await r.json() };
}

/**
 * An employee account for `who` ({employee_id, name}) made by the administrator's page, with
 * `password`; one made by an earlier run (409) is taken as it is.
 */
export async function employeeAccount(admin, base, username, who, password) {
  const r = await apiJson(admin, base, "POST", "/users", {
    username,
    display_name: who.name,
    password,
    role: "pegawai",
    employee_id: who.employee_id,
  });
  assert.ok(r.status === 201 || r.status === 409, JSON.stringify(r.json));
}

export async function assignmentTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("as1: Kepala Bidang mengajukan penugasan lintas unit, pejabat penilai menyetujui di web", async () => {
    const get = async (page, path) => {
      const r = await apiJson(page, BASE, "GET", path);
      assert.equal(r.status, 200, `GET ${path}: ${JSON.stringify(r.json)}`);
      return r.json;
    };
    // The parties, found through the API: the demo pegawai (the official), their appraiser, and
    // the head of another unit of the same agency.
    const pegawai = await newPage();
    await signIn(pegawai.page, "pegawai", "demo-pegawai-2026");
    const official = (await get(pegawai.page, "/auth/me")).user;
    const admin = await newPage();
    await signIn(admin.page, "admin", "demo-admin-2026");
    const person = await get(admin.page, `/employees/${official.employee_id}`);
    const seat = person.placements.find((p) => p.end === null && p.position);
    assert.ok(seat, "pegawai demo tanpa jabatan");
    const position = await get(admin.page, `/positions/${seat.position.id}`);
    assert.ok(position.appraiser, "jabatan pegawai demo tanpa pejabat penilai");
    const appraiser = (await get(admin.page, `/positions/${position.appraiser.id}`)).holders[0];
    assert.ok(appraiser, "jabatan pejabat penilai lowong");
    const units = (
      await get(admin.page, `/agencies/${seat.position.agency_id}/units?depth=10&limit=500`)
    ).items;
    let owner = null;
    let leader = null;
    for (const u of units) {
      if (u.id === position.unit.id || !u.head_position_id) continue;
      const head = (await get(admin.page, `/positions/${u.head_position_id}`)).holders[0];
      if (head && ![official.employee_id, appraiser.employee_id].includes(head.employee_id)) {
        owner = u;
        leader = head;
        break;
      }
    }
    assert.ok(owner, "tidak ada unit lain dengan pimpinan");
    for (const [username, who] of [
      ["kabid-uji", leader],
      ["penilai-uji", appraiser],
    ]) {
      await employeeAccount(admin.page, BASE, username, who, PASSWORD);
    }

    // The Kepala Bidang makes the request on the form.
    const kabid = await newPage();
    const k = kabid.page;
    await signIn(k, "kabid-uji", PASSWORD);
    await k.locator("nav a", { hasText: "Pekerjaan saya" }).click();
    await k.locator("h1", { hasText: "Pekerjaan saya" }).waitFor();
    await k.locator("main a", { hasText: "Buat penugasan" }).click();
    await k.locator("h1", { hasText: "Buat penugasan" }).waitFor();
    await k.getByLabel("Mekanisme").selectOption("penunjukan_lintas_unit");
    await k
      .getByLabel("Perangkat daerah (unit pemilik kinerja)")
      .selectOption(String(seat.position.agency_id));
    await k.locator(`#f-owner_unit_id option[value="${owner.id}"]`).waitFor({ state: "attached" });
    await k.getByLabel("Unit pemilik kinerja", { exact: true }).selectOption(String(owner.id));
    await k.getByLabel("Cari pejabat yang ditugaskan").fill(person.nip);
    await k.locator("main button", { hasText: "Cari" }).click();
    await k
      .locator(`#f-official_employee_id option[value="${official.employee_id}"]`)
      .waitFor({ state: "attached" });
    await k
      .getByLabel("Pejabat yang ditugaskan", { exact: true })
      .selectOption(String(official.employee_id));
    // Without a title the form says so and sends nothing.
    await k.locator("main button[type=submit]", { hasText: "Ajukan" }).click();
    await k.locator(".alert.error", { hasText: "Judul penugasan wajib diisi." }).waitFor();
    assert.equal(new URL(k.url()).pathname, "/penugasan-baru");
    const title = `Menyusun kajian kerja sama perbatasan ${Date.now()}`;
    await k.getByLabel("Judul penugasan").fill(title);
    await k.getByLabel("Rincian").fill("Kajian untuk rapat koordinasi triwulan II.");
    await checkA11y(k, "buat penugasan");
    await screenshot(k, "penugasan-baru-1366");
    await k.locator("main button[type=submit]", { hasText: "Ajukan" }).click();
    await k.locator("h1", { hasText: title }).waitFor();
    const id = new URL(k.url()).pathname.split("/").pop();
    await k
      .locator("main .badge", { hasText: "Menunggu persetujuan pejabat penilai" })
      .first()
      .waitFor();
    const shown = await k.locator("main").innerText();
    assert.ok(shown.includes("Surat Tugas"), "jenis surat tidak tampil");
    assert.ok(shown.includes(person.name) && shown.includes(owner.name));
    // Not the Kepala Bidang's step: the server refuses with its own words.
    await k.locator("main details.other-steps summary").click();
    await k.locator("main form[aria-label^='Setujui'] button[type=submit]").click();
    const refusal = await k.locator("main form[aria-label^='Setujui'] .alert.error").innerText();
    assert.ok(refusal.length > 10 && !/VERSION|ROLE_REQUIRED/.test(refusal), refusal);
    await checkA11y(k, "halaman penugasan (pemohon)");

    // The appraiser, on a phone: what needs them, the inbox, a refusal without a reason, approval.
    const penilai = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const p = penilai.page;
    await signIn(p, "penilai-uji", PASSWORD);
    await p.goto(`${BASE}/pekerjaan-saya`);
    const waiting = p.locator("section", { hasText: "Menunggu tindakan Anda" });
    await waiting.locator("a", { hasText: title }).waitFor();
    const inbox = p.locator("section", { hasText: "Kotak masuk" });
    const before = await get(p, "/me/notifications");
    assert.ok(before.unread >= 1, "pemberitahuan tidak sampai ke pejabat penilai");
    await inbox
      .locator("#jumlah-belum-dibaca", { hasText: `${before.unread} belum dibaca` })
      .waitFor();
    await checkA11y(p, "pekerjaan saya (390 px)");
    await screenshot(p, "pekerjaan-saya-390");
    await inbox.locator("button", { hasText: "Tandai dibaca" }).first().click();
    const after = before.unread - 1;
    await p
      .locator("#jumlah-belum-dibaca", {
        hasText: after > 0 ? `${after} belum dibaca` : "Semua sudah dibaca",
      })
      .waitFor();
    assert.equal((await get(p, "/me/notifications")).unread, after);
    await waiting.locator("a", { hasText: title }).click();
    await p.locator("h1", { hasText: title }).waitFor();
    const refuse = p.locator("main form[aria-label^='Tolak']");
    await refuse.locator("button[type=submit]").click();
    await refuse
      .locator(".alert.error", { hasText: "Alasan wajib diisi untuk menolak." })
      .waitFor();
    assert.equal(await refuse.locator("textarea").getAttribute("aria-invalid"), "true");
    const unchanged = await get(p, `/assignments/${id}`);
    assert.equal(unchanged.version, 1);
    assert.equal(unchanged.state, "menunggu_penilai");
    await checkA11y(p, "halaman penugasan (390 px)");
    await screenshot(p, "penugasan-tolak-tanpa-alasan-390");
    await p.locator("main form[aria-label^='Setujui'] button[type=submit]").click();
    await p.locator("main .badge", { hasText: "Ditugaskan" }).first().waitFor();
    assert.equal(await p.locator("main ol.timeline > li").count(), 2);
    // The approval issued the letter: its link opens the letter's page.
    const letterLink = p.getByRole("link", { name: /^Surat (Tugas|Perintah) nomor / });
    await letterLink.waitFor();
    await screenshot(p, "penugasan-disetujui-390");
    assert.match((await letterLink.getAttribute("href")) ?? "", /^\/surat\/\d+$/);

    // The Kepala Bidang's page still shows version 1: the server's conflict, said plainly.
    await k.locator("main form[aria-label^='Setujui'] button[type=submit]").click();
    await k
      .locator("main form[aria-label^='Setujui'] .alert.error", {
        hasText: "sudah diubah orang lain; muat ulang",
      })
      .waitFor();
    await k.goto(`${BASE}/pekerjaan-saya`);
    await k
      .locator("section", { hasText: "Permintaan saya" })
      .locator("a", { hasText: title })
      .waitFor();

    // The official accepts it.
    await pegawai.page.goto(`${BASE}/pekerjaan-saya`);
    await pegawai.page
      .locator("section", { hasText: "Menunggu tindakan Anda" })
      .locator("a", { hasText: title })
      .click();
    await pegawai.page.locator("main form[aria-label^='Terima'] button[type=submit]").click();
    await pegawai.page.locator("main .badge", { hasText: "Diterima" }).first().waitFor();
    await screenshot(pegawai.page, "penugasan-diterima-1366");
    // The letter is among the official's letters on "Pekerjaan saya" ("Surat saya").
    const letterPath = (await letterLink.getAttribute("href")) ?? "";
    await pegawai.page.goto(`${BASE}/pekerjaan-saya`);
    const myLetters = pegawai.page.locator("section", { hasText: "Ditujukan kepada saya" });
    const mine = myLetters.locator(`a[href='${letterPath}']`);
    await mine.waitFor();
    assert.match(await myLetters.innerText(), /Anda penerima/);

    for (const x of [k, p, pegawai.page, admin.page]) assert.deepEqual(x.problems, []);
    await Promise.all([kabid, penilai, pegawai, admin].map((x) => x.context.close()));
  });
}
