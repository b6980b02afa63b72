// Issue 12 item 6 on the web, in Chromium on a fresh demo database (run by run.mjs; test "sl1"):
// the administrator sets the letter numbering of the demo pegawai's agency on its page (a pattern
// without {year} refused by the server at the pattern field, then a good one, whose example the
// form computes as it is typed), issues a Surat Tugas from the form to two people (the pegawai and
// a colleague), signed by the holder of the pegawai's appraiser position; the letter page shows the
// number the scheme gives; a team's page offers a letter for the team, with the team chosen; and
// on "Akun" the administrator makes an account linked to the colleague with an e-mail address (a
// common password refused first at its field), which the list then shows.
import assert from "node:assert/strict";
import { apiJson } from "./assignments.mjs";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

export async function letterFormTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("sl1: penomoran surat, surat tugas dari formulir, dan akun baru", async () => {
    const { context, page } = await newPage();
    const get = async (path) => {
      const r = await apiJson(page, BASE, "GET", path);
      assert.equal(r.status, 200, `GET ${path}: ${JSON.stringify(r.json)}`);
      return r.json;
    };
    await signIn(page, "admin", "demo-admin-2026");

    // The demo's pegawai, their agency, the holder of their appraiser position (the signatory)
    // and a colleague seated in the same agency (the second recipient).
    const accounts = (await get("/users?limit=500")).items;
    const pegawaiId = accounts.find((a) => a.username === "pegawai").employee_id;
    assert.ok(pegawaiId, "akun pegawai demo tanpa data pegawai");
    const pegawai = await get(`/employees/${pegawaiId}`);
    const seat = pegawai.placements.find((p) => p.end === null && p.position);
    assert.ok(seat, "pegawai demo tanpa jabatan");
    const agencyId = seat.position.agency_id;
    const position = await get(`/positions/${seat.position.id}`);
    assert.ok(position.appraiser, "jabatan pegawai demo tanpa pejabat penilai");
    const signer = (await get(`/positions/${position.appraiser.id}`)).holders[0];
    assert.ok(signer, "jabatan pejabat penilai lowong");
    const colleague = (await get(`/employees?agency_id=${agencyId}&limit=100`)).items.find(
      (e) => e.position && e.id !== pegawaiId && e.id !== signer.employee_id,
    );
    assert.ok(colleague, "tidak ada rekan kerja kedua di perangkat daerah itu");

    // 1. The numbering: from the agency's page, a pattern without {year} refused by the server
    // at its field, then a good one.
    await page.goto(`${BASE}/perangkat-daerah/${agencyId}`);
    await page.locator("main nav.edit-links a", { hasText: "Penomoran surat" }).click();
    await page.waitForURL(/\/penomoran-surat$/);
    await page.locator("main h1", { hasText: "Penomoran surat" }).waitFor();
    assert.match(
      await page.locator("main").innerText(),
      /800\.1\.11\.1\/\{seq\}\/\{year\} \(bawaan/,
    );
    const patternBox = page.getByLabel("Pola nomor surat", { exact: true });
    await patternBox.fill("800.1.11.1/{seq}/SL");
    const refused = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/agencies/${agencyId}/letter-scheme`) && r.request().method() === "PUT",
    );
    await page.getByRole("button", { name: "Simpan penomoran" }).click();
    const answer = await refused;
    assert.equal(answer.status(), 422);
    assert.equal((await answer.json()).error.code, "LETTER_PATTERN_INVALID");
    const patternError = page.locator("#f-pattern-galat");
    await patternError.filter({ hasText: "penanda {year} (tahun) wajib ada" }).waitFor();
    assert.equal(await patternBox.getAttribute("aria-invalid"), "true");
    await screenshot(page, "penomoran-surat-ditolak");

    const today = await page.evaluate(() => {
      const d = new Date();
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    });
    const [year, month] = today;
    await patternBox.fill("094/{seq}/{unit_code}/{month_roman}/{year}");
    await page.getByLabel("Kode unit (pilihan)").fill("SL1");
    await page
      .locator(".letter-number-example", { hasText: `094/12/SL1/${ROMAN[month - 1]}/${year}` })
      .waitFor();
    await page.getByLabel("Tempat penandatanganan (pilihan)").fill("Batam");
    await page.getByRole("button", { name: "Simpan penomoran" }).click();
    await page.locator(".alert.success", { hasText: "Penomoran surat disimpan" }).waitFor();
    assert.equal(await patternError.innerText(), "");
    const scheme = await get(`/agencies/${agencyId}/letter-scheme`);
    assert.equal(scheme.pattern, "094/{seq}/{unit_code}/{month_roman}/{year}");
    assert.equal(scheme.unit_code, "SL1");
    assert.equal(scheme.stored, true);
    await checkA11y(page, "penomoran surat");
    await screenshot(page, "penomoran-surat");

    // 2. A Surat Tugas to two people, from the form.
    await page.locator("main a", { hasText: "Terbitkan surat perangkat daerah ini" }).click();
    await page.waitForURL(/\/surat-baru\?lembaga=/);
    await page.locator("main h1", { hasText: "Terbitkan surat" }).waitFor();
    assert.equal(
      await page.getByLabel("Perangkat daerah", { exact: true }).inputValue(),
      String(agencyId),
    );
    const choose = async (label, nip, id) => {
      await page.getByLabel(`Cari ${label.toLowerCase()}`).fill(nip);
      await page
        .locator(".employee-search", { has: page.getByLabel(`Cari ${label.toLowerCase()}`) })
        .getByRole("button", { name: "Cari" })
        .click();
      const control = page.getByLabel(label, { exact: true });
      await control.locator(`option[value="${id}"]`).waitFor({ state: "attached" });
      await control.selectOption(String(id));
    };
    await choose("Penandatangan", signer.nip, signer.employee_id);
    for (const [nip, id] of [
      [pegawai.nip, pegawaiId],
      [colleague.nip, colleague.id],
    ]) {
      await choose("Penerima", nip, id);
      await page.getByRole("button", { name: "Tambahkan penerima" }).click();
    }
    assert.equal(await page.locator(".chosen-people li").count(), 2);
    await page.getByLabel("Dasar (pilihan)").fill("Peraturan Wali Kota tentang Sistem Kerja");
    // Without Untuk the form says so at the field, before asking the server.
    await page.getByRole("button", { name: "Terbitkan surat" }).click();
    await page.locator("#f-tasks-galat", { hasText: "wajib diisi" }).waitFor();
    await page
      .getByLabel("Untuk", { exact: true })
      .fill("Menyusun laporan kinerja triwulan IV\nMenghadiri rapat evaluasi kinerja");
    await page.getByLabel("Tembusan (pilihan)").fill("Sekretaris Daerah");
    await checkA11y(page, "formulir surat");
    await screenshot(page, "surat-baru");
    await page.getByRole("button", { name: "Terbitkan surat" }).click();
    await page.waitForURL(/\/surat\/\d+$/);
    const letterId = page.url().split("/").pop();
    const letter = await get(`/letters/${letterId}`);
    const expected = `094/${letter.sequence}/SL1/${ROMAN[month - 1]}/${year}`;
    assert.equal(letter.number, expected);
    assert.equal(letter.kind, "surat_tugas");
    assert.equal(letter.place, "Batam");
    assert.deepEqual(
      letter.recipients.map((r) => r.employee_id),
      [pegawaiId, colleague.id],
    );
    assert.equal(letter.signatory.employee_id, signer.employee_id);
    assert.deepEqual(letter.tasks, [
      "Menyusun laporan kinerja triwulan IV",
      "Menghadiri rapat evaluasi kinerja",
    ]);
    await page.locator("main h1", { hasText: `SURAT TUGAS Nomor ${expected}` }).waitFor();
    const shown = await page.locator("main").innerText();
    assert.ok(shown.includes(pegawai.name) && shown.includes(colleague.name));
    await screenshot(page, "surat-dari-formulir");

    // 3. A team's page offers a letter for the team, with the team chosen.
    const teams = (await get(`/regions/${pegawai.region_id}/teams`)).items.filter(
      (t) => t.status === "aktif",
    );
    if (teams.length) {
      const t = teams[0];
      await page.goto(`${BASE}/tim/${t.id}`);
      await page.locator("main a", { hasText: "Terbitkan surat tugas untuk tim ini" }).click();
      await page.waitForURL(/\/surat-baru\?lembaga=\d+&tim=\d+$/);
      const teamSelect = page.getByLabel("Tim kerja (pilihan)");
      await teamSelect.locator(`option[value="${t.id}"]`).waitFor({ state: "attached" });
      assert.equal(await teamSelect.inputValue(), String(t.id));
    }

    // 4. An account linked to the colleague, with an e-mail address.
    await page.goto(`${BASE}/akun`);
    await page.locator("main h2", { hasText: "Buat akun" }).waitFor();
    await page.getByLabel("Nama pengguna", { exact: true }).fill("kepala.sl1");
    await page.getByLabel("Nama tampilan (pilihan)").fill(colleague.name);
    await page.getByLabel("Kata sandi awal", { exact: true }).fill("password123");
    await page.getByLabel("Ulangi kata sandi awal").fill("password123");
    await choose("Pegawai yang ditautkan (pilihan)", colleague.nip, colleague.id);
    await page.getByLabel("Alamat e-mail (pilihan)").fill("kepala.sl1@bkpsdm.batam.go.id");
    await page.getByRole("button", { name: "Buat akun" }).click();
    // The server judges the password: a common one is refused at its field.
    await page.locator("#f-password-galat", { hasText: "paling sering dipakai" }).waitFor();
    const sentence = "laporan triwulan selesai sebelum rapat";
    await page.getByLabel("Kata sandi awal", { exact: true }).fill(sentence);
    await page.getByLabel("Ulangi kata sandi awal").fill(sentence);
    await page.getByRole("button", { name: "Buat akun" }).click();
    await page.locator(".alert.success", { hasText: "Akun kepala.sl1 dibuat" }).waitFor();
    const row = page.locator("main table tr", { hasText: "kepala.sl1" });
    await row.waitFor();
    assert.match(await row.innerText(), /kepala\.sl1@bkpsdm\.batam\.go\.id/);
    assert.match(await row.innerText(), /baru/);
    const made = (await get("/users?limit=500")).items.find((a) => a.username === "kepala.sl1");
    assert.equal(made.employee_id, colleague.id);
    assert.equal(made.email, "kepala.sl1@bkpsdm.batam.go.id");
    assert.equal(made.role, "pegawai");
    assert.equal(made.active, true);
    await checkA11y(page, "akun dengan formulir buat akun");
    await screenshot(page, "akun-baru");

    // The new account signs in with the password it was given.
    const owner = await newPage();
    await signIn(owner.page, "kepala.sl1", sentence);
    await owner.context.close();

    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
