// Issue 12 item 5 in Chromium on the demo database (run by run.mjs; tests "ak…"): accountability
// in the demo's office, with its accounts (password demo-kantor-2026). The parties are read from
// the API and checked, never assumed: the cross-unit team "Tim Evaluasi Kerja Sama Antardaerah"
// led by staf.a1 with staf.b as a member, kabid.a heading its owner unit, kabid.b holding the
// position that appraises staf.b. The member writes a report to the lead on /laporan-baru (the
// form refuses a period that ends before it starts; the server refuses a team report from a member
// with 403, shown in the alert); the member's request for a report on the team page is refused
// (403) too; the unit leader, on a phone (390 px), asks the lead for a report with a due date; the
// lead finds the request on "Pekerjaan saya" and answers it with a team report giving a result for
// each member; answering it again is refused (409) at the request's field; the member escalates a
// problem with two alternatives (a third added and removed; an empty form is stopped here) for
// several units; the unit leader finds it among the escalations received; the appraiser sees the
// member's result under "Hasil kerja dalam tim" on the member's page and opens the report, which
// another official of the agency (staf.a2) is not shown. Outside a team, the unit leader asks
// staf.a2 (found by NIP) on "Pekerjaan saya" for a report, and staf.a2 answers it with a report of
// their own that goes to the unit leader. axe on each page.
/* global document -- read only inside page.evaluate() */
import assert from "node:assert/strict";

import { apiJson } from "./assignments.mjs";

const OFFICE = "demo-kantor-2026";
const TEAM = "Tim Evaluasi Kerja Sama Antardaerah";

