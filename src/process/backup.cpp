#include <oppteam/process/backup.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/i18n/messages.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/io/output_file.hpp>
#include <oppteam/store/maintenance_store.hpp>
#include <oppteam/util/fd.hpp>
#include <oppteam/util/text.hpp>

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace oppteam {

namespace fs = std::filesystem;
using io::first_bytes;
using io::is_live_database;
using io::is_sqlite_companion;
using io::kSqliteMagic;

namespace {

// --- files -----------------------------------------------------------------

constexpr std::string_view kContainerLine = "oppteam-backup 1\n";
constexpr std::string_view kContainerPrefix = "oppteam-backup ";
constexpr std::string_view kSecretKeyLine = "oppteam backup secret key 1";
constexpr std::string_view kPublicKeyLine = "oppteam backup public key 1";
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxHeaderLine = 4096;
constexpr std::size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;

using Stream = crypto_secretstream_xchacha20poly1305_state;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kStreamABytes = crypto_secretstream_xchacha20poly1305_ABYTES;

fs::path folder_of(const fs::path& p) {
  const fs::path parent = p.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

std::string errno_text() { return errno_reason(errno); }

// True when `a` and `b` are the same file (device and inode, links followed).
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa{}, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// True when `a` and `b` name the same path once links and ".." are resolved
// (for files that need not exist yet).
bool same_name(const std::string& a, const std::string& b) {
  std::error_code ea, eb;
  const auto ca = fs::weakly_canonical(fs::absolute(a), ea);
  const auto cb = fs::weakly_canonical(fs::absolute(b), eb);
  return !ea && !eb && ca == cb;
}


// Reads up to `n` bytes, fewer only at the end of the file.
std::size_t read_full(int fd, unsigned char* buf, std::size_t n, const std::string& path) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw make_error(ExitCode::no_input, "backup.read_failed", path, errno_text());
    if (r == 0) break;
    got += std::size_t(r);
  }
  return got;
}

void write_all(int fd, const void* data, std::size_t n, const std::string& path) {
  const auto* p = static_cast<const unsigned char*>(data);
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) throw make_error(ExitCode::io, "backup.write_failed", path, errno_text());
    p += w;
    n -= std::size_t(w);
  }
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A file created 0600 with O_EXCL under a temporary name in `folder`. It is
// removed (with any SQLite journal beside it) at the end of its scope unless
// commit() renamed it into place.
class TempFile {
 public:
  TempFile(const fs::path& folder, const std::string& stem, ExitCode on_failure) : folder_(folder) {
    std::string name = (folder / ("." + stem + ".tmp-XXXXXX")).string();
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) throw make_error(on_failure, "backup.cannot_create", folder.string(), errno_text());
    fd_ = fd;
    path_ = name;
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (path_.empty()) return;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((path_ + suffix).c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  int fd() const { return fd_; }

  // Flushes the content to the disk (what SQLite wrote through its own descriptor too).
  void sync() {
    if (::fsync(fd_) != 0) throw make_error(ExitCode::io, "backup.write_failed", path_, errno_text());
  }
  // Renames the file to `target` (replacing what is there) and flushes the folder.
  void commit(const std::string& target) {
    sync();
    if (::rename(path_.c_str(), target.c_str()) != 0)
      throw make_error(ExitCode::io, "backup.write_failed", target, errno_text());
    path_.clear();
    sync_folder(folder_);
  }

 private:
  fs::path folder_;
  std::string path_;
  int fd_ = -1;
};

// True when `path` is named as one of the files SQLite keeps beside a database.
// Refuses what a file written by backup or restore must never replace: one
// of `never` (the command's inputs), a name SQLite uses beside a database,
// a folder, a key, a database in use unless `replaces_database` (restore,
// which checks who may replace it), or an existing file without `force`.
void check_target(const std::string& target, bool force, const std::vector<std::string>& never,
                  bool replaces_database) {
  for (const auto& n : never)
    if (!n.empty() && (same_file(target, n) || same_name(target, n)))
      throw make_error(ExitCode::usage, "backup.target_is_input", target);
  if (is_sqlite_companion(target)) throw make_error(ExitCode::usage, "backup.target_is_companion", target);
  struct stat st{};
  if (::lstat(target.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode) || (::stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)))
    throw make_error(ExitCode::refused, "backup.target_is_folder", target);
  if (io::is_backup_key(target)) throw make_error(ExitCode::refused, "backup.target_is_key", target);
  if (!replaces_database && is_live_database(target))
    throw make_error(ExitCode::refused, "backup.target_is_database", target);
  if (!force) throw make_error(ExitCode::refused, "backup.target_exists", target);
}

