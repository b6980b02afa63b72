/* global document -- read only inside page.evaluate(), which runs in the browser */
// Issue 11, item 9, as a registry administrator (`organisasi`, scoped to Kota Batam) does it in
// Chromium: export the agency's people as XLSX from its page and import that file back (every
// row matched, nothing to save); then import a CSV with a new employee and a wrong NIP: the
// preview says which row is refused and why, saving refuses the whole file, and saving with the
// refused rows skipped creates the employee in their position.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export async function peopleImportTests({
  BASE,
  test,
  newPage,
  signIn,
  screenshot,
  checkA11y,
  assert,
  artifacts,
}) {
  const API = `${BASE}/api/v1`;
  const json = async (page, path) => {
    const r = await page.request.get(`${API}${path}`);
    assert.equal(r.status(), 200, `GET ${path}: ${r.status()}`);
    return r.json();
  };
  const fact = (page, term) =>
    page
      .locator(".import-report .facts div", { has: page.locator("dt", { hasText: term }) })
      .locator("dd");
  /** A CSV as a BKPSDM sheet writes it (semicolons): a new employee in `title` and a wrong NIP. */
  const newPeopleCsv = (title) => {
    // Born 6 May 1990, appointed March 2015, female, a serial of this run.
    const nip = `199005062015032${String(100 + Math.floor(Math.random() * 900))}`;
    const csv = join(artifacts, `pegawai-baru-${nip}.csv`);
    writeFileSync(
      csv,
      `NIP;Nama;Golongan;Jabatan;TMT\r\n${nip};Rina Impor E2E;Penata Muda (III/a);${title};` +
        "2025-02-03\r\n123;NIP Pendek;III/a;;\r\n",
    );
    return { nip, csv };
  };
  /** A title that only one position of the agency has (a new employee is placed by title). */
  const uniqueTitle = async (page, agencyId) => {
    const positions = (await json(page, `/agencies/${agencyId}/positions?limit=500`)).items;
    const count = (t) => positions.filter((p) => p.title === t).length;
    const unique = positions.filter((p) => count(p.title) === 1);
    assert.ok(unique.length > 0, "tidak ada jabatan yang judulnya tunggal");
    return unique[unique.length - 1].title;
  };
  const preview = async (page, file) => {
    await page.locator("#berkas-pegawai").setInputFiles(file);
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.locator(".import-report").waitFor();
  };

  await test("pi1: admin registri mengekspor pegawai lalu mengimpornya kembali", async () => {
    const { context, page } = await newPage({ acceptDownloads: true });
    await signIn(page, "organisasi", "demo-organisasi-2026");
    const regions = await json(page, "/regions");
    const region = regions.items.find((r) => r.name === "Kota Batam");
    const agency = (await json(page, `/agencies?region_id=${region.id}`)).items[0];
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);

    // The export, downloaded from the agency's page as the officer would.
    const row = page.locator("main .export-links li", { hasText: "Ekspor pegawai" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "XLSX" }).click(),
    ]);
    const exported = join(artifacts, "pegawai-batam.xlsx");
    await download.saveAs(exported);

    await page.getByRole("link", { name: "Impor pegawai (XLSX/CSV)" }).click();
    await page.getByRole("heading", { level: 1, name: "Impor Pegawai" }).waitFor();
    await preview(page, exported);
    const matched = Number(await fact(page, "Sudah sesuai registri").innerText());
    assert.ok(matched > 0, "ekspor tanpa baris");
    assert.equal(await fact(page, "Baris data").innerText(), String(matched));
    assert.equal(await fact(page, "Ditolak").innerText(), "0");
    assert.equal(await fact(page, "Pegawai baru").innerText(), "0");
    await page.getByText("Tidak ada yang perlu disimpan: registri sudah sesuai.").waitFor();
    await screenshot(page, "impor-pegawai-ekspor-kembali");

    // A CSV with a new employee and a wrong NIP.
    const title = await uniqueTitle(page, agency.id);
    const { nip, csv } = newPeopleCsv(title);
    await preview(page, csv);
    assert.equal(await fact(page, "Pegawai baru").innerText(), "1");
    assert.equal(await fact(page, "Ditolak").innerText(), "1");
    const report = page.getByRole("region", { name: "Baris yang dibuat, diperbarui atau ditolak" });
    const refusedRow = report.locator("tr", { hasText: "NIP Pendek" });
    assert.match(await refusedRow.innerText(), /Ditolak/);
    assert.match(await refusedRow.innerText(), /NIP:/);
    assert.match(
      await report.locator("tr", { hasText: "Rina Impor E2E" }).innerText(),
      new RegExp(title),
    );
    await checkA11y(page, "pratinjau impor pegawai");
    await screenshot(page, "impor-pegawai-pratinjau");

    // Saving refuses the whole file while a row is refused ...
    await page.getByRole("button", { name: "Simpan ke registri" }).click();
    await page.locator(".alert.error", { hasText: "tidak ada yang disimpan" }).waitFor();
    const none = await json(page, `/employees?q=${nip}`);
    assert.equal(none.items.length, 0, "impor yang ditolak menyimpan sesuatu");
    // ... and with the refused rows skipped, saves the others.
    await page.getByLabel(/Lewati 1 baris yang ditolak/).check();
    await page.getByRole("button", { name: "Simpan ke registri" }).click();
    await page.getByText("Tersimpan: 1 pegawai baru").waitFor();
    await screenshot(page, "impor-pegawai-tersimpan");
    await page.getByRole("link", { name: "Rina Impor E2E" }).click();
    await page.getByRole("heading", { level: 1, name: /Rina Impor E2E/ }).waitFor();
    assert.match(await page.locator("main").innerText(), new RegExp(title));
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("pi2: impor pegawai di ponsel (390 px)", async () => {
    const { context, page } = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await signIn(page, "organisasi", "demo-organisasi-2026");
    const regions = await json(page, "/regions");
    const region = regions.items.find((r) => r.name === "Kota Batam");
    const agency = (await json(page, `/agencies?region_id=${region.id}`)).items[0];
    const title = await uniqueTitle(page, agency.id);
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}/impor-pegawai`);
    await preview(page, newPeopleCsv(title).csv);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `halaman melebar ${wide} px`);
    await checkA11y(page, "impor pegawai di ponsel");
    await screenshot(page, "ponsel-impor-pegawai");
    await context.close();
  });
}
