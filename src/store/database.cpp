#include <oppteam/store/database.hpp>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace oppteam {

namespace fs = std::filesystem;

namespace {

// A connection is used by one thread at a time (the import's reading thread
// never touches SQLite), so SQLite's per-call mutex (serialized mode, the
// default) is only cost: a tenth of a report's reading of a million rows.
const int kOpenFlags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;


// Creates each missing folder of `dir` with mode 0700 (health data).
void create_private_dirs(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) return;
  create_private_dirs(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw make_error(ExitCode::cant_create, "db.cannot_create", dir.string(), errno_reason(errno));
}

// Others may not write the database's folder: they could replace the file,
// or make its -wal and -shm in advance with modes of their own.
void check_folder(const std::string& db_path) {
  fs::path folder = fs::path(db_path).parent_path();
  if (folder.empty()) folder = ".";
  struct stat st{};
  if (::stat(folder.c_str(), &st) != 0) return;  // the open that follows names the problem
  if (st.st_mode & S_IWOTH)
    throw make_error(ExitCode::permission, "db.folder_open", folder.string(), fmt::format("{:o}", st.st_mode & 07777),
                     folder.string());
}

}  // namespace

void rethrow_sqlite(const SQLite::Exception& e, const std::string& path) {
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw make_error(ExitCode::temp_fail, "db.busy", path);
    case SQLITE_FULL:
      throw make_error(ExitCode::io, "db.full", path);
    case SQLITE_READONLY:
    case SQLITE_PERM:
      throw make_error(ExitCode::permission, "db.readonly", path);
    case SQLITE_CONSTRAINT:
      throw make_error(ExitCode::data, "db.constraint", e.what());
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      throw make_error(ExitCode::io, "db.corrupt", path);
    default:
      throw make_error(ExitCode::io, "db.error", path, e.what());
  }
}

Database::Database(std::unique_ptr<SQLite::Database> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

Database::~Database() {
  if (!db_) return;
  struct stat st{};
  if (::stat((path_ + "-wal").c_str(), &st) == 0 && st.st_size <= kKeepWalBytes)
    sqlite3_db_config(db_->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void Database::configure(int busy_timeout_ms) {
  db_->setBusyTimeout(busy_timeout_ms);
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("PRAGMA synchronous = NORMAL");
}

void Database::check_no_leftover_log(const std::string& path) {
  for (const char* suffix : {"-wal", "-journal"}) {
    const std::string side = path + suffix;
    struct stat st{};
    // An empty one holds nothing to replay (SQLite leaves a -wal of 0 bytes).
    if (::lstat(side.c_str(), &st) == 0 && (st.st_size > 0 || !S_ISREG(st.st_mode)))
      throw make_error(ExitCode::cant_create, "db.leftover_log", side, path);
  }
}

Database Database::create(const std::string& path, int busy_timeout_ms, const std::function<void(Database&)>& fill) {
  const fs::path p(path);
  if (fs::exists(p)) throw make_error(ExitCode::refused, "db.exists", path);
  check_no_leftover_log(path);
  create_private_dirs(p.parent_path());
  check_folder(path);
  // Built under a temporary name beside it, created 0600 from its first byte.
  const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + p.filename().string() + ".init-XXXXXX")).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) throw make_error(ExitCode::cant_create, "db.cannot_create", path, errno_reason(errno));
  ::close(fd);
  auto remove_temp = [&] {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((temp + suffix).c_str());
  };
  try {
    {
      auto db = std::make_unique<SQLite::Database>(temp, kOpenFlags);
      Database d(std::move(db), temp);
      d.configure(busy_timeout_ms);
      // 16 KiB pages, set before the first table (and before WAL, which fixes
      // the page size): a batch import of a million referrals writes a fifth
      // less (fewer page headers, splits and WAL frames); a read of one case
      // costs the same. Databases made before keep their 4 KiB pages.
      d.sql().exec("PRAGMA page_size = 16384");
      d.sql().exec("PRAGMA journal_mode = WAL");
      d.migrate();
      if (fill) fill(d);
      // Everything into the main file before it is renamed: the last
      // connection's close removes the -wal and -shm of the temporary name.
      d.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Never over a database that appeared meanwhile (a second init), nor
    // beside a -wal that appeared meanwhile.
    check_no_leftover_log(path);
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
      if (errno == EEXIST) throw make_error(ExitCode::refused, "db.exists", path);
      throw make_error(ExitCode::cant_create, "db.cannot_create", path, errno_reason(errno));
    }
  } catch (const SQLite::Exception& e) {
    remove_temp();
    throw make_error(ExitCode::cant_create, "db.cannot_create", path, e.what());
  } catch (...) {
    remove_temp();
    throw;
  }
  remove_temp();  // a -wal or -shm left by the temporary name, if any
  Database d = open_raw(path, busy_timeout_ms);
  return d;
}

