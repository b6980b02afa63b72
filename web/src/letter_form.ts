// What the form that issues a letter (Surat Tugas / Surat Perintah, POST /letters) decides before
// asking the server: its several-line fields read one item a line, the checks the server makes
// on them, and the request's body. Pure (unit-tested); the server checks everything again and
// has the last word (who may issue, the signatory's position on the date, the team's members).

export type LetterKind = "surat_tugas" | "surat_perintah";

export const LETTER_KINDS: [LetterKind, string][] = [
  ["surat_tugas", "Surat Tugas — tugas dalam tugas jabatan"],
  ["surat_perintah", "Surat Perintah — tugas di luar tugas jabatan"],
];

/** The most items of Dasar, Untuk or Tembusan the server takes; the most bytes of one. */
export const MAX_ITEMS = 30;
export const MAX_ITEM_BYTES = 2000;
export const MAX_RECIPIENTS = 100;

/** The items of a several-line field: one a line, spaces collapsed, empty lines left out. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Why the items of a several-line field cannot be sent; null when they can. */
export function itemsProblem(items: string[], label: string, required: boolean): string | null {
  if (required && items.length === 0) return `${label} wajib diisi, paling sedikit satu butir.`;
  if (items.length > MAX_ITEMS)
    return `${label} paling banyak ${MAX_ITEMS} butir (satu per baris).`;
  const long = items.findIndex((i) => bytes(i) > MAX_ITEM_BYTES);
  if (long >= 0) return `${label}: butir ke-${long + 1} lebih dari ${MAX_ITEM_BYTES} bita.`;
  return null;
}

/** What the form holds, as typed and chosen. */
export interface LetterFormInput {
  kind: string;
  agencyId: string;
  signatoryId: string;
  recipientIds: string[];
  teamId: string;
  grounds: string;
  tasks: string;
  copies: string;
  date: string;
  place: string;
}

/** The body of POST /letters. */
export interface NewLetterBody {
  kind: LetterKind;
  agency_id: number;
  signatory_employee_id: number;
  recipient_employee_ids?: number[];
  team_id?: number;
  grounds: string[];
  tasks: string[];
  copies: string[];
  date: string;
  place?: string;
}

export type LetterField =
  | "kind"
  | "agency_id"
  | "signatory_employee_id"
  | "recipient_employee_ids"
  | "grounds"
  | "tasks"
  | "copies"
  | "date"
  | "place";

/** Each field's problem (the request's field names; empty: none). */
export function letterFormProblems(f: LetterFormInput): [LetterField, string][] {
  const out: [LetterField, string][] = [];
  if (!LETTER_KINDS.some(([k]) => k === f.kind)) out.push(["kind", "Pilih jenis surat."]);
  if (!f.agencyId) out.push(["agency_id", "Pilih perangkat daerah yang menerbitkan surat."]);
  if (!f.signatoryId) out.push(["signatory_employee_id", "Pilih penandatangan surat."]);
  if (f.recipientIds.length === 0 && !f.teamId)
    out.push([
      "recipient_employee_ids",
      "Tambahkan paling sedikit satu penerima, atau pilih tim kerja agar anggotanya menjadi penerima.",
    ]);
  else if (f.recipientIds.length > MAX_RECIPIENTS)
    out.push(["recipient_employee_ids", `Paling banyak ${MAX_RECIPIENTS} penerima.`]);
  else if (new Set(f.recipientIds).size !== f.recipientIds.length)
    out.push(["recipient_employee_ids", "Setiap pegawai hanya sekali."]);
  const lists: [LetterField, string, string, boolean][] = [
    ["grounds", f.grounds, "Dasar", false],
    ["tasks", f.tasks, "Untuk (isi tugas)", true],
    ["copies", f.copies, "Tembusan", false],
  ];
  for (const [name, text, label, required] of lists) {
    const p = itemsProblem(linesOf(text), label, required);
    if (p) out.push([name, p]);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) out.push(["date", "Isi tanggal surat."]);
  if (bytes(f.place.trim()) > 100) out.push(["place", "Tempat paling banyak 100 bita."]);
  return out;
}

/** The request made of a form without problems. */
export function letterBody(f: LetterFormInput): NewLetterBody {
  const body: NewLetterBody = {
    kind: f.kind as LetterKind,
    agency_id: Number(f.agencyId),
    signatory_employee_id: Number(f.signatoryId),
    grounds: linesOf(f.grounds),
    tasks: linesOf(f.tasks),
    copies: linesOf(f.copies),
    date: f.date,
  };
  if (f.recipientIds.length) body.recipient_employee_ids = f.recipientIds.map(Number);
  if (f.teamId) body.team_id = Number(f.teamId);
  const place = f.place.replace(/\s+/g, " ").trim();
  if (place) body.place = place;
  return body;
}
