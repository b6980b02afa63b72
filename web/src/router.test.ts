import { describe, expect, it } from "vitest";
import { noAuditFilters, noPeopleFilters, parseRoute, paths, safeNext } from "./router";

describe("parseRoute", () => {
  it("reads every page", () => {
    expect(parseRoute("/")).toEqual({ name: "home" });
    expect(parseRoute("/wilayah/3")).toEqual({ name: "region", id: "3" });
    expect(parseRoute("/perangkat-daerah/12")).toEqual({ name: "agency", id: "12" });
    expect(parseRoute("/jabatan/40")).toEqual({ name: "position", id: "40" });
    expect(parseRoute("/pegawai")).toEqual({
      name: "employees",
      q: "",
      page: 1,
      filters: noPeopleFilters,
    });
    expect(parseRoute("/pegawai", "?q=siti&hal=3")).toEqual({
      name: "employees",
      q: "siti",
      page: 3,
      filters: noPeopleFilters,
    });
    expect(parseRoute("/pegawai/7")).toEqual({ name: "employee", id: "7" });
    expect(parseRoute("/peraturan/2")).toEqual({ name: "regulation", id: "2", article: null });
    expect(parseRoute("/peraturan/2", "?pasal=15")).toEqual({
      name: "regulation",
      id: "2",
      article: "15",
    });
    expect(parseRoute("/masuk", "?kembali=%2Fpegawai%3Fq%3Dsiti")).toEqual({
      name: "login",
      next: "/pegawai?q=siti",
    });
    expect(parseRoute("/unggah")).toEqual({ name: "upload" });
    expect(parseRoute("/audit", "?sebelum=120")).toEqual({
      name: "audit",
      before: "120",
      filters: noAuditFilters,
    });
    expect(parseRoute("/audit")).toEqual({ name: "audit", before: null, filters: noAuditFilters });
    expect(parseRoute("/unit/14")).toEqual({ name: "unit", id: "14" });
    expect(parseRoute("/akun-saya")).toEqual({ name: "account" });
    expect(parseRoute("/akun")).toEqual({ name: "accounts", page: 1 });
    expect(parseRoute("/akun", "?hal=3")).toEqual({ name: "accounts", page: 3 });
  });
  it("tolerates a trailing slash", () => {
    expect(parseRoute("/jabatan/40/")).toEqual({ name: "position", id: "40" });
  });
  it("falls back to not found", () => {
    expect(parseRoute("/jabatan")).toEqual({ name: "notFound", path: "/jabatan" });
    expect(parseRoute("/jabatan/1/2")).toMatchObject({ name: "notFound" });
    expect(parseRoute("/jabatan/<script>")).toMatchObject({ name: "notFound" });
  });
  it("ignores bad page numbers and article ids", () => {
    expect(parseRoute("/pegawai", "?hal=-1")).toMatchObject({ page: 1 });
    expect(parseRoute("/pegawai", "?hal=abc")).toMatchObject({ page: 1 });
    expect(parseRoute("/peraturan/2", "?pasal=1%22%5D")).toMatchObject({ article: null });
  });
});

