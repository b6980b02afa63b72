// The holiday calendar's page (issue 12 item 3, deadlines), what it decides before asking the
// server: the form's checks as POST /holidays makes them (a calendar date in a year the calendar
// shows, a name of 1 to 200 bytes once trimmed, one of the two kinds), the request's body, the
// year's summary and its neighbours. Pure (unit-tested in holidays.test.ts); the server checks
// everything again and alone knows whether the date has a day off already.
import type { Holiday, HolidayKind, NewHolidayBody } from "./api/holiday_types";
import { dateProblem, textProblem } from "./registry_rules";

export const HOLIDAY_KINDS: [HolidayKind, string][] = [
  ["libur_nasional", "Libur nasional"],
  ["cuti_bersama", "Cuti bersama"],
];

/** The years the calendar can show (GET /holidays?year= takes 1900..2200). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
/** The most bytes of a day off's name (UTF-8, as the server counts). */
export const MAX_NAME_BYTES = 200;

/** What the form holds, as typed and chosen. */
export interface HolidayFormInput {
  date: string;
  name: string;
  kind: string;
}

export type HolidayField = "date" | "name" | "kind";

/** The name as the server keeps it: trimmed, runs of white space made one space. */
export function holidayName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

const isKind = (k: string): k is HolidayKind => HOLIDAY_KINDS.some(([v]) => v === k);

/** Each field's problem, in the form's order (empty: none). */
export function holidayFormProblems(f: HolidayFormInput): [HolidayField, string][] {
  const out: [HolidayField, string][] = [];
  const date = dateProblem(f.date.trim(), "Tanggal");
  if (date) out.push(["date", date]);
  else {
    const year = Number(f.date.trim().slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR)
      out.push(["date", `Tahun tanggal harus ${FIRST_YEAR} sampai ${LAST_YEAR}.`]);
  }
  const name = textProblem(holidayName(f.name), MAX_NAME_BYTES, "Nama hari libur");
  if (name) out.push(["name", name]);
  if (!isKind(f.kind)) out.push(["kind", "Pilih jenisnya: libur nasional atau cuti bersama."]);
  return out;
}

/** The body of POST /holidays; call it only when holidayFormProblems found none. */
export function holidayBody(f: HolidayFormInput): NewHolidayBody {
  return {
    date: f.date.trim(),
    name: holidayName(f.name),
    kind: isKind(f.kind) ? f.kind : "libur_nasional",
  };
}

/** The year of a YYYY-MM-DD date. */
export function yearOfDate(date: string): number {
  return Number(date.slice(0, 4));
}

/** The years before and after `year` that the calendar can show (null past either end). */
export function neighbourYears(year: number): { previous: number | null; next: number | null } {
  return {
    previous: year > FIRST_YEAR ? year - 1 : null,
    next: year < LAST_YEAR ? year + 1 : null,
  };
}

/** "16 hari: 11 libur nasional dan 5 cuti bersama."; "3 hari libur nasional."; "" for none. */
export function holidaySummary(items: Pick<Holiday, "kind">[]): string {
  if (items.length === 0) return "";
  const national = items.filter((x) => x.kind === "libur_nasional").length;
  const leave = items.length - national;
  if (leave === 0) return `${national} hari libur nasional.`;
  if (national === 0) return `${leave} hari cuti bersama.`;
  return `${items.length} hari: ${national} libur nasional dan ${leave} cuti bersama.`;
}
