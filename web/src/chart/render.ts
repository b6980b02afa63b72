// Draws the organisation chart with DOM and CSS: a nested list of boxes (head at the top), each box
// a link to its position page, with buttons to collapse and expand subtrees and arrow-key movement
// between boxes. Functional and executor positions are listed inside their coordinator's box
// (folded by default), so the tree keeps the shape of a Lampiran I chart. A large agency comes
// in parts: a box whose subordinates are not loaded yet has a button that loads them
// (`onExpand`). On narrow screens the CSS turns the same list into an indented list.
import type { ChartNode, Id } from "../api/types";
import { h, nextId, type Child } from "../dom";
import { paths } from "../router";
import { workLevelLabel } from "../format";
import { occupancyLines } from "../acting";
import {
  boxSubtitle,
  buildChartTree,
  countPositions,
  missingSubordinates,
  occupantsOfNode,
  type ChartItem,
  type FunctionalGroup,
} from "./tree";

export interface ChartOptions {
  /** Loads the subordinates of a position not loaded yet; the chart is drawn again after. */
  onExpand?: (positionId: Id) => Promise<void>;
}

export function renderChart(nodes: readonly ChartNode[], options: ChartOptions = {}): HTMLElement {
  const roots = buildChartTree(nodes);
  const missing = missingSubordinates(nodes);
  if (roots.length === 0) {
    return h("p", { class: "muted" }, "Belum ada jabatan untuk digambar.");
  }
  const toggles: HTMLButtonElement[] = [];

  const setOpen = (btn: HTMLButtonElement, open: boolean) => {
    const target = document.getElementById(btn.getAttribute("aria-controls") ?? "");
    btn.setAttribute("aria-expanded", String(open));
    if (target) target.hidden = !open;
    const name = btn.dataset.name ?? "";
    if (btn.dataset.group !== undefined) {
      btn.textContent = `${open ? "▾" : "▸"} ${name} (${btn.dataset.count ?? ""})`;
      return;
    }
    btn.textContent = open ? "−" : "+";
    btn.setAttribute("aria-label", `${open ? "Sembunyikan" : "Tampilkan"} bawahan ${name}`);
    btn.title = open ? "Sembunyikan bawahan" : "Tampilkan bawahan";
    btn.closest(".org-item")?.classList.toggle("is-collapsed", !open);
  };

  const makeToggle = (attrs: Record<string, string | number>, open: boolean) => {
    const btn = h("button", { type: "button", ...attrs });
    btn.addEventListener("click", () => setOpen(btn, btn.getAttribute("aria-expanded") !== "true"));
    toggles.push(btn);
    // Applied once the controlled element is in the document's subtree.
    queueMicrotask(() => setOpen(btn, open));
    return btn;
  };

  const groupPanel = (g: FunctionalGroup, standalone: boolean): HTMLElement => {
    const listId = nextId("org-grp");
    const members = h(
      "ul",
      { class: "org-members", id: listId },
      g.members.map((m) =>
        h(
          "li",
          null,
          h(
            "a",
            { class: "org-member", href: paths.position(m.position_id), "data-chart-box": "" },
            m.title,
          ),
          holderLines(m, ""),
        ),
      ),
    );
    const btn = makeToggle(
      {
        class: "org-group-toggle",
        "aria-controls": listId,
        "data-name": g.title,
        "data-count": g.members.length,
        "data-group": "",
      },
      standalone,
    );
    return h("div", { class: "org-fungsional" }, btn, members);
  };

  // "+ 12 bawahan": loads the subordinates of a box that the answers so far left out.
  const moreButton = (n: ChartNode): HTMLButtonElement | null => {
    const count = missing.get(n.position_id) ?? 0;
    const expand = options.onExpand;
    if (count === 0 || !expand) return null;
    const label = `Muat ${count} bawahan ${n.title}`;
    const btn = h(
      "button",
      { type: "button", class: "org-more", "aria-label": label, title: label },
      `+ ${count} bawahan`,
    );
    btn.addEventListener("click", () => {
      btn.disabled = true;
      btn.textContent = "Memuat…";
      expand(n.position_id).catch(() => {
        btn.disabled = false;
        btn.textContent = "Gagal memuat; coba lagi";
      });
    });
    return btn;
  };

  const renderItems = (items: ChartItem[], depth: number, id?: string): HTMLUListElement => {
    const leavesOnly =
      depth >= 2 &&
      items.every((i) => i.type === "position" && !i.children.some((c) => c.type === "position"));
    const ul = h("ul", { class: `org${leavesOnly ? " org-stack" : ""}`, id: id ?? null });
    for (const item of items) ul.appendChild(renderItem(item, depth));
    return ul;
  };

  const renderItem = (item: ChartItem, depth: number): HTMLLIElement => {
    if (item.type === "group") {
      // Only at the top (functional positions without a superior): a box of its own.
      return h(
        "li",
        { class: "org-item" },
        h("div", { class: "org-box org-group" }, groupPanel(item, true)),
      );
    }
    const n = item.node;
    const level = workLevelLabel(n.work_level);
    const structural = item.children.filter((c) => c.type === "position");
    const groups = item.children.filter((c): c is FunctionalGroup => c.type === "group");
    const box = h(
      "div",
      { class: `org-box kind-${slug(n.kind)}${n.vacant ? " is-vacant" : ""}` },
      h(
        "a",
        { class: "org-title", href: paths.position(n.position_id), "data-chart-box": "" },
        n.title,
      ),
      h("span", { class: "org-meta" }, boxSubtitle(n) + (level ? ` · ${level}` : "")),
      holderLines(n, " org-own"),
      groups.map((g) => groupPanel(g, false)),
      moreButton(n),
    );
    const li = h("li", { class: "org-item" }, box);
    if (structural.length > 0) {
      const subId = nextId("org-sub");
      const count = structural.reduce((s, c) => s + countPositions(c), 0);
      box.appendChild(
        makeToggle(
          {
            class: "org-toggle",
            "aria-controls": subId,
            "data-name": n.title,
            "data-count": count,
          },
          true,
        ),
      );
      li.appendChild(renderItems(structural, depth + 1, subId));
    }
    return li;
  };

  const tree = renderItems(roots, 0);
  tree.classList.add("org-root");
  tree.setAttribute("aria-label", "Bagan organisasi");
  tree.addEventListener("keydown", onArrowKey);

  const all = (open: boolean) => () => toggles.forEach((b) => setOpen(b, open));
  const tools = h(
    "div",
    { class: "chart-tools" },
    h("button", { type: "button", class: "button secondary", onclick: all(true) }, "Buka semua"),
    h("button", { type: "button", class: "button secondary", onclick: all(false) }, "Tutup semua"),
    h(
      "span",
      { class: "muted chart-hint" },
      "Pilih kotak untuk membuka halaman jabatan. Tombol panah berpindah antarkotak.",
    ),
  );
  const scroller = h(
    "div",
    {
      class: "chart-scroll",
      tabindex: 0,
      role: "region",
      "aria-label": "Bagan organisasi, dapat digeser",
    },
    tree,
  );
  return h("div", { class: "chart" }, tools, scroller);
}

