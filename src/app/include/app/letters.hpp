// Letters (issue 12 item 6): issuing a Surat Tugas or Surat Perintah with its number from the
// agency's numbering scheme (the sequence counted in the same transaction as the letter, so the
// numbers of issued letters have no gaps and no repeats even when several are issued at once),
// revoking it with a reason, who may read it, its PDF, and the public verification of its token.
// Each change is checked before anything is written and written with its audit entry in one
// transaction.
//
// The assignment flow (app/assignments.hpp) issues an assignment's letter, with the assignment's
// id, in the step that makes it "ditugaskan"; POST /letters issues a letter for a team or on its
// own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "core/date.hpp"
#include "identity/model.hpp"
#include "work/letter.hpp"

namespace tatakerja::app {

// Who asks: the account, and whether it may administer the agency (an administrator, or a registry
// administrator whose scope holds it).
struct LetterCaller {
  Actor actor;
  identity::Role role = identity::Role::Employee;
  std::optional<org::Id> employee_id;
};
LetterCaller letter_caller_of(const identity::User& user);

struct NewLetter {
  work::LetterKind kind = work::LetterKind::Tugas;
  org::Id agency_id = 0;
  std::optional<org::Id> team_id;
  std::optional<org::Id> assignment_id;
  org::Id signatory_employee_id = 0;
  // Empty with a team: the team's members on the letter's date, the lead first.
  std::vector<org::Id> recipient_employee_ids;
  std::vector<std::string> grounds;  // Dasar
  std::vector<std::string> tasks;    // Untuk (at least one)
  std::vector<std::string> copies;   // Tembusan
  Date date;
  std::string place;  // "" : the scheme's place, else the region's name
};

// Issues the letter. The caller is an administrator of the agency or the signatory; the signatory
// is of the agency's region and holds a position on the letter's date (the recipients may be of
// any region: a team across governments); a team is one of the agency's. Records "create" /
// "letter".
work::Letter issue_letter(const Stores& stores, const LetterCaller& caller, const NewLetter& in);
// The same inside a transaction the caller has opened (the assignment step that issues its letter:
// app/assignments.hpp), so that the letter and the step are written together or not at all.
work::Letter issue_letter_in_transaction(const Stores& stores, const LetterCaller& caller,
                                         const NewLetter& in);

// Revokes the letter with `reason` (REASON_REQUIRED without one; CONFLICT when already revoked).
// The caller is an administrator of the agency or the signatory. Records "revoke" / "letter".
work::Letter revoke_letter(const Stores& stores, const LetterCaller& caller, org::Id letter_id,
                           const std::string& reason);

// The letter when `caller` may read it (its signatory, its recipients, their appraisers, the
// administrators of its agency); NOT_FOUND when there is none, FORBIDDEN otherwise.
work::Letter readable_letter(const Stores& stores, const LetterCaller& caller, org::Id letter_id);

// The letters that name the signed-in person as their signatory ("to sign": the signatory's
// copy) or as a recipient, newest first, at most `limit` (My work; migration 20). None for an
// account without an employee.
std::vector<work::Letter> my_letters(const Stores& stores, const LetterCaller& caller, int limit);

// The letter as PDF, its QR code holding work::verification_url(base_url, token).
std::string letter_pdf(const work::Letter& letter, const std::string& base_url);

// What the public verification shows: only what the letter itself prints about it (no recipient's
// NIP, rank or position; the signatory as printed), and whether it is in force. Nullopt for an
// unknown token.
struct LetterVerification {
  std::string kind;   // "surat_tugas"
  std::string title;  // "SURAT TUGAS"
  std::string number;
  std::string date;  // ISO
  std::string place;
  std::string government;
  std::string agency;
  std::string signatory_name;
  std::string signatory_position;
  std::string signatory_nip;
  std::vector<std::string> recipient_names;
  std::string status;      // "berlaku", "dicabut"
  std::string revoked_on;  // ISO date of the revocation; "" while in force
};
std::optional<LetterVerification> verify_letter(const Stores& stores, const std::string& token);

// The agency's numbering scheme (the default when it has none stored: stored false).
struct LetterSchemeView {
  work::LetterScheme scheme;
  bool stored = false;
};
LetterSchemeView letter_scheme_of(const Stores& stores, org::Id agency_id);
// Sets the agency's scheme; the pattern must parse (LETTER_PATTERN_INVALID, field "pattern"), the
// unit code be valid when given and present when the pattern uses it. Records "update" /
// "letter_scheme".
LetterSchemeView set_letter_scheme(const Stores& stores, const Actor& actor,
                                   const work::LetterScheme& in);

// A new verification token: 32 random bytes (libsodium) as 43 base64url characters.
std::string new_letter_token();

}  // namespace tatakerja::app
