// Issue 12 item 7: the work system's diagrams on a page. The server draws them (SVG) from the
// definitions the code runs; here each is shown as an image that fits the screen, opens full size
// when tapped, and carries an Indonesian text alternative written from the same definitions (the
// mechanisms' listing, the region's rules), so a reader who cannot see it reads what it shows.
import type { Mechanism } from "./api/assignment_types";
import type { WorkRule } from "./api/types";
import { h } from "./dom";

/** A key the diagram routes accept ([a-z0-9_], 1..64); anything else is not drawn. */
export function drawableKey(key: string): boolean {
  return /^[a-z0-9_]{1,64}$/.test(key);
}

/** "Diagram alur Penunjukan lintas unit organisasi. Dimulai dengan ajukan oleh ...; keadaan: ...;
 * langkah: setujui oleh ... (dari A ke B), ..." */
export function mechanismAlt(m: Mechanism, roleLabels: Record<string, string>): string {
  const role = (key: string) => roleLabels[key] ?? key;
  const state = (key: string) => m.states.find((s) => s.key === key)?.label ?? key;
  const steps = m.transitions.map(
    (t) =>
      `${t.transition} oleh ${role(t.role)} (dari ${state(t.from)} ke ${state(t.to)}${
        t.reason_required ? ", alasan wajib" : ""
      })`,
  );
  return (
    `Diagram alur ${m.label}. Dimulai dengan ${m.first.transition} oleh ${role(m.first.role)}, ` +
    `menuju ${state(m.first.to)}. Keadaan: ${m.states.map((s) => s.label).join("; ")}. ` +
    `Langkah: ${steps.join("; ")}.`
  );
}

/** The agency kinds that have a structure or a flow rule, in the rules' order, each once. */
export function agencyKinds(rules: Pick<WorkRule, "kind" | "key">[]): string[] {
  const kinds: string[] = [];
  for (const r of rules) {
    if (r.kind !== "struktur_penugasan" && r.kind !== "alur") continue;
    if (drawableKey(r.key) && !kinds.includes(r.key)) kinds.push(r.key);
  }
  return kinds;
}

/** "Bagan struktur penugasan dan alur peninjauan hasil Sekretariat Daerah. Peninjauan berurutan:
 * Kepala Bagian, Asisten Daerah, lalu Sekretaris Daerah yang menerima hasil. Struktur penugasan: ..." */
export function structureAlt(
  label: string,
  rules: Pick<WorkRule, "kind" | "key" | "statement" | "items">[],
  kind: string,
): string {
  const structure = rules.find((r) => r.kind === "struktur_penugasan" && r.key === kind);
  const flow = rules.find((r) => r.kind === "alur" && r.key === kind);
  let out = `Bagan struktur penugasan dan alur peninjauan hasil ${label}.`;
  if (flow) {
    const chain = flow.statement
      .split(" > ")
      .map((s) => s.trim())
      .filter((s) => s);
    if (chain.length === 1) out += ` Hasil ditinjau dan diterima oleh ${chain[0]}.`;
    if (chain.length > 1) {
      out += ` Peninjauan berurutan: ${chain.slice(0, -1).join(", ")}, lalu ${
        chain[chain.length - 1]
      } yang menerima hasil.`;
    }
  }
  if (structure && structure.items.length > 0) {
    out += ` Struktur penugasan: ${structure.items.join("; ")}.`;
  }
  return out;
}

/** A diagram as a figure: the image (as wide as the screen at most) linked to its full size. */
export function diagramFigure(src: string, alt: string, caption: string): HTMLElement {
  return h(
    "figure",
    { class: "diagram" },
    h(
      "a",
      { href: src, target: "_blank", rel: "noopener" },
      h("img", { src, alt, loading: "lazy", decoding: "async" }),
    ),
    h("figcaption", { class: "muted" }, caption),
  );
}