// --- keys --------------------------------------------------------------------

void init_sodium() {
  if (sodium_init() < 0) throw make_error(ExitCode::io, "backup.crypto_init");
}

std::string to_base64(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Writes `text` to a new file `path` (0600, never over an existing one).
void write_new_file(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) throw make_error(ExitCode::refused, "backup.key_exists", path);
    throw make_error(ExitCode::io, "backup.cannot_create", path, errno_text());
  }
  Fd f(fd);
  try {
    write_all(fd, text.data(), text.size(), path);
    if (::fsync(fd) != 0) throw make_error(ExitCode::io, "backup.write_failed", path, errno_text());
  } catch (...) {
    ::unlink(path.c_str());
    throw;
  }
}

// A key of a key file: the line naming its kind, then the key in base64.
std::array<unsigned char, 32> read_key(const std::string& path, std::string_view kind_line, const char* wrong_kind_key) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) throw make_error(ExitCode::no_input, "backup.key_unreadable", path, errno_text());
  if (!S_ISREG(st.st_mode) || st.st_size > 1024) throw make_error(ExitCode::data, "backup.key_bad", path);
  // A secret key that others may read is no longer secret.
  if (kind_line == kSecretKeyLine && (st.st_mode & (S_IROTH | S_IWOTH)))
    throw make_error(ExitCode::permission, "backup.key_readable", path, fmt::format("{:o}", st.st_mode & 0777), path);
  const std::string text = first_bytes(path, 1024);
  if (text.empty() && ::access(path.c_str(), R_OK) != 0)
    throw make_error(ExitCode::no_input, "backup.key_unreadable", path, errno_text());
  const auto nl = text.find('\n');
  const std::string first = text.substr(0, nl);
  if (first != kind_line) {
    if (first.rfind(io::kBackupKeyPrefix, 0) == 0) throw make_error(ExitCode::data, wrong_kind_key, path);
    throw make_error(ExitCode::data, "backup.key_bad", path);
  }
  std::string b64 = nl == std::string::npos ? "" : text.substr(nl + 1);
  while (!b64.empty() && (b64.back() == '\n' || b64.back() == '\r')) b64.pop_back();
  std::array<unsigned char, 32> key{};
  std::size_t len = 0;
  if (sodium_base642bin(key.data(), key.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != key.size())
    throw make_error(ExitCode::data, "backup.key_bad", path);
  return key;
}

// A secret key with its public key, wiped at the end of its scope.
struct SecretKey {
  std::array<unsigned char, 32> sk{};
  std::array<unsigned char, 32> pk{};
  ~SecretKey() { sodium_memzero(sk.data(), sk.size()); }
};

void read_secret_key(const std::string& path, SecretKey& key) {
  key.sk = read_key(path, kSecretKeyLine, "backup.key_is_public");
  crypto_scalarmult_base(key.pk.data(), key.sk.data());
}

// --- the container -----------------------------------------------------------

// The database file `plain_fd` encrypted to `pk` into `out_fd` (see backup.hpp).
void encrypt_stream(int plain_fd, const std::string& plain_path, int out_fd, const std::string& out_path,
                    const std::array<unsigned char, 32>& pk, const std::string& preamble) {
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
  crypto_secretstream_xchacha20poly1305_keygen(key.data());
  std::array<unsigned char, kSealedKeyBytes> sealed{};
  crypto_box_seal(sealed.data(), key.data(), key.size(), pk.data());
  Stream st;
  std::array<unsigned char, kStreamHeaderBytes> header{};
  crypto_secretstream_xchacha20poly1305_init_push(&st, header.data(), key.data());
  sodium_memzero(key.data(), key.size());
  write_all(out_fd, preamble.data(), preamble.size(), out_path);
  write_all(out_fd, sealed.data(), sealed.size(), out_path);
  write_all(out_fd, header.data(), header.size(), out_path);
  const auto* ad = reinterpret_cast<const unsigned char*>(preamble.data());
  std::vector<unsigned char> plain(kChunk), cipher(kChunk + kStreamABytes);
  for (;;) {
    const std::size_t n = read_full(plain_fd, plain.data(), kChunk, plain_path);
    const bool last = n < kChunk;
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&st, cipher.data(), &clen, plain.data(), n, ad, preamble.size(),
                                               last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    write_all(out_fd, cipher.data(), std::size_t(clen), out_path);
    if (last) break;
  }
  sodium_memzero(plain.data(), plain.size());
}

