// Why a system call failed, in the reader's language for the common
// reasons, else the C library's text: one helper for every message that
// reports an errno value.

#include <oppteam/i18n/messages.hpp>
#include <oppteam/util/error.hpp>

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <string>

using namespace oppteam;

TEST_CASE("errno_reason gives the common reasons in nb, nn and en, and strerror's text otherwise", "[i18n][errno]") {
  const std::string enoent = errno_reason(ENOENT);
  CHECK(render_message(Lang::nb, "output.cannot_create", {"/x/y.pdf", enoent}) == "kan ikke lage /x/y.pdf: mappen eller filen finnes ikke");
  CHECK(render_message(Lang::nn, "output.cannot_create", {"/x/y.pdf", enoent}) == "kan ikkje lage /x/y.pdf: mappa eller fila finst ikkje");
  CHECK(render_message(Lang::en, "output.cannot_create", {"/x/y.pdf", enoent}) == "cannot create /x/y.pdf: the folder or file does not exist");
  for (int err : {ENOENT, EACCES, ENOSPC, EROFS, EISDIR, ENOTDIR, EEXIST}) {
    INFO(err);
    CHECK(render_message(Lang::nb, "output.cannot_write", {"f", errno_reason(err)}).find(std::strerror(err)) == std::string::npos);
  }
  CHECK(render_message(Lang::nb, "output.cannot_write", {"f", errno_reason(EBADF)}) == std::string("kan ikke skrive f: ") + std::strerror(EBADF));
  // The English text of the error (what()) has the English reason.
  const Error e = make_error(ExitCode::io, "output.cannot_create", "/x/y.pdf", errno_reason(ENOSPC));
  CHECK(std::string(e.what()) == "cannot create /x/y.pdf: the disk is full");
}

TEST_CASE("a user's text that starts with the marker of a message argument stays the user's text", "[i18n][errno]") {
  // A path typed as "\x1foutput.exists" must not be shown as another message.
  const std::string typed = "\x1f" "output.exists";
  CHECK(render_message(Lang::en, "output.cannot_create", {typed, "x"}) == "cannot create " + typed + ": x");
}