/** The holder lines of a box: the definitive holder, "Plt." / "Plh." officials, the vacancy. */
function holderLines(n: ChartNode, extra: string): HTMLElement[] {
  return occupancyLines(occupantsOfNode(n)).map((l) =>
    h(
      "span",
      {
        class: `org-holder${extra}${l.kind === "vacant" ? " is-vacant" : ""}${l.kind === "acting" ? " is-acting" : ""}`,
      },
      l.kind === "acting" ? actingText(l.text, l.label) : l.text,
    ),
  );
}

/** "Plt. Ani" / "Dijabat Plt." with the label as an abbreviation (its full name as its title). */
function actingText(text: string, label: string): Child[] {
  const at = text.indexOf(label);
  if (at < 0) return [text];
  const abbr = h(
    "abbr",
    { class: "acting-label", title: label === "Plt." ? "Pelaksana Tugas" : "Pelaksana Harian" },
    label,
  );
  return [text.slice(0, at), abbr, text.slice(at + label.length)];
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** Arrow keys move between the boxes' links: up to the superior, down to the first subordinate. */
function onArrowKey(ev: KeyboardEvent): void {
  const a = ev.target;
  if (!(a instanceof HTMLAnchorElement) || !a.hasAttribute("data-chart-box")) return;
  const li = a.closest("li");
  if (!li) return;
  const linkOf = (el: Element | null | undefined): HTMLAnchorElement | null =>
    (el?.querySelector(
      ":scope > .org-box > a[data-chart-box], :scope > a[data-chart-box]",
    ) as HTMLAnchorElement | null) ?? null;
  const sibling = (dir: "next" | "prev"): Element | null => {
    let s = dir === "next" ? li.nextElementSibling : li.previousElementSibling;
    while (s && !linkOf(s)) s = dir === "next" ? s.nextElementSibling : s.previousElementSibling;
    return s;
  };
  let target: HTMLAnchorElement | null;
  switch (ev.key) {
    case "ArrowDown": {
      const sub = li.querySelector(":scope > ul:not([hidden])");
      target = sub ? linkOf(sub.querySelector(":scope > li")) : linkOf(sibling("next"));
      break;
    }
    case "ArrowUp": {
      const parentLi = li.parentElement?.closest("li");
      target = parentLi ? linkOf(parentLi) : null;
      if (!target) target = linkOf(sibling("prev"));
      break;
    }
    case "ArrowRight":
      target = linkOf(sibling("next"));
      break;
    case "ArrowLeft":
      target = linkOf(sibling("prev"));
      break;
    default:
      return;
  }
  if (target) {
    ev.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}