// Reads the container's two text lines from `fd` (positioned at its start).
std::string read_preamble(int fd, const std::string& path) {
  std::string pre;
  int lines = 0;
  unsigned char c = 0;
  while (lines < 2) {
    if (read_full(fd, &c, 1, path) != 1) throw make_error(ExitCode::data, "backup.truncated", path);
    pre.push_back(char(c));
    if (c == '\n') ++lines;
    if (pre.size() > kMaxHeaderLine) throw make_error(ExitCode::data, "backup.damaged", path, pre.size());
  }
  return pre;
}

// The JSON header (line 2) of a container's preamble.
nlohmann::json parse_header(const std::string& preamble, const std::string& path) {
  const auto line2 = preamble.substr(kContainerLine.size());
  auto j = nlohmann::json::parse(line2, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw make_error(ExitCode::data, "backup.damaged", path, kContainerLine.size());
  return j;
}

// Decrypts the container at `fd` (after its preamble) into `out_fd`.
void decrypt_stream(int fd, const std::string& path, const std::string& preamble, int out_fd,
                    const std::string& out_path, const SecretKey& key) {
  std::array<unsigned char, kSealedKeyBytes> sealed{};
  std::array<unsigned char, kStreamHeaderBytes> header{};
  if (read_full(fd, sealed.data(), sealed.size(), path) != sealed.size() ||
      read_full(fd, header.data(), header.size(), path) != header.size())
    throw make_error(ExitCode::data, "backup.truncated", path);
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> stream_key{};
  if (crypto_box_seal_open(stream_key.data(), sealed.data(), sealed.size(), key.pk.data(), key.sk.data()) != 0)
    throw make_error(ExitCode::data, "backup.wrong_key", path);
  Stream st;
  const int init = crypto_secretstream_xchacha20poly1305_init_pull(&st, header.data(), stream_key.data());
  sodium_memzero(stream_key.data(), stream_key.size());
  std::uint64_t offset = preamble.size() + sealed.size() + header.size();
  if (init != 0) throw make_error(ExitCode::data, "backup.damaged", path, offset);
  const auto* ad = reinterpret_cast<const unsigned char*>(preamble.data());
  std::vector<unsigned char> cipher(kChunk + kStreamABytes), plain(kChunk);
  for (;;) {
    const std::size_t n = read_full(fd, cipher.data(), cipher.size(), path);
    if (n == 0) throw make_error(ExitCode::data, "backup.truncated", path);
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (n < kStreamABytes ||
        crypto_secretstream_xchacha20poly1305_pull(&st, plain.data(), &mlen, &tag, cipher.data(), n, ad,
                                                   preamble.size()) != 0)
      throw make_error(ExitCode::data, "backup.damaged", path, offset);
    write_all(out_fd, plain.data(), std::size_t(mlen), out_path);
    offset += n;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      unsigned char extra = 0;
      if (read_full(fd, &extra, 1, path) != 0) throw make_error(ExitCode::data, "backup.damaged", path, offset);
      break;
    }
    if (n < cipher.size()) throw make_error(ExitCode::data, "backup.truncated", path);
  }
  sodium_memzero(plain.data(), plain.size());
}

// --- the database ------------------------------------------------------------

// The last audit entry of `db` (the chain's head once it verifies).
AuditHead last_entry(Database& db) {
  return db.read_per_statement([&] { return MaintenanceStore(db).last_audit_entry(); });
}

