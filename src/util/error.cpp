#include <oppteam/util/error.hpp>

#include <oppteam/i18n/messages.hpp>

#include <cerrno>
#include <cstring>

namespace oppteam {

Error::Error(ExitCode code, std::string key, std::vector<std::string> args)
    : std::runtime_error(render_message(Lang::en, key, args)),
      code_(code),
      key_(std::move(key)),
      args_(std::move(args)) {}

std::string errno_reason(int err) {
  switch (err) {
    case ENOENT: return message_arg("errno.ENOENT");
    case EACCES: return message_arg("errno.EACCES");
    case EPERM: return message_arg("errno.EPERM");
    case ENOSPC: return message_arg("errno.ENOSPC");
    case EROFS: return message_arg("errno.EROFS");
    case EISDIR: return message_arg("errno.EISDIR");
    case ENOTDIR: return message_arg("errno.ENOTDIR");
    case EEXIST: return message_arg("errno.EEXIST");
    default: return std::strerror(err);
  }
}

}  // namespace oppteam
