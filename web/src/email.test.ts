import { describe, expect, it } from "vitest";
import { emailDeliveryHint, emailLabel, emailProblem } from "./email";

describe("emailProblem", () => {
  it("accepts an ordinary address and an empty one (which removes it)", () => {
    expect(emailProblem("sari.dewi@kupangkota.go.id")).toBeNull();
    expect(emailProblem("  budi+tim@bkpsdm.batam.go.id ")).toBeNull();
    expect(emailProblem("")).toBeNull();
  });
  it("refuses what the server would refuse, with a reason", () => {
    expect(emailProblem("sari")).toMatch(/nama@instansi/);
    expect(emailProblem("@kupangkota.go.id")).toMatch(/nama@instansi/);
    expect(emailProblem("a@b@c.id")).toMatch(/nama@instansi/);
    expect(emailProblem("sari dewi@x.go.id")).toMatch(/spasi/);
    expect(emailProblem("sari@x.go.id>")).toMatch(/spasi/);
    expect(emailProblem("sari@localhost")).toMatch(/domain/);
    expect(emailProblem("sari@x..go.id")).toMatch(/domain/);
    expect(emailProblem("a@" + "b".repeat(260) + ".id")).toMatch(/254/);
  });
});

describe("emailLabel", () => {
  it("shows a dash for none", () => {
    expect(emailLabel("")).toBe("—");
    expect(emailLabel(undefined)).toBe("—");
    expect(emailLabel("a@b.id")).toBe("a@b.id");
  });
});

describe("emailDeliveryHint", () => {
  it("says the copies go out when the server sends e-mail", () => {
    expect(emailDeliveryHint(true)).toBe(
      "Pemberitahuan di kotak masuk juga dikirim ke alamat ini.",
    );
  });
  it("says the address is kept until the server sends e-mail", () => {
    expect(emailDeliveryHint(false)).toMatch(/^Layanan ini belum mengirim e-mail/);
    expect(emailDeliveryHint(false)).toContain("alamat disimpan");
  });
});
