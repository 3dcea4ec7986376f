// Text in and out (issue 13, points 2, 3 and 11): only valid text is
// stored, a database holding bad bytes from before still exports, stored
// text cannot act on a terminal, the acting user's name is checked before
// anything is stored, and a rammeverk cannot crash oppteam by its size or
// nesting. Rows of docs/robustness.md name these tests.

#include "cli/harness.hpp"
#include "cli/test_robust_util.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace {

const std::string kHeader = "external_id,fnr,name,reporter_type,reporter_name,received,need\n";

test::Result in_english(test::Fixture& f, std::vector<std::string> args, std::map<std::string, std::string> env = {},
                        const std::string& as = "saksbehandler1") {
  std::vector<std::string> all{"--db", f.db(), "--as", as, "--lang", "en"};
  all.insert(all.end(), args.begin(), args.end());
  env["HOME"] = f.dir.path();
  return test::run(all, "", env);
}

std::vector<std::string> cat_json(std::vector<std::string> args) {
  args.insert(args.begin(), "--json");
  return args;
}

std::vector<std::string> refer_add(const std::string& option, const std::string& value) {
  std::map<std::string, std::string> o{{"--fnr", "23923901213"},
                                       {"--reporter-type", "fastlege"},
                                       {"--received", "2026-03-02"},
                                       {"--need", "Trenger koordinering"}};
  o[option] = value;
  std::vector<std::string> a{"refer", "add"};
  for (auto& [k, v] : o) {
    a.push_back(k);
    a.push_back(v);
  }
  return a;
}

// What must never reach a terminal from stored text.
void check_terminal_safe(const std::string& where, const std::string& out) {
  INFO(where << ":\n" << out);
  CHECK(out.find('\x1b') == std::string::npos);          // ESC: CSI, OSC 52, OSC 8
  CHECK(out.find('\r') == std::string::npos);            // CR: overwrite the line
  CHECK(out.find('\x07') == std::string::npos);          // BEL (ends an OSC)
  CHECK(out.find("\xE2\x80\xAE") == std::string::npos);  // U+202E RIGHT-TO-LEFT OVERRIDE
  CHECK(out.find("\xE2\x81\xA6") == std::string::npos);  // U+2066 LEFT-TO-RIGHT ISOLATE
  CHECK(out.find("\xC2\x9B") == std::string::npos);      // U+009B, the C1 CSI
}

// One rejected row as the import's JSON reports it.
struct Rejected {
  int line;
  nlohmann::json column;  // null: the whole row
  std::string key;
};

