#pragma once
// Checks on text that comes from outside (arguments, files).

#include <string_view>

namespace oppteam {

// True when `text` is well-formed UTF-8 (ICU's converter decides).
bool valid_utf8(std::string_view text);

// Throws Error(data, exit 65) naming `what` when `text` is not UTF-8.
void require_utf8(std::string_view text, std::string_view what);

}  // namespace oppteam
