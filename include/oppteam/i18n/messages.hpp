#pragma once
// The one message catalogue: every text meant for people, in nb, nn and en.
// Entries live in src/i18n/catalogue_*.inc, one file per area, all compiled
// into the single table of src/i18n/messages.cpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace oppteam {

enum class Lang { nb, nn, en };

std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);

struct CatalogueEntry {
  std::string_view key;
  std::string_view nb;
  std::string_view nn;
  std::string_view en;
};

// All entries, for tests and for listing.
const std::vector<CatalogueEntry>& catalogue();

// True when the catalogue has `key`.
bool has_message(std::string_view key);

// The text of `key` in `lang` with `args` put into its `{}` placeholders in
// order. An unknown key renders as the key and its arguments, never throws.
std::string render_message(Lang lang, std::string_view key, const std::vector<std::string>& args);

// An argument that is itself a message of the catalogue (without arguments
// of its own), rendered in the language of the message that holds it: for
// an error made where the reader's language is not known, such as the
// reason a system call failed (errno_reason in util/error.hpp).
std::string message_arg(std::string_view key);

// The same with arguments of any type fmt can format.
template <typename... Args>
std::string tr(Lang lang, std::string_view key, const Args&... args) {
  return render_message(lang, key, std::vector<std::string>{fmt::format("{}", args)...});
}

}  // namespace oppteam
