#include <oppteam/util/text.hpp>

#include <oppteam/util/error.hpp>

#include <unicode/ustring.h>

#include <climits>

namespace oppteam {

bool valid_utf8(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  // Preflight only (no output buffer): ICU reports U_BUFFER_OVERFLOW_ERROR
  // for good input and U_INVALID_CHAR_FOUND for a malformed sequence.
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status);
}

void require_utf8(std::string_view text, std::string_view what) {
  if (!valid_utf8(text)) throw make_error(ExitCode::data, "error.not_utf8", what);
}

}  // namespace oppteam