Database Database::open_raw(const std::string& path, int busy_timeout_ms) {
  try {
    auto db = std::make_unique<SQLite::Database>(path, kOpenFlags);
    Database d(std::move(db), path);
    d.configure(busy_timeout_ms);
    return d;
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, path);
  }
}

Database Database::open(const std::string& path, int busy_timeout_ms) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) throw make_error(ExitCode::no_input, "db.missing", path, path);
    throw make_error(ExitCode::io, "db.error", path, errno_reason(errno));
  }
  if (!S_ISREG(st.st_mode)) throw make_error(ExitCode::no_input, "db.not_file", path);
  if (st.st_mode & (S_IROTH | S_IWOTH))
    throw make_error(ExitCode::permission, "db.world_readable", path, fmt::format("{:o}", st.st_mode & 0777), path);
  // SQLite keeps the latest changes in -wal and an index of them in -shm:
  // they hold what the database holds, and a -wal others may write (one
  // made in advance by another user) feeds them every change.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::string side = path + suffix;
    struct stat s{};
    if (::lstat(side.c_str(), &s) != 0) continue;
    if (!S_ISREG(s.st_mode) || (s.st_mode & (S_IROTH | S_IWOTH)))
      throw make_error(ExitCode::permission, "db.side_file_open", side, fmt::format("{:o}", s.st_mode & 0777), side);
  }
  check_folder(path);
  // The effective ids decide, as for SQLite's own open: under the setgid
  // layout of docs/deployment.md the real user may not read the file, the
  // program's group may.
  if (::faccessat(AT_FDCWD, path.c_str(), R_OK, AT_EACCESS) != 0)
    throw make_error(ExitCode::permission, "db.readonly", path);
  Database d = open_raw(path, busy_timeout_ms);
  try {
    d.sql().exec("SELECT count(*) FROM sqlite_schema");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, path);
  }
  const int version = d.schema_version();
  if (version == 0) throw make_error(ExitCode::data, "db.not_oppteam", path);
  if (version > latest_schema_version())
    throw make_error(ExitCode::refused, "db.too_new", path, version, latest_schema_version());
  if (version < latest_schema_version()) d.migrate();
  return d;
}

int Database::schema_version() {
  return read_per_statement([&] { return db_->execAndGet("PRAGMA user_version").getInt(); });
}

void Database::migrate() {
  for (const auto& m : migrations()) {
    if (m.version <= schema_version()) continue;
    // foreign_keys cannot change inside a transaction: set it around one.
    if (m.rebuilds_tables) db_->exec("PRAGMA foreign_keys = OFF");
    try {
      write([&] {
        // Another process may have applied it while this one waited for the lock.
        if (db_->execAndGet("PRAGMA user_version").getInt() >= m.version) return;
        // References broken before (by hand) are not this migration's doing.
        const auto broken = [&] {
          return db_->execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt64();
        };
        const std::int64_t broken_before = m.rebuilds_tables ? broken() : 0;
        db_->exec(m.sql);
        if (m.rebuilds_tables && broken() > broken_before)
          throw make_error(ExitCode::data, "db.migration_broken", path_, m.version);
        db_->exec(fmt::format("PRAGMA user_version = {}", m.version));
      });
    } catch (...) {
      if (m.rebuilds_tables) db_->exec("PRAGMA foreign_keys = ON");
      throw;
    }
    if (m.rebuilds_tables) db_->exec("PRAGMA foreign_keys = ON");
  }
}

std::optional<std::string> Database::meta(const std::string& key) {
  return read_per_statement([&]() -> std::optional<std::string> {
    SQLite::Statement q(*db_, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    if (q.executeStep()) return q.getColumn(0).getString();
    return std::nullopt;
  });
}

void Database::set_meta(const std::string& key, const std::string& value) {
  SQLite::Statement q(*db_, "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_->getHandle()) == 0; }

void Database::begin_immediate() { db_->exec("BEGIN IMMEDIATE"); }
void Database::commit() { db_->exec("COMMIT"); }
void Database::rollback() noexcept {
  try {
    if (!sqlite3_get_autocommit(db_->getHandle())) db_->exec("ROLLBACK");
  } catch (...) {
  }
}

void Database::after_transaction(std::function<void()> f) {
  if (!in_transaction()) return f();
  after_.push_back(std::move(f));
}

void Database::run_after_transaction() noexcept {
  if (in_transaction()) return;  // a ROLLBACK that failed: nothing may be written now
  std::vector<std::function<void()>> queued;
  queued.swap(after_);
  for (auto& f : queued) {
    try {
      f();
    } catch (...) {
    }
  }
}

}  // namespace oppteam
