// oppteam case: placeholder until the intake area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_case(CLI::App&, Session&) {}

}  // namespace oppteam::cli
