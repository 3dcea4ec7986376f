#include <oppteam/util/error.hpp>

#include <oppteam/i18n/messages.hpp>

namespace oppteam {

Error::Error(ExitCode code, std::string key, std::vector<std::string> args)
    : std::runtime_error(render_message(Lang::en, key, args)),
      code_(code),
      key_(std::move(key)),
      args_(std::move(args)) {}

}  // namespace oppteam
