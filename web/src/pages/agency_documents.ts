import type { Id } from "../api/types";
import { h } from "../dom";
import { user } from "../session";

/** Where an agency's document is served (the API, not a page of the interface). */
export function agencyDocumentUrl(agencyId: Id, file: string): string {
  return `/api/v1/agencies/${agencyId}/${file}`;
}

/**
 * The agency's printable chart (its Lampiran I, PDF and SVG) and its exports (positions,
 * vacancies; people only for a signed-in reader, since personal data is never public).
 */
export function agencyDocumentLinks(agencyId: Id): HTMLElement {
  const url = (file: string) => agencyDocumentUrl(agencyId, file);
  const exportRow = (label: string, stem: string) =>
    h(
      "li",
      null,
      `${label}: `,
      h("a", { href: url(`${stem}.xlsx`), download: "" }, "XLSX"),
      " · ",
      h("a", { href: url(`${stem}.csv`), download: "" }, "CSV"),
    );
  return h(
    "div",
    { class: "document-links no-print" },
    h(
      "p",
      null,
      h(
        "a",
        { href: url("chart.pdf"), target: "_blank", rel: "noopener", class: "button secondary" },
        "Cetak bagan (PDF)",
      ),
      " ",
      h("a", { href: url("chart.svg"), target: "_blank", rel: "noopener" }, "SVG"),
    ),
    h(
      "ul",
      { class: "plain-list export-links", "aria-label": "Ekspor" },
      exportRow("Ekspor jabatan", "positions"),
      exportRow("Ekspor jabatan lowong", "vacancies"),
      user() ? exportRow("Ekspor pegawai", "people") : null,
    ),
  );
}
