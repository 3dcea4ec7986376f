#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace oppteam {
// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(std::string_view data);
// The same over `fields` joined by the unit separator (0x1F), so no two
// lists of fields hash the same text.
std::string sha256_hex_of_fields(std::initializer_list<std::string_view> fields);
}  // namespace oppteam
