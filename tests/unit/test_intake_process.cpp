// The intake library on a temporary database: case numbering, consent's
// age rule and withdrawal pausing a team, decision state rules.

#include "unit/errors.hpp"
#include "unit/intake_world.hpp"
#include "unit/temp_db.hpp"

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/config/embedded.hpp>
#include <oppteam/process/case_view.hpp>
#include <oppteam/process/cases.hpp>
#include <oppteam/process/consent.hpp>
#include <oppteam/process/decision.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/referral_batch.hpp>
#include <oppteam/process/setup.hpp>
#include <oppteam/util/dates.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

using namespace oppteam;

namespace {

using World = unit::IntakeWorld;
using unit::synthetic;

using unit::code_of;

}  // namespace

TEST_CASE("case numbers run per year of the received date, an open case gathers the person's referrals", "[intake]") {
  World w;
  CHECK(w.refer("23923901213") == "2026/1");
  CHECK(w.refer("23923901213", "2026-02-15") == "2026/1");
  CHECK(w.refer(synthetic("018114"), "2025-11-30") == "2025/1");
  CHECK(w.refer(synthetic("028114")) == "2026/2");
  CHECK(audit_verify(w.db).ok);
}

TEST_CASE("the consent age rule uses the birth date in the personal number", "[intake]") {
  World w;
  const auto c = w.refer(synthetic("028310"));  // born 2010-03-02: 16 on 2026-03-02
  ConsentInput in{"utredning", "muntlig", "person", "", "", "", std::nullopt};
  CHECK(give_consent(w.ctx, c, in).age == 16);
  in.given_on = *try_parse_date("2026-03-01");  // the day before the 16th birthday
  CHECK(code_of([&] { give_consent(w.ctx, c, in); }) == ExitCode::refused);
  in.given_by = "foresatt";
  in.giver_name = "Mor";
  CHECK(code_of([&] { give_consent(w.ctx, c, in); }) == ExitCode::ok);
}

TEST_CASE("withdrawing the team consent pauses an active team in the same transaction", "[intake]") {
  World w;
  const auto c = w.refer("23923901213");
  ConsentInput in{"team", "skriftlig", "person", "", "", "", std::nullopt};
  give_consent(w.ctx, c, in);
  const auto ref = find_case(w.db, c);
  w.db.sql().exec("INSERT INTO team(case_id, status, created_on, created_by) VALUES (" + std::to_string(ref.id) +
                  ", 'active', '2026-02-20', 'tester')");
  CHECK(consent_valid(w.db, ref.id, "team", w.ctx.today()));
  const auto r = withdraw_consent(w.ctx, c, "team", std::nullopt, "Vil ikke", std::nullopt);
  CHECK(r.team_paused);
  CHECK(w.db.sql().execAndGet("SELECT status || ' ' || paused_on FROM team").getString() == "paused 2026-03-02");
  CHECK_FALSE(consent_valid(w.db, ref.id, "team", w.ctx.today()));
  CHECK(w.db.sql().execAndGet("SELECT count(*) FROM consent").getInt() == 1);  // kept, not deleted
  CHECK(code_of([&] { withdraw_consent(w.ctx, c, "team", std::nullopt, "", std::nullopt); }) == ExitCode::refused);
}

