// End-to-end tests of the web interface against a running server (env TATAKERJA_URL).
// Uses playwright-core with the system's Chromium (no browser download):
//   TATAKERJA_URL=http://127.0.0.1:8080/ node e2e/run.mjs
// Full-page screenshots of each main step go to e2e/artifacts/.
/* global document, window -- read only inside page.evaluate(), which runs in the browser */
import { chromium } from "playwright-core";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { listsAndAudit } from "./lists_audit.mjs"; // issue 11

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const artifacts = join(here, "artifacts");
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const BASE = (process.env.TATAKERJA_URL ?? "").replace(/\/+$/, "");
if (!BASE) {
  console.error("TATAKERJA_URL belum diisi (mis. http://127.0.0.1:8080/).");
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AGENCY = "Badan Pengelola Perbatasan Daerah";
const NIP_SPACED = /\b\d{8} \d{6} \d \d{3}\b/;
const NIP_RAW = /\b\d{18}\b/;
const only = process.argv.slice(2);
// axe-core is evaluated through the DevTools protocol, which the page's CSP does not restrict.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Accessibility check (WCAG 2.x A/AA rules of axe-core); serious and critical findings fail. */
async function checkA11y(page, what) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of found)
    if (!bad.includes(v))
      console.log(`     a11y (${v.impact}) ${what}: ${v.id} — ${v.help} ${v.nodes.join(", ")}`);
  assert.deepEqual(bad, [], `${what}: masalah aksesibilitas`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** What the tests learn and pass on: (a) finds the position and its holder for (b), (c), (e). */
const shared = { agencyUrl: "", positionUrl: "", holderName: "", regulationUrl: "" };
const results = [];
let shot = 0;

async function newPage(opts = {}) {
  const context = await browser.newContext({
    locale: "id-ID",
    viewport: { width: 1366, height: 900 },
    ...opts,
  });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(`csp: ${m.text()}`);
  });
  page.problems = problems;
  return { context, page };
}

