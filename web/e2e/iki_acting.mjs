// Issue 11, items 3 and 4, in Chromium on the demo database (run by run.mjs):
//  - i11a: the position page of a 001 position shows its IKI table as a table, its formula drawn
//    (no '\frac', no '$' anywhere in the page's text), each row linked to its source line on the
//    regulation page, which lists all 15 tables of 001;
//  - i11b: a Plt placed through the API as the administrator appears as "Plt." (with "Definitif:
//    lowong") in the chart box, on the position page and on the person's page; anonymous visitors
//    see "Dijabat Plt.".
/* global document -- read only inside page.evaluate(), which runs in the browser */
import assert from "node:assert/strict";

const REGION = "Kabupaten Kapuas Hulu";
const MARKUP = /\\[A-Za-z]+|\$/;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** GET an API path as the page's context (its cookies) and return the JSON. */
async function apiGet(page, path) {
  const r = await page.request.get(`${page.base}/api/v1${path}`);
  assert.equal(r.status(), 200, `GET ${path}: ${r.status()}`);
  return r.json();
}

/** The agency of 001 (Kabupaten Kapuas Hulu) and its positions. */
async function agency001(page) {
  const regions = await apiGet(page, "/regions");
  const region = regions.items.find((r) => r.name === REGION);
  assert.ok(region, `${REGION} tidak ada di demo`);
  const agencies = await apiGet(page, `/agencies?region_id=${region.id}`);
  assert.ok(agencies.items.length > 0, `${REGION} tanpa perangkat daerah`);
  const agency = agencies.items[0];
  const positions = await apiGet(page, `/agencies/${agency.id}/positions?limit=500`);
  return { region, agency, positions: positions.items };
}

/** The text of the page as a reader (or a copy) gets it, with no raw LaTeX. */
async function expectNoMarkup(page, what) {
  const text = await page.evaluate(() => document.body.textContent ?? "");
  const m = MARKUP.exec(text);
  assert.equal(
    m,
    null,
    `${what}: markup LaTeX tampil: ${m ? text.slice(m.index - 40, m.index + 40) : ""}`,
  );
}

