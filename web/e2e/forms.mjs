// End-to-end tests of the registry's change forms (issue 11, item 2), as the Bagian Organisasi's
// registry administrator (`organisasi`, scoped to Kota Batam) does them in Chromium: edit a
// position, rename a unit, add an employee (a refused NIP shows the server's message at its
// field), end an incumbent's placement, place the new employee as Plt and see them on the
// position page and in the chart, end that placement; an employee sees no form. Called by run.mjs
// with its helpers.
/* global document, window -- read only inside page.evaluate(), which runs in the browser */

export async function registryFormTests({
  test,
  newPage,
  signIn,
  screenshot,
  checkA11y,
  BASE,
  assert,
}) {
  const API = `${BASE}/api/v1`;
  const DECREE = "800.1.3/27/BKPSDM/2026";
  const DUTY = "menyusun laporan pelaksanaan formulir perubahan registri.";
  const today = () => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  };
  const json = async (page, path) => {
    const r = await page.request.get(`${API}${path}`);
    assert.equal(r.status(), 200, `GET ${path}: ${r.status()}`);
    return r.json();
  };
  /** Kota Batam's agency and its first Kepala Bidang (a filled position of the chart's top levels). */
  const batam = async (page) => {
    const regions = await json(page, "/regions");
    const region = regions.items.find((r) => r.name === "Kota Batam");
    assert.ok(region, "Kota Batam tidak ada");
    const agencies = await json(page, `/agencies?region_id=${region.id}`);
    const agency = agencies.items[0];
    assert.ok(agency, "Kota Batam tanpa perangkat daerah");
    const chart = await json(page, `/agencies/${agency.id}/chart`);
    const node = chart.nodes.find((n) => /^Kepala Bidang/.test(n.title) && !n.vacant);
    assert.ok(node, "tidak ada Kepala Bidang yang terisi di bagan");
    return { region, agency, node };
  };
  const fieldError = async (page, id) => {
    const input = page.locator(`#${id}`);
    assert.equal(await input.getAttribute("aria-invalid"), "true", `${id} tidak ditandai salah`);
    const described = (await input.getAttribute("aria-describedby")) ?? "";
    const errorId = described.split(/\s+/).find((x) => x.endsWith("-galat"));
    assert.ok(errorId, `${id}: galat tidak terhubung dengan aria-describedby`);
    return (await page.locator(`#${errorId}`).innerText()).trim();
  };
  const facts = (page, term) =>
    page.locator(".facts div", { has: page.locator("dt", { hasText: term }) }).locator("dd");

  await test("f1: admin registri mengubah jabatan dan unit dari web", async () => {
    const { context, page } = await newPage();
    await signIn(page, "organisasi", "demo-organisasi-2026");
    const { agency, node } = await batam(page);
    const before = await json(page, `/positions/${node.position_id}`);
    const eselon = before.eselon === "III.a" ? "III.b" : "III.a";

    await page.goto(`${BASE}/jabatan/${node.position_id}`);
    await page.locator("main h1", { hasText: node.title }).waitFor();
    await page.getByRole("link", { name: "Ubah jabatan" }).click();
    await page.waitForURL(/\/jabatan\/\d+\/ubah$/);
    await page.locator("main h1", { hasText: "Ubah Jabatan" }).waitFor();
    assert.equal(await page.getByLabel("Nama jabatan").inputValue(), before.title);
    await checkA11y(page, "ubah jabatan");
    // A title left blank is refused here, with the field marked and the message tied to it.
    await page.getByLabel("Nama jabatan").fill("   ");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    assert.equal(await fieldError(page, "f-title"), "Nama jabatan belum diisi.");
    await page.getByLabel("Nama jabatan").fill(before.title);
    await page.getByLabel("Eselon").selectOption(eselon);
    const duties = page.getByLabel("Uraian tugas");
    await duties.fill(`${await duties.inputValue()}\n${DUTY}`);
    await screenshot(page, "form-ubah-jabatan");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.waitForURL(new RegExp(`/jabatan/${node.position_id}$`));
    await page.locator("main h1", { hasText: node.title }).waitFor();
    assert.equal((await facts(page, "Eselon").innerText()).trim(), eselon);
    assert.match(await page.locator(".page-sub").innerText(), new RegExp(`Eselon ${eselon}`));
    const dutyList = page.locator("ol.duties li");
    assert.equal(await dutyList.count(), before.duties.length + 1);
    assert.equal((await dutyList.last().innerText()).trim(), DUTY);
    await screenshot(page, "jabatan-setelah-diubah");

    // A unit renamed from the agency page's list of units.
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
    await page.getByRole("link", { name: "Ubah unit organisasi" }).click();
    await page.waitForURL(/\/ubah-unit$/);
    const list = page.getByRole("region", { name: "Unit organisasi" });
    const firstEdit = list.getByRole("link", { name: /^Ubah / }).first();
    const unitName = (await firstEdit.getAttribute("aria-label")).replace(/^Ubah /, "");
    await checkA11y(page, "daftar unit");
    await firstEdit.click();
    await page.waitForURL(/\/ubah-unit\?unit=/);
    assert.equal(await page.getByLabel("Nama unit").inputValue(), unitName);
    await page.getByLabel("Nama unit").fill(`${unitName} (uji)`);
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.waitForURL(new RegExp(`/perangkat-daerah/${agency.id}$`));
    await page.locator(".org-root").waitFor();
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}/ubah-unit`);
    await list.getByRole("link", { name: `Ubah ${unitName} (uji)`, exact: true }).waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("f2: admin registri menambah pegawai, menempatkannya sebagai Plt, lalu mengakhirinya", async () => {
    const { context, page } = await newPage();
    await signIn(page, "organisasi", "demo-organisasi-2026");
    const { agency, node } = await batam(page);
    const position = await json(page, `/positions/${node.position_id}`);
    const incumbent = position.holders.find((x) => x.placement_kind === "definitif");
    assert.ok(incumbent, "jabatan tanpa pemangku definitif");

    // A new employee: first a NIP the form refuses as the server would, then one the server
    // refuses (already registered: its message at the NIP field), then a good one.
    await page.goto(`${BASE}/pegawai`);
    await page.getByRole("link", { name: "Tambah pegawai" }).click();
    await page.waitForURL(/\/pegawai-baru$/);
    await page.locator("main h1", { hasText: "Tambah Pegawai" }).waitFor();
    await checkA11y(page, "tambah pegawai");
    const name = "Rahmawati Uji Coba, S.Sos.";
    await page.getByLabel("NIP").fill("19900512 201503 2 00");
    await page.getByLabel("Nama lengkap (dengan gelar)").fill(name);
    await page.getByLabel("Status kepegawaian").selectOption("PNS");
    await page.getByLabel("Pangkat/golongan").selectOption("III/a");
    await page.getByLabel("Daerah").selectOption({ label: "Kota Batam" });
    await page.getByRole("button", { name: "Simpan pegawai" }).click();
    assert.equal(await fieldError(page, "f-nip"), "NIP harus 18 angka.");
    await page.getByLabel("NIP").fill(incumbent.nip);
    await page.getByRole("button", { name: "Simpan pegawai" }).click();
    const refusal = page.locator("main form .alert.error");
    await refusal.filter({ hasText: "NIP ini sudah terdaftar." }).waitFor();
    assert.equal(await fieldError(page, "f-nip"), "NIP ini sudah terdaftar.");
    assert.match(page.url(), /\/pegawai-baru$/);
    await screenshot(page, "form-pegawai-ditolak");
    await checkA11y(page, "tambah pegawai ditolak");
    let nip = "";
    for (let serial = 701; serial < 800 && !nip; serial++) {
      const candidate = `199005122015032${serial}`;
      const found = await json(page, `/employees?q=${candidate}`);
      if (found.total === 0) nip = candidate;
    }
    assert.ok(nip, "tidak ada NIP uji yang bebas");
    await page.getByLabel("NIP").fill(`${nip.slice(0, 8)} ${nip.slice(8, 14)} 2 ${nip.slice(15)}`);
    await page.getByRole("button", { name: "Simpan pegawai" }).click();
    await page.waitForURL(/\/pegawai\/\d+$/);
    await page.locator("main h1", { hasText: name }).waitFor();
    const newcomerUrl = page.url();
    assert.match(await page.locator(".nip").innerText(), /19900512 201503 2 7\d\d/);

    // The incumbent's placement ends (retirement), from their page.
    await page.goto(`${BASE}/pegawai/${incumbent.employee_id}`);
    await page.getByRole("link", { name: `Akhiri penempatan: ${node.title}` }).click();
    await page.waitForURL(/\/penempatan\/\d+\/akhiri$/);
    await checkA11y(page, "akhiri penempatan");
    await page.getByLabel("Tanggal berakhir").fill(today());
    await page.getByRole("button", { name: "Akhiri penempatan" }).click();
    await page.waitForURL(new RegExp(`/pegawai/${incumbent.employee_id}$`));
    await page.locator("section h2", { hasText: "Riwayat Jabatan" }).waitFor();

    // The newcomer is placed as Plt in the position.
    await page.goto(newcomerUrl);
    await page.getByRole("link", { name: "Tempatkan dalam jabatan" }).click();
    await page.waitForURL(/\/tempatkan$/);
    await page.getByLabel("Perangkat daerah").selectOption(String(agency.id));
    await page
      .locator(`#f-position_id option[value="${node.position_id}"]`)
      .waitFor({ state: "attached" });
    await page.getByLabel("Jabatan", { exact: true }).selectOption(String(node.position_id));
    await page.getByLabel("Jenis penempatan").selectOption("plt");
    await page.getByLabel("Tanggal mulai (TMT)").fill(today());
    // The order's number without its date is refused at the date, as the server would.
    await page.getByLabel("Nomor surat keputusan (SK) atau surat perintah").fill(DECREE);
    await page.getByRole("button", { name: "Tempatkan" }).click();
    assert.equal(
      await fieldError(page, "f-decree_date"),
      "Tanggal surat keputusan belum diisi, padahal nomornya diisi.",
    );
    await page.getByLabel("Tanggal surat keputusan atau surat perintah").fill(today());
    await screenshot(page, "form-penempatan");
    await checkA11y(page, "penempatan");
    await page.getByRole("button", { name: "Tempatkan" }).click();
    await page.waitForURL(new RegExp(`/jabatan/${node.position_id}$`));
    const holder = page.locator(".holders li", { hasText: name });
    await holder.waitFor();
    assert.match(await holder.innerText(), /Plt\./);
    await screenshot(page, "jabatan-plt");

    // The chart of the agency shows the Plt in the position's box.
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
    const box = page.locator(".org-root .org-box", {
      has: page.locator("a.org-title", { hasText: node.title }),
    });
    await box.first().waitFor();
    assert.match(await box.first().innerText(), new RegExp(name.replace(/[.,]/g, "\\$&")));
    await screenshot(page, "bagan-plt");

    // The Plt moves to another Kepala Bidang (a transfer in one step): the first position is
    // vacant again, the new one shows the Plt.
    const other = (await json(page, `/agencies/${agency.id}/chart`)).nodes.find(
      (n) => /^Kepala Bidang/.test(n.title) && n.position_id !== node.position_id,
    );
    assert.ok(other, "tidak ada Kepala Bidang lain");
    await page.goto(newcomerUrl);
    await page.getByRole("link", { name: `Pindahkan: ${node.title}` }).click();
    await page.waitForURL(/\/pindah$/);
    assert.match(await page.locator("main .facts").innerText(), new RegExp(DECREE));
    await page
      .locator(`#f-position_id option[value="${other.position_id}"]`)
      .waitFor({ state: "attached" });
    assert.equal(await page.getByLabel("Jenis penempatan").inputValue(), "plt");
    await page.getByLabel("Jabatan", { exact: true }).selectOption(String(other.position_id));
    await page.getByLabel("Tanggal mulai (TMT)").fill(today());
    await page.getByLabel("Nomor surat keputusan (SK) atau surat perintah").fill(`${DECREE}-2`);
    await page.getByLabel("Tanggal surat keputusan atau surat perintah").fill(today());
    await checkA11y(page, "pindahkan penempatan");
    await page.getByRole("button", { name: "Pindahkan" }).click();
    await page.waitForURL(new RegExp(`/jabatan/${other.position_id}$`));
    assert.match(await page.locator(".holders li", { hasText: name }).innerText(), /Plt\./);
    await page.goto(`${BASE}/jabatan/${node.position_id}`);
    await page.locator(".badge.vacant", { hasText: "Lowong" }).waitFor();
    assert.equal(await page.locator(".holders li", { hasText: name }).count(), 0);

    // The Plt's placement ends: that position is vacant again too.
    await page.goto(newcomerUrl);
    await page.getByRole("link", { name: `Akhiri penempatan: ${other.title}` }).click();
    await page.waitForURL(/\/akhiri$/);
    // An end before the start is refused at the field, with the server's sentence.
    await page.getByLabel("Tanggal berakhir").fill("2015-01-01");
    await page.getByRole("button", { name: "Akhiri penempatan" }).click();
    assert.equal(await fieldError(page, "f-end"), "Tanggal berakhir sebelum tanggal mulai.");
    await page.getByLabel("Tanggal berakhir").fill(today());
    await page.getByRole("button", { name: "Akhiri penempatan" }).click();
    await page.waitForURL(new RegExp(`${newcomerUrl.replace(BASE, "")}$`));
    const rows = page.locator("main table tbody tr");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2, "riwayat jabatan: dua penempatan");
    assert.doesNotMatch(await page.locator("main table tbody").innerText(), /sekarang/);
    assert.equal(
      await page.getByRole("link", { name: /^Akhiri penempatan/ }).count(),
      0,
      "penempatan yang berakhir masih dapat diakhiri",
    );
    await page.goto(`${BASE}/jabatan/${other.position_id}`);
    await page.locator("section h2", { hasText: "Pemangku Jabatan" }).waitFor();
    assert.equal(await page.locator(".holders li", { hasText: name }).count(), 0);
    // The placement kept its order's number and date (docs/api.md, migration 13).
    const person = await json(page, `/employees/${newcomerUrl.split("/").pop()}`);
    assert.deepEqual(person.placements.map((p) => p.decree_number).sort(), [DECREE, `${DECREE}-2`]);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  await test("f3: formulir perubahan di ponsel dan tidak untuk pegawai", async () => {
    const phone = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await signIn(phone.page, "organisasi", "demo-organisasi-2026");
    const { node } = await batam(phone.page);
    const overflow = () =>
      phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const holder = (await json(phone.page, `/positions/${node.position_id}`)).holders[0];
    const person = await json(phone.page, `/employees/${holder.employee_id}`);
    const current = person.placements.find((p) => p.end === null);
    const forms = [
      [`/jabatan/${node.position_id}/ubah`, "jabatan"],
      ["/pegawai-baru", "pegawai"],
      [`/pegawai/${holder.employee_id}/ubah`, "ubah-pegawai"],
      [`/pegawai/${holder.employee_id}/tempatkan`, "penempatan"],
      [`/pegawai/${holder.employee_id}/penempatan/${current.id}/pindah`, "pindah"],
      [`/pegawai/${holder.employee_id}/penempatan/${current.id}/akhiri`, "akhiri"],
    ];
    for (const [path, name] of forms) {
      await phone.page.goto(`${BASE}${path}`);
      await phone.page.locator("main form .actions button").waitFor();
      assert.ok((await overflow()) <= 0, `${path} melebar ${await overflow()} px`);
      await screenshot(phone.page, `ponsel-form-${name}`);
      await checkA11y(phone.page, `formulir ${name} di ponsel`);
    }
    await phone.context.close();

    // An employee sees neither the links nor the forms.
    const { context, page } = await newPage();
    await signIn(page, "pegawai", "demo-pegawai-2026");
    await page.goto(`${BASE}/jabatan/${node.position_id}`);
    await page.locator("main h1", { hasText: node.title }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Ubah jabatan" }).count(), 0);
    await page.goto(`${BASE}/jabatan/${node.position_id}/ubah`);
    await page
      .locator(".alert.error", { hasText: "hanya untuk admin registri dan administrator" })
      .waitFor();
    assert.equal(await page.locator("main form").count(), 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
