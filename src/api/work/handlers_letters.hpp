// The handlers of letters (issue 12 item 6; work/handlers_letters.cpp).
#pragma once

#include "api/api.hpp"

namespace tatakerja::server {

Response handle_letter_issue(Context&);
Response handle_letter_get(Context&);
Response handle_letters_mine(Context&);  // issue 12 item 8: letters in My work
Response handle_letter_pdf(Context&);
Response handle_letter_revoke(Context&);
Response handle_letter_verify(Context&);
Response handle_letter_scheme_get(Context&);
Response handle_letter_scheme_put(Context&);

}  // namespace tatakerja::server
