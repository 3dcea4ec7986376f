#include <oppteam/views/labels.hpp>

namespace oppteam {

std::string choice_label(Lang lang, const std::string& kind, const std::string& id) {
  const std::string key = "choice." + kind + "." + id;
  if (has_message(key)) return tr(lang, key);
  if (kind == "scope" && id.starts_with("deling:")) return tr(lang, "choice.scope.deling", id.substr(7));
  return id;
}

}  // namespace oppteam
