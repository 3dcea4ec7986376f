// The archive (issue 19, point 2): `archive export` writes closed cases as a
// Noark 5 v5.0 package; the structure is checked with xmllint, the files
// with sha256sum and pdftotext; the folder rules and the audit are checked.

#include "cli/access_helpers.hpp"
#include "cli/harness.hpp"
#include "cli/test_documents_util.hpp"
#include "cli/test_robust_util.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

namespace {

const char* kFnr = "23923901213";  // synthetic: 23.12.1939, month + 80

bool have_tools() {
  return documents_test::have("xmllint") && documents_test::have("pdftotext") && documents_test::have("sha256sum");
}

struct Closed {
  test::Fixture f;
  std::string c;
  void ok(std::vector<std::string> args) {
    auto r = f.oppteam(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
  // A case taken through the whole process and closed by its evaluation on 2026-09-01.
  explicit Closed(const std::string& name = "Per Hansen") {
    auto r = f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", kFnr, "--name", name, "--reporter-type",
                        "fastlege", "--received", "2026-03-02", "--need", "Trenger koordinering"});
    REQUIRE(r.code == 0);
    c = r.json()["case"].get<std::string>();
    ok({"--today", "2026-03-03", "consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
    ok({"--today", "2026-03-03", "consent", "give", c, "--scope", "team", "--form", "skriftlig", "--given-by", "person"});
    ok({"--today", "2026-03-05", "assess", c, "--instrument", "kjennetegn", "--answer", "flere_diagnoser=ja", "--answer",
        "funksjonsfall=2", "--allow-partial", "--what-matters", "Å bo heime", "--assessor", "Ane Lie", "--profession", "sykepleier"});
    ok({"--today", "2026-04-01", "decide", c, "--preliminary-reply", "--expected-by", "2026-04-20", "--reason", "Venter på legen"});
    ok({"--today", "2026-04-10", "decide", c, "--grant"});
    ok({"--today", "2026-04-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg"});
    ok({"--today", "2026-04-12", "plan", "goal", c, "--from-what-matters", "1"});
    ok({"--today", "2026-04-12", "plan", "participated", c, "--how", "Planmøte heime"});
    ok({"--today", "2026-09-01", "evaluate", c, "--goal", "1=+2", "--decision", "close", "--reason", "Målet er nådd"});
  }
};

}  // namespace

TEST_CASE("archive export: a closed case as a Noark 5 package that passes the structure checks", "[documents][archive]") {
  if (!have_tools()) {
    WARN("xmllint, pdftotext or sha256sum missing: the package is not checked here (CI installs libxml2-utils, poppler-utils)");
    return;
  }
  Closed k;
  // An open case is not archived (2); neither is an unknown one (1).
  auto open = k.f.oppteam({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", "03894810016", "--reporter-type", "fastlege",
                           "--received", "2026-03-02", "--need", "Mange tjenester"});
  REQUIRE(open.code == 0);
  const std::string open_case = open.json()["case"].get<std::string>();
  CHECK(k.f.oppteam({"archive", "export", "--case", open_case, "--out", k.f.dir.file("a0")}).code == 2);
  CHECK(k.f.oppteam({"archive", "export", "--case", "2026/99", "--out", k.f.dir.file("a0")}).code == 1);
  CHECK(k.f.oppteam({"archive", "export", "--out", k.f.dir.file("a0")}).code == 64);  // what to export?
  ::rmdir(k.f.dir.file("a0").c_str());

  const std::string dir = k.f.dir.file("arkiv");
  auto r = k.f.oppteam({"--json", "archive", "export", "--closed-before", "2027-01-01", "--out", dir});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto doc = r.json();
  CHECK(doc["cases"] == nlohmann::json::array({k.c}));
  // the decision letter, the foreløpig svar, and every version of the plan
  CHECK(doc["documents"].get<int>() >= 5);
  CHECK(documents_test::check_noark_package(dir) == std::vector<std::string>{k.c});
  const std::string x = dir + "/arkivstruktur.xml";
  CHECK(documents_test::xpath_number(x, "count(//*[local-name()='registrering'])") == doc["documents"].get<int>());
  CHECK(documents_test::xpath(x, "string(//*[local-name()='arkivskaperID'])") == "9999");
  CHECK(documents_test::xpath(x, "string(//*[local-name()='partID'])") == kFnr);
  // The first journalpost is the decision letter, readable in its PDF.
  const std::string first = documents_test::xpath(x, "string((//*[local-name()='referanseDokumentfil'])[1])");
  const std::string letter = documents_test::pdf_text(dir + "/" + first);
  CHECK(letter.find("Vedtak") != std::string::npos);
  CHECK(letter.find("Per Hansen") != std::string::npos);
  CHECK(documents_test::xpath_number(x, "count(//*[local-name()='tittel'][contains(., 'Foreløpig svar')])") >= 1);
  // Files and folders are the owner's alone.
  struct stat st{};
  REQUIRE(::stat(x.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  // Audited, per case; the chain verifies.
  auto log = k.f.oppteam({"--json", "audit", "log", "--case", k.c});
  REQUIRE(log.code == 0);
  const auto entries = log.json()["entries"];
  int exports = 0;
  for (const auto& e : entries) exports += e["action"] == "archive.export" ? 1 : 0;
  CHECK(exports == 1);
  CHECK(k.f.oppteam({"--json", "audit", "verify"}).json()["ok"] == true);

  // The folder is not empty now: refused (2) unless --force.
  CHECK(k.f.oppteam({"archive", "export", "--case", k.c, "--out", dir}).code == 2);
  auto again = k.f.oppteam({"archive", "export", "--case", k.c, "--out", dir, "--force"});
  INFO(again.err);
  CHECK(again.code == 0);
  CHECK(documents_test::check_noark_package(dir) == std::vector<std::string>{k.c});
}

TEST_CASE("archive export never follows a symbolic link and never writes over the database", "[documents][archive]") {
  Closed k;
  const std::string real = k.f.dir.file("real");
  REQUIRE(::mkdir(real.c_str(), 0700) == 0);
  const std::string link = k.f.dir.file("link");
  REQUIRE(::symlink(real.c_str(), link.c_str()) == 0);
  CHECK(k.f.oppteam({"archive", "export", "--case", k.c, "--out", link}).code == 64);
  CHECK(k.f.oppteam({"archive", "export", "--case", k.c, "--out", link, "--force"}).code == 64);
  CHECK(k.f.oppteam({"archive", "export", "--case", k.c, "--out", k.f.db()}).code == 64);  // a file, not a folder
  // A dokumenter/ that is a link inside an empty-looking folder, with --force: refused.
  const std::string pkg = k.f.dir.file("pkg");
  REQUIRE(::mkdir(pkg.c_str(), 0700) == 0);
  REQUIRE(::symlink(real.c_str(), (pkg + "/dokumenter").c_str()) == 0);
  CHECK(k.f.oppteam({"archive", "export", "--case", k.c, "--out", pkg, "--force"}).code == 64);
  // The database's own folder (not empty) with --force: the database is never replaced.
  auto over = k.f.oppteam({"archive", "export", "--case", k.c, "--out", k.f.dir.path(), "--force"});
  CHECK(over.code == 0);
  CHECK(k.f.oppteam({"case", "show", k.c}).code == 0);
  // Nothing was written through the links.
  auto listing = documents_test::tool({"ls", "-A", real});
  CHECK(listing.out.empty());
}

TEST_CASE("archive export: text that means something in XML stays text", "[documents][archive]") {
  if (!have_tools()) {
    WARN("xmllint, pdftotext or sha256sum missing: the package is not checked here (CI installs libxml2-utils, poppler-utils)");
    return;
  }
  const std::string name = "Åse & <Ola> \"O'Hara\" ]]>";
  Closed k(name);
  const std::string dir = k.f.dir.file("arkiv");
  auto r = k.f.oppteam({"archive", "export", "--case", k.c, "--out", dir});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(documents_test::check_noark_package(dir) == std::vector<std::string>{k.c});
  CHECK(documents_test::xpath(dir + "/arkivstruktur.xml", "string(//*[local-name()='partNavn'])") == name);
}

TEST_CASE("archive export under enforcement: leder may, saksbehandler may not (77), refused before anything is written", "[documents][archive][access]") {
  test::Fixture f(access_test::synthetic_ids(access_test::acting_access_toml({{"siri", {"saksbehandler"}}, {"lena", {"leder"}}})));
  const auto as = [&](const std::string& user, const std::vector<std::string>& args) { return access_test::as_en(f, user, args); };
  auto r = as("siri", {"--json", "refer", "add", "--fnr", kFnr, "--reporter-type", "fastlege", "--received", "2026-03-02", "--need",
                       "Trenger koordinering"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string c = r.json()["case"].get<std::string>();
  robust::Sql(f.db()).exec("UPDATE case_file SET status = 'closed', closed_on = '2026-04-01'");  // closed (tested elsewhere)
  const std::string dir = f.dir.file("arkiv");
  auto refused = as("siri", {"--json", "archive", "export", "--case", c, "--out", dir});
  CHECK(refused.code == 77);
  CHECK(test::error_key(refused) == "access.refused");
  CHECK(refused.err.find("archive.export") != std::string::npos);  // names the permission
  struct stat st{};
  CHECK(::lstat(dir.c_str(), &st) != 0);  // nothing made
  auto ok = as("lena", {"archive", "export", "--case", c, "--out", dir});
  INFO(ok.err);
  CHECK(ok.code == 0);
}

TEST_CASE("archive export: a decision an appeal replaced is archived too, before the one that replaced it", "[documents][archive][appeals]") {
  if (!have_tools()) {
    WARN("xmllint, pdftotext or sha256sum missing: the package is not checked here (CI installs libxml2-utils, poppler-utils)");
    return;
  }
  test::Fixture f;
  auto ok = [&f](std::vector<std::string> args) {
    auto r = f.oppteam(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r;
  };
  const std::string c = ok({"--today", "2026-03-02", "--json", "refer", "add", "--fnr", kFnr, "--name", "Per Hansen", "--reporter-type",
                            "fastlege", "--received", "2026-03-02", "--need", "Trenger koordinering"})
                            .json()["case"]
                            .get<std::string>();
  ok({"--today", "2026-03-03", "consent", "give", c, "--scope", "utredning", "--form", "muntlig", "--given-by", "person"});
  ok({"--today", "2026-03-05", "assess", c, "--instrument", "kjennetegn", "--answer", "flere_diagnoser=0", "--answer", "funksjonsfall=1",
      "--allow-partial", "--assessor", "Ane Lie", "--profession", "sykepleier"});
  ok({"--today", "2026-03-10", "decide", c, "--refuse", "--grounds", "Behovet dekkes av hjemmetjenesten"});
  ok({"--today", "2026-03-20", "appeal", "register", c, "--received", "2026-03-20", "--from", "person"});
  ok({"--today", "2026-04-01", "appeal", "review", c, "--reverse", "--grounds", "Ny legeerklæring viser behov"});
  ok({"--today", "2026-04-02", "case", "close", c, "--reason", "declines"});

  const std::string dir = f.dir.file("arkiv");
  const auto doc = ok({"--json", "archive", "export", "--case", c, "--out", dir}).json();
  CHECK(doc["documents"].get<int>() == 2);  // the refusal the appeal replaced, and the grant
  CHECK(documents_test::check_noark_package(dir) == std::vector<std::string>{c});
  const std::string x = dir + "/arkivstruktur.xml";
  CHECK(documents_test::xpath(x, "string((//*[local-name()='registrering']/*[local-name()='tittel'])[1])") ==
        "Vedtak om oppfølgingsteam, sak " + c + ": avslag (omgjort etter klage)");
  CHECK(documents_test::xpath(x, "string((//*[local-name()='registrering']/*[local-name()='tittel'])[2])") ==
        "Vedtak om oppfølgingsteam, sak " + c + ": innvilget");
  // Each letter is readable in its own file: the refusal's grounds, the grant's appeal.
  const std::string first = documents_test::xpath(x, "string((//*[local-name()='referanseDokumentfil'])[1])");
  const std::string second = documents_test::xpath(x, "string((//*[local-name()='referanseDokumentfil'])[2])");
  CHECK(documents_test::pdf_text(dir + "/" + first).find("hjemmetjenesten") != std::string::npos);
  CHECK(documents_test::pdf_text(dir + "/" + second).find("klage") != std::string::npos);
  CHECK(f.oppteam({"audit", "verify"}).code == 0);
}
