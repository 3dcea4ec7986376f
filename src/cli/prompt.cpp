#include "cli/prompt.hpp"

#include <oppteam/i18n/collate.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam::cli {

std::optional<std::string> read_line(Session& s, const std::string& prompt) {
  s.err() << prompt << std::flush;
  std::string line;
  if (!std::getline(s.io().in, line)) {
    s.err() << "\n";
    s.io().in.clear();
    return std::nullopt;
  }
  return trim(line);
}

namespace {

std::string ask(Session& s, const std::string& question, const std::string& option, const AnswerCheck& check, bool optional) {
  for (;;) {
    const auto answer = read_line(s, question + ": ");
    if (!answer || answer->empty()) {
      if (optional) return "";
      if (!answer) throw make_error(ExitCode::usage, "error.missing_option", option);
      continue;  // an empty answer to a question that needs one: asked again
    }
    try {
      // What no stored text may hold (a control character, a bad byte) is
      // refused as it is typed, not after every other question.
      require_text(*answer, s.text("prompt.answer"), TextField::line);
      return check(*answer);
    } catch (const Error& e) {
      s.err() << "  " << visible(render_message(s.lang(), e.key(), clip_all(e.args()))) << "\n";
    }
  }
}

}  // namespace

std::string ask_required(Session& s, const std::string& question, const std::string& option, const AnswerCheck& check) {
  return ask(s, question, option, check, false);
}

std::string ask_optional(Session& s, const std::string& question, const AnswerCheck& check) {
  return ask(s, question, "", check, true);
}

std::string given_or_ask(Session& s, const std::string& value, const std::string& option, const std::string& question) {
  if (!trim(value).empty()) return trim(value);
  if (!s.interactive()) throw make_error(ExitCode::usage, "error.missing_option", option);
  return ask_required(s, question, option, [](const std::string& v) { return v; });
}

std::string ask_choice(Session& s, const std::string& intro, const std::string& question, const std::string& option,
                       const std::vector<MenuItem>& choices, bool optional) {
  s.err() << intro << "\n";
  for (std::size_t i = 0; i < choices.size(); ++i)
    s.err() << visible(fmt::format("  {:>2}) {:<18} {}", i + 1, choices[i].id, choices[i].label)) << "\n";
  return ask(s, question, option, [&](const std::string& v) -> std::string {
    if (v.size() <= 3 && v.find_first_not_of("0123456789") == std::string::npos) {
      const auto n = std::stoul(v);
      if (n >= 1 && n <= choices.size()) return choices[n - 1].id;
    }
    for (const auto& c : choices)
      if (v == c.id) return c.id;
    // A label typed in any case: "Fastlege", "pårørende".
    const std::string folded = fold_case(v);
    for (const auto& c : choices)
      if (!c.label.empty() && fold_case(c.label) == folded) return c.id;
    throw make_error(ExitCode::usage, "screens.prompt_no_choice", v, choices.size());
  }, optional);
}

}  // namespace oppteam::cli
