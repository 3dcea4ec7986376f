// oppteam remind: placeholder until the plan area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_remind(CLI::App&, Session&) {}

}  // namespace oppteam::cli
