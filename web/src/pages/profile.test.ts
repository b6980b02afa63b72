import { describe, expect, it } from "vitest";
import type { Placement } from "../api/types";
import { mainPlacement } from "./profile";

const placement = (id: number, kind: Placement["kind"], end: string | null): Placement => ({
  id,
  position: { id: 100 + id, title: `Jabatan ${id}`, agency_id: 1, agency_name: "Badan" },
  kind,
  start: "2024-01-01",
  end,
  definitive_holder: null,
});

describe("mainPlacement", () => {
  it("takes the definitive placement in office before an acting one", () => {
    expect(mainPlacement([placement(1, "plt", null), placement(2, "definitif", null)])?.id).toBe(2);
  });
  it("takes an acting placement when it is the only one in office", () => {
    expect(
      mainPlacement([placement(1, "definitif", "2024-06-01"), placement(2, "plh", null)])?.id,
    ).toBe(2);
  });
  it("is null without a placement in office", () => {
    expect(mainPlacement([placement(1, "definitif", "2024-06-01")])).toBeNull();
    expect(mainPlacement([])).toBeNull();
  });
});
