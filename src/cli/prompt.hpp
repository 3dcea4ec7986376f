#pragma once
// Asking a person at the terminal for what a command still needs (stderr for
// the question, the session's input for the answer). A prompt is shown only
// for a value that is missing and has no default; the caller decides that.

#include "cli/session.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace oppteam::cli {

// One line typed after `prompt` (written as given on stderr), trimmed;
// nullopt at end of input. Ctrl-D at a terminal ends this answer, not the
// input: the next question reads again (from a pipe at its end, it gets the
// end again). Every question of the CLI is read through this.
std::optional<std::string> read_line(Session& s, const std::string& prompt);

// Checks an answer and returns the value to use; throws an Error with the
// reason, which is shown before asking again. (Every answer is first checked
// as one line of stored text, require_text: a control character is refused
// and asked again before `check` sees it.)
using AnswerCheck = std::function<std::string(const std::string&)>;

// A value that must be given: asked until `check` accepts a non-empty
// answer; end of input (Ctrl-D) is a usage error naming `option` (exit 64).
std::string ask_required(Session& s, const std::string& question, const std::string& option, const AnswerCheck& check);

// A value that may stay empty: Enter or end of input (Ctrl-D) leaves it
// empty; anything else must satisfy `check`.
std::string ask_optional(Session& s, const std::string& question, const AnswerCheck& check);

// A required text: `value` when given (trimmed), else asked for at a
// terminal (ask_required, taken as typed), else a usage error naming `option`.
std::string given_or_ask(Session& s, const std::string& value, const std::string& option, const std::string& question);

// One line of a numbered menu at a prompt (cli/choices.hpp's Choice is
// another thing: the closed set of an option's values).
struct MenuItem {
  std::string id;
  std::string label;
};

// One of `choices`, listed with numbers under `intro`; the answer may be the
// number, the id or the label (case does not matter). Returns the id.
// `optional`: Enter or Ctrl-D leaves it empty; else as ask_required.
std::string ask_choice(Session& s, const std::string& intro, const std::string& question, const std::string& option,
                       const std::vector<MenuItem>& choices, bool optional);

}  // namespace oppteam::cli
