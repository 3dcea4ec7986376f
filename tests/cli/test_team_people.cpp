// Reminders that reach whoever does the work (issue 15): contact details
// of team members, remind --for a member, remind --by-person, and
// examples/remind-mail.sh sending each person their own list.

#include "cli/harness.hpp"
#include "cli/test_team_helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace team_test;
namespace fs = std::filesystem;

namespace {

// A granted case whose team holds e-mail addresses, a plan goal and two measures.
std::string case_with_contacts(test::Fixture& f) {
  std::string c = granted_case(f);
  auto r = f.oppteam({"--today", "2026-03-11", "team", "create", c, "--coordinator", "Ane Lie", "--gp", "Dr. Berg", "--member",
                      "Ane Lie:koordinator:helse:email=ane.lie@kommune.example", "--member",
                      "Ola Dahl:nav_veileder:nav:email=ola.dahl@nav.example:phone=+47 22 00 00 00", "--member",
                      "Siri Moe:hjemmesykepleie:hjemmetjenesten:email=siri.moe@kommune.example"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "goal", c, "--text", "Bo trygt heime"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "Besøk", "--responsible", "Siri Moe",
                     "--due", "2026-04-01"}).code == 0);
  REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", c, "--goal", "1", "--text", "TT-kort", "--responsible", "Ola Dahl",
                     "--due", "2026-04-03"}).code == 0);
  return c;
}

}  // namespace

TEST_CASE("team members carry phone and e-mail, shown by team show and exported", "[team][contact]") {
  test::Fixture f;
  const std::string c = case_with_contacts(f);
  auto show = f.oppteam({"--json", "team", "show", c});
  REQUIRE(show.code == 0);
  const auto doc = show.json();
  bool seen_ola = false, seen_ane = false;
  for (const auto& m : doc["team"]["current"]) {
    if (m["name"] == "Ola Dahl") {
      seen_ola = true;
      CHECK(m["email"] == "ola.dahl@nav.example");
      CHECK(m["phone"] == "+47 22 00 00 00");
      CHECK(m["service"] == "nav");
    }
    if (m["name"] == "Ane Lie") {
      seen_ane = true;
      CHECK(m["kind"] == "coordinator");
      CHECK(m["email"] == "ane.lie@kommune.example");  // the coordinator listed as a member keeps the address
    }
    if (m["name"] == "Dr. Berg") CHECK(m["email"].is_null());
  }
  CHECK(seen_ola);
  CHECK(seen_ane);
  auto text = f.oppteam({"team", "show", c});
  CHECK(text.out.find("ola.dahl@nav.example") != std::string::npos);
  auto pe = f.oppteam({"--json", "person", "export", kFnr});
  REQUIRE(pe.code == 0);
  CHECK(pe.out.find("siri.moe@kommune.example") != std::string::npos);

  // team add takes the same form; the old NAME:ROLE:SERVICE still works.
  CHECK(f.oppteam({"team", "add", c, "--member", "Kari Nes:ergoterapeut:fysio_ergo"}).code == 0);
  CHECK(f.oppteam({"team", "add", c, "--member", "Eva Li:ergoterapeut:fysio_ergo:email=eva@kommune.example"}).code == 0);
  CHECK(f.oppteam({"team", "add", c, "--participant", "Kari Hansen:parorende:phone=99 88 77 66"}).code == 0);
  // Bad details: a key oppteam does not know is a usage error, a bad address or number bad data.
  CHECK(f.oppteam({"team", "add", c, "--member", "Bo Ek:ergoterapeut:fysio_ergo:fax=1"}).code == 64);
  CHECK(f.oppteam({"team", "add", c, "--member", "Bo Ek:ergoterapeut:fysio_ergo:email=-oQ/tmp/x@evil"}).code == 65);
  CHECK(f.oppteam({"team", "add", c, "--member", "Bo Ek:ergoterapeut:fysio_ergo:email=a@b,c@d"}).code == 65);
  CHECK(f.oppteam({"team", "add", c, "--member", "Bo Ek:ergoterapeut:fysio_ergo:email=nobody"}).code == 65);
  CHECK(f.oppteam({"team", "add", c, "--member", "Bo Ek:ergoterapeut:fysio_ergo:phone=12;rm"}).code == 65);
  auto again = f.oppteam({"--json", "team", "show", c});
  CHECK(again.out.find("Bo Ek") == std::string::npos);
}

