// Letters (issue 12 item 6): the API's forms (docs/api.md, "Letters").
import type { Id } from "./types";

export interface LetterPerson {
  employee_id: Id;
  position_id: Id | null;
  name: string;
  nip: string;
  rank: string;
  position: string;
}

export interface Letter {
  id: Id;
  kind: "surat_tugas" | "surat_perintah";
  title: string;
  number: string;
  year: number;
  sequence: number;
  region_id: Id;
  agency_id: Id;
  team_id: Id | null;
  assignment_id: Id | null;
  government: string;
  agency: string;
  address: string;
  place: string;
  date: string;
  grounds: string[];
  recipients: LetterPerson[];
  tasks: string[];
  signatory: LetterPerson;
  copies: string[];
  status: "berlaku" | "dicabut";
  revoked_at: string | null;
  revoked_reason: string;
  verification_path: string;
  pdf_path: string;
  created_at: string;
}

/** A letter in "Surat saya" (GET /me/letters): the caller signs it or receives it. */
export interface MyLetter extends Letter {
  my_role: "penandatangan" | "penerima";
}

/** What the public verification shows: only what the letter itself prints. */
export interface LetterVerification {
  genuine: boolean;
  in_force: boolean;
  status: "berlaku" | "dicabut";
  revoked_on: string | null;
  message: string;
  letter: {
    kind: Letter["kind"];
    title: string;
    number: string;
    date: string;
    place: string;
    government: string;
    agency: string;
    recipient_names: string[];
    signatory: { name: string; position: string; nip: string };
  };
}

/** An agency's numbering pattern and letterhead data (GET/PUT /agencies/{id}/letter-scheme). */
export interface LetterScheme {
  agency_id: Id;
  pattern: string;
  unit_code: string;
  address: string;
  place: string;
  /** false: none stored; the agency numbers by the default pattern. */
  stored: boolean;
  updated_at: string | null;
}

/** The body of PUT /agencies/{id}/letter-scheme. */
export interface LetterSchemeBody {
  pattern: string;
  unit_code?: string;
  address?: string;
  place?: string;
}
