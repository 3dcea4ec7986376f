// oppteam report: placeholder until the report area lands; registers nothing yet.

#include "cli/commands.hpp"

namespace oppteam::cli {

void setup_report(CLI::App&, Session&) {}

}  // namespace oppteam::cli
