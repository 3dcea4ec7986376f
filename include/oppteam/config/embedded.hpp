#pragma once
// Texts compiled into the binary (generated from the files named in CMakeLists.txt).

#include <string_view>

namespace oppteam::embedded {
extern const std::string_view default_rammeverk;  // src/config/default_rammeverk.toml
extern const std::string_view example_rammeverk;  // examples/rammeverk.toml
}  // namespace oppteam::embedded
