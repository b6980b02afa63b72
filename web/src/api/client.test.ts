import { describe, expect, it } from "vitest";
import { ApiError, errorFromBody, retryWhenBusy, withQuery } from "./client";

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

describe("retryWhenBusy", () => {
  const busy = () => new ApiError(503, "SIGN_IN_BUSY", "Terlalu banyak permintaan masuk.");
  it("tries again while every hashing slot is taken", async () => {
    let calls = 0;
    const pauses: number[] = [];
    const r = await retryWhenBusy(
      async () => {
        calls += 1;
        if (calls < 3) throw busy();
        return "ok";
      },
      3,
      async (ms) => {
        pauses.push(ms);
      },
    );
    expect(r).toBe("ok");
    expect(pauses).toEqual([1000, 1000]);
  });
  it("gives up after its tries and never retries other refusals", async () => {
    let calls = 0;
    await expect(
      retryWhenBusy(
        async () => {
          calls += 1;
          throw busy();
        },
        2,
        async () => undefined,
      ),
    ).rejects.toMatchObject({ code: "SIGN_IN_BUSY" });
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      retryWhenBusy(
        async () => {
          calls += 1;
          throw new ApiError(401, "WRONG_CREDENTIALS", "salah");
        },
        3,
        async () => undefined,
      ),
    ).rejects.toMatchObject({ code: "WRONG_CREDENTIALS" });
    expect(calls).toBe(1);
  });
});