// `refer import FILE --partial --json`: stores `stored` rows and reports
// exactly `rejected`, in order. Returns the JSON document.
nlohmann::json check_partial_import(test::Fixture& f, const std::string& file, int stored,
                                    const std::vector<Rejected>& rejected) {
  auto r = in_english(f, {"--json", "refer", "import", file, "--partial", "--rejects", file + ".rejects"});
  INFO(r.out << r.err);
  REQUIRE(r.code == (rejected.empty() ? 0 : 65));  // SPEC.md: rows rejected exit 65
  auto j = r.json();
  CHECK(j["stored"] == stored);
  CHECK(j["rejected"] == rejected.size());
  REQUIRE(j["errors"].size() == rejected.size());
  for (std::size_t i = 0; i < rejected.size(); ++i) {
    INFO(j["errors"][i].dump());
    CHECK(j["errors"][i]["line"] == rejected[i].line);
    CHECK(j["errors"][i]["column"] == rejected[i].column);
    CHECK(j["errors"][i]["key"] == rejected[i].key);
  }
  return j;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("text: refer add refuses a Latin-1 byte, a control character, CR or a line break with 65 naming the option",
          "[robust][text]") {
  test::Fixture f;
  struct Bad {
    std::string option, value;
  };
  const std::vector<Bad> bad = {
      {"--name", "P\xE5l Hansen"},                         // Latin-1 å
      {"--need", "Trenger\x1b[2J koordinering"},           // ESC, clear screen
      {"--need", "Trenger\x1b]52;c;ZXZpbA==\x07 hjelp"},   // OSC 52: writes the clipboard
      {"--reporter-name", "Dr.\rBerg"},                    // CR
      {"--name", "Per\nHansen"},                           // a line break in a one-line field
      {"--reporter-name", "Dr. \xC2\x9B" "31mBerg"},       // C1 CSI
  };
  for (const auto& b : bad) {
    auto r = in_english(f, cat_json(refer_add(b.option, b.value)));
    INFO(b.option << " " << r.err);
    CHECK(r.code == 65);
    CHECK(test::error_key(r).rfind("text.", 0) == 0);  // a text problem, whichever
    CHECK(r.err.find(b.option) != std::string::npos);
    CHECK(r.err.find(" byte ") != std::string::npos);  // "at byte N"; a non-UTF-8 argument is refused before --lang is read
  }
  robust::Sql sql(f.db());
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  // Tab and newline are text in a need.
  auto ok = in_english(f, refer_add("--need", "Trenger\tkoordinering\nav tjenester"));
  CHECK(ok.code == 0);
}

TEST_CASE("text: refer import refuses a Latin-1 byte, NUL, ESC or CR in a CSV field with 65, line, column and key",
          "[robust][text]") {
  test::Fixture f;
  std::string csv = kHeader;
  csv += "G1,23923901213,Per Hansen,fastlege,Dr. Berg,2026-03-02,Behov\n";                      // line 2: good
  csv += "L1,23923901213,P\xE5l,fastlege,,2026-03-02,Behov\n";                                   // line 3
  csv += "N1,23923901213,Per,fastlege,,2026-03-02,Beh" + std::string(1, '\0') + "ov\n";          // line 4
  csv += "E1,23923901213,Per,fastlege,Dr\x1b]8;;http://x\x1b\\Berg,2026-03-02,Behov\n";          // line 5
  csv += "C1,23923901213,Per,fastlege,,2026-03-02,\"Behov\rmer\"\n";                             // line 6: a lone CR
  csv += "W1,23923901213,Per,fastlege,,2026-03-02,\"Behov\r\nover to linjer\"\n";                // line 7: CRLF inside: a line end
  const std::string file = f.dir.write("bad.csv", csv);

  SECTION("all or nothing: 65, nothing stored") {
    auto r = in_english(f, {"refer", "import", file});
    CHECK(r.code == 65);
    robust::Sql sql(f.db());
    CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  }
  SECTION("--partial --json: each bad row with its line, column and key") {
    check_partial_import(f, file, 2,
                         {{3, "name", "text.not_utf8"},
                          {4, "need", "text.nul"},
                          {5, "reporter_name", "text.control"},
                          {6, "need", "text.control"}});
    robust::Sql sql(f.db());
    CHECK(sql.number("SELECT count(*) FROM referral WHERE instr(need, char(13)) OR instr(need, char(27))") == 0);
  }
}

TEST_CASE("text: refer import refuses NUL, ESC and a Latin-1 byte in JSON Lines with 65, line, column and key",
          "[robust][text]") {
  test::Fixture f;
  const std::string good = R"("fnr": "23923901213", "reporter_type": "fastlege", "received": "2026-03-02")";
  std::string jsonl;
  jsonl += R"({"external_id": "G1", )" + good + R"(, "need": "Behov"})" "\n";                     // line 1
  jsonl += R"({"external_id": "N1", )" + good + R"(, "name": "P\u0000l", "need": "Behov"})" "\n";  // line 2
  jsonl += R"({"external_id": "E1", )" + good + R"(, "need": "B\u001b[2Jehov"})" "\n";             // line 3
  jsonl += R"({"external_id": "L1", )" + good + ", \"need\": \"Beh\xE5v\"}\n";                        // line 4: not UTF-8
  jsonl += R"({"external_id": "R1", )" + good + R"(, "reporter_name": "Dr\rBerg", "need": "Behov"})" "\n";  // line 5
  const std::string file = f.dir.write("bad.jsonl", jsonl);
  // Line 4 is not JSON at all (JSON is UTF-8): the reader's reason names its column in the line.
  const auto j = check_partial_import(f, file, 1,
                                      {{2, "name", "text.nul"},
                                       {3, "need", "text.control"},
                                       {4, nullptr, "import.not_json"},
                                       {5, "reporter_name", "text.control"}});
  CHECK(j["errors"][2]["reason"].get<std::string>().find("column") != std::string::npos);
}

TEST_CASE("text: a database that already holds bad bytes exports with U+FFFD and one warning", "[robust][text]") {
  test::Fixture f;
  const std::string c = team_test::refer(f);
  {
    robust::Sql sql(f.db());
    sql.exec("UPDATE person SET name = CAST(X'50E56C2048616E73656E' AS TEXT)");  // "P\xE5l Hansen"
    sql.exec("UPDATE referral SET need = CAST(X'42656876FF' AS TEXT)");          // "Behv\xFF"
  }
  const std::vector<std::vector<std::string>> exports = {{"--json", "case", "show", c},
                                                         {"--json", "case", "list"},
                                                         {"--json", "person", "export", team_test::kFnr},
                                                         {"case", "export", c, "--fhir"}};
  for (const auto& args : exports) {
    auto r = in_english(f, args);
    INFO(args[1] << " " << args[2] << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(count(r.err, "U+FFFD") == 1);                       // one warning, not one per string
    if (r.code == 0) CHECK_NOTHROW(nlohmann::json::parse(r.out));
  }
  // For people: the byte shown, not a broken character.
  auto show = in_english(f, {"case", "show", c});
  CHECK(show.code == 0);
  CHECK(show.out.find("P\\xE5l Hansen") != std::string::npos);
}

TEST_CASE("terminal: escape sequences, CR, C1 and bidi overrides in stored text are shown, not sent", "[robust][text]") {
  test::Fixture f;
  // ANSI clear screen, OSC 52 (clipboard), OSC 8 (hyperlink), CR, U+202E, U+2066, C1 CSI.
  const std::string evil =
      "A\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://evil.example/\x1b\\B\rC \xE2\x80\xAE" "D \xE2\x81\xA6" "E \xC2\x9B" "1mF";
  auto set = [&](const std::string& sql_text) {
    robust::Sql sql(f.db());
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(sql.handle(), sql_text.c_str(), -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, evil.data(), int(evil.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  };
  const std::string c = team_test::refer(f);
  team_test::consent(f, c, "utredning");
  team_test::consent(f, c, "team");
  REQUIRE(team_test::assess(f, c, "Ane Lie", "sykepleier").code == 0);
  set("UPDATE person SET name = ?1");
  set("UPDATE referral SET need = ?1");
  // The decision's letter names the person.
  auto letter = f.oppteam({"--today", "2026-03-10", "decide", c, "--grant"});
  REQUIRE(letter.code == 0);
  check_terminal_safe("decide (letter)", letter.out);
  REQUIRE(f.oppteam(team_test::core_team(c)).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Ukentlig besøk",
                     "--responsible", "Siri Moe", "--due", "2026-03-20"})
              .code == 0);
  set("UPDATE goal SET text = ?1");
  set("UPDATE measure SET text = ?1");
  set("UPDATE team_member SET name = ?1 WHERE kind = 'coordinator'");
  set("UPDATE team SET pause_reason = ?1");
  set("UPDATE audit SET actor = ?1 WHERE id = 2");

  const std::vector<std::vector<std::string>> views = {
      {"case", "show", c}, {"case", "list"},          {"plan", "show", c},
      {"team", "show", c}, {"person", "export", team_test::kFnr}, {"audit", "log"},
      {"--today", "2026-03-18", "remind", "--within", "14"}};
  for (const auto& args : views) {
    auto r = f.oppteam(args);
    INFO(args.front() << " " << args[1]);
    CHECK(r.code == 0);
    check_terminal_safe(args.front() + " " + args[1], r.out);
    check_terminal_safe(args.front() + " " + args[1] + " (stderr)", r.err);
  }
  // Shown, so a reader sees that something is there.
  auto show = f.oppteam({"case", "show", c});
  CHECK(show.out.find("\\e[2J") != std::string::npos);
  CHECK(show.out.find("<U+202E>") != std::string::npos);
  // An audit entry's fields stay on its own line.
  auto log = f.oppteam({"audit", "log"});
  CHECK(log.out.find("\\r") != std::string::npos);
}

TEST_CASE("terminal: an error echoes at most about 200 bytes of input, and no escape sequence", "[robust][text]") {
  test::Fixture f;
  auto r = in_english(f, refer_add("--reporter-type", std::string(5000, 'x')));
  CHECK(r.code == 65);  // a reporter type the rammeverk does not know
  CHECK(r.err.size() < 1200);
  CHECK(r.err.find(std::string(200, 'x')) != std::string::npos);
  CHECK(r.err.find(std::string(300, 'x')) == std::string::npos);
  auto e = in_english(f, {"case", "show", "2026/1\x1b]52;c;ZXZpbA==\x07"});
  CHECK(e.code == 65);
  check_terminal_safe("case show (error)", e.err);
  // An import line of 100 kB that is not JSON: its reason is clipped too.
  const std::string file = f.dir.write("long.jsonl", "{\"need\": \"" + std::string(100000, 'y') + "\n");
  auto imp = in_english(f, {"refer", "import", file});
  CHECK(imp.code == 65);
  CHECK(imp.err.size() < 2000);
}

TEST_CASE("actor: --as or $OPPTEAM_USER with a newline, an escape or 65 characters is 64 and nothing is stored",
          "[robust][text]") {
  test::Fixture f;
  const std::vector<std::string> bad = {"siri\n2026-11-29 00:00:00  admin  purge", "siri\x1b[2J", "siri\r",
                                        std::string(65, 'a'), "siri\xE2\x80\xAE"};
  robust::Sql sql(f.db());
  const auto audit_before = sql.number("SELECT count(*) FROM audit");
  for (const auto& as : bad) {
    INFO("--as '" << as << "'");
    auto r = in_english(f, refer_add("--need", "Behov"), {}, as);
    CHECK(r.code == 64);
    check_terminal_safe("refer add (error)", r.err);
    auto e = in_english(f, {"case", "list"}, {{"OPPTEAM_USER", as}}, "");
    CHECK(e.code == 64);
  }
  CHECK(sql.number("SELECT count(*) FROM audit") == audit_before);
  CHECK(sql.number("SELECT count(*) FROM referral") == 0);
  // 64 characters (of UTF-8, not bytes) is the limit.
  CHECK(in_english(f, {"case", "list"}, {}, std::string(64, 'a')).code == 0);
  CHECK(in_english(f, {"case", "list"}, {}, "Åse Ødegård").code == 0);
}

TEST_CASE("actor: under enforce a refused --as with an escape is 64 and not written to the audit log", "[robust][text]") {
  test::Fixture f("[municipality]\nallow_synthetic_ids = true\n[access]\nenforce = true\n"
                  "[[access.user]]\nname = \"siri\"\nroles = [\"saksbehandler\"]\n");
  robust::Sql sql(f.db());
  const auto audit_before = sql.number("SELECT count(*) FROM audit");
  auto r = in_english(f, {"case", "list"}, {}, "siri\n2026-11-29 00:00:00  root  audit.verify  ok");
  CHECK(r.code == 64);
  CHECK(sql.number("SELECT count(*) FROM audit") == audit_before);
}

TEST_CASE("rammeverk: nesting 50,000 levels deep is 78 with file and line, fast, not a crash", "[robust][text]") {
  test::Fixture f;
  const std::size_t n = 50000;
  std::string dotted = "a";
  for (std::size_t i = 0; i < n; ++i) dotted += ".a";
  const std::vector<std::pair<std::string, std::string>> deep = {
      {"dotted.toml", "# a key 50,000 levels deep\n" + dotted + " = 1\n"},
      {"arrays.toml", "# arrays\nx = " + std::string(n, '[') + std::string(n, ']') + "\n"},
      {"headers.toml", "# a table header\n" + std::string(n, '[') + "a" + std::string(n, ']') + "\n"},
      {"inline.toml", "# inline tables\nx = " + [&] {
         std::string s;
         for (std::size_t i = 0; i < n; ++i) s += "{a=";
         s += "1";
         return s + std::string(n, '}');
       }() + "\n"},
  };
  for (const auto& [name, text] : deep) {
    const std::string file = f.dir.write(name, text);
    const auto t0 = std::chrono::steady_clock::now();
    auto r = in_english(f, {"config", "check", file});
    INFO(name << ": exit " << r.code << "\n" << r.err.substr(0, 500));
    CHECK(r.code == 78);
    CHECK(r.err.find(name + ":2") != std::string::npos);
    CHECK(robust::seconds_since(t0) < 5);
    // The same file named by --config for any command.
    CHECK(in_english(f, {"--config", file, "case", "list"}).code == 78);
  }
  // Through $XDG_CONFIG_HOME: every command reads it.
  std::filesystem::create_directories(f.dir.file("xdg/oppteam"));
  f.dir.write("xdg/oppteam/rammeverk.toml", deep[0].second);
  auto x = in_english(f, {"case", "list"}, {{"XDG_CONFIG_HOME", f.dir.file("xdg")}});
  CHECK(x.code == 78);
  CHECK(x.err.find("rammeverk.toml:2") != std::string::npos);
  // 2 MiB of comments: over the size limit, refused unparsed.
  const std::string big = f.dir.write("big.toml", std::string(2 << 20, '#'));
  auto b = in_english(f, {"config", "check", big});
  CHECK(b.code == 78);
  CHECK(b.err.find("big.toml:1") != std::string::npos);
  // A real one still loads.
  CHECK(in_english(f, {"config", "check", test::source_path("examples/rammeverk.toml")}).code == 0);
}

TEST_CASE("rammeverk: an unreachable recommend_at, an empty list, an unknown permission or a control character is 78 "
          "with file, line and key",
          "[robust][text]") {
  test::Fixture f;
  struct Row {
    std::string name, text, where, key;
  };
  const std::string two_items = "[[instrument]]\nid = \"x\"\nname = \"X\"\nrecommend_at = 3\n"
                                "  [[instrument.item]]\n  id = \"a\"\n  text = \"A\"\n  domain = \"helse\"\n"
                                "  [[instrument.item]]\n  id = \"b\"\n  text = \"B\"\n  domain = \"helse\"\n  weight = 1\n";
  const std::vector<Row> rows = {
      {"reach.toml", two_items, "reach.toml:4", "instrument[0].recommend_at"},
      {"noinstr.toml", "# none\ninstrument = []\n", "noinstr.toml:2", "instrument"},
      {"noitem.toml", "[[instrument]]\nid = \"x\"\nname = \"X\"\nrecommend_at = 1\nitem = []\n", "noitem.toml:1",
       "instrument[0].item"},
      {"perm.toml", "[access]\n[[access.role]]\nid = \"x\"\npermissions = [\"case.read\", \"case.raed\"]\n", "perm.toml:4",
       "case.raed"},
      {"label.toml", "[[reporter_type]]\nid = \"lege\"\nlabel = \"Lege\\u001b[2J\"\n", "label.toml:3",
       "reporter_type[0].label"},
      {"user.toml", "[access]\nenforce = false\n\n[[access.user]]\nname = \"siri\"\nroles = [\"sjef\"]\n", "user.toml:6",
       "access.user[0].roles"},
  };
  for (const auto& row : rows) {
    auto r = in_english(f, {"config", "check", f.dir.write(row.name, row.text)});
    INFO(row.name << ": exit " << r.code << "\n" << r.err);
    CHECK(r.code == 78);
    CHECK(r.err.find(row.where) != std::string::npos);
    CHECK(r.err.find(row.key) != std::string::npos);
    check_terminal_safe(row.name, r.err);
  }
}

TEST_CASE("rammeverk: a stored one from before the new checks still works, a new file with the same content is 78",
          "[robust][text]") {
  test::Fixture f;
  // Stored by an oppteam without the checks: a role with a permission that
  // does not exist and a threshold no score reaches.
  std::string toml = test::read_file(test::source_path("examples/rammeverk.toml"));
  toml.replace(toml.find("recommend_at = 4"), std::string("recommend_at = 4").size(), "recommend_at = 400");
  toml += "\n[[access.role]]\nid = \"lesar\"\npermissions = [\"plan.read\"]\n";
  {
    robust::Sql sql(f.db());
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(sql.handle(),
                               "INSERT INTO rammeverk(stored_at, stored_by, source_name, hash, toml) "
                               "VALUES ('2026-01-01T00:00:00', 'test', 'old.toml', 'x', ?1)",
                               -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, toml.data(), int(toml.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  // Every command reads the stored one: refusing it now would stop them all,
  // and `config store` of a fixed file too.
  auto list = in_english(f, {"case", "list"});
  INFO(list.err);
  CHECK(list.code == 0);
  auto check = in_english(f, {"config", "check", f.dir.write("same.toml", toml)});
  CHECK(check.code == 78);
  CHECK(check.err.find("plan.read") != std::string::npos);
  CHECK(check.err.find("recommend_at") != std::string::npos);
}

TEST_CASE("rammeverk: a file named database is checked as a file", "[robust][text]") {
  test::Fixture f;
  f.dir.write("database", "[access]\n[[access.role]]\nid = \"x\"\npermissions = [\"plan.read\"]\n");
  auto r = test::run({"--lang", "en", "config", "check", "database"}, "", {{"HOME", f.dir.path()}}, f.dir.path());
  CHECK(r.code == 78);
  CHECK(r.err.find("plan.read") != std::string::npos);
}

TEST_CASE("text: an import reason that echoes bytes that are not UTF-8 shows them, with no replacement warning",
          "[robust][text]") {
  test::Fixture f;
  const std::string file = f.dir.write("l.jsonl", "{\"external_id\": \"L1\", \"need\": \"Beh\xE5v\"}\n");
  auto r = in_english(f, {"--json", "refer", "import", file, "--partial", "--rejects", file + ".rejects"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 65);
  CHECK(r.err.find("U+FFFD") == std::string::npos);  // the warning is about stored text
  CHECK(r.json()["errors"][0]["reason"].get<std::string>().find("\\xE5") != std::string::npos);
}
