// Issue 12 item 6 in Chromium on the demo database (run by run.mjs): the administrator issues a
// Surat Tugas (through the API, as the assignment flow will) to the demo's pegawai, signed by the
// holder of the pegawai's appraiser position; the letter page shows it; its PDF holds the number,
// the signatory's name and NIP; the PDF's QR code (pdftoppm + zbarimg) opens the public
// verification page, which says the letter is genuine and in force and shows no recipient's NIP;
// the administrator revokes it on the letter page with a reason, and the verification page then
// says it was revoked.
/* global document -- read only inside page.evaluate(), which runs in the browser */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function apiJson(page, method, path, body) {
  const me = await page.request.get(`${page.base}/api/v1/auth/me`);
  const csrf = me.ok() ? (await me.json()).csrf_token : "";
  const r = await page.request.fetch(`${page.base}/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status(), json: await r.json() };
}

export async function letterTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("i12l: surat tugas terbit, PDF, kode QR ke halaman verifikasi, lalu dicabut", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tatakerja-e2e-surat-"));
    const pegawai = await newPage();
    pegawai.page.base = BASE;
    await signIn(pegawai.page, "pegawai", "demo-pegawai-2026");
    const me = (await apiJson(pegawai.page, "GET", "/auth/me")).json.user;
    assert.ok(me.employee_id, "akun pegawai demo tanpa data pegawai");

    const { context, page } = await newPage();
    page.base = BASE;
    await signIn(page, "admin", "demo-admin-2026");
    const person = (await apiJson(page, "GET", `/employees/${me.employee_id}`)).json;
    const placement = person.placements.find((p) => p.end === null && p.position);
    assert.ok(placement, "pegawai demo tanpa jabatan");
    const position = (await apiJson(page, "GET", `/positions/${placement.position.id}`)).json;
    assert.ok(position.appraiser, "jabatan pegawai demo tanpa pejabat penilai");
    const appraiser = (await apiJson(page, "GET", `/positions/${position.appraiser.id}`)).json;
    assert.ok(appraiser.holders.length > 0, "jabatan pejabat penilai lowong");
    const signer = appraiser.holders[0];

    const issued = await apiJson(page, "POST", "/letters", {
      kind: "surat_tugas",
      agency_id: placement.position.agency_id,
      signatory_employee_id: signer.employee_id,
      recipient_employee_ids: [me.employee_id],
      grounds: ["Peraturan tentang Sistem Kerja"],
      tasks: ["Menyusun laporan kinerja triwulan I"],
      copies: ["Sekretaris Daerah"],
      date: "2026-03-02",
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    const letter = issued.json;

    // The letter page.
    await page.goto(`${BASE}/surat/${letter.id}`);
    await page.locator("h1", { hasText: letter.number }).waitFor();
    assert.ok(await page.locator("main a", { hasText: "Buka PDF" }).count());
    await checkA11y(page, "halaman surat");
    await screenshot(page, "surat");

    // The PDF and its QR code.
    const answer = await page.request.get(`${BASE}/api/v1/letters/${letter.id}.pdf`);
    assert.equal(answer.status(), 200);
    const file = join(dir, "surat.pdf");
    writeFileSync(file, await answer.body());
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
    const squeeze = (s) => s.replace(/\s+/g, "");
    assert.match(text, /SURAT TUGAS/);
    assert.ok(squeeze(text).includes(squeeze(letter.number)));
    assert.ok(squeeze(text).includes(squeeze(signer.name)));
    assert.ok(squeeze(text).includes(`NIP.${signer.nip}`));
    execFileSync("pdftoppm", ["-r", "200", "-png", "-f", "1", "-l", "1", file, join(dir, "hal")]);
    const qr = execFileSync("zbarimg", ["--raw", "-q", join(dir, "hal-1.png")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    assert.equal(qr, `${BASE}${letter.verification_path}`);

    // Anyone with the QR code: genuine and in force, no recipient's NIP.
    const visitor = await newPage();
    await visitor.page.goto(qr);
    await visitor.page
      .locator(".alert", { hasText: "Surat ini asli dan masih berlaku." })
      .waitFor();
    const shown = await visitor.page.evaluate(() => document.body.innerText);
    assert.ok(shown.includes(letter.number));
    assert.ok(shown.includes(signer.nip), "NIP penandatangan tercetak pada surat");
    assert.ok(!shown.includes(person.nip), "NIP penerima tidak boleh tampil");
    await checkA11y(visitor.page, "halaman verifikasi");
    await screenshot(visitor.page, "verifikasi-berlaku");

    // Revoked on the letter page, with a reason.
    await page.getByLabel("Alasan pencabutan").fill("Kegiatan dibatalkan");
    await page.locator("main button", { hasText: "Cabut surat" }).click();
    await page.locator("main .badge", { hasText: "Dicabut" }).waitFor();
    await visitor.page.reload();
    await visitor.page.locator(".alert", { hasText: "sudah dicabut pada" }).waitFor();
    await screenshot(visitor.page, "verifikasi-dicabut");

    // An unknown code is not a genuine letter.
    await visitor.page.goto(`${BASE}/verifikasi/${"A".repeat(43)}`);
    await visitor.page.locator(".alert", { hasText: "tidak dapat dipastikan asli" }).waitFor();

    for (const p of [page, pegawai.page, visitor.page]) assert.deepEqual(p.problems, []);
    await Promise.all([context.close(), pegawai.context.close(), visitor.context.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
}
