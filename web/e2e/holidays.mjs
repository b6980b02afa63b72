// Issue 12 item 3 (the holiday calendar) in Chromium on the demo database (run by run.mjs; test
// "hl1"): the administrator opens "Hari libur" from the menu (this year), is stopped by the form
// when sending it empty (nothing sent), adds 25 December 2031 "Hari Raya Natal" (libur nasional),
// and the page moves to 2031 with it in the table (the day of the week named); the same date again
// is refused by the server at the date field (409 CONFLICT). The demo's pegawai reads 2031 without
// the form or "Hapus" and has no menu link; the administrator moves to 2032 and back, and removes
// the day after confirming it. A year far from today, so the demo's data is not touched.
import assert from "node:assert/strict";

const DATE = "2031-12-25";
const NAME = "Hari Raya Natal";

export async function holidayTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("hl1: administrator menambah dan menghapus hari libur; pegawai hanya membaca", async () => {
    const { context, page } = await newPage();
    await signIn(page, "admin", "demo-admin-2026");
    const api = async (method, path, data) => {
      const me = await (await page.request.get(`${BASE}/api/v1/auth/me`)).json();
      return page.request.fetch(`${BASE}/api/v1${path}`, {
        method,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
        data: data === undefined ? undefined : JSON.stringify(data),
      });
    };
    // A day left by an earlier run against the same server goes first.
    const before = await (await api("GET", "/holidays?year=2031")).json();
    for (const x of before.items.filter((i) => i.date === DATE))
      assert.equal((await api("DELETE", `/holidays/${x.id}`)).status(), 204);

    // 1. From the menu: this year's calendar, with the form.
    await page.goto(`${BASE}/`);
    await page.locator("nav .nav-links a", { hasText: "Hari libur" }).click();
    await page.waitForURL(/\/hari-libur$/);
    const thisYear = (await (await api("GET", "/holidays")).json()).year;
    await page.locator("main h1", { hasText: `Hari libur dan cuti bersama ${thisYear}` }).waitFor();
    assert.equal(
      await page.locator("nav .nav-links a[aria-current=page]").innerText(),
      "Hari libur",
    );
    assert.ok(await page.locator("main a", { hasText: `Tahun ${thisYear + 1} ›` }).count());
    await page.locator("main h2", { hasText: "Tambah hari libur" }).waitFor();

    // 2. Sent empty: the form says so at the fields and asks the server nothing.
    let posted = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/holidays") posted += 1;
    });
    await page.getByRole("button", { name: "Tambahkan" }).click();
    await page.locator("#f-date-galat", { hasText: "Tanggal belum diisi." }).waitFor();
    await page.locator("#f-name-galat", { hasText: "Nama hari libur belum diisi." }).waitFor();
    assert.equal(
      await page.getByLabel("Tanggal", { exact: true }).getAttribute("aria-invalid"),
      "true",
    );
    assert.equal(posted, 0, "formulir kosong terkirim ke server");

    // 3. 25 December 2031: the page moves to 2031 with the day in its table.
    await page.getByLabel("Tanggal", { exact: true }).fill(DATE);
    await page.getByLabel("Nama", { exact: true }).fill(`  ${NAME} `);
    await page.getByLabel("Jenis", { exact: true }).selectOption("libur_nasional");
    await page.getByRole("button", { name: "Tambahkan" }).click();
    await page.locator("main h1", { hasText: "Hari libur dan cuti bersama 2031" }).waitFor();
    await page.waitForURL(/\/hari-libur\?tahun=2031$/);
    await page
      .locator("main .alert.success", { hasText: `25 Desember 2031 (${NAME}, libur nasional)` })
      .waitFor();
    const table = page.getByRole("region", { name: "Hari libur dan cuti bersama tahun 2031" });
    const row = table.locator("tbody tr", { hasText: NAME });
    await row.waitFor();
    const cells = (await row.locator("td").allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 4), [
      "25 Desember 2031",
      "Kamis",
      `${NAME} baru`,
      "Libur nasional",
    ]);
    assert.equal(await page.getByLabel("Tanggal", { exact: true }).inputValue(), "");
    const stored = (await (await api("GET", "/holidays?year=2031")).json()).items;
    const added = stored.find((x) => x.date === DATE);
    assert.deepEqual(
      { name: added?.name, kind: added?.kind },
      { name: NAME, kind: "libur_nasional" },
    );
    await screenshot(page, "hari-libur-ditambah");
    await checkA11y(page, "hari libur");

    // 4. The same date again: the server's refusal at the date field.
    await page.getByLabel("Tanggal", { exact: true }).fill(DATE);
    await page.getByLabel("Nama", { exact: true }).fill("Natal");
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/v1/holidays" && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Tambahkan" }).click();
    const refused = await answer;
    assert.equal(refused.status(), 409);
    assert.equal((await refused.json()).error.field, "date");
    await page
      .locator("#f-date-galat", { hasText: "Tanggal ini sudah tercatat sebagai hari libur." })
      .waitFor();
    assert.equal(
      await page.getByLabel("Tanggal", { exact: true }).getAttribute("aria-invalid"),
      "true",
    );
    assert.equal(await table.locator("tbody tr").count(), stored.length);
    await screenshot(page, "hari-libur-tanggal-ditolak");

    // 5. The demo's pegawai reads 2031 as it is: no form, no "Hapus", no menu link.
    const reader = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(reader.page, "pegawai", "demo-pegawai-2026");
    assert.equal(
      await reader.page.locator("nav .nav-links a", { hasText: "Hari libur" }).count(),
      0,
    );
    await reader.page.goto(`${BASE}/hari-libur?tahun=2031`);
    await reader.page.locator("main h1", { hasText: "Hari libur dan cuti bersama 2031" }).waitFor();
    await reader.page.locator("main tbody tr", { hasText: NAME }).waitFor();
    assert.equal(await reader.page.locator("main form").count(), 0);
    assert.equal(await reader.page.locator("main button", { hasText: "Hapus" }).count(), 0);
    await screenshot(reader.page, "hari-libur-pegawai-ponsel");
    await checkA11y(reader.page, "hari libur (pegawai, ponsel)");
    assert.deepEqual(reader.page.problems, []);
    await reader.context.close();

    // 6. To 2032 and back with the year links.
    await page.locator("main a", { hasText: "Tahun 2032 ›" }).click();
    await page.locator("main h1", { hasText: "Hari libur dan cuti bersama 2032" }).waitFor();
    await page.locator("main a", { hasText: "‹ Tahun 2031" }).click();
    await page.locator("main h1", { hasText: "Hari libur dan cuti bersama 2031" }).waitFor();

    // 7. Removed after confirming it; a refused confirmation removes nothing.
    const remove = page.getByRole("button", { name: `Hapus ${NAME}, 25 Desember 2031` });
    page.once("dialog", (d) => d.dismiss());
    await remove.click();
    assert.equal(await remove.count(), 1);
    page.once("dialog", (d) => {
      assert.match(d.message(), /Hapus 25 Desember 2031 \(Hari Raya Natal\)/);
      return d.accept();
    });
    await remove.click();
    await page
      .locator("main .alert.success", { hasText: `25 Desember 2031 (${NAME}) dihapus` })
      .waitFor();
    assert.equal(await page.locator("main tbody tr", { hasText: NAME }).count(), 0);
    const after = (await (await api("GET", "/holidays?year=2031")).json()).items;
    assert.equal(after.filter((x) => x.date === DATE).length, 0);
    await screenshot(page, "hari-libur-dihapus");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