TEST_CASE("a decision needs an assessment (by default), happens once, and sets the appeal deadline", "[intake]") {
  World w;
  const auto c = w.refer("23923901213");
  DecisionInput grant{true, "", std::nullopt};
  CHECK(code_of([&] { decide_case(w.ctx, c, grant); }) == ExitCode::refused);
  const auto ref = find_case(w.db, c);
  w.db.sql().exec("INSERT INTO assessment(case_id, instrument, instrument_version, rammeverk_hash, assessor, profession, assessed_on, "
                  "score, threshold, recommendation, answers, domains, created_by, created_at) VALUES (" + std::to_string(ref.id) +
                  ", 'kjennetegn', 1, 'x', 'Ane Lie', 'sykepleier', '2026-02-25', 5, 4, 'team', '{}', '{}', 'tester', 'now')");
  DecisionInput refuse{false, "", std::nullopt};
  CHECK(code_of([&] { decide_case(w.ctx, c, refuse); }) == ExitCode::usage);
  const auto r = decide_case(w.ctx, c, grant);
  CHECK(r.appeal_deadline == "2026-03-30");
  CHECK(r.letter.find("Statsforvalteren") != std::string::npos);
  CHECK(find_case(w.db, c).status == CaseStatus::granted);
  CHECK(code_of([&] { decide_case(w.ctx, c, grant); }) == ExitCode::refused);
  const auto doc = show_case(w.ctx, c);
  CHECK(doc["assessment_professions"] == nlohmann::json::array({"sykepleier"}));
}

TEST_CASE("import from a stream: all or nothing, then partial", "[intake]") {
  World w;
  const std::string good = "23923901213";
  std::string text = "external_id,fnr,reporter_type,received,need\n1," + good + ",fastlege,2026-01-01,x\n2,123,fastlege,2026-01-01,y\n";
  {
    std::istringstream in(text);
    CHECK(code_of([&] { import_referrals(w.ctx, in, "t.csv", ImportOptions{}); }) == ExitCode::data);
    CHECK(w.db.sql().execAndGet("SELECT count(*) FROM referral").getInt() == 0);
  }
  {
    std::istringstream in(text);
    ImportOptions o;
    o.partial = true;
    const auto s = import_referrals(w.ctx, in, "t.csv", o);
    CHECK(s.read == 2);
    CHECK(s.stored == 1);
    CHECK(s.rejected == 1);
    REQUIRE(s.errors.size() == 1);
    CHECK(s.errors[0].line == 3);
    CHECK(s.errors[0].column == "fnr");
  }
  CHECK(audit_verify(w.db).ok);
}

namespace {

// `n` referrals for one person (each with its own external_id): enough rows
// for several of the import's batches without needing n personal numbers.
std::string referrals_of_one_person(int n) {
  std::string text = "external_id,fnr,reporter_type,received,need\n";
  for (int i = 1; i <= n; ++i) text += "E" + std::to_string(i) + ",23923901213,fastlege,2026-01-01,Koordinering\n";
  return text;
}

// Serves the first `good` bytes of `text`, then fails the way a file does
// on a read error (the stream sets badbit and reads no further).
class FailingBuffer : public std::streambuf {
 public:
  FailingBuffer(std::string text, std::size_t good) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + std::min(good, text_.size()));
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("read error"); }

 private:
  std::string text_;
};

long long count_referrals(World& w) { return w.db.sql().execAndGet("SELECT count(*) FROM referral").getInt64(); }

}  // namespace

TEST_CASE("an import whose input cannot be read to its end stores nothing, in either mode", "[intake]") {
  World w;
  const std::string text = referrals_of_one_person(6000);  // about three batches
  for (const bool partial : {false, true}) {
    FailingBuffer buffer(text, text.size() * 3 / 4);
    std::istream in(&buffer);
    ImportOptions o;
    o.partial = partial;
    CHECK(unit::key_of([&] { import_referrals(w.ctx, in, "t.csv", o); }) == "import.read_failed");
    // Failing within the first read (the header is lost with it).
    CHECK(unit::code_of([&] {
            FailingBuffer again(text, 100);
            std::istream in2(&again);
            import_referrals(w.ctx, in2, "t.csv", o);
          }) == ExitCode::io);
    CHECK(count_referrals(w) == 0);
  }
  // The whole file, read to its end, is stored.
  std::istringstream whole(text);
  CHECK(import_referrals(w.ctx, whole, "t.csv", ImportOptions{}).stored == 6000);
  CHECK(count_referrals(w) == 6000);
  CHECK(audit_verify(w.db).ok);
}

