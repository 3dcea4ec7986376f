// oppteam refer: placeholder until the intake area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_refer(CLI::App&, Session&) {}

}  // namespace oppteam::cli