// Opens an existing oppteam database as it is: no refusal of its mode and
// no migration (Database::open's), but not a file of another program (65),
// a damaged one (74) or one of a newer oppteam (2). Messages name the file
// `shown_as` (the backup, not the temporary copy of it).
Database open_as_is(const std::string& path, const std::string& shown_as) {
  Database d = Database::open_raw(path);
  d.read_per_statement([&] { MaintenanceStore(d).read_schema(); });
  const int version = d.schema_version();
  if (version == 0) throw make_error(ExitCode::data, "db.not_oppteam", shown_as);
  if (version > latest_schema_version())
    throw make_error(ExitCode::refused, "db.too_new", shown_as, version, latest_schema_version());
  return d;
}

std::string head_text(const AuditHead& h) { return fmt::format("{} {}", h.id, h.hash); }


}  // namespace

// --- keygen ------------------------------------------------------------------

KeyPairFiles backup_keygen(const std::string& out) {
  init_sodium();
  KeyPairFiles files{out, out + ".pub"};
  for (const auto& p : {files.secret_path, files.public_path}) {
    if (is_sqlite_companion(p)) throw make_error(ExitCode::usage, "backup.target_is_companion", p);
    struct stat st{};
    if (::lstat(p.c_str(), &st) == 0) throw make_error(ExitCode::refused, "backup.key_exists", p);
  }
  SecretKey key;
  crypto_box_keypair(key.pk.data(), key.sk.data());
  std::string secret = std::string(kSecretKeyLine) + "\n" + to_base64(key.sk.data(), key.sk.size()) + "\n";
  write_new_file(files.secret_path, secret);
  sodium_memzero(secret.data(), secret.size());
  try {
    write_new_file(files.public_path, std::string(kPublicKeyLine) + "\n" + to_base64(key.pk.data(), key.pk.size()) + "\n");
  } catch (...) {
    ::unlink(files.secret_path.c_str());
    throw;
  }
  return files;
}

// --- backup ------------------------------------------------------------------

BackupResult make_backup(Context& ctx, const BackupOptions& o) {
  // A plain copy can be read with any SQLite tool: a stronger permission.
  authorize(ctx, o.encrypt_to ? "backup.encrypted" : "backup.plain");
  init_sodium();
  const std::string& db_path = ctx.db.path();
  std::vector<std::string> never{db_path, db_path + "-wal", db_path + "-shm", db_path + "-journal"};
  if (o.encrypt_to) never.push_back(*o.encrypt_to);
  check_target(o.to, o.force, never, false);
  std::optional<std::array<unsigned char, 32>> pk;
  if (o.encrypt_to) pk = read_key(*o.encrypt_to, kPublicKeyLine, "backup.key_is_secret");

  BackupResult r;
  r.path = o.to;
  r.encrypted = pk.has_value();
  const fs::path target(o.to);
  // The plain copy: beside the target, or for an encrypted backup beside the
  // database (as closed as the database itself) until it is encrypted.
  TempFile copy(pk ? folder_of(db_path) : folder_of(target), pk ? "oppteam-backup" : target.filename().string(),
                ExitCode::io);
  // One read transaction: the copy holds exactly what was committed before it began.
  ctx.db.read_per_statement([&] { MaintenanceStore(ctx.db).vacuum_into(copy.path()); });
  {
    Database c = Database::open_raw(copy.path());
    r.head = last_entry(c);
    r.schema_version = c.schema_version();
  }
  std::optional<TempFile> sealed;
  if (pk) {
    sealed.emplace(folder_of(target), target.filename().string(), ExitCode::io);
    const nlohmann::json header = {{"audit_head", head_text(r.head)}, {"audit_head_at", r.head.at},
                                   {"schema_version", r.schema_version}, {"made_at", ctx.clock.now_timestamp()},
                                   {"cipher", "crypto_box_seal+crypto_secretstream_xchacha20poly1305"}};
    const std::string preamble = std::string(kContainerLine) + header.dump() + "\n";
    const int in = ::open(copy.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw make_error(ExitCode::io, "backup.read_failed", copy.path(), errno_text());
    Fd in_fd(in);
    encrypt_stream(in, copy.path(), sealed->fd(), sealed->path(), *pk, preamble);
  }
  TempFile& out = sealed ? *sealed : copy;
  out.sync();
  // Audited before it is in place: a backup that could not be recorded is not left.
  audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "backup", fs::absolute(target).lexically_normal().string(), "",
               audit_detail("backup", r.encrypted ? "audit.d.backup_encrypted" : "audit.d.backup",
                            {std::to_string(r.head.id), r.head.hash}));
  out.commit(o.to);
  std::error_code ec;
  r.bytes = std::int64_t(fs::file_size(o.to, ec));
  return r;
}

