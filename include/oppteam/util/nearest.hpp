#pragma once
// "Did you mean ...?": the value a user most likely meant, for every place
// that refuses a word it does not know (a command, an option value, an id
// of the rammeverk inside a compound argument), and the one error of a
// value that the rammeverk does not know.

#include <oppteam/util/error.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oppteam {

// Edit distance with adjacent transpositions (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The name in `names` that `word` most likely meant: the only one it is a
// prefix of, else the nearest within two edits (one for short words).
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& names);

// `text` in lower case with æ, ø, å and accented letters folded to ASCII
// and '_' and '-' read as spaces: how values are compared.
std::string fold_word(std::string_view text);

// Other words that name an id (a label of a rammeverk entry): each word with its id.
using NamingWords = std::vector<std::pair<std::string, std::string>>;

// The id among `ids` that `input` most likely meant (compared folded), if
// one is near: near an id itself or one of the `words` that name it.
std::optional<std::string> nearest_id(std::string_view input, const std::vector<std::string>& ids, const NamingWords& words = {});

// The error of a value `input` that the rammeverk does not know (SPEC:
// exit 65): `key` with `args` (which name the valid values, else
// `list_valid` adds them as a detail), and a detail naming the nearest of
// `ids` when one is near (by its id or one of its `words`).
Error unknown_value(std::string key, std::vector<std::string> args, std::string_view input, const std::vector<std::string>& ids,
                    bool list_valid = false, const NamingWords& words = {});

}  // namespace oppteam
