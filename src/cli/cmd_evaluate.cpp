// oppteam evaluate: placeholder until the plan area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_evaluate(CLI::App&, Session&) {}

}  // namespace oppteam::cli