// --- restore -----------------------------------------------------------------

void authorize_in(Database& db, const Clock& clock, const std::string& actor, const std::string& login, Lang lang,
                  std::string_view permission) {
  const Rammeverk rv = stored_rammeverk(db);
  Context c{db, rv, clock, actor, lang};
  authorize_actor(c, login);
  authorize(c, permission);
}

namespace {

// Runs `f` with SQLite's errors about the copy being restored turned into
// "this backup cannot be used" (exit 65).
template <typename F>
auto checking(const std::string& from, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw make_error(ExitCode::data, "restore.unusable", from, e.what());
  } catch (const Error& e) {
    if (e.code() == ExitCode::io) throw make_error(ExitCode::data, "restore.unusable", from, e.what());
    throw;
  }
}

// Checks the copy at `path` of the backup `from` before it is used, and
// makes it ready to be put in place (see restore_backup()).
RestoreResult check_copy(const std::string& path, const RestoreOptions& o, const Clock& clock,
                         const std::string& actor, Lang lang) {
  RestoreResult r;
  Database d = checking(o.from, [&] { return open_as_is(path, o.from); });
  r.schema_version = d.schema_version();
  const std::string integrity = checking(o.from, [&] {
    return d.read_per_statement([&] { return MaintenanceStore(d).integrity_first(); });
  });
  if (integrity != "ok") throw make_error(ExitCode::data, "restore.integrity", o.from, integrity);
  // The backup's own access rules: a copy of a database whose rules the
  // acting user may not restore is not theirs to take.
  authorize_in(d, clock, actor, o.login, lang, "restore");
  const auto broken =
      checking(o.from, [&] { return d.read_per_statement([&] { return MaintenanceStore(d).foreign_key_violations(); }); });
  if (broken) throw make_error(ExitCode::data, "restore.foreign_keys", o.from, broken);
  const auto v = checking(o.from, [&] { return audit_verify(d); });
  if (!v.ok)
    throw make_error(ExitCode::data, "restore.audit", o.from, *v.first_bad_entry, tr(lang, v.problem, *v.first_bad_entry));
  r.head = last_entry(d);
  r.entries = v.entries;
  r.cases = d.read_per_statement([&] { return MaintenanceStore(d).case_count(); });
  // An older schema is brought up to date now, as the first open would.
  d.migrate();
  audit_append(d, clock, actor, "restore", fs::absolute(o.from).lexically_normal().string(), "",
               audit_detail("restore", "audit.d.restore", {std::to_string(r.head.id), r.head.hash}));
  // WAL as a database made by init; the log is folded back in when `d` closes.
  d.read_per_statement([&] { MaintenanceStore(d).use_wal(); });
  return r;
}

// Takes the database at `to` out of use before it is replaced: its WAL is
// folded in and turned off (so no stale log is applied to the new file) and
// the file is locked. Exit 75 while another process has it open.
void release_for_replace(Database& old) {
  try {
    MaintenanceStore store(old);
    if (store.fold_wal() != "delete") throw make_error(ExitCode::temp_fail, "restore.in_use", old.path());
    store.lock_exclusive();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
      throw make_error(ExitCode::temp_fail, "restore.in_use", old.path());
    rethrow_sqlite(e, old.path());
  }
}

}  // namespace

