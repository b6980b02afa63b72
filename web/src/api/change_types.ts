// What the registry's change routes take and answer (docs/api.md, "Changes"): the bodies the web
// interface's forms send and the records they get back.
import type { Id, IsoDate, PlacementKind } from "./types";

export interface NewEmployeeBody {
  nip: string;
  name: string;
  kind: "PNS" | "PPPK";
  rank: string;
  region_id: Id;
}

export interface EmployeeEditBody {
  name?: string;
  rank?: string;
}

export interface NewPlacementBody {
  employee_id: Id;
  position_id: Id;
  kind: PlacementKind;
  start: IsoDate;
  secondment_decree?: string;
  /** The decree (SK) or order that makes the placement: its number and date, both or neither. */
  decree_number?: string;
  decree_date?: IsoDate;
}

/** POST /placements/{id}/move: the new position from `start` (the old placement ends then). */
export type PlacementMoveBody = Omit<NewPlacementBody, "employee_id">;

/** POST /placements and /placements/{id}/end answer the placement as stored. */
export interface PlacementRecord {
  id: Id;
  employee_id: Id;
  position_id: Id;
  kind: PlacementKind;
  start: IsoDate;
  end: IsoDate | null;
  secondment_decree: string | null;
  decree_number: string | null;
  decree_date: IsoDate | null;
}

/** POST /placements/{id}/move answers both placements. */
export interface PlacementMoved {
  ended: PlacementRecord;
  placement: PlacementRecord;
}

export interface PositionEditBody {
  title?: string;
  eselon?: string;
  code?: string;
  summary?: string;
  duties?: string[];
  superior_id?: Id | null;
  unit_id?: Id | null;
}

export interface UnitEditBody {
  name?: string;
  parent_id?: Id | null;
}

/** PATCH /units/{id} answers the unit with its agency. */
export interface UnitRecord {
  id: Id;
  agency_id: Id;
  parent_id: Id | null;
  name: string;
  kind: string;
  head_position_id: Id | null;
  source_article_id: Id | null;
}
