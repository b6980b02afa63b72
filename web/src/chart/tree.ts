// Builds the organisation chart's tree from the flat node list of GET /agencies/{id}/chart, and
// keeps the nodes of a chart read on demand (the top levels first, a subtree when a box is
// expanded). Pure (unit-tested): no DOM.
import type { ChartNode, Id } from "../api/types";
import type { Occupant } from "../acting";

export interface PositionBox {
  type: "position";
  node: ChartNode;
  children: ChartItem[];
}

/** Functional and executor positions under one superior, drawn as one group box. */
export interface FunctionalGroup {
  type: "group";
  /** Position id of the superior (coordinator) or null at the top. */
  superiorId: Id | null;
  title: string;
  members: ChartNode[];
}

export type ChartItem = PositionBox | FunctionalGroup;

const STRUCTURAL_RANK: Record<string, number> = {
  "JPT Madya": 0,
  "JPT Pratama": 1,
  Administrator: 2,
  Pengawas: 3,
};

export function isStructural(n: Pick<ChartNode, "kind">): boolean {
  return n.kind in STRUCTURAL_RANK;
}

/** Sekretaris / Sekretariat boxes come first under the head, as the Lampiran I charts draw them. */
function isSecretary(n: ChartNode): boolean {
  return /^sekretaris\b/i.test(n.title) || /^sekretariat\b/i.test(n.unit_name ?? "");
}

function isGroupPlaceholder(n: ChartNode): boolean {
  return /^kelompok\s+jabatan\s+fungsional/i.test(n.title);
}

/**
 * Links every node to its superior (a node whose superior is missing, itself, or part of a cycle
 * becomes a root), keeps the server's order among siblings except that the Sekretaris comes before
 * the Bidang, and gathers functional/executor positions of one superior into a group box.
 */
export function buildChartTree(nodes: readonly ChartNode[]): ChartItem[] {
  const byId = new Map<Id, ChartNode>();
  for (const n of nodes) if (!byId.has(n.position_id)) byId.set(n.position_id, n);
  const order = new Map<Id, number>();
  [...byId.values()].forEach((n, i) => order.set(n.position_id, i));

  const parentOf = new Map<Id, Id | null>();
  for (const n of byId.values()) {
    const s = n.superior_id;
    parentOf.set(
      n.position_id,
      s !== null && s !== undefined && s !== n.position_id && byId.has(s) ? s : null,
    );
  }
  // Break cycles: walk up from each node; a node met twice on one walk is made a root.
  for (const start of byId.keys()) {
    const seen = new Set<Id>();
    let cur: Id | null = start;
    while (cur !== null) {
      if (seen.has(cur)) {
        parentOf.set(cur, null);
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }

  const childrenOf = new Map<Id | null, ChartNode[]>();
  for (const n of byId.values()) {
    const p = parentOf.get(n.position_id) ?? null;
    const list = childrenOf.get(p);
    if (list) list.push(n);
    else childrenOf.set(p, [n]);
  }

  const build = (superiorId: Id | null): ChartItem[] => {
    const kids = childrenOf.get(superiorId) ?? [];
    const structural = kids.filter(isStructural).sort((a, b) => {
      const sa = isSecretary(a) ? 0 : 1;
      const sb = isSecretary(b) ? 0 : 1;
      if (sa !== sb) return sa - sb;
      return (order.get(a.position_id) ?? 0) - (order.get(b.position_id) ?? 0);
    });
    const functional = kids.filter((n) => !isStructural(n));
    const items: ChartItem[] = structural.map((n) => ({
      type: "position",
      node: n,
      children: build(n.position_id),
    }));
    if (functional.length === 1 && isGroupPlaceholder(functional[0]!)) {
      const only = functional[0]!;
      items.push({ type: "position", node: only, children: build(only.position_id) });
    } else if (functional.length > 0) {
      // Members of the group may themselves have subordinates (e.g. a JF leading a unit):
      // those are shown as their own boxes after the group.
      items.push({ type: "group", superiorId, title: groupTitle(functional), members: functional });
      for (const f of functional) {
        const sub = build(f.position_id);
        if (sub.length) items.push({ type: "position", node: f, children: sub });
      }
    }
    return items;
  };
  return build(null);
}

/** "Jabatan fungsional", "Pelaksana", or "Fungsional dan pelaksana" by what the group holds. */
export function groupTitle(members: readonly Pick<ChartNode, "kind">[]): string {
  const functional = members.filter((m) => m.kind === "Fungsional").length;
  if (functional === members.length) return "Jabatan fungsional";
  if (functional === 0) return "Pelaksana";
  return "Fungsional dan pelaksana";
}

/** Number of positions in a subtree (the box itself included), for "n jabatan" labels. */
export function countPositions(item: ChartItem): number {
  if (item.type === "group") return item.members.length;
  return 1 + item.children.reduce((s, c) => s + countPositions(c), 0);
}

/** The text on a box under the title: eselon and kind ("Eselon III.a · Administrator"). */
export function boxSubtitle(n: Pick<ChartNode, "eselon" | "kind">): string {
  const parts: string[] = [];
  if (n.eselon) parts.push(`Eselon ${n.eselon}`);
  if (n.kind) parts.push(n.kind);
  return parts.join(" · ");
}

/** What a box says about its holder: the name (signed in), "Lowong", or "Terisi" (anonymous). */
export function holderText(n: Pick<ChartNode, "vacant" | "holder_name">): string {
  if (n.vacant) return "Lowong";
  return n.holder_name ? n.holder_name : "Terisi";
}

/**
 * Who holds a box's position, for occupancyLines (acting.ts): the answer's `holders` (every
 * current holder with the kind of placement); from an answer without them, the one holder it names.
 */
export function occupantsOfNode(
  n: Pick<ChartNode, "vacant" | "holder_name" | "holders">,
): Occupant[] {
  if (n.holders) return n.holders;
  if (n.vacant) return [];
  return [{ placement_kind: "definitif", name: n.holder_name ?? null }];
}

/**
 * The nodes of an expanded subtree (GET /agencies/{id}/chart?root=) added to those already shown:
 * known nodes keep their place (with the newer answer's fields), new ones come after.
 */
export function mergeChartNodes(
  known: readonly ChartNode[],
  more: readonly ChartNode[],
): ChartNode[] {
  const fresh = new Map<Id, ChartNode>();
  for (const n of more) fresh.set(n.position_id, n);
  const out = known.map((n) => fresh.get(n.position_id) ?? n);
  const seen = new Set(known.map((n) => n.position_id));
  for (const n of more) {
    if (!seen.has(n.position_id)) {
      seen.add(n.position_id);
      out.push(n);
    }
  }
  return out;
}

/** How many direct subordinates of each position are not yet among `nodes` (loaded on demand). */
export function missingSubordinates(nodes: readonly ChartNode[]): Map<Id, number> {
  const shown = new Map<Id, number>();
  for (const n of nodes) {
    if (n.superior_id !== null && n.superior_id !== undefined) {
      shown.set(n.superior_id, (shown.get(n.superior_id) ?? 0) + 1);
    }
  }
  const missing = new Map<Id, number>();
  for (const n of nodes) {
    const m = (n.subordinate_count ?? 0) - (shown.get(n.position_id) ?? 0);
    if (m > 0) missing.set(n.position_id, m);
  }
  return missing;
}

/** How many subordinates of `positionId` are already among `nodes`: where loading more starts. */
export function shownSubordinates(nodes: readonly ChartNode[], positionId: Id): number {
  return nodes.filter((n) => n.superior_id === positionId).length;
}
