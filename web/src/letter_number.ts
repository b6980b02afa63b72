// An agency's letter numbering pattern (issue 12 item 6): read as the server reads it
// (src/work/letter.cpp, parse_number_pattern) and a number made from it, so that the scheme's
// form can show an example while it is typed. Pure (unit-tested). The server has the last word:
// it checks the pattern again when it is saved and refuses with its own message.

export type Placeholder = "seq" | "unit_code" | "year" | "month" | "month_roman";

export type Segment = { text: string } | { placeholder: Placeholder };

/** The pattern of an agency that has none stored. */
export const DEFAULT_NUMBER_PATTERN = "800.1.11.1/{seq}/{year}";

const PLACEHOLDERS: Placeholder[] = ["seq", "unit_code", "year", "month", "month_roman"];
const MAX_PATTERN_LENGTH = 100;

/** Printable ASCII without the space and the braces. */
const literal = (c: string) => {
  const u = c.charCodeAt(0);
  return u > 0x20 && u < 0x7f && c !== "{" && c !== "}";
};

/** The pattern's pieces, or why it is not a pattern (in the server's words). */
export function parseNumberPattern(pattern: string): { segments: Segment[] } | { problem: string } {
  const refused = (m: string) => ({ problem: `Pola nomor surat tidak sah: ${m}` });
  if (pattern === "") return refused("pola kosong; contoh: 800.1.11.1/{seq}/{year}.");
  if (pattern.length > MAX_PATTERN_LENGTH) return refused("paling banyak 100 karakter.");
  const segments: Segment[] = [];
  const seen = new Set<Placeholder>();
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "}") return refused(`tanda } pada posisi ${i + 1} tanpa pasangan {.`);
    if (c === "{") {
      const close = pattern.indexOf("}", i + 1);
      if (close < 0) return refused(`tanda { pada posisi ${i + 1} tidak ditutup.`);
      const name = pattern.slice(i + 1, close);
      const known = PLACEHOLDERS.find((p) => p === name);
      if (!known) {
        const shown = [...name.slice(0, 30)].map((n) => (literal(n) ? n : "?")).join("");
        return refused(
          `penanda {${shown}} tidak dikenal; yang dikenal: {seq}, {unit_code}, {year}, {month}, {month_roman}.`,
        );
      }
      if (seen.has(known)) return refused(`penanda {${name}} muncul lebih dari sekali.`);
      seen.add(known);
      segments.push({ placeholder: known });
      i = close + 1;
      continue;
    }
    if (!literal(c))
      return refused(
        `karakter pada posisi ${i + 1} tidak diizinkan; gunakan huruf, angka dan tanda baca tanpa spasi.`,
      );
    const last = segments[segments.length - 1];
    if (last && "text" in last) last.text += c;
    else segments.push({ text: c });
    i += 1;
  }
  if (!seen.has("seq")) return refused("penanda {seq} (nomor urut) wajib ada.");
  if (!seen.has("year"))
    return refused(
      "penanda {year} (tahun) wajib ada, karena nomor urut dimulai lagi setiap tahun.",
    );
  return { segments };
}

/** Whether the pattern names the unit code (then the scheme needs one). */
export function usesUnitCode(segments: Segment[]): boolean {
  return segments.some((s) => "placeholder" in s && s.placeholder === "unit_code");
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 3 → "III", 12 → "XII". */
export function romanNumeral(n: number): string {
  let out = "";
  let left = n;
  for (const [v, sym] of ROMAN) {
    while (left >= v) {
      out += sym;
      left -= v;
    }
  }
  return out;
}

/** The number of the `seq`-th letter of `date` (YYYY-MM-DD) under the pattern's pieces. */
export function formatLetterNumber(
  segments: Segment[],
  seq: number,
  unitCode: string,
  date: string,
): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return segments
    .map((s) => {
      if ("text" in s) return s.text;
      switch (s.placeholder) {
        case "seq":
          return String(seq);
        case "unit_code":
          return unitCode;
        case "year":
          return year;
        case "month":
          return String(month).padStart(2, "0");
        case "month_roman":
          return romanNumeral(month);
      }
    })
    .join("");
}

/**
 * The example the scheme's form shows: the number of the `seq`-th letter of `date`, or why there is
 * none yet (the pattern's problem, or a unit code missing where the pattern needs one).
 */
export function letterNumberExample(
  pattern: string,
  unitCode: string,
  seq: number,
  date: string,
): { number: string } | { problem: string } {
  const parsed = parseNumberPattern(pattern.trim());
  if ("problem" in parsed) return parsed;
  const code = unitCode.trim();
  if (usesUnitCode(parsed.segments) && !code)
    return { problem: "Pola memuat {unit_code}: kode unit wajib diisi." };
  return { number: formatLetterNumber(parsed.segments, seq, code, date) };
}

/** A unit code as the server accepts it: 1-30 letters, digits, ".", "-", "_" ("" for none). */
export function unitCodeProblem(code: string): string | null {
  const c = code.trim();
  if (c === "" || /^[A-Za-z0-9._-]{1,30}$/.test(c)) return null;
  return "Kode unit: 1-30 karakter huruf, angka, titik, tanda hubung atau garis bawah.";
}
