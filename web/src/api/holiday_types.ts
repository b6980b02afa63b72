// The holiday calendar (issue 12 item 3, deadlines): the API's forms (docs/api.md, "The holiday
// calendar"). One calendar for every region; an answer period in working days does not count it.
import type { Id } from "./types";

export type HolidayKind = "libur_nasional" | "cuti_bersama";

/** A day the offices are closed besides the weekend. */
export interface Holiday {
  id: Id;
  /** YYYY-MM-DD; one day off per date. */
  date: string;
  name: string;
  kind: HolidayKind;
  /** "Libur nasional" or "Cuti bersama". */
  kind_label: string;
}

/** GET /holidays?year=: the year's days off, by date. */
export interface HolidayYear {
  year: number;
  items: Holiday[];
}

/** The body of POST /holidays (the administrator). */
export interface NewHolidayBody {
  date: string;
  name: string;
  kind: HolidayKind;
}