export async function ikiActingTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("i11a: tabel IKI 001 di halaman jabatan dan peraturan, rumus tanpa LaTeX", async () => {
    const { context, page } = await newPage();
    page.base = BASE;
    const { positions } = await agency001(page);
    const sekretaris = positions.find((p) => p.title === "Sekretaris");
    assert.ok(sekretaris, "jabatan Sekretaris 001 tidak ada");
    await page.goto(`${BASE}/jabatan/${sekretaris.id}`);
    const iki = page.locator("section", {
      has: page.locator("h2", { hasText: "Indikator Kinerja Individu (IKI)" }),
    });
    await iki.waitFor();
    const table = iki.locator("table.iki-table");
    assert.equal(await table.count(), 1, "satu tabel IKI");
    assert.deepEqual(await table.locator("thead th").allInnerTexts(), [
      "No.",
      "Sasaran",
      "Indikator kinerja",
      "Formula",
      "Sumber data",
      "Naskah",
    ]);
    assert.equal(await table.locator("tbody tr").count(), 7);
    const first = table.locator("tbody tr").first();
    assert.match(await first.innerText(), /Tingkat realisasi penyerapan keuangan/);
    // The formula drawn as a stacked fraction, read as "a ÷ b × 100%".
    const formula = first.locator(".formula");
    assert.equal(
      await formula.locator(".frac .frac-num").innerText(),
      "(Jumlah Realisasi Anggaran)",
    );
    assert.equal(await formula.locator(".frac .frac-den").innerText(), "Jumlah Total Anggaran");
    assert.match(await formula.getAttribute("aria-label"), /÷ \(?Jumlah Total Anggaran\)? × 100%$/);
    // The source column's annex text (tab-separated rows with LaTeX in the file) too.
    await page.locator(".source-col .article-text").first().waitFor();
    assert.ok(
      (await page.locator(".source-col .article-text table.text-table").count()) > 0,
      "baris bertab pada naskah sumber tidak digambar sebagai tabel",
    );
    await expectNoMarkup(page, "halaman jabatan");
    await screenshot(page, "i11-jabatan-iki");
    await checkA11y(page, "halaman jabatan dengan IKI");

    // A row's source lines: the regulation page with its article open, the line marked.
    await first.locator("a", { hasText: /^baris 122/ }).click();
    await page.waitForURL(/\/peraturan\/.*#baris-122$/);
    await page.locator('.article-text [data-line="122"].line-target').waitFor();
    const regIki = page.locator("section", {
      has: page.locator("h2", { hasText: /^Indikator Kinerja Individu \(15 tabel\)$/ }),
    });
    await regIki.waitFor();
    assert.equal(await regIki.locator("table.iki-table").count(), 15);
    assert.ok((await regIki.locator(".frac").count()) >= 14, "pecahan tidak digambar");
    await expectNoMarkup(page, "halaman peraturan");
    await screenshot(page, "i11-peraturan-iki");
    await checkA11y(page, "halaman peraturan dengan IKI");
    assert.deepEqual(page.problems, []);
    await context.close();

    // On a phone the table scrolls inside its own box; the page itself does not overflow.
    const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.page.goto(`${BASE}/jabatan/${sekretaris.id}`);
    await phone.page.locator("table.iki-table").waitFor();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `halaman jabatan melebar ${overflow} px di ponsel`);
    await expectNoMarkup(phone.page, "halaman jabatan (ponsel)");
    await screenshot(phone.page, "i11-ponsel-jabatan-iki");
    await checkA11y(phone.page, "halaman jabatan dengan IKI (ponsel)");
    await phone.context.close();
  });

  await test("i11b: Plt yang ditempatkan admin tampil sebagai Plt. di bagan dan halaman", async () => {
    const { context, page } = await newPage();
    page.base = BASE;
    await signIn(page, "admin", "demo-admin-2026");
    const csrf = (await apiGet(page, "/auth/me")).csrf_token;
    const post = (path, data) =>
      page.request.post(`${BASE}/api/v1${path}`, { data, headers: { "X-CSRF-Token": csrf } });
    const { region, agency } = await agency001(page);
    // A structural position drawn in the chart's first screen, under the head.
    const chart = await apiGet(page, `/agencies/${agency.id}/chart`);
    const target = chart.nodes.find((n) => n.superior_id !== null && n.kind === "Administrator");
    assert.ok(target, "tidak ada jabatan administrator di bagan 001");
    // Its current holders leave it (so the Plt stands in a vacancy).
    const before = await apiGet(page, `/positions/${target.position_id}`);
    for (const h of before.holders) {
      const person = await apiGet(page, `/employees/${h.employee_id}`);
      for (const pl of person.placements.filter(
        (x) => x.position.id === target.position_id && x.end === null,
      )) {
        const r = await post(`/placements/${pl.id}/end`, { end: "2026-01-04" });
        assert.equal(r.status(), 200, await r.text());
      }
    }
    // A new employee of the region, placed as Plt.
    const name = "Rahmat Pelaksana Tugas";
    let employee = null;
    for (let serial = 900; !employee && serial < 999; serial++) {
      const r = await post("/employees", {
        nip: `198503122010041${serial}`, // born 1985-03-12, TMT 2010-04, male
        name,
        kind: "PNS",
        rank: "III/d",
        region_id: region.id,
      });
      if (r.status() === 201) employee = await r.json();
      else assert.equal(r.status(), 409, await r.text());
    }
    assert.ok(employee, "pegawai baru tidak dapat dibuat");
    const placed = await post("/placements", {
      employee_id: employee.id,
      position_id: target.position_id,
      kind: "plt",
      start: "2026-01-05",
    });
    assert.equal(placed.status(), 201, await placed.text());

    // The chart box: "Plt." with the name, and the vacancy of the definitive post.
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
    const box = page.locator(".org-box", {
      has: page.locator("a.org-title", { hasText: target.title }),
    });
    await box.first().waitFor();
    const boxText = await box.first().innerText();
    assert.match(boxText, new RegExp(`Plt\\. ${name}`));
    assert.match(boxText, /Definitif: lowong/);
    await screenshot(page, "i11-bagan-plt");
    await checkA11y(page, "bagan dengan Plt");

    // The position page: the Plt badge beside the name, and the definitive post vacant.
    await box.first().locator("a.org-title").click();
    await page.waitForURL(/\/jabatan\//);
    const holders = page.locator("section", {
      has: page.locator("h2", { hasText: "Pemangku Jabatan" }),
    });
    await holders.waitFor();
    const holderText = await holders.innerText();
    assert.match(holderText, new RegExp(`Plt\\.\\s+${name}`));
    assert.match(holderText, /Pejabat definitif: lowong/);
    await screenshot(page, "i11-jabatan-plt");
    await checkA11y(page, "halaman jabatan dengan Plt");

    // The person's page: "Plt." before the position, "definitif: lowong" beside the placement.
    await holders.locator("a", { hasText: name }).click();
    await page.waitForURL(/\/pegawai\//);
    await page.locator("main h1", { hasText: name }).waitFor();
    assert.match(
      await page.locator(".page-sub").innerText(),
      new RegExp(`^Plt\\. ${target.title}`),
    );
    assert.match(await page.locator("main table").innerText(), /Plt\.\s+definitif: lowong/);
    await screenshot(page, "i11-pegawai-plt");

    // A Plh beside a definitive holder (the head's) appears in the chart too, after the holder.
    const head = chart.nodes.find((n) => n.superior_id === null && !n.vacant);
    assert.ok(head, "kepala badan 001 tanpa pemangku");
    const plhName = "Sari Pelaksana Harian";
    let daily = null;
    for (let serial = 900; !daily && serial < 999; serial++) {
      const r = await post("/employees", {
        nip: `199001012015032${serial}`, // born 1990-01-01, TMT 2015-03, female
        name: plhName,
        kind: "PNS",
        rank: "III/c",
        region_id: region.id,
      });
      if (r.status() === 201) daily = await r.json();
      else assert.equal(r.status(), 409, await r.text());
    }
    assert.ok(daily, "pegawai Plh tidak dapat dibuat");
    const plh = await post("/placements", {
      employee_id: daily.id,
      position_id: head.position_id,
      kind: "plh",
      start: "2026-01-05",
    });
    assert.equal(plh.status(), 201, await plh.text());
    await page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
    const headBox = page.locator(".org-box", {
      has: page.locator("a.org-title", { hasText: head.title }),
    });
    await headBox.first().waitFor();
    const headText = await headBox.first().innerText();
    assert.match(headText, new RegExp(`Definitif: ${esc(head.holder_name)}`));
    assert.match(headText, new RegExp(`Plh\\. ${plhName}`));
    await screenshot(page, "i11-bagan-plh");
    assert.deepEqual(page.problems, []);
    await context.close();

    // Anonymous visitors see that the post is held by a Plt, without the name.
    const anon = await newPage();
    await anon.page.goto(`${BASE}/perangkat-daerah/${agency.id}`);
    const anonBox = anon.page.locator(".org-box", {
      has: anon.page.locator("a.org-title", { hasText: target.title }),
    });
    await anonBox.first().waitFor();
    const anonText = await anonBox.first().innerText();
    assert.match(anonText, /Dijabat Plt\./);
    assert.doesNotMatch(anonText, new RegExp(name));
    await anon.context.close();
  });
}