RestoreResult restore_backup(const RestoreOptions& o, const Clock& clock, const std::string& actor, Lang lang) {
  init_sodium();
  // O_NONBLOCK: a FIFO given as the backup is refused below, not waited on.
  const int from_fd = ::open(o.from.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (from_fd < 0) throw make_error(ExitCode::no_input, "backup.unreadable", o.from, errno_text());
  Fd from(from_fd);
  struct stat st{};
  if (::fstat(from_fd, &st) != 0 || !S_ISREG(st.st_mode)) throw make_error(ExitCode::no_input, "db.not_file", o.from);
  ::fcntl(from_fd, F_SETFL, ::fcntl(from_fd, F_GETFL) & ~O_NONBLOCK);
  std::vector<std::string> never{o.from};
  if (o.key) never.push_back(*o.key);
  check_target(o.to, o.force, never, true);

  std::string magic(kSqliteMagic.size(), '\0');
  const auto got = read_full(from_fd, reinterpret_cast<unsigned char*>(magic.data()), magic.size(), o.from);
  magic.resize(got);
  const bool plain = magic == kSqliteMagic;
  const bool encrypted = magic.rfind(kContainerPrefix, 0) == 0;
  if (!plain && !encrypted) throw make_error(ExitCode::data, "restore.not_backup", o.from);
  if (encrypted && !o.key) throw make_error(ExitCode::usage, "restore.needs_key", o.from);
  // A live database's last transactions may be in its -wal: copy it with `backup`.
  std::error_code ec;
  if (plain && fs::file_size(o.from + "-wal", ec) > 0 && !ec) throw make_error(ExitCode::refused, "restore.from_in_use", o.from);
  if (::lseek(from_fd, 0, SEEK_SET) != 0) throw make_error(ExitCode::no_input, "backup.read_failed", o.from, errno_text());

  // The database being replaced: its own access rules must allow the
  // restore too. A file that cannot be opened as an oppteam database has no
  // rules to ask, so it is not replaced: move it aside first (a damaged
  // database is worth keeping for a look anyway).
  std::optional<Database> old;
  const bool replacing = fs::exists(fs::symlink_status(o.to));
  if (!replacing) Database::check_no_leftover_log(o.to);
  if (replacing) {
    // As it is: not Database::open, whose refusal of a file others may read
    // ("chmod 600") and whose migration are no answer to "may I replace it?".
    try {
      old.emplace(open_as_is(o.to, o.to));
    } catch (const Error& e) {
      if (e.code() == ExitCode::temp_fail) throw;
      throw make_error(ExitCode::refused, "restore.target_unusable", o.to, render_message(lang, e.key(), e.args()));
    }
    authorize_in(*old, clock, actor, o.login, lang, "restore");
  }

  const fs::path to(o.to);
  TempFile tmp(folder_of(to), to.filename().string(), ExitCode::cant_create);
  std::optional<std::string> header_head;
  if (encrypted) {
    const std::string preamble = read_preamble(from_fd, o.from);
    if (preamble.substr(0, kContainerLine.size()) != kContainerLine)
      throw make_error(ExitCode::data, "restore.unknown_version", o.from, preamble.substr(0, preamble.find('\n')));
    const auto header = parse_header(preamble, o.from);
    if (header.contains("audit_head") && header["audit_head"].is_string()) header_head = header["audit_head"].get<std::string>();
    SecretKey key;
    read_secret_key(*o.key, key);
    decrypt_stream(from_fd, o.from, preamble, tmp.fd(), tmp.path(), key);
  } else {
    std::vector<unsigned char> buf(kChunk);
    for (;;) {
      const std::size_t n = read_full(from_fd, buf.data(), buf.size(), o.from);
      write_all(tmp.fd(), buf.data(), n, tmp.path());
      if (n < buf.size()) break;
    }
  }
  tmp.sync();
  RestoreResult r = check_copy(tmp.path(), o, clock, actor, lang);
  r.encrypted = encrypted;
  r.path = o.to;
  // The head the container names must be the one it holds.
  if (header_head && *header_head != head_text(r.head)) throw make_error(ExitCode::data, "backup.damaged", o.from, 0);

  if (old) {
    r.replaced_head = last_entry(*old);
    r.replaced_newer = r.replaced_head->id > r.head.id || r.replaced_head->at > r.head.at;
    release_for_replace(*old);
  }
  if (replacing) {
    // No log of the replaced file may be applied to the new one.
    ::unlink((o.to + "-wal").c_str());
    ::unlink((o.to + "-shm").c_str());
  }
  tmp.commit(o.to);
  return r;
}

// --- check -------------------------------------------------------------------

bool CheckReport::ok() const {
  return std::all_of(lines.begin(), lines.end(), [](const CheckLine& l) { return l.ok; });
}

ExitCode CheckReport::exit_code() const {
  for (const char* name : {"database", "integrity", "audit", "anchor", "foreign_keys", "modes", "disk", "backup"})
    for (const auto& l : lines)
      if (!l.ok && l.name == name) return l.code;
  for (const auto& l : lines)
    if (!l.ok) return l.code;
  return ExitCode::ok;
}

namespace {

CheckLine passed(std::string name, std::string key, std::vector<std::string> args) {
  return CheckLine{std::move(name), true, ExitCode::ok, std::move(key), std::move(args)};
}

CheckLine failed(std::string name, ExitCode code, std::string key, std::vector<std::string> args) {
  return CheckLine{std::move(name), false, code, std::move(key), std::move(args)};
}

// The text of an error, for a check line that an error ended.
std::string error_text(Lang lang, const std::exception& e) {
  if (const auto* err = dynamic_cast<const Error*>(&e)) return render_message(lang, err->key(), err->args());
  return e.what();
}

// The anchor: the chain must still reach every anchored entry with the
// anchored hash (audit_verify with the anchors of `path`, as `audit verify
// --anchor` does). An anchor file that cannot be read or holds no anchor
// fails the line (66 / 65), never passes it.
CheckLine check_anchor(Database& db, const std::string& path, Lang lang) {
  std::vector<AuditAnchor> anchors;
  try {
    anchors = load_audit_anchors(path);
  } catch (const Error& e) {
    return failed("anchor", e.code(), "check.anchor_unreadable", {path, render_message(lang, e.key(), e.args())});
  }
  if (anchors.empty()) return failed("anchor", ExitCode::data, "check.anchor_empty", {path});
  const auto v = audit_verify(db, anchors);
  if (!v.ok)
    return failed("anchor", ExitCode::data, "check.anchor_bad",
                  {path, tr(lang, v.problem, v.first_bad_entry ? std::to_string(*v.first_bad_entry) : std::string())});
  return passed("anchor", "check.anchor_ok", {path, std::to_string(anchors.size()), std::to_string(anchors.back().entry)});
}

CheckLine check_modes(const std::string& db_path) {
  std::vector<std::string> problems;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string p = db_path + suffix;
    struct stat st{};
    if (::stat(p.c_str(), &st) == 0 && (st.st_mode & (S_IROTH | S_IWOTH)))
      problems.push_back(fmt::format("{} ({:o})", p, st.st_mode & 07777));
  }
  const std::string folder = folder_of(db_path).string();
  struct stat st{};
  if (::stat(folder.c_str(), &st) == 0 && (st.st_mode & S_IWOTH))
    problems.push_back(fmt::format("{}/ ({:o})", folder, st.st_mode & 07777));
  if (problems.empty()) return passed("modes", "check.modes_ok", {db_path});
  return failed("modes", ExitCode::permission, "check.modes_bad", {join(problems)});
}

CheckLine check_disk(const std::string& db_path, std::int64_t min_free_mb) {
  const std::string folder = folder_of(db_path).string();
  struct statvfs vfs{};
  if (::statvfs(folder.c_str(), &vfs) != 0) return failed("disk", ExitCode::io, "check.disk_error", {folder, errno_text()});
  const auto free_mb = std::int64_t((unsigned long long)vfs.f_bavail * vfs.f_frsize / (1024 * 1024));
  if (free_mb < min_free_mb) return failed("disk", ExitCode::io, "check.disk_low", {folder, std::to_string(free_mb), std::to_string(min_free_mb)});
  return passed("disk", "check.disk_ok", {folder, std::to_string(free_mb)});
}

// The modification time of a regular file, if `path` is one.
std::optional<std::chrono::system_clock::time_point> modified(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(st.st_mtim.tv_sec));
}