async function screenshot(page, name) {
  shot += 1;
  const file = join(artifacts, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function signIn(page, username, password) {
  await page.goto(`${BASE}/masuk`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.locator("main form button[type=submit]").click();
  await page.locator(".user-box .user-name").waitFor();
  assert.match(await page.locator(".user-box").innerText(), /Keluar/);
}

async function test(name, fn) {
  if (only.length && !only.some((o) => name.startsWith(o))) return;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(
      `FAIL ${name}\n     ${String(e?.stack ?? e)
        .split("\n")
        .slice(0, 6)
        .join("\n     ")}`,
    );
  }
}

await test("a: pegawai membuka bagan, jabatan, dan pasal sumber", async () => {
  const { context, page } = await newPage();
  await signIn(page, "pegawai", "demo-pegawai-2026");
  await page.goto(`${BASE}/`);
  await page.locator("h1", { hasText: "Daftar Daerah" }).waitFor();
  await screenshot(page, "beranda");
  await checkA11y(page, "beranda");
  const regions = await page
    .locator(".card-list h2 a")
    .evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  assert.ok(regions.length > 0, "tidak ada daerah di beranda");
  // The agency of 000 is in the province of NTT; Kabupaten Kapuas Hulu (001) has one of the same
  // name, so the province is tried first.
  const ordered = [
    ...regions.filter(([, n]) => /Nusa Tenggara Timur/.test(n)),
    ...regions.filter(([, n]) => !/Nusa Tenggara Timur/.test(n)),
  ];
  let found = false;
  for (const [href] of ordered) {
    await page.goto(`${BASE}${href}`);
    await page.locator("main h1").waitFor();
    await page.locator("main section").first().waitFor();
    const link = page.locator("main a", { hasText: AGENCY }).first();
    if (await link.count()) {
      assert.match(await page.locator("main h1").innerText(), /Nusa Tenggara Timur/);
      await screenshot(page, "daerah");
      await link.click();
      found = true;
      break;
    }
  }
  assert.ok(found, `tidak ada daerah dengan ${AGENCY}`);
  await page.waitForURL(/\/perangkat-daerah\//);
  shared.agencyUrl = page.url();
  await page.locator("main h1", { hasText: AGENCY }).waitFor();
  const chart = page.locator(".org-root");
  await chart.waitFor();
  assert.ok((await chart.locator("a[data-chart-box]").count()) >= 3, "bagan terlalu sedikit kotak");
  assert.match(await chart.innerText(), /Kepala Badan/);
  await screenshot(page, "perangkat-daerah-bagan");
  await checkA11y(page, "perangkat daerah");

  // Arrow keys move between boxes: down from the head to its first subordinate, up again.
  const head = chart.locator("a[data-chart-box]").first();
  await head.focus();
  await page.keyboard.press("ArrowDown");
  const below = await page.evaluate(() => document.activeElement?.textContent ?? "");
  assert.notEqual(below, await head.innerText(), "panah bawah tidak berpindah kotak");
  await page.keyboard.press("ArrowUp");
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent ?? ""),
    await head.innerText(),
  );

  // The chart opens at its top levels; a box's subordinates are loaded when asked for.
  const more = chart.locator(".org-more").first();
  assert.ok((await more.count()) > 0, "tidak ada tombol untuk memuat bawahan");
  const expandedTitle = await more.locator("xpath=..").locator("a.org-title").innerText();
  const boxesBefore = await chart.locator("a[data-chart-box]").count();
  await more.click();
  await page.waitForFunction(
    (n) => document.querySelectorAll(".org-root a[data-chart-box]").length > n,
    boxesBefore,
  );
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent ?? ""),
    expandedTitle,
    "fokus tidak kembali ke kotak yang dibuka",
  );
  await screenshot(page, "perangkat-daerah-bagan-dimuat");

  // Collapse and expand a subtree with the keyboard.
  const toggle = chart.locator(".org-toggle").first();
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");

  // Functional positions are folded inside their coordinator's box.
  const groupToggle = chart.locator(".org-group-toggle").first();
  if (await groupToggle.count()) {
    assert.equal(await groupToggle.getAttribute("aria-expanded"), "false");
    await groupToggle.click();
    assert.equal(await groupToggle.getAttribute("aria-expanded"), "true");
    await chart.locator(".org-members:not([hidden]) a").first().waitFor();
    await screenshot(page, "perangkat-daerah-bagan-fungsional");
  }

  // A Kepala Bidang box, preferably one with a holder.
  const bidangBoxes = chart.locator(".org-box", {
    has: page.locator("a.org-title", { hasText: /^Kepala Bidang/ }),
  });
  assert.ok((await bidangBoxes.count()) > 0, "tidak ada kotak Kepala Bidang");
  let box = bidangBoxes
    .filter({ has: page.locator(".org-holder.org-own:not(.is-vacant)") })
    .first();
  if (!(await box.count())) box = bidangBoxes.first();
  await box.locator("a.org-title").click();
  await page.waitForURL(/\/jabatan\//);
  shared.positionUrl = page.url();
  await page.locator("main h1", { hasText: /^Kepala Bidang/ }).waitFor();
  const duties = page.locator("section", { has: page.locator("h2", { hasText: "Uraian Tugas" }) });
  await duties.waitFor();
  assert.ok((await duties.locator("ol.duties li").count()) > 0, "uraian tugas kosong");
  const source = page.locator(".source-col .article-text").first();
  await source.waitFor();
  assert.ok((await source.innerText()).trim().length > 20, "naskah pasal sumber kosong");
  // Beside the duties on a wide screen.
  const [mainBox, sourceBox] = [
    await page.locator(".main-col").boundingBox(),
    await page.locator(".source-col").boundingBox(),
  ];
  assert.ok(sourceBox.x > mainBox.x + mainBox.width - 1, "naskah sumber tidak di samping");
  const holder = page.locator(".holders li a").first();
  if (await holder.count()) shared.holderName = (await holder.innerText()).trim();
  await screenshot(page, "jabatan");
  await checkA11y(page, "jabatan");

  const articleLink = page.locator(".source-article h3 a").first();
  const label = (await articleLink.innerText()).trim();
  await articleLink.click();
  await page.waitForURL(/\/peraturan\/[^/?]+\?pasal=/);
  shared.regulationUrl = page.url();
  const open = page.locator("details.highlight[open]");
  await open.waitFor();
  assert.ok((await open.locator("summary").innerText()).includes(label));
  await open.locator(".article-text").waitFor();
  await page.locator("section h2", { hasText: "Temuan Pemeriksaan Naskah" }).waitFor();
  await screenshot(page, "peraturan");
  await checkA11y(page, "peraturan");
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("b: pegawai mencari pemangku jabatan dan membuka datanya", async () => {
  assert.ok(shared.holderName, "tes a tidak menemukan nama pemangku jabatan");
  const { context, page } = await newPage();
  await signIn(page, "pegawai", "demo-pegawai-2026");
  await page.goto(`${BASE}/pegawai`);
  const word =
    shared.holderName.split(/[\s,]+/).find((w) => /^[\p{L}]{3,}$/u.test(w)) ?? shared.holderName;
  await page.getByLabel("Cari nama atau NIP").fill(word);
  await page.getByRole("button", { name: "Cari" }).click();
  await page.waitForURL(/\/pegawai\?q=/);
  const hit = page.locator("main table a", { hasText: shared.holderName }).first();
  await hit.waitFor();
  assert.match(await page.locator("main table").innerText(), NIP_SPACED);
  await screenshot(page, "pegawai-cari");
  await checkA11y(page, "pencarian pegawai");
  await hit.click();
  await page.waitForURL(/\/pegawai\/[^/?]+$/);
  await page.locator("main h1", { hasText: shared.holderName }).waitFor();
  assert.match(await page.locator(".nip").innerText(), NIP_SPACED);
  await page.locator("section h2", { hasText: "Riwayat Jabatan" }).waitFor();
  await screenshot(page, "pegawai-data");
  await checkA11y(page, "data pegawai");
  // Sign out: the header offers Masuk again and personal pages ask to sign in.
  await page.locator(".user-box").getByRole("button", { name: "Keluar" }).click();
  await page.locator(".user-box a", { hasText: "Masuk" }).waitFor();
  await page.goto(`${BASE}/pegawai`);
  await page.locator(".signin-prompt").waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("c: tanpa masuk tidak ada data pribadi", async () => {
  assert.ok(shared.positionUrl, "tes a tidak menemukan halaman jabatan");
  const { context, page } = await newPage();
  const noPersonalData = async (what) => {
    const text = await page.locator("body").innerText();
    assert.doesNotMatch(text, NIP_RAW, `${what}: NIP 18 angka tampil`);
    assert.doesNotMatch(text, NIP_SPACED, `${what}: NIP tampil`);
    if (shared.holderName)
      assert.ok(!text.includes(shared.holderName), `${what}: nama pemangku tampil`);
  };
  await page.goto(shared.positionUrl);
  await page.locator(".source-col .article-text").first().waitFor();
  await page.locator("section h2", { hasText: "Pemangku Jabatan" }).waitFor();
  assert.match(await page.locator("main").innerText(), /Lowong|Terisi/);
  await noPersonalData("halaman jabatan");
  await screenshot(page, "anonim-jabatan");
  await page.goto(shared.agencyUrl);
  await page.locator(".org-root").waitFor();
  await page.getByRole("button", { name: "Buka semua" }).click();
  assert.match(await page.locator(".org-root").innerText(), /Lowong|Terisi/);
  await noPersonalData("bagan");
  await screenshot(page, "anonim-bagan");
  await page.goto(`${BASE}/pegawai`);
  await page.locator(".signin-prompt").waitFor();
  assert.match(await page.locator("main").innerText(), /sudah masuk/);
  await page.locator(".signin-prompt a", { hasText: "Masuk" }).waitFor();
  await noPersonalData("halaman pegawai");
  await screenshot(page, "anonim-pegawai");
  await checkA11y(page, "pegawai tanpa masuk");
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("d: admin mengunggah naskah 003 untuk pratinjau", async () => {
  const file = readdirSync(join(repo, "data/regulations")).find((f) => /^003_.*\.txt$/.test(f));
  assert.ok(file, "data/regulations/003_*.txt tidak ada");
  const { context, page } = await newPage();
  await signIn(page, "organisasi", "demo-organisasi-2026");
  await page.locator("nav a", { hasText: "Unggah Peraturan" }).click();
  await page.waitForURL(/\/unggah$/);
  await page
    .getByLabel("Pilih berkas naskah (.txt)")
    .setInputFiles(join(repo, "data/regulations", file));
  await page.getByRole("button", { name: "Pratinjau" }).click();
  const preview = page.locator("section", { has: page.locator("h2", { hasText: "Pratinjau" }) });
  await preview.waitFor({ timeout: 30000 });
  const text = await preview.innerText();
  assert.match(text, /sudah diimpor/);
  assert.match(text, /Kota Batam/);
  assert.match(text, /Temuan \(\d+\)/);
  assert.ok(
    (await preview.locator("table").last().locator("tbody tr").count()) > 0,
    "tidak ada temuan",
  );
  await screenshot(page, "unggah-pratinjau");
  await checkA11y(page, "unggah");
  await preview.getByRole("button", { name: "Simpan" }).click();
  const done = page.locator(".alert.success a", { hasText: "Buka halaman peraturan" });
  await done.waitFor({ timeout: 30000 });
  await screenshot(page, "unggah-simpan");
  await done.click();
  await page.waitForURL(/\/peraturan\//);
  await page.locator("main h1").waitFor();
  await page.goto(`${BASE}/audit`);
  await page.locator("main h1", { hasText: "Audit" }).waitFor();
  await screenshot(page, "audit");
  await checkA11y(page, "audit");
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("e: layar ponsel 390x844", async () => {
  assert.ok(shared.positionUrl && shared.agencyUrl, "tes a tidak menemukan halaman");
  const { context, page } = await newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await signIn(page, "pegawai", "demo-pegawai-2026");
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.goto(shared.positionUrl);
  await page.locator(".source-col .article-text").first().waitFor();
  assert.ok((await overflow()) <= 0, `halaman jabatan melebar ${await overflow()} px`);
  // On a phone the source text comes below the duties.
  const [mainBox, sourceBox] = [
    await page.locator(".main-col").boundingBox(),
    await page.locator(".source-col").boundingBox(),
  ];
  assert.ok(sourceBox.y >= mainBox.y + mainBox.height - 1, "naskah sumber tidak di bawah");
  await screenshot(page, "ponsel-jabatan");
  await checkA11y(page, "jabatan di ponsel");
  await page.goto(shared.agencyUrl);
  const chart = page.locator(".org-root");
  await chart.waitFor();
  assert.ok((await overflow()) <= 0, `halaman perangkat daerah melebar ${await overflow()} px`);
  const chartBox = await chart.boundingBox();
  assert.ok(chartBox.width <= 390, "bagan lebih lebar dari layar");
  await screenshot(page, "ponsel-bagan");
  await checkA11y(page, "bagan di ponsel");
  const toggle = chart.locator(".org-toggle").first();
  await toggle.tap();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await screenshot(page, "ponsel-bagan-tertutup");
  await toggle.tap();
  const bidang = chart.locator("a.org-title", { hasText: /^Kepala Bidang/ }).first();
  await bidang.tap();
  await page.waitForURL(/\/jabatan\//);
  await page.locator("main h1").waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("f: akun saya dan daftar akun (administrator)", async () => {
  const { context, page } = await newPage();
  await signIn(page, "admin", "demo-admin-2026");
  await page.goto(`${BASE}/akun-saya`);
  await page.locator("h1", { hasText: "Akun saya" }).waitFor();
  const sessions = page.getByRole("region", { name: "Sesi masuk Anda" });
  await sessions.getByText("Sesi ini", { exact: true }).waitFor();
  // A password the server refuses: its own message is shown at the form, nothing changes.
  await page.getByLabel("Kata sandi saat ini").fill("demo-admin-2026");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("aaaaaaaaaa");
  await page.getByLabel("Ulangi kata sandi baru").fill("aaaaaaaaaa");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  const refusal = page.locator("main form .alert.error");
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /mengulang karakter yang sama/);
  assert.equal(
    await page.getByLabel("Kata sandi baru", { exact: true }).getAttribute("aria-invalid"),
    "true",
  );
  // The address notifications are copied to: checked before sending, then saved.
  const email = page.getByLabel("Alamat e-mail");
  await email.fill("admin kota@kupangkota");
  await page.getByRole("button", { name: "Simpan alamat" }).click();
  await page.getByText("tidak boleh berisi spasi").first().waitFor();
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  await email.fill("admin@kupangkota.go.id");
  await page.getByRole("button", { name: "Simpan alamat" }).click();
  await page.getByText("Alamat e-mail disimpan: admin@kupangkota.go.id.").waitFor();
  await page.reload();
  assert.equal(await page.getByLabel("Alamat e-mail").inputValue(), "admin@kupangkota.go.id");
  await screenshot(page, "akun-saya");
  await checkA11y(page, "akun saya");
  await page.goto(`${BASE}/akun`);
  await page.locator("h1", { hasText: "Akun" }).waitFor();
  const accounts = page.getByRole("region", { name: "Daftar akun" });
  await accounts.getByText("pegawai", { exact: true }).waitFor();
  assert.ok(
    await accounts.getByRole("button", { name: "Nonaktifkan akun pegawai" }).isVisible(),
    "tombol nonaktifkan tidak ada",
  );
  // The administrator sets another account's address from the list.
  const row = accounts
    .locator("tr")
    .filter({ has: page.getByRole("cell", { name: "pegawai", exact: true }) });
  await row.getByText("Ubah", { exact: true }).click();
  await row.getByLabel("Alamat e-mail").fill("pegawai@kupangkota.go.id");
  await row.getByRole("button", { name: "Simpan alamat" }).click();
  await row.getByText("Alamat e-mail disimpan: pegawai@kupangkota.go.id.").waitFor();
  await screenshot(page, "daftar-akun");
  await checkA11y(page, "daftar akun");
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("g: admin mengunggah naskah perbaikan 003: versi baru, bukan salinan", async () => {
  const file = readdirSync(join(repo, "data/regulations")).find((f) => /^003_.*\.txt$/.test(f));
  assert.ok(file, "data/regulations/003_*.txt tidak ada");
  // The same Peraturan Wali Kota (number, year, region) with one correction: the Kepala Badan's
  // eselon.
  const original = readFileSync(join(repo, "data/regulations", file), "utf8");
  const corrected = original.replace(
    "Kepala Badan merupakan jabatan struktural eselon II.b",
    "Kepala Badan merupakan jabatan struktural eselon II.a",
  );
  assert.notEqual(corrected, original, "kalimat eselon tidak ditemukan");
  const { context, page } = await newPage();
  await signIn(page, "organisasi", "demo-organisasi-2026");
  await page.goto(`${BASE}/unggah`);
  await page.getByLabel("Pilih berkas naskah (.txt)").setInputFiles({
    name: "003-perbaikan.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(corrected, "utf8"),
  });
  await page.getByRole("button", { name: "Pratinjau" }).click();
  const preview = page.locator("section", { has: page.locator("h2", { hasText: "Pratinjau" }) });
  await preview.waitFor({ timeout: 30000 });
  const text = await preview.innerText();
  assert.match(text, /sudah ada; akan menjadi versi 2/);
  assert.match(text, /mencatatnya sebagai versi 2 \(perbaikan\), bukan salinan kedua/);
  const changes = preview.locator("table", {
    has: page.locator("caption", { hasText: "Perubahan struktur" }),
  });
  const row = changes.locator("tbody tr", { hasText: "Eselon diubah" });
  assert.equal(await row.count(), 1, "perubahan eselon tidak tampil");
  assert.match(await row.innerText(), /Kepala Badan[\s\S]*II\.b[\s\S]*II\.a/);
  await screenshot(page, "perbaikan-pratinjau");
  await checkA11y(page, "pratinjau perbaikan");
  await preview.getByRole("button", { name: "Simpan" }).click();
  const done = page.locator(".alert.success", { hasText: "tersimpan sebagai versi baru" });
  await done.waitFor({ timeout: 30000 });
  await done.locator("a", { hasText: "Buka halaman peraturan" }).click();
  await page.waitForURL(/\/peraturan\//);
  await page.getByText("Versi 2 (naskah perbaikan)").waitFor();
  await screenshot(page, "perbaikan-versi-2");
  // Version 1 stays readable, marked as replaced, linking to version 2.
  await page
    .getByRole("list", { name: "Versi naskah" })
    .getByRole("link", { name: "Versi 1" })
    .click();
  await page.getByText("Diganti oleh versi baru:").waitFor();
  const articles = /Pasal dan Bagian \((\d+)\)/.exec(await page.locator("main").innerText());
  assert.ok(articles && Number(articles[1]) > 0, "pasal versi lama tidak dapat dibaca");
  await checkA11y(page, "versi lama");
  // Uploading the corrected text again changes nothing: no second copy.
  await page.goto(`${BASE}/unggah`);
  await page.getByLabel("Pilih berkas naskah (.txt)").setInputFiles({
    name: "003-perbaikan.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(corrected, "utf8"),
  });
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await preview.waitFor({ timeout: 30000 });
  assert.match(await preview.innerText(), /sudah diimpor/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 11, item 5: the facts the texts give, shown right.
await test("h: tugas dan fungsi perangkat daerah dan pasal pembentukannya", async () => {
  const { context, page } = await newPage();
  await page.goto(`${BASE}/`);
  const agencies = await page.evaluate(async () => {
    const r = await fetch("/api/v1/agencies?limit=100");
    return (await r.json()).items;
  });
  const open = async (re) => {
    const a = agencies.find((x) => re.test(x.name));
    assert.ok(a, `tidak ada perangkat daerah ${re}`);
    await page.goto(`${BASE}/perangkat-daerah/${a.id}`);
    await page.locator("main h1").waitFor();
    await page.locator("main section", { hasText: "Tugas dan Fungsi" }).waitFor();
    return page.locator("main section", { hasText: "Tugas dan Fungsi" });
  };
  // 003 gives the tasks and functions of the Kepala Badan, not of the Badan: they are shown,
  // with a note naming whose they are.
  const tasks = await open(/Kepegawaian dan Pengembangan/);
  const text = await tasks.innerText();
  assert.doesNotMatch(text, /Tugas\s*—/, "tugas BKPSDM kosong");
  assert.match(text, /merumuskan tugas dan fungsi\s+Kepala Badan/);
  assert.match(text, /memimpin, mengatur/i);
  const functions = tasks.locator("ol.letter-list > li");
  assert.equal(await functions.count(), 4, "fungsi BKPSDM (a.–d.) tidak tampil");
  assert.equal(
    await functions
      .first()
      .evaluate((li) => li.ownerDocument.defaultView.getComputedStyle(li).listStyleType),
    "huruf-pasal",
  );
  await screenshot(page, "perangkat-daerah-tugas-kepala");
  // The article that set the agency up, not the definitions of Pasal 1.
  await page.locator("main a", { hasText: "Pasal pembentukan" }).click();
  await page.waitForURL(/\/peraturan\/\d+\?pasal=/);
  const opened = page.locator("details.highlight summary");
  await opened.waitFor();
  assert.match(await opened.innerText(), /^Pasal 2\b/);
  // An agency known only from a decree about its IKI: the decree is not its legal basis.
  const decree = await open(/Perbatasan Daerah/);
  await decree.waitFor();
  const ids = agencies.filter((x) => /Perbatasan Daerah/.test(x.name)).map((x) => x.id);
  let sawDecree = false;
  for (const id of ids) {
    await page.goto(`${BASE}/perangkat-daerah/${id}`);
    const identity = page.locator("main section", { hasText: "Identitas" });
    await identity.waitFor();
    const t = await identity.innerText();
    if (/Keputusan/.test(t)) {
      sawDecree = true;
      assert.match(t, /Peraturan pembentukannya belum diimpor/);
      assert.match(t, /Tercatat dari/);
      assert.doesNotMatch(t, /Pasal pembentukan/);
    } else {
      assert.match(t, /Dasar pembentukan\s*Peraturan Gubernur/);
    }
  }
  assert.ok(sawDecree, "perangkat daerah dari keputusan IKI tidak ditemukan");
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 11, item 1: an amending regulation ("Perubahan atas Pergub NTT 77/2023", 002) uploaded
// by the Bagian Organisasi is applied to the regulation it amends, as its next version.
await test("i: admin mengunggah peraturan perubahan: diterapkan pada peraturan yang diubah", async () => {
  const amendment = readFileSync(
    join(repo, "tests/amendments/perubahan-pergub-ntt-77-2023.txt"),
    "utf8",
  );
  const { context, page } = await newPage();
  // The demo's registry administrator is scoped to Kota Batam; NTT's amendment is the
  // administrator's.
  await signIn(page, "admin", "demo-admin-2026");
  await page.goto(`${BASE}/unggah`);
  await page.getByLabel("Pilih berkas naskah (.txt)").setInputFiles({
    name: "perubahan-77-2023.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(amendment, "utf8"),
  });
  await page.getByRole("button", { name: "Pratinjau" }).click();
  const preview = page.locator("section", { has: page.locator("h2", { hasText: "Pratinjau" }) });
  await preview.waitFor({ timeout: 30000 });
  const text = await preview.innerText();
  assert.match(text, /Naskah ini mengubah/);
  assert.match(text, /Pasal 3 diubah\./);
  assert.match(text, /Pasal 6A disisipkan sesudah Pasal 6\./);
  assert.match(text, /Pasal 11 dihapus\./);
  assert.match(text, /Tidak diterapkan[\s\S]*Lampiran II/);
  const row = preview.locator("table tbody tr", { hasText: "Kewirausahaan" });
  assert.ok((await row.count()) >= 1, "jabatan baru dari perubahan tidak tampil");
  await screenshot(page, "perubahan-pratinjau");
  await checkA11y(page, "pratinjau peraturan perubahan");
  await preview.getByRole("button", { name: "Simpan" }).click();
  const done = page.locator(".alert.success", { hasText: "diterapkan" });
  await done.waitFor({ timeout: 30000 });
  await done.locator("a", { hasText: "versi baru peraturan yang diubah" }).click();
  await page.waitForURL(/\/peraturan\//);
  await page.locator("main h1").waitFor();
  const page_text = await page.locator("main").innerText();
  assert.match(page_text, /Nomor 77 Tahun 2023/);
  assert.match(page_text, /sebagaimana diubah dengan Peraturan Gubernur Nomor 12 Tahun 2024/);
  assert.match(page_text, /Pasal 6A/);
  await screenshot(page, "perubahan-versi-baru");
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 11, item 10: an employee finds their appraiser in two clicks (Profil saya, then the
// appraiser's name), on a desktop and on a phone.
await test("j: pegawai menemukan pejabat penilainya dalam dua klik (Profil saya)", async () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    const phone = viewport.width < 500;
    const { context, page } = await newPage(phone ? { viewport, isMobile: true } : { viewport });
    await signIn(page, "pegawai", "demo-pegawai-2026");
    // What the registry says: the account's position, its appraiser position and who holds it.
    const expected = await page.evaluate(async () => {
      const get = async (u) => (await fetch(`/api/v1${u}`)).json();
      const me = (await get("/auth/me")).user;
      const emp = await get(`/employees/${me.employee_id}`);
      const current = emp.placements.find((p) => p.end === null);
      const pos = await get(`/positions/${current.position.id}`);
      const appraiser = await get(`/positions/${pos.appraiser.id}`);
      return { title: pos.title, appraiser: appraiser.holders[0] };
    });
    await page.goto(`${BASE}/`);
    await page.locator("main h1").waitFor();
    await page.getByRole("link", { name: "Profil saya" }).click(); // click 1
    await page.locator("main h1", { hasText: "Profil saya" }).waitFor();
    const row = page.locator("dl.facts div", { hasText: "Pejabat penilai kinerja" });
    await row.waitFor();
    assert.match(await page.locator("main").innerText(), new RegExp(expected.title));
    assert.match(await row.innerText(), new RegExp(expected.appraiser.name.split(",")[0]));
    await screenshot(page, phone ? "profil-saya-ponsel" : "profil-saya");
    await checkA11y(page, `profil saya ${viewport.width}px`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `profil saya melebar ${overflow} px`);
    await row.getByRole("link", { name: expected.appraiser.name }).click(); // click 2
    await page.waitForURL(new RegExp(`/pegawai/${expected.appraiser.employee_id}$`));
    await page.locator("main h1", { hasText: expected.appraiser.name.split(",")[0] }).waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

// A page that does not exist says so and leads back.
await test("k: halaman yang tidak ada", async () => {
  const { context, page } = await newPage();
  await page.goto(`${BASE}/tidak-ada-halaman-ini`);
  await page.locator("main h1", { hasText: "Halaman tidak ditemukan" }).waitFor();
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await page.locator("main h1", { hasText: "Daftar Daerah" }).waitFor();
  await screenshot(page, "tidak-ditemukan");
  await context.close();
});

// ---- Registry changes from the web (issue 11, item 2): the forms' flows, in forms.mjs. ----
const { registryFormTests } = await import("./forms.mjs");
await registryFormTests({ test, newPage, signIn, screenshot, checkA11y, BASE, assert });
// Issue 11 (items 3, 4): IKI tables and acting officials (e2e/iki_acting.mjs).
await (
  await import("./iki_acting.mjs")
).ikiActingTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 11: lists that find things, unit pages, a readable audit (e2e/lists_audit.mjs).
await listsAndAudit({ BASE, test, newPage, signIn, screenshot, checkA11y });
// Issue 11, item 9: export and re-import people (e2e/people_import.mjs).
await (
  await import("./people_import.mjs")
).peopleImportTests({ BASE, test, newPage, signIn, screenshot, checkA11y, assert, artifacts });

// Issue 12: the work system.
await test("w1: admin membuka Sistem kerja Kota Batam: aturan dari Perwako 20/2024 dan bawaan", async () => {
  const { context, page } = await newPage();
  await signIn(page, "admin", "demo-admin-2026");
  await page.goto(`${BASE}/`);
  await page.getByRole("link", { name: "Kota Batam" }).click();
  await page.getByRole("link", { name: "Sistem kerja daerah ini" }).click();
  await page.waitForURL(/\/sistem-kerja$/);
  await page.locator("h1", { hasText: "Sistem kerja Kota Batam" }).waitFor();
  const decree = page.locator("section", {
    has: page.locator("h2", { hasText: "Penetapan tim kerja" }),
  });
  const agencyTeam = decree.locator("li.card", { hasText: "Tim kerja perangkat daerah" });
  assert.match(await agencyTeam.innerText(), /Kepala Badan/);
  assert.match(await agencyTeam.innerText(), /Pasal 20 ayat \(4\) huruf c/);
  assert.match(await agencyTeam.innerText(), /peraturan daerah/);
  // 003 sets no levels: PermenPANRB 7/2022's default, marked as such.
  const levels = page.locator("section", {
    has: page.locator("h2", { hasText: "Level pejabat" }),
  });
  assert.match(await levels.innerText(), /bawaan PermenPANRB 7\/2022/);
  await screenshot(page, "sistem-kerja");
  await checkA11y(page, "sistem kerja");
  // A pegawai is not shown the rules.
  const other = await newPage();
  await signIn(other.page, "pegawai", "demo-pegawai-2026");
  await other.page.goto(page.url());
  await other.page.getByText("hanya untuk admin registri dan administrator").waitFor();
  await other.context.close();
  assert.deepEqual(page.problems, []);
  await context.close();
});

await test("w2: tim kerja lintas unit: penetapan, peringatan, SK, dan riwayat anggota", async () => {
  const { context, page } = await newPage();
  await signIn(page, "admin", "demo-admin-2026");
  // A team of two people seated in two units of Kota Batam, formed through the API.
  const made = await page.evaluate(async () => {
    const get = async (path) => (await fetch(`/api/v1${path}`)).json();
    const { csrf_token: csrf } = await get("/auth/me");
    const batam = (await get("/regions")).items.find((r) => r.name === "Kota Batam").id;
    const people = (await get(`/employees?limit=200&region_id=${batam}`)).items;
    const seats = [];
    for (const p of people) {
      const d = await get(`/employees/${p.id}`);
      const pl = d.placements.find((x) => x.end === null && x.start <= "2026-03-02" && x.position);
      if (!pl) continue;
      const pos = await get(`/positions/${pl.position.id}`);
      if (!pos.unit || seats.some((s) => s.unit === pos.unit.id)) continue;
      seats.push({ employee: p.id, unit: pos.unit.id });
      if (seats.length === 2) break;
    }
    const res = await fetch("/api/v1/teams", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({
        name: "Penyusunan Analisis Jabatan",
        kind: "insidental",
        target: "Dokumen analisis jabatan tersusun",
        owner_unit_id: seats[1].unit,
        lead_employee_id: seats[0].employee,
        member_employee_ids: [seats[1].employee],
        formed: "2026-03-02",
      }),
    });
    return { status: res.status, region: batam, team: await res.json() };
  });
  assert.equal(made.status, 201, JSON.stringify(made.team));
  await page.goto(`${BASE}/wilayah/${made.region}/sistem-kerja`);
  await page.getByRole("link", { name: "Penyusunan Analisis Jabatan" }).click();
  await page.waitForURL(/\/tim\//);
  await page.locator("h1", { hasText: "Penyusunan Analisis Jabatan" }).waitFor();
  const main = await page.locator("main").innerText();
  assert.match(main, /lintas unit organisasi/);
  assert.match(main, /Kepala Badan/);
  assert.match(main, /Pasal 20 ayat \(4\) huruf c/);
  assert.match(main, /pemilik kinerja/);
  assert.match(main, /KEPUTUSAN KEPALA BADAN KOTA BATAM/);
  await screenshot(page, "tim-kerja");
  await checkA11y(page, "tim kerja");
  // Before the team was formed nobody was in it.
  await page.goto(`${BASE}/tim/${made.team.id}?tanggal=2026-03-01`);
  await page.getByText("Anggota pada 2026-03-01").waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 11, item 8: print and export. On an agency's page the "Cetak bagan (PDF)" link gives
// the chart as its Lampiran I: a PDF whose text (pdftotext, poppler-utils) holds the heading, the
// signature block and every position title of the agency; printing hides the navigation.
await test("p1: cetak bagan perangkat daerah ke PDF dan ekspor", async () => {
  const { execFileSync } = await import("node:child_process");
  const { writeFileSync } = await import("node:fs");
  const { context, page } = await newPage();
  await page.goto(`${BASE}/`);
  const agencies = await page.evaluate(async () => {
    const r = await fetch("/api/v1/agencies?limit=100");
    return (await r.json()).items;
  });
  // An agency established by a Peraturan (not one known only from a decree about it).
  const established = await page.evaluate(async (list) => {
    for (const a of list) {
      const r = await fetch(`/api/v1/agencies/${a.id}`);
      const j = await r.json();
      if (/^Peraturan/.test(j.regulation?.kind ?? "")) return j;
    }
    return null;
  }, agencies);
  assert.ok(established, "tidak ada perangkat daerah yang dibentuk dengan peraturan");
  const agency = established;
  await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
  const pdfLink = page.locator("main a", { hasText: "Cetak bagan (PDF)" });
  await pdfLink.waitFor();
  assert.ok(await page.locator("main a", { hasText: "SVG" }).count());
  assert.ok(await page.locator("main .export-links a", { hasText: "XLSX" }).count());
  // Anonymous: no people export.
  assert.equal(await page.locator("main .export-links", { hasText: "Ekspor pegawai" }).count(), 0);
  await screenshot(page, "perangkat-daerah-cetak-ekspor");
  const href = await pdfLink.getAttribute("href");
  const answer = await page.request.get(`${BASE}${href}`);
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()["content-type"], "application/pdf");
  const pdf = await answer.body();
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const file = join(artifacts, "bagan.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
  assert.match(text, /LAMPIRAN I/);
  assert.match(text, /PERATURAN (GUBERNUR|BUPATI|WALI KOTA)/);
  assert.match(text, /NOMOR .* TAHUN /);
  assert.match(text, /BAGAN SUSUNAN ORGANISASI/);
  assert.match(text, /(GUBERNUR|BUPATI|WALI KOTA)[^\n]*,/);
  const squeeze = (s) => s.replace(/\s+/g, "");
  const all = squeeze(text);
  const positions = await page.evaluate(async (id) => {
    const r = await fetch(`/api/v1/agencies/${id}/positions?limit=500`);
    return (await r.json()).items;
  }, agency.id);
  assert.ok(positions.length > 0);
  for (const p of positions)
    assert.ok(all.includes(squeeze(p.title)), `tidak ada di PDF: ${p.title}`);
  // The CSV export: UTF-8 with a byte-order mark, the heading row.
  const csv = await page.request.get(`${BASE}/api/v1/agencies/${agency.id}/positions.csv`);
  assert.equal(csv.status(), 200);
  const csvText = (await csv.body()).toString("utf8");
  assert.ok(csvText.startsWith("\uFEFFNo,Jabatan,Unit kerja,Eselon,Jenis jabatan,Status"));
  // On paper: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await pdfLink.isVisible(), false);
  await page.emulateMedia({ media: "screen" });
  // Signed in, the people export is offered.
  await signIn(page, "pegawai", "demo-pegawai-2026");
  await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
  await page.locator("main .export-links", { hasText: "Ekspor pegawai" }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 12 item 6: letters and their verification (e2e/letters.mjs).
await (
  await import("./letters.mjs")
).letterTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 12 item 3: assignments and the inbox (e2e/assignments.mjs).
await (
  await import("./assignments.mjs")
).assignmentTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 12 item 4: activities from plan to acceptance (e2e/activities.mjs).
await (
  await import("./activities.mjs")
).activityTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 12 item 5: reports, a request for a report, escalations, work results (e2e/accountability.mjs).
await (
  await import("./accountability.mjs")
).accountabilityTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 12 item 6 on the web: the letter numbering, a letter from the form, a new account
// (e2e/letter_forms.mjs).
await (
  await import("./letter_forms.mjs")
).letterFormTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 12 item 3: the holiday calendar, added to and removed from by the administrator, read by
// the pegawai (e2e/holidays.mjs).
await (
  await import("./holidays.mjs")
).holidayTests({ test, newPage, signIn, screenshot, checkA11y, BASE });
// Issue 11, "What it must show": every page at 1366×768 and 390×844 (e2e/pages.mjs).
await (await import("./pages.mjs")).everyPageTests({ test, newPage, signIn, BASE, assert });

await browser.close();
const failed = results.filter((r) => !r.ok);
console.log(
  `\n${results.length - failed.length} lulus, ${failed.length} gagal; tangkapan layar di ${artifacts}`,
);
process.exit(failed.length ? 1 : 0);
