// Acting officials shown as such: a Plt (Pelaksana Tugas) or Plh (Pelaksana Harian) placement is
// labelled "Plt." / "Plh." and shown with the position's definitive holder or its vacancy
// ("lowong"), in the chart's boxes, on the position page, on the person's page and in lists.
// Pure (unit-tested).
import type { PlacementKind } from "./api/types";

export interface Occupant {
  placement_kind: PlacementKind;
  /** null when read anonymously (no names). */
  name: string | null;
}

export type OccupancyLine =
  | { kind: "definitif"; text: string }
  | { kind: "acting"; label: string; text: string }
  | { kind: "vacant"; text: string };

/** "Plt." / "Plh." for an acting placement kind; "" for a definitive one. */
export function actingLabel(kind: PlacementKind): string {
  if (kind === "plt") return "Plt.";
  if (kind === "plh") return "Plh.";
  return "";
}

export function isActing(kind: PlacementKind): boolean {
  return actingLabel(kind) !== "";
}

/**
 * What a position's box says about who holds it, line by line: the definitive holder (or "Terisi"
 * when read anonymously), each acting official as "Plt. Name" / "Plh. Name", and, when there are
 * acting officials and no definitive holder, "Definitif: lowong". No one: "Lowong".
 */
export function occupancyLines(occupants: readonly Occupant[]): OccupancyLine[] {
  if (occupants.length === 0) return [{ kind: "vacant", text: "Lowong" }];
  const definitive = occupants.filter((o) => !isActing(o.placement_kind));
  const acting = occupants.filter((o) => isActing(o.placement_kind));
  const lines: OccupancyLine[] = definitive.map((o) => ({
    kind: "definitif",
    text: acting.length ? `Definitif: ${o.name ?? "terisi"}` : (o.name ?? "Terisi"),
  }));
  for (const o of acting) {
    const label = actingLabel(o.placement_kind);
    lines.push({ kind: "acting", label, text: o.name ? `${label} ${o.name}` : `Dijabat ${label}` });
  }
  if (acting.length && definitive.length === 0)
    lines.push({ kind: "vacant", text: "Definitif: lowong" });
  return lines;
}

/** The occupants of a position page read anonymously: its placement kinds, no names. */
export function occupantsOfKinds(kinds: readonly PlacementKind[]): Occupant[] {
  return kinds.map((k) => ({ placement_kind: k, name: null }));
}

/** Beside an acting placement on a person's page: "definitif: Name" or "definitif: lowong". */
export function definitiveBeside(holder: { name: string } | null): string {
  return `definitif: ${holder ? holder.name : "lowong"}`;
}