describe("safeNext", () => {
  it("keeps paths of this site only", () => {
    expect(safeNext("/pegawai")).toBe("/pegawai");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});

describe("paths", () => {
  it("builds paths that parse back", () => {
    expect(parseRoute(paths.position(5))).toEqual({ name: "position", id: "5" });
    expect(parseRoute(paths.account())).toEqual({ name: "account" });
    const [ap, as] = paths.accounts(2).split("?");
    expect(parseRoute(ap!, `?${as}`)).toEqual({ name: "accounts", page: 2 });
    const [p, s] = paths.employees("ani b", 2).split("?");
    expect(parseRoute(p!, `?${s}`)).toEqual({
      name: "employees",
      q: "ani b",
      page: 2,
      filters: noPeopleFilters,
    });
    expect(paths.employees()).toBe("/pegawai");
    expect(paths.regulation(3, 9)).toBe("/peraturan/3?pasal=9");
    expect(paths.login("/pegawai?q=a")).toBe("/masuk?kembali=%2Fpegawai%3Fq%3Da");
    expect(paths.login("/")).toBe("/masuk");
  });
});

describe("registry change forms (issue 11, item 2)", () => {
  it("reads the form routes", () => {
    expect(parseRoute("/jabatan/40/ubah")).toEqual({ name: "positionEdit", id: "40" });
    expect(parseRoute("/perangkat-daerah/3/ubah-unit")).toEqual({
      name: "unitEdit",
      agencyId: "3",
      unit: null,
    });
    expect(parseRoute("/perangkat-daerah/3/ubah-unit", "?unit=17")).toEqual({
      name: "unitEdit",
      agencyId: "3",
      unit: "17",
    });
    expect(parseRoute("/pegawai-baru")).toEqual({ name: "employeeNew" });
    expect(parseRoute("/pegawai/7/ubah")).toEqual({ name: "employeeEdit", id: "7" });
    expect(parseRoute("/pegawai/7/tempatkan", "?jabatan=40")).toEqual({
      name: "placementNew",
      employeeId: "7",
      position: "40",
    });
    expect(parseRoute("/pegawai/7/penempatan/9/akhiri")).toEqual({
      name: "placementEnd",
      employeeId: "7",
      placementId: "9",
    });
  });
  it("keeps the pages they extend", () => {
    expect(parseRoute("/pegawai/7")).toEqual({ name: "employee", id: "7" });
    expect(parseRoute("/jabatan/40")).toEqual({ name: "position", id: "40" });
    expect(parseRoute("/perangkat-daerah/3/ubah-unit", "?unit=%3Cx%3E")).toMatchObject({
      unit: null,
    });
  });
  it("builds paths that parse back", () => {
    const back = (path: string) => {
      const [p, s] = path.split("?");
      return parseRoute(p!, s ? `?${s}` : "");
    };
    expect(back(paths.positionEdit(5))).toEqual({ name: "positionEdit", id: "5" });
    expect(back(paths.unitEdit(3, 17))).toEqual({ name: "unitEdit", agencyId: "3", unit: "17" });
    expect(back(paths.unitEdit(3))).toEqual({ name: "unitEdit", agencyId: "3", unit: null });
    expect(back(paths.employeeNew())).toEqual({ name: "employeeNew" });
    expect(back(paths.employeeEdit(7))).toEqual({ name: "employeeEdit", id: "7" });
    expect(back(paths.placementNew(7, 40))).toEqual({
      name: "placementNew",
      employeeId: "7",
      position: "40",
    });
    expect(back(paths.placementNew(7))).toMatchObject({ position: null });
    expect(back(paths.placementMove(7, 9))).toEqual({
      name: "placementMove",
      employeeId: "7",
      placementId: "9",
    });
    expect(back(paths.placementEnd(7, 9))).toEqual({
      name: "placementEnd",
      employeeId: "7",
      placementId: "9",
    });
  });
});

// Issue 11: the filters of the people list and of the audit page travel in the address.
describe("filters in the address", () => {
  it("keeps the people list's filters and drops bad ones", () => {
    const f = { region: "2", agency: "7", unit: "", rank: "III/a", kind: "PPPK", vacant: true };
    const [p, s] = paths.employees("budi", 2, f).split("?");
    expect(s).toBe("q=budi&wilayah=2&pd=7&pangkat=III%2Fa&status=PPPK&lowong=1&hal=2");
    expect(parseRoute(p!, `?${s}`)).toEqual({ name: "employees", q: "budi", page: 2, filters: f });
    expect(parseRoute("/pegawai", "?pd=x%22&status=honorer&pangkat=%3Cb%3E")).toMatchObject({
      filters: noPeopleFilters,
    });
  });
  it("keeps the audit page's filters with its key", () => {
    const f = { username: "organisasi", action: "update", entity: "", from: "2026-12-01", to: "" };
    const path = paths.audit(120, f);
    expect(path).toBe("/audit?pengguna=organisasi&tindakan=update&dari=2026-12-01&sebelum=120");
    const [p, s] = path.split("?");
    expect(parseRoute(p!, `?${s}`)).toEqual({ name: "audit", before: "120", filters: f });
    expect(paths.audit()).toBe("/audit");
    expect(parseRoute("/audit", "?tindakan=DROP&dari=kemarin")).toMatchObject({
      filters: noAuditFilters,
    });
  });
});

describe("Profil saya (issue 11, item 10)", () => {
  it("has its own address", () => {
    expect(parseRoute("/profil-saya")).toEqual({ name: "profile" });
    expect(parseRoute(paths.profile())).toEqual({ name: "profile" });
  });
});

describe("activities (issue 12 item 4)", () => {
  it("reads an activity's page and the plan form, with its team", () => {
    expect(parseRoute("/kegiatan/17")).toEqual({ name: "activity", id: "17" });
    expect(parseRoute("/kegiatan-baru")).toEqual({ name: "activityNew", team: null });
    expect(parseRoute("/kegiatan-baru", "?tim=4")).toEqual({ name: "activityNew", team: "4" });
    expect(parseRoute("/kegiatan-baru", "?tim=%3Cx%3E")).toEqual({
      name: "activityNew",
      team: null,
    });
    expect(parseRoute("/kegiatan")).toMatchObject({ name: "notFound" });
  });
  it("builds paths that parse back", () => {
    expect(parseRoute(paths.activity(9))).toEqual({ name: "activity", id: "9" });
    expect(paths.activityNew()).toBe("/kegiatan-baru");
    const [p, s] = paths.activityNew(3).split("?");
    expect(parseRoute(p!, `?${s}`)).toEqual({ name: "activityNew", team: "3" });
  });
});

describe("accountability (issue 12 item 5)", () => {
  it("reads a report's page and the report form, with its team and the request it answers", () => {
    expect(parseRoute("/laporan/12")).toEqual({ name: "report", id: "12" });
    expect(parseRoute("/laporan-baru")).toEqual({ name: "reportNew", team: null, request: null });
    expect(parseRoute("/laporan-baru", "?tim=4&permintaan=7")).toEqual({
      name: "reportNew",
      team: "4",
      request: "7",
    });
    expect(parseRoute("/laporan-baru", "?permintaan=%3Cx%3E")).toEqual({
      name: "reportNew",
      team: null,
      request: null,
    });
    expect(parseRoute("/laporan")).toMatchObject({ name: "notFound" });
  });
  it("builds paths that parse back", () => {
    expect(parseRoute(paths.report(5))).toEqual({ name: "report", id: "5" });
    expect(paths.reportNew()).toBe("/laporan-baru");
    expect(paths.reportNew({ team: 3 })).toBe("/laporan-baru?tim=3");
    const [p, s] = paths.reportNew({ team: 3, request: 8 }).split("?");
    expect(parseRoute(p!, `?${s}`)).toEqual({ name: "reportNew", team: "3", request: "8" });
  });
});

describe("the holiday calendar (issue 12 item 3)", () => {
  it("reads the year in the address, this year when it is absent or not one", () => {
    expect(parseRoute("/hari-libur")).toEqual({ name: "holidays", year: null });
    expect(parseRoute("/hari-libur/")).toEqual({ name: "holidays", year: null });
    expect(parseRoute("/hari-libur", "?tahun=2031")).toEqual({ name: "holidays", year: 2031 });
    expect(parseRoute("/hari-libur", "?tahun=1900")).toEqual({ name: "holidays", year: 1900 });
    expect(parseRoute("/hari-libur", "?tahun=2200")).toEqual({ name: "holidays", year: 2200 });
    for (const bad of ["1899", "2201", "26", "20266", "2026.5", "-2026", "dua", ""])
      expect(parseRoute("/hari-libur", `?tahun=${bad}`)).toEqual({ name: "holidays", year: null });
    expect(parseRoute("/hari-libur/2026")).toMatchObject({ name: "notFound" });
  });
  it("builds paths that parse back", () => {
    expect(paths.holidays()).toBe("/hari-libur");
    expect(paths.holidays(null)).toBe("/hari-libur");
    expect(parseRoute(paths.holidays())).toEqual({ name: "holidays", year: null });
    const [p, s] = paths.holidays(2031).split("?");
    expect(p).toBe("/hari-libur");
    expect(parseRoute(p!, `?${s}`)).toEqual({ name: "holidays", year: 2031 });
  });
});
