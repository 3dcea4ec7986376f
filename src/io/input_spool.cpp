#include <oppteam/io/input_spool.hpp>

#include <oppteam/util/error.hpp>

#include <ext/stdio_filebuf.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace oppteam::io {

struct InputSpool::Impl {
  int fd = -1;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buf;
  std::unique_ptr<std::istream> in;
};

namespace {

// An unnamed file in `folder` (O_TMPFILE: it never has a name anyone could
// open), else a named one removed at once.
int private_temp_file(const std::string& folder) {
  const std::string dir = folder.empty() ? "." : folder;
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string templ = dir + "/.oppteam-input.XXXXXX";
  fd = ::mkostemp(templ.data(), O_CLOEXEC);
  if (fd < 0) throw make_error(ExitCode::io, "output.cannot_create", templ, errno_reason(errno));
  ::unlink(templ.c_str());
  return fd;
}

}  // namespace

bool needs_spool(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

InputSpool::InputSpool(std::istream& in, const std::string& folder, const std::string& name)
    : impl_(std::make_unique<Impl>()) {
  impl_->fd = private_temp_file(folder);
  std::vector<char> block(1 << 16);
  std::uint64_t line = 1;
  std::size_t line_bytes = 0;
  auto fail_write = [&] {
    const int saved = errno;
    ::close(impl_->fd);
    throw make_error(ExitCode::io, "output.cannot_write", name, errno_reason(saved ? saved : EIO));
  };
  for (;;) {
    in.read(block.data(), std::streamsize(block.size()));
    const std::size_t n = std::size_t(in.gcount());
    if (n == 0) break;
    for (std::size_t i = 0; i < n; ++i) {
      const char c = block[i];
      if (c == '\0') {
        ::close(impl_->fd);
        throw make_error(ExitCode::data, "input.binary", name, line);
      }
      if (c == '\n') {
        ++line;
        line_bytes = 0;
      } else if (++line_bytes > kMaxLineBytes) {
        ::close(impl_->fd);
        throw make_error(ExitCode::data, "input.line_too_long", name, line, kMaxLineBytes);
      }
    }
    std::size_t done = 0;
    while (done < n) {
      const ssize_t w = ::write(impl_->fd, block.data() + done, n - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) fail_write();
      done += std::size_t(w);
    }
    size_ += n;
  }
  if (in.bad()) {
    ::close(impl_->fd);
    throw make_error(ExitCode::io, "error.cannot_read", name);
  }
  if (::lseek(impl_->fd, 0, SEEK_SET) != 0) fail_write();
  impl_->buf = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(impl_->fd, std::ios::in | std::ios::binary, 1 << 16);
  impl_->in = std::make_unique<std::istream>(impl_->buf.get());
}

InputSpool::~InputSpool() {
  impl_->in.reset();
  if (impl_->buf) impl_->buf.reset();  // closes the descriptor
  else if (impl_->fd >= 0) ::close(impl_->fd);
}

std::istream& InputSpool::stream() { return *impl_->in; }

}  // namespace oppteam::io
