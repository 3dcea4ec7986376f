// oppteam's entry point: everything is in the library and src/cli/app.cpp.

#include "cli/app.hpp"

#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  oppteam::cli::Streams streams{std::cout, std::cerr, std::cin, ::isatty(0) == 1, ::isatty(1) == 1, ::isatty(2) == 1};
  int code = oppteam::cli::run_cli(args, streams);
  std::cout.flush();
  return code;
}
