// oppteam assess: placeholder until the team area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_assess(CLI::App&, Session&) {}

}  // namespace oppteam::cli
