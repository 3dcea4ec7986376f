#include <oppteam/io/output_file.hpp>

#include <oppteam/util/error.hpp>

#include <ext/stdio_filebuf.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace oppteam::io {

namespace fs = std::filesystem;

namespace {

// The path with every existing part resolved (links followed), so two
// spellings of one file compare equal even when the file itself is missing.
std::string resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

bool same_file(const struct stat& a, const std::string& other) {
  struct stat b{};
  if (::stat(other.c_str(), &b) != 0) return false;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

std::string first_bytes(const std::string& path, std::size_t n) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return {};
  std::string out(n, '\0');
  const ssize_t got = ::read(fd, out.data(), n);
  ::close(fd);
  out.resize(got > 0 ? std::size_t(got) : 0);
  return out;
}

bool is_sqlite_companion(const std::string& path) {
  for (std::string_view suffix : {"-wal", "-shm", "-journal"})
    if (path.ends_with(suffix)) return true;
  return false;
}

bool is_live_database(const std::string& path) {
  const std::string header = first_bytes(path, 20);
  if (header.size() == 20 && header.compare(0, kSqliteMagic.size(), kSqliteMagic) == 0 && (header[18] == 2 || header[19] == 2))
    return true;
  struct stat st{};
  return ::lstat((path + "-wal").c_str(), &st) == 0 || ::lstat((path + "-shm").c_str(), &st) == 0;
}

bool is_backup_key(const std::string& path) { return first_bytes(path, kBackupKeyPrefix.size()) == kBackupKeyPrefix; }

std::vector<std::string> database_files(const std::string& db_path) {
  return {db_path, db_path + "-wal", db_path + "-shm", db_path + "-journal"};
}

void check_output_target(const std::string& target, bool force, const std::vector<std::string>& forbidden) {
  if (target.empty() || target == "-") throw make_error(ExitCode::usage, "output.no_name");
  const std::string where = resolved(target);
  struct stat st{};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  for (const auto& f : forbidden) {
    if (f.empty() || f == "-") continue;
    if (resolved(f) == where || (exists && same_file(st, f)))
      throw make_error(ExitCode::usage, "output.protected", target);
  }
  // A -wal, -shm or -journal beside a database is read by SQLite as part of it.
  if (is_sqlite_companion(target)) throw make_error(ExitCode::usage, "output.is_companion", target);
  // Only a regular file is ever replaced, and only with --force. A link is
  // neither followed nor replaced: /dev/stdout is a link, and replacing it
  // (as root) would put a file of personal data where every process writes.
  // Another database in use or a backup key is never replaced: on a shared
  // server the setgid binary may write where the municipality's database
  // and its key lie, and --force is any user's to give.
  struct stat lst{};
  if (::lstat(target.c_str(), &lst) == 0) {
    if (S_ISLNK(lst.st_mode)) throw make_error(ExitCode::usage, "output.is_link", target);
    if (S_ISDIR(lst.st_mode)) throw make_error(ExitCode::usage, "output.is_folder", target);
    if (!S_ISREG(lst.st_mode)) throw make_error(ExitCode::usage, "output.not_regular", target);
    if (is_live_database(target)) throw make_error(ExitCode::refused, "output.is_database", target);
    if (is_backup_key(target)) throw make_error(ExitCode::refused, "output.is_key", target);
    if (!force) throw make_error(ExitCode::refused, "output.exists", target);
  }
}

struct OutputFile::Impl {
  std::string temp;
  int fd = -1;
  // libstdc++'s stream over a file descriptor: the temporary file is written
  // through the descriptor mkstemp opened, never reopened by name.
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buf;
  std::unique_ptr<std::ostream> out;
  bool committed = false;
};

OutputFile::OutputFile(std::string target, bool force, const std::vector<std::string>& forbidden)
    : target_(std::move(target)), force_(force), impl_(std::make_unique<Impl>()) {
  check_output_target(target_, force_, forbidden);
  const fs::path t(target_);
  const fs::path folder = t.has_parent_path() ? t.parent_path() : fs::path(".");
  std::string templ = (folder / ("." + t.filename().string() + ".XXXXXX")).string();
  // mkstemp creates the file 0600 with O_EXCL: nobody else's file, no link followed.
  impl_->fd = ::mkostemp(templ.data(), O_CLOEXEC);
  if (impl_->fd < 0) throw make_error(ExitCode::io, "output.cannot_create", target_, errno_reason(errno));
  impl_->temp = templ;
  impl_->buf = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(impl_->fd, std::ios::out | std::ios::binary, 1 << 16);
  impl_->out = std::make_unique<std::ostream>(impl_->buf.get());
}

OutputFile::~OutputFile() {
  if (impl_->committed || impl_->temp.empty()) return;
  impl_->out.reset();
  impl_->buf.reset();  // closes the descriptor
  ::unlink(impl_->temp.c_str());
}

std::ostream& OutputFile::stream() { return *impl_->out; }

void OutputFile::commit() {
  auto fail = [&] {
    const int saved = errno;
    impl_->out.reset();
    impl_->buf.reset();
    ::unlink(impl_->temp.c_str());
    impl_->temp.clear();
    throw make_error(ExitCode::io, "output.cannot_write", target_, errno_reason(saved ? saved : EIO));
  };
  errno = 0;
  impl_->out->flush();
  if (!*impl_->out || impl_->buf->pubsync() != 0) fail();
  if (::fsync(impl_->fd) != 0) fail();
  // Without --force the target may not have appeared meanwhile (a second
  // run writing the same file): the rename itself refuses to replace it.
  if (!force_) {
    if (::renameat2(AT_FDCWD, impl_->temp.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0) {
      if (errno != EEXIST) fail();
      impl_->out.reset();
      impl_->buf.reset();
      ::unlink(impl_->temp.c_str());
      impl_->temp.clear();
      throw make_error(ExitCode::refused, "output.exists", target_);
    }
  } else if (::rename(impl_->temp.c_str(), target_.c_str()) != 0) {
    fail();
  }
  impl_->committed = true;
  impl_->out.reset();
  impl_->buf.reset();
}

void write_output_file(const std::string& target, const std::string& text, bool force,
                       const std::vector<std::string>& forbidden) {
  OutputFile f(target, force, forbidden);
  f.stream() << text;
  f.commit();
}

}  // namespace oppteam::io