TEST_CASE("team contact changes a member's address and number, audited with the old and new values", "[team][contact]") {
  test::Fixture f;
  const std::string c = case_with_contacts(f);
  auto changed = f.oppteam({"--today", "2026-04-02", "--json", "team", "contact", c, "Ola Dahl", "--email",
                            "ola.dahl@nav.example.no", "--phone", ""});
  INFO(changed.out << changed.err);
  REQUIRE(changed.code == 0);
  const auto doc = changed.json();
  bool seen = false;
  for (const auto& m : doc["team"]["current"])
    if (m["name"] == "Ola Dahl") {
      seen = true;
      CHECK(m["email"] == "ola.dahl@nav.example.no");
      CHECK(m["phone"].is_null());
    }
  CHECK(seen);
  // remind --by-person uses the new address.
  auto by = f.oppteam({"--today", "2026-04-05", "--json", "remind", "--by-person"});
  REQUIRE(by.code == 0);
  CHECK(by.out.find("ola.dahl@nav.example.no") != std::string::npos);
  // Audited with before and after, and shown in the team's history.
  auto log = f.oppteam({"--json", "audit", "log", "--case", c});
  INFO(log.out << log.err);
  CHECK(log.out.find("ola.dahl@nav.example -> ola.dahl@nav.example.no") != std::string::npos);
  CHECK(f.oppteam({"team", "show", c}).out.find("kontaktopplysninger endret: Ola Dahl") != std::string::npos);
  // In the reader's words, not the stored form.
  const std::string text = f.oppteam({"audit", "log", "--case", c}).out;
  INFO(text);
  CHECK(text.find("Ola Dahl: e-post ola.dahl@nav.example → ola.dahl@nav.example.no, telefon") != std::string::npos);
  CHECK(text.find(" -> ") == std::string::npos);
  // Refusals: nothing to change (64), a bad address (65), no such member (1); nothing stored.
  CHECK(f.oppteam({"team", "contact", c, "Ola Dahl"}).code == 64);
  CHECK(f.oppteam({"team", "contact", c, "Ola Dahl", "--email", "not an address"}).code == 65);
  CHECK(f.oppteam({"team", "contact", c, "Per Ukjent", "--email", "per@kommune.example"}).code == 1);
  CHECK(f.oppteam({"--json", "team", "show", c}).out.find("not an address") == std::string::npos);
}

TEST_CASE("remind --for a member lists the measures they carry, --by-person groups by who must act", "[team][remind]") {
  test::Fixture f;
  const std::string c = case_with_contacts(f);
  auto siri = f.oppteam({"--today", "2026-04-05", "--json", "remind", "--for", "Siri Moe"});
  REQUIRE(siri.code == 0);
  const auto sd = siri.json();
  REQUIRE(sd["items"].size() == 1);
  CHECK(sd["items"][0]["kind"] == "measure");
  CHECK(sd["items"][0]["assignee"] == "Siri Moe");

  auto by = f.oppteam({"--today", "2026-04-05", "--json", "remind", "--by-person"});
  INFO(by.out << by.err);
  REQUIRE(by.code == 0);
  const auto doc = by.json();
  std::map<std::string, nlohmann::json> people;
  for (const auto& p : doc["people"]) people[p["name"].get<std::string>()] = p;
  REQUIRE(people.count("Siri Moe") == 1);
  REQUIRE(people.count("Ola Dahl") == 1);
  CHECK(people["Siri Moe"]["email"] == "siri.moe@kommune.example");
  CHECK(people["Ola Dahl"]["phone"] == "+47 22 00 00 00");
  REQUIRE(people["Siri Moe"]["items"].size() == 1);
  CHECK(people["Siri Moe"]["items"][0]["measure"] == 1);
  // Ane Lie coordinates: the plan's first evaluation is not due yet, so nothing of her own.
  CHECK(people.count("Ane Lie") == 0);
  CHECK(doc["items"].size() == 2);

  auto text = f.oppteam({"--today", "2026-04-05", "remind", "--by-person"});
  REQUIRE(text.code == 0);
  CHECK(text.out.find("Siri Moe <siri.moe@kommune.example>") != std::string::npos);
  CHECK(text.out.find("Ola Dahl <ola.dahl@nav.example>") < text.out.find("Siri Moe <"));
  // Nothing due: silence for cron.
  auto quiet = f.oppteam({"--today", "2026-03-20", "remind", "--by-person"});
  CHECK(quiet.code == 0);
  CHECK(quiet.out.empty());
}

