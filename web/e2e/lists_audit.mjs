// Issue 11 end-to-end flows (run by run.mjs on the demo database): the people list filtered by
// agency and kind finds the expected person; a unit's page opened from the agency page; the audit
// page shows an Indonesian entry with before → after and a working link, filtered by kind.
/* global document -- read only inside page.evaluate(), which runs in the browser */
import assert from "node:assert/strict";

export async function listsAndAudit({ BASE, test, newPage, signIn, screenshot, checkA11y }) {
  await test("la1: daftar pegawai disaring menurut perangkat daerah dan status", async () => {
    const { context, page } = await newPage();
    await signIn(page, "pegawai", "demo-pegawai-2026");
    // The expected person, from the API: a PPPK of an agency (the demo has some).
    const agencies = await (await page.request.get(`${BASE}/api/v1/agencies?limit=500`)).json();
    let agency = null;
    let person = null;
    for (const a of agencies.items) {
      const r = await page.request.get(
        `${BASE}/api/v1/employees?agency_id=${a.id}&kind=PPPK&limit=50`,
      );
      const found = (await r.json()).items;
      if (found.length) {
        agency = a;
        person = found[0];
        break;
      }
    }
    assert.ok(agency && person, "demo tanpa pegawai PPPK di perangkat daerah mana pun");

    await page.goto(`${BASE}/pegawai`);
    await page.getByLabel("Perangkat daerah", { exact: true }).selectOption(String(agency.id));
    await page.getByLabel("Status kepegawaian").selectOption("PPPK");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.waitForURL(new RegExp(`pd=${agency.id}.*status=PPPK`));
    const results = page.locator("table", {
      has: page.locator("caption", { hasText: "Hasil pencarian pegawai" }),
    });
    await results.waitFor();
    const rows = results.locator("tbody tr");
    const texts = await rows.allInnerTexts();
    assert.ok(
      texts.some((t) => t.includes(person.name)),
      `${person.name} tidak ada di hasil saringan`,
    );
    for (const t of texts) assert.match(t, /PPPK/, `baris bukan PPPK: ${t}`);
    // Agencies share names across regions: the list names the region.
    assert.ok(
      texts.some((t) => t.includes(`${agency.name} — ${agency.region_name}`)),
      "nama daerah tidak tampil bersama perangkat daerah",
    );
    // The filters stay in the address: reloading keeps them.
    await page.reload();
    await results.waitFor();
    assert.equal(await page.getByLabel("Status kepegawaian").inputValue(), "PPPK");
    await screenshot(page, "pegawai-disaring");
    await checkA11y(page, "daftar pegawai disaring");
    // Vacant positions of the agency.
    await page.getByLabel("Tampilkan jabatan lowong perangkat daerah ini").check();
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.waitForURL(/lowong=1/);
    await page
      .getByRole("status")
      .filter({ hasText: /jabatan lowong/ })
      .waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("la2: halaman unit dibuka dari halaman perangkat daerah", async () => {
    const { context, page } = await newPage();
    await signIn(page, "pegawai", "demo-pegawai-2026");
    await page.goto(`${BASE}/`);
    await page.locator(".card-list h2 a").first().click();
    await page.waitForURL(/\/wilayah\//);
    await page.locator("main a[href^='/perangkat-daerah/']").first().click();
    await page.waitForURL(/\/perangkat-daerah\//);
    const agencyName = (await page.locator("h1").innerText()).trim();
    const units = page.getByRole("list", { name: "Unit organisasi" });
    await units.waitFor();
    const first = units.locator("a").first();
    const unitName = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/unit\/\d+$/);
    await page.locator("h1", { hasText: unitName }).waitFor();
    const crumbs = page.getByRole("navigation", { name: "Jejak" });
    assert.ok(
      (await crumbs.innerText()).includes(agencyName),
      "jejak tidak memuat perangkat daerah",
    );
    for (const title of ["Kepala Unit", "Jabatan", "Pegawai"]) {
      await page.locator("h2", { hasText: title }).first().waitFor();
    }
    await page.locator("main h2", { hasText: "Sub-unit" }).waitFor();
    // The head is a link to its position page, or the unit says it has none.
    const main = await page.locator("main").innerText();
    assert.match(main, /Kepala Unit[\s\S]*(Eselon|tidak mempunyai jabatan struktural)/);
    await screenshot(page, "halaman-unit");
    await checkA11y(page, "halaman unit");
    // The breadcrumb goes back to the agency.
    await crumbs.getByRole("link", { name: agencyName }).click();
    await page.waitForURL(/\/perangkat-daerah\//);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("la3: audit berbahasa Indonesia: sebelum → sesudah, tautan, saringan jenis", async () => {
    const { context, page } = await newPage();
    await signIn(page, "organisasi", "demo-organisasi-2026");
    // A change to audit: a unit of the editor's region renamed.
    const me = await (await page.request.get(`${BASE}/api/v1/auth/me`)).json();
    const regions = await (await page.request.get(`${BASE}/api/v1/regions`)).json();
    const batam = regions.items.find((r) => r.name === "Kota Batam");
    assert.ok(batam, "Kota Batam tidak ada di demo");
    const agencies = await (
      await page.request.get(`${BASE}/api/v1/agencies?region_id=${batam.id}`)
    ).json();
    const units = await (
      await page.request.get(`${BASE}/api/v1/agencies/${agencies.items[0].id}/units`)
    ).json();
    const unit = units.items[0];
    const newName = `${unit.name} (Uji Audit)`;
    const r = await page.request.patch(`${BASE}/api/v1/units/${unit.id}`, {
      headers: { "X-CSRF-Token": me.csrf_token, "Content-Type": "application/json" },
      data: JSON.stringify({ name: newName }),
    });
    assert.equal(r.status(), 200, await r.text());

    await page.goto(`${BASE}/audit`);
    await page.getByLabel("Jenis data").selectOption("unit");
    await page.getByLabel("Jenis perubahan").selectOption("update");
    await page.getByRole("button", { name: "Saring" }).click();
    await page.waitForURL(/tindakan=update.*data=unit|data=unit.*tindakan=update/);
    const table = page.locator("table", {
      has: page.locator("caption", { hasText: "Catatan audit" }),
    });
    await table.waitFor();
    const rows = await table.locator("tbody tr").allInnerTexts();
    assert.ok(rows.length > 0, "tidak ada catatan");
    for (const t of rows) assert.match(t, /mengubah unit organisasi/, `bukan perubahan unit: ${t}`);
    const row = table.locator("tbody tr").first();
    const text = await row.innerText();
    assert.match(text, new RegExp(`organisasi mengubah unit organisasi ${escape(newName)}`));
    assert.ok(
      text.includes(`Nama: ${unit.name} → ${newName}`),
      `sebelum → sesudah tidak tampil: ${text}`,
    );
    assert.doesNotMatch(text, /[{}]|"name"|#\d/, "JSON mentah atau #id tampil");
    await screenshot(page, "audit-disaring");
    await checkA11y(page, "audit disaring");
    // The entry's link opens the unit's page.
    await row.getByRole("link", { name: newName }).click();
    await page.waitForURL(new RegExp(`/unit/${unit.id}$`));
    await page.locator("h1", { hasText: newName }).waitFor();
    // Put the name back.
    const back = await page.request.patch(`${BASE}/api/v1/units/${unit.id}`, {
      headers: { "X-CSRF-Token": me.csrf_token, "Content-Type": "application/json" },
      data: JSON.stringify({ name: unit.name }),
    });
    assert.equal(back.status(), 200);
    assert.equal(await page.evaluate(() => document.title.length > 0), true);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("la4: layar ponsel: saringan pegawai, halaman unit, audit", async () => {
    const { context, page } = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await signIn(page, "organisasi", "demo-organisasi-2026");
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    const within = async (locator, what) => {
      const box = await locator.boundingBox();
      assert.ok(
        box && box.x >= 0 && box.x + box.width <= 390,
        `${what} melebar: ${JSON.stringify(box)}`,
      );
    };
    await page.goto(`${BASE}/pegawai?status=PPPK`);
    await page.locator("caption", { hasText: "Hasil pencarian pegawai" }).waitFor();
    await within(page.locator("fieldset.filter-form"), "saringan pegawai");
    assert.ok((await overflow()) <= 0, `daftar pegawai melebar ${await overflow()} px`);
    await screenshot(page, "ponsel-pegawai-disaring");
    const agencies = await (await page.request.get(`${BASE}/api/v1/agencies?limit=1`)).json();
    const units = await (
      await page.request.get(`${BASE}/api/v1/agencies/${agencies.items[0].id}/units`)
    ).json();
    await page.goto(`${BASE}/unit/${units.items[0].id}`);
    await page.locator("h1", { hasText: units.items[0].name }).waitFor();
    await page.locator("caption", { hasText: "Jabatan di" }).waitFor();
    assert.ok((await overflow()) <= 0, `halaman unit melebar ${await overflow()} px`);
    await screenshot(page, "ponsel-unit");
    await page.goto(`${BASE}/audit?data=unit`);
    await page.locator("form.filter-form").waitFor();
    await within(page.locator("form.filter-form"), "saringan audit");
    assert.ok((await overflow()) <= 0, `audit melebar ${await overflow()} px`);
    await screenshot(page, "ponsel-audit");
    await checkA11y(page, "audit di ponsel");
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
