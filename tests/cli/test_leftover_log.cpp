// A database deleted without its -wal leaves its last changes in that file;
// SQLite replays a -wal it finds beside a database, so a new database made
// at the same path (init, restore) would take in the old one's persons and
// cases. Both refuse (73, db.leftover_log) and leave the files alone.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

// `--json ARGS` as it-drift on the fixture's database.
test::Result as_drift(const test::Fixture& f, std::vector<std::string> args) {
  args.insert(args.begin(), "--json");
  return access_test::as(f, "it-drift", args);
}

}  // namespace

TEST_CASE("init and restore refuse a path whose deleted database left its -wal behind", "[ops][wal]") {
  test::Fixture f;
  team_test::refer(f);
  const std::string backup = f.dir.file("b.db");
  REQUIRE(as_drift(f, {"backup", "--to", backup}).code == 0);
  const std::string wal = f.db() + "-wal";
  REQUIRE(fs::exists(wal));
  REQUIRE(fs::file_size(wal) > 0);
  const auto wal_size = fs::file_size(wal);
  fs::remove(f.db());  // as `rm k.db` would: the -wal and -shm stay

  auto init = as_drift(f, {"init", "--config", test::source_path("examples/rammeverk.toml")});
  INFO(init.out << init.err);
  CHECK(init.code == 73);
  CHECK(test::error_key(init) == "db.leftover_log");
  CHECK_FALSE(fs::exists(f.db()));
  CHECK(fs::file_size(wal) == wal_size);

  auto restore = as_drift(f, {"restore", backup, "--to", f.db()});
  INFO(restore.out << restore.err);
  CHECK(restore.code == 73);
  CHECK(test::error_key(restore) == "db.leftover_log");
  CHECK_FALSE(fs::exists(f.db()));
  CHECK(fs::file_size(wal) == wal_size);

  // An empty -wal holds nothing to replay: init goes ahead (and makes an
  // empty database) once the leftover is emptied or moved away.
  fs::resize_file(wal, 0);
  fs::remove(f.db() + "-shm");
  init = as_drift(f, {"init", "--config", test::source_path("examples/rammeverk.toml")});
  INFO(init.out << init.err);
  REQUIRE(init.code == 0);
  auto list = as_drift(f, {"case", "list"});
  REQUIRE(list.code == 0);
  CHECK(list.json()["cases"].empty());
}