TEST_CASE("examples/remind-mail.sh mails each person their own list at the address the team holds", "[team][remind][mail]") {
  test::Fixture f;
  case_with_contacts(f);
  // A fake sendmail on PATH: each message appended to a file, with its arguments.
  const std::string fakebin = f.dir.file("fakebin");
  fs::create_directory(fakebin);
  const std::string spool = f.dir.file("mail.out");
  f.dir.write("fakebin/sendmail", "#!/bin/sh\n{ echo \"ARGS: $*\"; cat; echo '--END--'; } >> '" + spool + "'\n");
  chmod((fakebin + "/sendmail").c_str(), 0755);
  const std::string bin = fs::path(test::binary()).parent_path().string();
  auto run_script = [&](const std::string& today) {
    const std::string cmd = "cd '" + f.dir.path() + "' && HOME='" + f.dir.path() + "' OPPTEAM_DB='" + f.db() +
                            "' TODAY='" + today + "' WITHIN=0 PATH='" + fakebin + "':'" + bin + "':\"$PATH\" sh '" +
                            test::source_path("examples/remind-mail.sh") + "' 2>&1";
    return std::system(cmd.c_str());
  };
  REQUIRE(run_script("2026-03-20") == 0);
  CHECK(!fs::exists(spool));  // nothing due: no mail at all
  REQUIRE(run_script("2026-04-05") == 0);
  REQUIRE(fs::exists(spool));
  const std::string mail = test::read_file(spool);
  INFO(mail);
  // Two messages, one per person, each to their own address and with only their items.
  std::size_t count = 0;
  for (auto p = mail.find("--END--"); p != std::string::npos; p = mail.find("--END--", p + 1)) ++count;
  CHECK(count == 2);
  const auto siri = mail.find("To: siri.moe@kommune.example");
  const auto ola = mail.find("To: ola.dahl@nav.example");
  REQUIRE(siri != std::string::npos);
  REQUIRE(ola != std::string::npos);
  const std::string siri_msg = mail.substr(siri, mail.find("--END--", siri) - siri);
  CHECK(siri_msg.find("Siri Moe") != std::string::npos);
  CHECK(siri_msg.find("Ola Dahl") == std::string::npos);
  CHECK(mail.find("ARGS: -t -oi") != std::string::npos);  // addresses from the headers, never from the command line

  // Trial s12 #6: a name with a backslash or a tab (jq's @tsv escapes
  // both, so the name matched no one under --for) still gets its mail.
  fs::remove(spool);
  for (const std::string name : {"Per\\Olsen", "Tab\tMann"}) {
    REQUIRE(f.oppteam({"--today", "2026-03-12", "team", "add", "2026/1", "--member",
                       name + ":hjemmesykepleie:hjemmetjenesten:email=" + (name[0] == 'P' ? "per" : "tab") + "@kommune.example"})
                .code == 0);
    REQUIRE(f.oppteam({"--today", "2026-03-12", "plan", "measure", "2026/1", "--goal", "1", "--text", "Ring", "--responsible", name,
                       "--due", "2026-04-05"})
                .code == 0);
  }
  REQUIRE(run_script("2026-04-05") == 0);
  const std::string more = test::read_file(spool);
  INFO(more);
  CHECK(more.find("To: per@kommune.example") != std::string::npos);
  CHECK(more.find("To: tab@kommune.example") != std::string::npos);
}
