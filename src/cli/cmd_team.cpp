// oppteam team: placeholder until the team area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_team(CLI::App&, Session&) {}

}  // namespace oppteam::cli
