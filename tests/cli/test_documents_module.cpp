// The PDF renderer as a module (issue 18): oppteam-pdf.so is loaded only
// when a PDF is made, only from beside the binary or PREFIX/lib/oppteam
// relative to it, and only when no one but its owner may change it.
// Each case runs a copy of the binary in a folder of its own, with the
// module as the case puts it there.

#include "cli/harness.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

const char* kFnr = "23923901213";  // synthetic: 23.12.1939, month + 80

// A copy of the binary under test in `dir`/bin, and a database with one person.
struct Installed {
  test::TempDir dir;
  std::string bin;
  std::string module_dir;
  Installed() {
    fs::create_directories(dir.file("bin"));
    bin = dir.file("bin/oppteam");
    fs::copy_file(test::binary(), bin);
    module_dir = dir.file("bin");
    REQUIRE(test::run_program(bin, {"--db", dir.file("k.db"), "init", "--config", std::string(OPPTEAM_SOURCE_DIR) + "/examples/rammeverk.toml"})
                .code == 0);
    REQUIRE(test::run_program(bin, {"--db", dir.file("k.db"), "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received",
                       "2026-03-02", "--need", "Trenger koordinering"})
                .code == 0);
  }
  // The module of the build, copied to `to` with `mode`.
  void put_module(const std::string& to, fs::perms mode) const {
    fs::create_directories(fs::path(to).parent_path());
    fs::copy_file(fs::path(test::binary()).parent_path() / "oppteam-pdf.so", to, fs::copy_options::overwrite_existing);
    fs::permissions(to, mode);
  }
  test::Result pdf(const std::string& name) const {
    return test::run_program(bin, {"--db", dir.file("k.db"), "--json", "person", "export", kFnr, "--pdf", dir.file(name)});
  }
};

constexpr fs::perms kReadable = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;

}  // namespace

TEST_CASE("pdf module: beside the binary or in ../lib/oppteam it is loaded, and commands without a PDF need none", "[documents][pdf][module]") {
  Installed in;
  // No module anywhere: the PDF is refused (74) and names where it looked; other commands work.
  auto missing = in.pdf("a.pdf");
  CHECK(missing.code == 74);
  CHECK(test::error_key(missing) == "pdf.module_missing");
  CHECK_FALSE(fs::exists(in.dir.file("a.pdf")));
  CHECK(test::run_program(in.bin, {"--db", in.dir.file("k.db"), "case", "show", "2026/1"}).code == 0);

  in.put_module(in.dir.file("lib/oppteam/oppteam-pdf.so"), kReadable);
  auto installed = in.pdf("b.pdf");
  INFO(installed.out << installed.err);
  CHECK(installed.code == 0);
  CHECK(fs::file_size(in.dir.file("b.pdf")) > 1000);

  fs::remove(in.dir.file("lib/oppteam/oppteam-pdf.so"));
  in.put_module(in.dir.file("bin/oppteam-pdf.so"), kReadable);
  CHECK(in.pdf("c.pdf").code == 0);
}

TEST_CASE("pdf module: one that group or others may write is not loaded (77), nor a file that is no module (74)", "[documents][pdf][module]") {
  Installed in;
  const std::string path = in.dir.file("bin/oppteam-pdf.so");
  for (const fs::perms loose : {kReadable | fs::perms::group_write, kReadable | fs::perms::others_write}) {
    in.put_module(path, loose);
    auto r = in.pdf("a.pdf");
    CHECK(r.code == 77);
    CHECK(test::error_key(r) == "pdf.module_unsafe");
    CHECK_FALSE(fs::exists(in.dir.file("a.pdf")));
  }
  // A directory of that name is not a regular file.
  fs::remove(path);
  fs::create_directories(path);
  CHECK(test::error_key(in.pdf("a.pdf")) == "pdf.module_unsafe");
  fs::remove(path);

  // Not a shared object at all.
  test::TempDir junk;
  fs::copy_file(junk.write("x", "not a module\n"), path);
  fs::permissions(path, kReadable);
  auto bad = in.pdf("a.pdf");
  CHECK(bad.code == 74);
  CHECK(test::error_key(bad) == "pdf.module_bad");

  // A shared object that is not oppteam's renderer (no entry points).
  fs::remove(path);
  fs::copy_file("/lib/x86_64-linux-gnu/libz.so.1", path);
  fs::permissions(path, kReadable);
  auto other = in.pdf("a.pdf");
  CHECK(other.code == 74);
  CHECK(test::error_key(other) == "pdf.module_bad");
}

TEST_CASE("pdf module: OPPTEAM_* or LD_LIBRARY_PATH in the environment cannot point the binary at another module", "[documents][pdf][module]") {
  Installed in;
  test::TempDir elsewhere;
  in.put_module(elsewhere.file("oppteam-pdf.so"), kReadable);
  auto r = test::run_program(in.bin, {"--db", in.dir.file("k.db"), "--json", "person", "export", kFnr, "--pdf", in.dir.file("a.pdf")}, "",
                     {{"LD_LIBRARY_PATH", elsewhere.path()}, {"OPPTEAM_PDF_MODULE", elsewhere.file("oppteam-pdf.so")}},
                     elsewhere.path());
  CHECK(r.code == 74);
  CHECK(test::error_key(r) == "pdf.module_missing");
}
