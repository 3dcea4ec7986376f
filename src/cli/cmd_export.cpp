// oppteam case export: placeholder until the report area lands.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_case_export(CLI::App&, Session&) {}

}  // namespace oppteam::cli