export async function accountabilityTests({ test, newPage, signIn, screenshot, checkA11y, BASE }) {
  await test("ak1: laporan anggota, permintaan laporan, laporan tim dengan hasil kerja anggota, eskalasi, dan hasil kerja bagi pejabat penilai", async () => {
    const get = async (page, path) => {
      const r = await apiJson(page, BASE, "GET", path);
      assert.equal(r.status, 200, `GET ${path}: ${JSON.stringify(r.json)}`);
      return r.json;
    };
    const sign = async (username, opts = {}) => {
      const x = await newPage(opts);
      await signIn(x.page, username, OFFICE);
      x.me = (await get(x.page, "/auth/me")).user.employee_id;
      return x;
    };
    const seatOf = async (page, employee) => {
      const p = await get(page, `/employees/${employee}`);
      const seat = p.placements.find((x) => x.end === null && x.position);
      assert.ok(seat, `${p.name} tanpa jabatan`);
      return get(page, `/positions/${seat.position.id}`);
    };

    // The parties, found and checked through the API.
    const member = await sign("staf.b");
    const lead = await sign("staf.a1");
    const m = member.page;
    const l = lead.page;
    const region = (await get(l, `/employees/${lead.me}`)).region_id;
    const ref = (await get(l, `/regions/${region}/teams`)).items.find((t) => t.name === TEAM);
    assert.ok(ref, `${TEAM} tidak ada di kantor demo`);
    const team = await get(l, `/teams/${ref.id}`);
    const roleOf = (who) => team.members.find((x) => x.employee_id === who)?.role;
    assert.equal(roleOf(lead.me), "ketua", "staf.a1 bukan ketua tim");
    assert.equal(roleOf(member.me), "anggota", "staf.b bukan anggota tim");
    const others = team.members.filter((x) => x.role === "anggota");
    assert.ok(others.length >= 2, "tim tanpa dua anggota");
    const unitLeader = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(unitLeader.page, "kabid.a", OFFICE);
    const k = unitLeader.page;
    const kabidA = (await get(k, "/auth/me")).user.employee_id;
    const owner = await get(k, `/units/${team.owner_unit_id}`);
    assert.equal(
      (await seatOf(k, kabidA)).id,
      owner.head?.id,
      "kabid.a tidak memimpin unit pemilik",
    );
    const appraiser = await sign("kabid.b");
    const p = appraiser.page;
    const memberSeat = await seatOf(p, member.me);
    assert.equal(
      (await seatOf(p, appraiser.me)).id,
      memberSeat.appraiser?.id,
      "kabid.b bukan pejabat penilai staf.b",
    );
    const memberName = team.members.find((x) => x.employee_id === member.me).name;
    const leadName = team.members.find((x) => x.employee_id === lead.me).name;
    const stamp = Date.now();

    // 1. The member writes a report to the lead.
    await m.locator("nav a", { hasText: "Pekerjaan saya" }).click();
    const mine = m.locator("section", {
      has: m.locator("h2", { hasText: "Laporan dan permintaan" }),
    });
    await mine.waitFor();
    await mine.getByRole("link", { name: "Tulis laporan", exact: true }).click();
    await m.locator("h1", { hasText: "Tulis laporan" }).waitFor();
    assert.equal(await m.getByLabel("Tim kerja").inputValue(), String(team.id));
    assert.equal(await m.getByLabel("Jenis laporan").inputValue(), "anggota");
    await m.locator("#penerima-laporan", { hasText: `ketua tim: ${leadName}` }).waitFor();
    assert.ok(
      await m.locator("main .results-box").isHidden(),
      "hasil anggota pada laporan anggota",
    );
    await m.getByLabel("Awal periode").fill("2026-11-01");
    await m.getByLabel("Akhir periode").fill("2026-10-31");
    const summary = `Data kerja sama lima kecamatan terkumpul dan diverifikasi (${stamp}).`;
    await m.getByLabel("Ringkasan laporan").fill(summary);
    const send = (page) =>
      page.locator("main button[type=submit]", { hasText: "Sampaikan laporan" }).click();
    // An end before the start: stopped here, at its field.
    await send(m);
    await m
      .locator("#f-period_end-galat", { hasText: "Akhir periode tidak boleh sebelum awalnya." })
      .waitFor();
    assert.equal(new URL(m.url()).pathname, "/laporan-baru");
    await m.getByLabel("Akhir periode").fill("2026-11-30");
    // A member's team report: the server's 403 in its own words.
    await m.getByLabel("Jenis laporan").selectOption("tim");
    await send(m);
    await m.locator("main .alert.error", { hasText: "oleh ketua tim" }).waitFor();
    assert.equal(new URL(m.url()).pathname, "/laporan-baru");
    await m.getByLabel("Jenis laporan").selectOption("anggota");
    await checkA11y(m, "tulis laporan (anggota)");
    await screenshot(m, "laporan-baru-anggota-1366");
    await send(m);
    await m.locator("h1", { hasText: "Laporan anggota tim" }).waitFor();
    const memberReport = Number(new URL(m.url()).pathname.split("/").pop());
    let shown = await m.locator("main").innerText();
    assert.ok(shown.includes(summary), "ringkasan tidak tampil");
    assert.ok(shown.includes(`Disampaikan kepada\n${leadName}`), "penerima bukan ketua tim");
    assert.ok(shown.includes("1 November 2026 – 30 November 2026"), "periode");
    await checkA11y(m, "laporan (anggota)");

    // 2. A member may not ask for a report: the server's 403 on the team page.
    await m.goto(`${BASE}/tim/${team.id}`);
    const memberAsk = m.locator("main form[aria-label='Minta laporan']");
    await memberAsk.getByLabel("Diminta dari").selectOption(String(lead.me));
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    await memberAsk.getByLabel("Tenggat").fill(due);
    await memberAsk.locator("button[type=submit]").click();
    await memberAsk.locator(".alert.error", { hasText: "pimpinan unit kerja" }).waitFor();

    // 3. The unit leader, on a phone, asks the lead for a report by a due date.
    await k.goto(`${BASE}/tim/${team.id}`);
    const section = k.locator("section#akuntabilitas");
    await section.locator("li", { hasText: `Laporan anggota tim #${memberReport}` }).waitFor();
    const ask = k.locator("main form[aria-label='Minta laporan']");
    // Due yesterday: stopped here.
    await ask.getByLabel("Diminta dari").selectOption(String(lead.me));
    await ask.getByLabel("Tenggat").fill("2026-01-02");
    await ask.locator("button[type=submit]").click();
    await ask
      .locator("#f-minta-tenggat-galat", { hasText: "tidak boleh sebelum hari ini" })
      .waitFor();
    await ask.getByLabel("Tenggat").fill(due);
    await ask.getByLabel("Catatan (pilihan)").fill("Sertakan capaian setiap anggota.");
    const width = await k.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `halaman tim lebih lebar dari layar (${width} px)`);
    await checkA11y(k, "halaman tim: minta laporan (390 px)");
    await screenshot(k, "tim-minta-laporan-390");
    await ask.locator("button[type=submit]").click();
    const requestItem = section.locator("li.request-item", { hasText: `kepada ${leadName}` });
    await requestItem.waitFor();
    await requestItem.locator(".badge", { hasText: "Menunggu laporan" }).waitFor();
    const request = (await get(k, `/teams/${team.id}/accountability`)).requests.find(
      (x) => x.asked.id === lead.me && x.report_id === null,
    );
    assert.ok(request, "permintaan tidak tersimpan");
    assert.equal(request.due, due);
    assert.equal(request.requester.id, kabidA);
    assert.ok(today <= due);

    // 4. The lead answers it from "Pekerjaan saya" with a team report, a result per member.
    await l.goto(`${BASE}/pekerjaan-saya`);
    const leadMine = l.locator("section#laporan-dan-permintaan");
    await leadMine.locator("li", { hasText: `Laporan anggota tim #${memberReport}` }).waitFor();
    const waiting = leadMine.locator("li.request-item", { hasText: `#${request.id}` });
    await waiting.locator(".badge", { hasText: "Menunggu laporan" }).waitFor();
    assert.ok((await waiting.innerText()).includes(`Tenggat `), "tenggat tidak tampil");
    await waiting
      .getByRole("link", { name: `Jawab permintaan #${request.id} dengan laporan` })
      .click();
    await l.locator("h1", { hasText: "Tulis laporan" }).waitFor();
    assert.equal(
      await l.getByLabel("Menjawab permintaan laporan").inputValue(),
      String(request.id),
    );
    assert.equal(await l.getByLabel("Jenis laporan").inputValue(), "tim");
    assert.equal(await l.getByLabel("Tim kerja").inputValue(), String(team.id));
    const rows = l.locator("main .results-box textarea");
    assert.equal(await rows.count(), others.length, "satu isian hasil per anggota selain ketua");
    for (const o of others)
      await l
        .getByLabel(`Hasil kerja ${o.name}`)
        .fill(`${o.name}: bagian kajian selesai tepat waktu (${stamp}).`);
    await l.getByLabel("Awal periode").fill("2026-11-01");
    await l.getByLabel("Akhir periode").fill("2026-11-30");
    await l.getByLabel("Ringkasan laporan").fill("Evaluasi kerja sama semester II selesai 80%.");
    await checkA11y(l, "tulis laporan tim");
    await screenshot(l, "laporan-baru-tim-1366");
    await send(l);
    await l.locator("h1", { hasText: "Laporan tim" }).waitFor();
    const teamReport = Number(new URL(l.url()).pathname.split("/").pop());
    shown = await l.locator("main").innerText();
    assert.ok(shown.includes(`Permintaan laporan #${request.id}`), "permintaan yang dijawab");
    assert.ok(shown.includes(`Hasil kerja anggota (${others.length})`), "hasil kerja anggota");
    assert.ok(shown.includes(`${memberName}: bagian kajian selesai`), "hasil kerja staf.b");
    await checkA11y(l, "laporan tim");
    await screenshot(l, "laporan-tim-1366");
    const saved = await get(l, `/reports/${teamReport}`);
    assert.equal(saved.kind, "tim");
    assert.equal(saved.request_id, request.id);
    assert.deepEqual(
      saved.recipients.map((x) => x.id),
      [kabidA],
    );
    assert.deepEqual(
      saved.member_results.map((x) => x.member.id).sort(),
      others.map((o) => o.employee_id).sort(),
    );
    // Answering it again: the server's 409, at the request's field.
    await l.goto(`${BASE}/laporan-baru?tim=${team.id}&permintaan=${request.id}`);
    await l.getByLabel("Awal periode").fill("2026-11-01");
    await l.getByLabel("Akhir periode").fill("2026-11-30");
    await l.getByLabel("Ringkasan laporan").fill("Laporan kedua.");
    await send(l);
    await l.locator("#f-request_id-galat", { hasText: "sudah dijawab" }).waitFor();
    assert.equal(
      await l.getByLabel("Menjawab permintaan laporan").getAttribute("aria-invalid"),
      "true",
    );
    await l.goto(`${BASE}/pekerjaan-saya`);
    const answered = l.locator("section#laporan-dan-permintaan li.request-item", {
      hasText: `#${request.id}`,
    });
    await answered.locator(".badge", { hasText: "Sudah dijawab" }).waitFor();
    await answered.locator(`a[href="/laporan/${teamReport}"]`).waitFor();
    await checkA11y(l, "pekerjaan saya (laporan dan permintaan)");
    await screenshot(l, "pekerjaan-saya-laporan-1366");

    // 5. The member escalates a problem with two alternatives, for several units.
    await m.goto(`${BASE}/tim/${team.id}`);
    const esc = m.locator("main form[aria-label='Eskalasi permasalahan']");
    await esc.locator("button[type=submit]").click();
    await esc
      .locator("#f-eskalasi-masalah-galat", { hasText: "Uraikan permasalahannya." })
      .waitFor();
    await esc.locator("#f-alternatives-galat", { hasText: "sedikitnya satu alternatif" }).waitFor();
    const problem = `Data kerja sama dari dua kecamatan belum diterima (${stamp}).`;
    await esc.getByLabel("Permasalahan").fill(problem);
    await esc
      .getByLabel("Alternatif 1", { exact: true })
      .fill("Surati camat melalui Sekretaris Daerah.");
    await esc.locator("button", { hasText: "Tambah alternatif" }).click();
    await esc
      .getByLabel("Alternatif 2", { exact: true })
      .fill("Kunjungi kecamatan bersama Bidang B.");
    await esc.locator("button", { hasText: "Tambah alternatif" }).click();
    await esc.getByLabel("Alternatif 3", { exact: true }).fill("Dihapus");
    await esc.getByRole("button", { name: "Hapus alternatif 3" }).click();
    assert.equal(await esc.locator("textarea[id^='f-alternatif-']").count(), 2);
    await esc.getByLabel(/Beberapa unit kerja harus bertindak/).check();
    await checkA11y(m, "halaman tim: eskalasi");
    await screenshot(m, "tim-eskalasi-1366");
    await esc.locator("button[type=submit]").click();
    const escItem = m.locator("section#akuntabilitas li.escalation-item", { hasText: problem });
    await escItem.waitFor();
    await escItem.locator(".badge", { hasText: "Beberapa unit kerja" }).waitFor();
    await escItem.locator("summary", { hasText: "2 alternatif rekomendasi" }).click();
    await escItem.locator("li", { hasText: "Kunjungi kecamatan bersama Bidang B." }).waitFor();
    const escalation = (await get(m, "/me/accountability")).escalations.find(
      (e) => e.problem === problem,
    );
    assert.ok(escalation, "eskalasi tidak tersimpan");
    assert.equal(escalation.several_units, true);
    assert.deepEqual(escalation.alternatives, [
      "Surati camat melalui Sekretaris Daerah.",
      "Kunjungi kecamatan bersama Bidang B.",
    ]);
    const to = escalation.recipients.map((x) => x.id);
    assert.ok(
      to.includes(kabidA) && to.includes(appraiser.me),
      "eskalasi tidak sampai ke kedua Kepala Bidang",
    );
    // The unit leader finds it among the escalations received.
    await k.goto(`${BASE}/pekerjaan-saya`);
    await k
      .locator("section#laporan-dan-permintaan li.escalation-item", { hasText: problem })
      .waitFor();
    const kWidth = await k.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(kWidth <= 390, `pekerjaan saya lebih lebar dari layar (${kWidth} px)`);
    await checkA11y(k, "pekerjaan saya (390 px)");
    await screenshot(k, "pekerjaan-saya-kabid-390");

    // 6. The appraiser sees the member's result on the member's page, and opens the report.
    await p.goto(`${BASE}/pegawai/${member.me}`);
    const results = p.locator("section#hasil-kerja");
    const result = results.locator("li", {
      hasText: `${memberName}: bagian kajian selesai tepat waktu (${stamp})`,
    });
    await result.waitFor();
    await checkA11y(p, "hasil kerja dalam tim (pejabat penilai)");
    await screenshot(p, "hasil-kerja-pegawai-1366");
    await result.locator(`a[href="/laporan/${teamReport}"]`).click();
    await p.locator("h1", { hasText: "Laporan tim" }).waitFor();
    // The member sees their own results on "Profil saya".
    await m.goto(`${BASE}/profil-saya`);
    await m.locator("section#hasil-kerja li", { hasText: `(${stamp})` }).waitFor();
    // Another official of the agency, neither the member nor their appraiser: no section.
    const stranger = await sign("staf.a2");
    const s = stranger.page;
    assert.equal(
      (await apiJson(s, BASE, "GET", `/employees/${member.me}/work-results`)).status,
      403,
    );
    await s.goto(`${BASE}/pegawai/${member.me}`);
    await s.locator("h1", { hasText: memberName }).waitFor();
    await s.waitForFunction(() => !document.querySelector("main .loading"));
    assert.equal(await s.locator("section#hasil-kerja").count(), 0);

    // 7. Outside a team: the unit leader, on the phone, asks an official of the unit (staf.a2,
    // found by NIP) for a report of their own; the official answers it from "Pekerjaan saya".
    const stafA2 = await get(k, `/employees/${stranger.me}`);
    await k.goto(`${BASE}/pekerjaan-saya`);
    const fold = k.locator("details.person-request");
    await fold.locator("summary").click();
    await fold.getByLabel("Cari pegawai yang diminta").fill(stafA2.nip);
    await fold.locator(".employee-search button", { hasText: "Cari" }).click();
    await fold
      .locator(`#f-asked_employee_id option[value="${stranger.me}"]`)
      .waitFor({ state: "attached" });
    await fold
      .getByLabel("Pegawai yang diminta", { exact: true })
      .selectOption(String(stranger.me));
    await fold.getByLabel("Tenggat laporan").fill(due);
    await checkA11y(k, "pekerjaan saya: minta laporan dari pegawai (390 px)");
    await fold.locator("button[type=submit]").click();
    const askedByMe = k.locator("section#laporan-dan-permintaan li.request-item", {
      hasText: `kepada ${stafA2.name}`,
    });
    await askedByMe.locator(".badge", { hasText: "Menunggu laporan" }).waitFor();
    const single = (await get(k, "/me/accountability")).requests.find(
      (x) => x.asked.id === stranger.me && x.team_id === null,
    );
    assert.ok(single, "permintaan tanpa tim tidak tersimpan");
    await s.goto(`${BASE}/pekerjaan-saya`);
    await s.getByRole("link", { name: `Jawab permintaan #${single.id} dengan laporan` }).click();
    await s.locator("h1", { hasText: "Tulis laporan" }).waitFor();
    assert.equal(await s.getByLabel("Jenis laporan").inputValue(), "individu");
    assert.ok(await s.getByLabel("Tim kerja").isHidden(), "tim pada laporan individu");
    await s.getByLabel("Awal periode").fill("2026-11-01");
    await s.getByLabel("Akhir periode").fill("2026-11-30");
    await s.getByLabel("Ringkasan laporan").fill("Verifikasi dokumen kerja sama selesai.");
    await send(s);
    await s.locator("h1", { hasText: "Laporan individu" }).waitFor();
    const own = await get(s, `/reports/${new URL(s.url()).pathname.split("/").pop()}`);
    assert.equal(own.request_id, single.id);
    assert.deepEqual(
      own.recipients.map((x) => x.id),
      [kabidA],
    );

    for (const x of [m, l, k, p, s]) assert.deepEqual(x.problems, []);
    await Promise.all(
      [member, lead, unitLeader, appraiser, stranger].map((x) => x.context.close()),
    );
  });
}