CheckLine check_backup(const CheckOptions& o) {
  std::string newest;
  std::optional<std::chrono::system_clock::time_point> newest_time;
  if (o.backup_dir) {
    std::error_code ec;
    fs::directory_iterator it(*o.backup_dir, ec), end;
    if (ec) return failed("backup", ExitCode::no_input, "check.backup_dir_unreadable", {*o.backup_dir, ec.message()});
    for (; it != end; it.increment(ec)) {
      // Hidden files are temporaries of a backup under way.
      if (it->path().filename().string().starts_with(".")) continue;
      const auto t = modified(it->path().string());
      if (t && (!newest_time || *t > *newest_time)) {
        newest = it->path().string();
        newest_time = t;
      }
    }
    if (!newest_time) return failed("backup", ExitCode::not_found, "check.backup_none", {*o.backup_dir});
  } else {
    newest = *o.last_backup;
    newest_time = modified(newest);
    if (!newest_time) return failed("backup", ExitCode::not_found, "check.backup_missing", {newest});
  }
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(o.now - *newest_time).count();
  if (hours > o.max_backup_age_hours)
    return failed("backup", ExitCode::refused, "check.backup_old",
                  {newest, std::to_string(hours), std::to_string(o.max_backup_age_hours)});
  return passed("backup", "check.backup_ok", {newest, std::to_string(hours)});
}

}  // namespace

