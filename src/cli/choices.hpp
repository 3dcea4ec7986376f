#pragma once
// Option values from closed sets, in the user's words (issue 17, point 2).
//
// Every option whose value is an id from a closed set (a case status, a
// reporter type, a decision, ...) accepts the id or a label in nb, nn or en,
// in any case and without diacritics ("mottatt", "Innvilget", "fortsett",
// "ferdig"), and turns it into the id before the command sees it. A miss
// names the nearest value ("Mente du ...?") and lists the valid ones in the
// user's language: bad input data (65) for a list of the rammeverk
// (reporter types, roles, services, ...), a usage error (64) for a fixed
// set of the CLI (--form, --given-by, ...), as SPEC.md's additions say.
//
// bind_choices() does this for the whole command tree after it is built:
// an option is bound by the table in choices.cpp (command path and option
// name), and any other option with a CLI::IsMember check is bound to its
// members, their labels read from the catalogue as "choice.<option>.<id>".
// So a command added later gets the same behaviour without code of its own.

#include "cli/session.hpp"

#include <oppteam/util/error.hpp>
#include <oppteam/util/nearest.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppteam::cli {

// One value of a closed set: its id and the words that name it.
struct Choice {
  std::string id;
  std::string label;               // in the session's language (the id when there is none)
  std::string listed;              // as the list of valid values shows it
  std::vector<std::string> words;  // id, labels in nb, nn and en, other accepted words
};

// The id `input` names among `choices`; throws an error with `code` naming
// `option`, the nearest value and the valid ones otherwise.
std::string resolve_choice(const std::vector<Choice>& choices, const std::string& input, const std::string& option,
                           ExitCode code = ExitCode::usage);

// Binds every option of `root` (recursively) that takes a value from a
// closed set; see above.
void bind_choices(CLI::App& root, Session& s);


// The members of a CLI::IsMember check of `o` ("{a,b,c}"), if it has one.
std::vector<std::string> fixed_set(const CLI::Option* o);

// The suggestion and the folding of words (util/nearest.hpp).
using oppteam::fold_word;
using oppteam::nearest;

// The option's name as the user writes it: "--status", or "STATUS" for a positional.
std::string option_name(const CLI::Option* o);
// The subcommand's path without "oppteam" ("case list"; "" for the root).
std::string command_path(const CLI::App* app);

}  // namespace oppteam::cli