TEST_CASE("an import that fails while storing stops its reader and stores nothing", "[intake]") {
  World w;
  // The 3000th referral cannot be stored; the reader is by then far ahead.
  w.db.sql().exec(
      "CREATE TEMP TRIGGER stop_at BEFORE INSERT ON referral WHEN NEW.external_id = 'E3000' "
      "BEGIN SELECT RAISE(ABORT, 'stopped by the test'); END");
  std::istringstream in(referrals_of_one_person(40000));
  CHECK_THROWS(import_referrals(w.ctx, in, "t.csv", ImportOptions{}));
  CHECK(count_referrals(w) == 0);
  CHECK(w.db.sql().execAndGet("SELECT count(*) FROM case_file").getInt() == 0);
  // The connection is left fit for the next import.
  w.db.sql().exec("DROP TRIGGER temp.stop_at");
  std::istringstream next(referrals_of_one_person(5000));
  const auto s = import_referrals(w.ctx, next, "t.csv", ImportOptions{});
  CHECK(s.stored == 5000);
  CHECK(s.cases_opened == 1);
  CHECK(audit_verify(w.db).ok);
}

namespace {

// Serves `text`, then waits (as a pipe with a silent writer does) until
// release() before it ends.
class StallingBuffer : public std::streambuf {
 public:
  explicit StallingBuffer(std::string text) : text_(std::move(text)) {}
  void release() {
    {
      const std::lock_guard lock(mutex_);
      released_ = true;
    }
    changed_.notify_all();
  }

 protected:
  int_type underflow() override {
    if (!served_) {
      served_ = true;
      setg(text_.data(), text_.data(), text_.data() + text_.size());
      return traits_type::to_int_type(text_[0]);
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return released_; });
    return traits_type::eof();
  }

 private:
  std::string text_;
  bool served_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool released_ = false;
};

}  // namespace

