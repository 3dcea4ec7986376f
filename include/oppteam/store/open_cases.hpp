#pragma once
// The numbers of the cases that are not closed, for a shell's completion
// (process/completion.hpp). A read of case_file: it may join the case
// store when there is one.

#include <oppteam/store/database.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace oppteam {

// Oldest first (year, then running number), at most `limit` (0: all).
std::vector<std::string> read_open_case_numbers(Database& db, std::size_t limit);

}  // namespace oppteam
