import { describe, expect, it } from "vitest";
import { ApiError, errorFromBody, withQuery } from "./client";

describe("errorFromBody", () => {
  it("takes the server's Indonesian message and code", () => {
    const e = errorFromBody(404, {
      error: { code: "NOT_FOUND", message: "Data tidak ditemukan.", field: null },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toBe("Data tidak ditemukan.");
    expect(e.code).toBe("NOT_FOUND");
    expect(e.status).toBe(404);
  });
  it("falls back to an Indonesian message", () => {
    expect(errorFromBody(500, "<html>").message).toMatch(/server/);
    expect(errorFromBody(403, undefined).message).toMatch(/tidak berhak/);
  });
});

describe("withQuery", () => {
  it("leaves out empty values", () => {
    expect(withQuery("/employees", { q: "siti nur", limit: 20, offset: 0, region_id: null })).toBe(
      "/employees?q=siti+nur&limit=20&offset=0",
    );
    expect(withQuery("/regions", {})).toBe("/regions");
  });
});
