import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, errorFromBody, request, setCsrfToken, setUnauthenticatedHandler, withQuery } from "./client";

describe("errorFromBody", () => {
  it("takes the server's Indonesian message and code", () => {
    const e = errorFromBody(404, { error: { code: "NOT_FOUND", message: "Data tidak ditemukan.", field: null } });
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
    expect(withQuery("/employees", { q: "siti nur", limit: 20, offset: 0, region_id: null })).toBe("/employees?q=siti+nur&limit=20&offset=0");
    expect(withQuery("/regions", {})).toBe("/regions");
  });
});

describe("request", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it("sends the CSRF token on changes only, same-origin credentials", async () => {
    const calls: [string, RequestInit][] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ ok: true }), { status: 200 });
    });
    setCsrfToken("tok");
    await request("/regions");
    await request("/regulations/preview", { method: "POST", text: "NASKAH" });
    const [getUrl, getInit] = calls[0]!;
    expect(getUrl).toBe("/api/v1/regions");
    expect(getInit.credentials).toBe("same-origin");
    expect((getInit.headers as Record<string, string>)["X-CSRF-Token"]).toBeUndefined();
    const postHeaders = calls[1]![1].headers as Record<string, string>;
    expect(postHeaders["X-CSRF-Token"]).toBe("tok");
    expect(postHeaders["Content-Type"]).toMatch(/^text\/plain/);
  });

  it("throws the server's error", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Silakan masuk.", field: null } }), { status: 401 }));
    await expect(request("/employees")).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED", message: "Silakan masuk." });
  });

  it("reports a network failure in Indonesian", async () => {
    vi.stubGlobal("fetch", async () => { throw new TypeError("Failed to fetch"); });
    await expect(request("/regions")).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("returns nothing for 204", async () => {
    vi.stubGlobal("fetch", async () => new Response(null, { status: 204 }));
    await expect(request("/auth/logout", { method: "POST" })).resolves.toBeUndefined();
  });

  it("tells the session when a signed-in request is refused as unauthenticated", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Silakan masuk.", field: null } }), { status: 401 }));
    let called = 0;
    setUnauthenticatedHandler(() => { called += 1; });
    setCsrfToken("tok");
    await expect(request("/employees")).rejects.toBeInstanceOf(ApiError);
    expect(called).toBe(1);
    await expect(request("/auth/me")).rejects.toBeInstanceOf(ApiError);
    expect(called).toBe(1);
    setUnauthenticatedHandler(null);
  });
});