TEST_CASE("an import that fails releases the write lock while its input still stalls", "[intake]") {
  World w;
  // The trigger tells the test when the store fails (test_reached()).
  static std::atomic<bool> reached{false};
  reached = false;
  REQUIRE(sqlite3_create_function(
              w.db.sql().getHandle(), "test_reached", 0, SQLITE_UTF8, nullptr,
              [](sqlite3_context* c, int, sqlite3_value**) {
                reached = true;
                sqlite3_result_null(c);
              },
              nullptr, nullptr) == SQLITE_OK);
  w.db.sql().exec(
      "CREATE TEMP TRIGGER stop_at BEFORE INSERT ON referral WHEN NEW.external_id = 'E10' "
      "BEGIN SELECT test_reached(); SELECT RAISE(ABORT, 'stopped by the test'); END");
  StallingBuffer buffer(referrals_of_one_person(20000));  // more than one batch (8192 rows)
  std::istream in(&buffer);
  std::atomic<bool> threw{false};
  std::thread import([&] {
    try {
      import_referrals(w.ctx, in, "-", ImportOptions{});
    } catch (...) {
      threw = true;
    }
  });
  // Another writer gets the database while the failed import still waits
  // for its input (its reader is blocked in a read that nothing ends).
  for (int i = 0; i < 200 && !reached; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  REQUIRE(reached);
  SQLite::Database other(w.tmp.file("k.db"), SQLite::OPEN_READWRITE);
  bool free = false;
  for (int i = 0; i < 100 && !free; ++i) {
    try {
      other.exec("BEGIN IMMEDIATE");
      other.exec("ROLLBACK");
      free = true;
    } catch (const SQLite::Exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  CHECK(free);
  buffer.release();
  import.join();
  CHECK(threw);
  CHECK(count_referrals(w) == 0);
}

TEST_CASE("a rejects file is removed when the import cannot read its input to the end", "[intake]") {
  World w;
  const std::string rejects = w.tmp.file("rejects.csv");
  std::string text = "external_id,fnr,reporter_type,received,need\nX1,123,fastlege,2026-01-01,Feil nummer\n";
  text += referrals_of_one_person(3000).substr(text.find('\n') + 1);
  FailingBuffer buffer(text, text.size() / 2);
  std::istream in(&buffer);
  ImportOptions o;
  o.partial = true;
  o.rejects_path = rejects;
  CHECK(unit::key_of([&] { import_referrals(w.ctx, in, "t.csv", o); }) == "import.read_failed");
  CHECK_FALSE(std::filesystem::exists(rejects));
  // Read to the end, the rejected row is written and the file kept.
  std::istringstream whole(text);
  const auto s = import_referrals(w.ctx, whole, "t.csv", o);
  CHECK(s.rejected == 1);
  CHECK(std::filesystem::exists(rejects));
}

namespace {

// A synthetic number for the k-th day from 1 January 2000 (k < 8,736: born
// by 2025, and the century read from the number).
std::string nth_person(int k) {
  const int year = 2000 + k / (12 * 28), month = k / 28 % 12 + 1, day = k % 28 + 1;
  return synthetic(fmt::format("{:02}{:02}{:02}", day, month + 80, year % 100));
}

long long seals_of(World& w, const std::string& table) {
  return w.db.sql().execAndGet("SELECT count(*) FROM audit_seal WHERE tbl = '" + table + "' AND audit_id IS NOT NULL").getInt64();
}

}  // namespace

// The seals of an import's entry cover what it stored: rows over two
// batches, with and without optional values, a person recurring in a batch
// and across batches, a rejected row, a person known before who gets a
// name, and a person stored by the import who gets a name in a later batch.
TEST_CASE("an import's seals verify against the rows it stored", "[intake][audit]") {
  World w;
  const std::string known = nth_person(8735);
  w.refer(known);  // no name yet: the import names it (sealed as a change)
  std::string text = "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
  const int rows = int(ReferralBatch::kCapacity) + 500;
  for (int i = 0; i < rows; ++i) {
    const std::string fnr = i == 7 ? known : nth_person(i % 5 == 4 ? i - 1 : i);  // every fifth row: the person before
    const std::string name = i % 3 == 0 ? "" : "Kari Nordmann " + std::to_string(i);
    const std::string reporter = i % 2 == 0 ? "" : "Melder " + std::to_string(i);
    text += fmt::format("X{},{},{},nav,{},2026-0{}-1{},\"Behov, {}\"\n", i, fnr, name, reporter, 1 + i % 2, i % 10, i);
  }
  text += "bad,123,,nav,,2026-01-01,y\n";  // rejected: not a personal number
  std::istringstream in(text);
  ImportOptions o;
  o.partial = true;
  const auto s = import_referrals(w.ctx, in, "t.csv", o);
  CHECK(s.stored == std::size_t(rows));
  CHECK(s.rejected == 1);
  CHECK(seals_of(w, "referral") == 2);  // refer add's, the import's
  CHECK(seals_of(w, "person") == 3);    // refer add's, the import's new persons and its named one
  const auto v = audit_verify(w.db);
  CHECK(v.problem == "");
  CHECK(v.ok);

  SECTION("a second import: a person it stored is named in a later batch") {
    std::string more = "external_id,fnr,name,reporter_type,reporter_name,received,need\n";
    more += "Y0," + nth_person(8700) + ",,nav,,2026-01-01,a\n";
    for (int i = 1; i < rows; ++i) more += fmt::format("Y{},{},,nav,,2026-01-01,b\n", i, nth_person(8000 + i % 600));
    more += "Y-last," + nth_person(8700) + ",Ola Nordmann,nav,,2026-01-01,c\n";
    std::istringstream in2(more);
    CHECK(import_referrals(w.ctx, in2, "u.csv", ImportOptions{}).stored == std::size_t(rows + 1));
    CHECK(audit_verify(w.db).ok);
  }
}

// An import whose sender has nothing stored before looks up only the
// external ids a Bloom filter of its own stored ids may hold: a re-send
// and a conflict in a later batch of the same import are still found, and
// another sender's ids are not this one's.
TEST_CASE("re-sends and conflicts across the batches of one import are found, for a new sender too", "[intake]") {
  World w;
  const int rows = int(ReferralBatch::kCapacity) + 100;
  auto batch = [&](const std::string& prefix, int first_name_change) {
    std::string text = "external_id,fnr,reporter_type,received,need\n";
    for (int i = 0; i < rows; ++i) text += fmt::format("{}{},{},nav,2026-02-01,Behov {}\n", prefix, i, nth_person(i), i);
    // Rows 0 and 1 again, after the first batch: row 0 the same, row 1 with another need.
    text += fmt::format("{}0,{},nav,2026-02-01,Behov 0\n", prefix, nth_person(0));
    text += fmt::format("{}1,{},nav,2026-02-01,Behov {}\n", prefix, nth_person(1), first_name_change);
    return text;
  };
  auto import_as = [&](const std::string& sender, const std::string& text) {
    std::istringstream in(text);
    ImportOptions o;
    o.partial = true;
    o.sender = sender;
    return import_referrals(w.ctx, in, "t.csv", o);
  };
  const auto a = import_as("alfa", batch("E", 99));
  CHECK(a.stored == std::size_t(rows));
  CHECK(a.duplicates == 1);
  CHECK(a.conflicts == 1);
  // Another sender with the same ids: its own referrals, nothing found.
  const auto b = import_as("beta", batch("E", 98));
  CHECK(b.stored == std::size_t(rows));
  CHECK(b.duplicates == 1);
  CHECK(b.conflicts == 1);
  // The first sender again: every row found in the store.
  const auto again = import_as("alfa", batch("E", 99));
  CHECK(again.stored == 0);
  CHECK(again.duplicates == std::size_t(rows) + 1);
  CHECK(again.conflicts == 1);
  CHECK(audit_verify(w.db).ok);
}

// A large import of a sender with referrals stored before reads their ids
// into its Bloom filter (the file's size says it is large) and looks up
// only the rows that filter may hold: re-sends and conflicts of the
// referrals stored before, and of its own earlier batches, are still found.
TEST_CASE("a large import of a sender with referrals stored before finds their re-sends and conflicts", "[intake]") {
  World w;
  auto import_text = [&](const std::string& text) {
    std::istringstream in(text);
    ImportOptions o;
    o.partial = true;
    o.sender = "alfa";
    return import_referrals(w.ctx, in, "t.csv", o, text.size());
  };
  std::string first = "external_id,fnr,reporter_type,received,need\n";
  for (int i = 0; i < 10; ++i) first += fmt::format("S{},{},nav,2026-02-01,Behov {}\n", i, nth_person(i), i);
  REQUIRE(import_text(first).stored == 10);

  const int rows = int(ReferralBatch::kCapacity) + 100;
  std::string text = "external_id,fnr,reporter_type,received,need\n";
  text += fmt::format("S3,{},nav,2026-02-01,Behov 3\n", nth_person(3));        // a re-send of one stored before
  text += fmt::format("S4,{},nav,2026-02-01,Behov endret\n", nth_person(4));   // a conflict with one stored before
  for (int i = 0; i < rows; ++i) text += fmt::format("N{},{},nav,2026-02-01,Behov {}\n", i, nth_person(100 + i % 8000), i);
  text += fmt::format("N0,{},nav,2026-02-01,Behov 0\n", nth_person(100));      // a re-send from the first batch
  const auto s = import_text(text);
  CHECK(s.stored == std::size_t(rows));
  CHECK(s.duplicates == 2);
  CHECK(s.conflicts == 1);
  CHECK(audit_verify(w.db).ok);
}