std::optional<Database> open_for_check(const std::string& path, CheckLine& line) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    line = failed("database", ExitCode::no_input, "check.db_missing", {path, errno_text()});
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    line = failed("database", ExitCode::no_input, "db.not_file", {path});
    return std::nullopt;
  }
  try {
    Database d = open_as_is(path, path);
    line = passed("database", "check.db_ok", {path, std::to_string(d.schema_version())});
    return d;
  } catch (const Error& e) {
    line = failed("database", e.code(), e.key(), e.args());
    return std::nullopt;
  }
}

CheckReport run_checks(const CheckOptions& o, const Context* ctx, CheckLine database_line, Lang lang) {
  if (ctx) authorize(*ctx, "check");
  Database* db = ctx ? &ctx->db : nullptr;
  CheckReport r;
  r.lines.push_back(std::move(database_line));
  if (db) {
    // One read transaction: every check sees the same state while others write.
    MaintenanceStore store(*db);
    const auto run = [&](const char* name, ExitCode code, auto&& f) {
      try {
        r.lines.push_back(f());
      } catch (const std::exception& e) {
        r.lines.push_back(failed(name, code, "check.error", {error_text(lang, e)}));
      }
    };
    try {
      store.begin();
    } catch (const SQLite::Exception&) {
    }
    run("integrity", ExitCode::io, [&] {
      const auto problems = store.integrity_problems();
      if (!problems.empty())
        return failed("integrity", ExitCode::io, "check.integrity_bad", {std::to_string(problems.size()), problems.front()});
      return passed("integrity", "check.integrity_ok", {});
    });
    run("foreign_keys", ExitCode::data, [&] {
      std::int64_t total = 0;
      std::string tables;
      for (const auto& [table, n] : store.foreign_key_violations_by_table()) {
        total += n;
        tables += (tables.empty() ? "" : ", ") + table;
      }
      if (total) return failed("foreign_keys", ExitCode::data, "check.fk_bad", {std::to_string(total), tables});
      return passed("foreign_keys", "check.fk_ok", {});
    });
    run("audit", ExitCode::data, [&] {
      const auto v = audit_verify(*db);
      if (!v.ok)
        return failed("audit", ExitCode::data, "check.audit_bad",
                      {std::to_string(*v.first_bad_entry), tr(lang, v.problem, *v.first_bad_entry)});
      return passed("audit", "check.audit_ok", {std::to_string(v.entries)});
    });
    if (o.anchor) run("anchor", ExitCode::data, [&] { return check_anchor(*db, *o.anchor, lang); });
    try {
      store.rollback();
    } catch (const SQLite::Exception&) {
    }
  }
  r.lines.push_back(check_modes(o.db_path));
  r.lines.push_back(check_disk(o.db_path, o.min_free_mb));
  if (o.backup_dir || o.last_backup) r.lines.push_back(check_backup(o));
  return r;
}

}  // namespace oppteam
