#include "app/error.hpp"

namespace tatakerja::app {

Refusal refusal_for(const storage::DatabaseError& e) {
  switch (e.kind()) {
    case storage::DatabaseError::Kind::Constraint:
      return Refusal(ErrorCode::Conflict);
    case storage::DatabaseError::Kind::Busy:
      return Refusal(ErrorCode::Unavailable).set_retry_after(1);
    case storage::DatabaseError::Kind::Other:
      break;
  }
  return Refusal(ErrorCode::Internal);
}

}  // namespace tatakerja::app
