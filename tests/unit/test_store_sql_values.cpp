// The stores' binding and row reading (store/sql_values.hpp) on a database
// in memory: what each kind of value is stored as, and how NULL reads back.

#include "unit/errors.hpp"

#include <oppteam/domain/case.hpp>
#include <oppteam/domain/team.hpp>
#include <oppteam/store/sql_values.hpp>

#include <catch2/catch.hpp>

using namespace oppteam;

namespace {

struct Memory {
  Database db = Database::open_raw(":memory:");
  Memory() { db.sql().exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d)"); }

  // The SQL type and text of column `column` of row `id`, e.g. "null:" or "text:x".
  std::string stored(std::int64_t id, const std::string& column) {
    return sql::Query(db, "SELECT typeof(" + column + ") || ':' || coalesce(" + column + ", '') FROM t WHERE id = ?", id)
        .one(&sql::Row::text);
  }
};

}  // namespace

TEST_CASE("sql::insert binds its values in order and returns the new row's id", "[store][sql_values]") {
  Memory m;
  const std::string text = "tekst";
  CHECK(sql::insert(m.db, "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)", std::int64_t(7), 3, text, std::string_view("vis")) == 1);
  CHECK(m.stored(1, "a") == "integer:7");
  CHECK(m.stored(1, "b") == "integer:3");
  CHECK(m.stored(1, "c") == "text:tekst");
  CHECK(m.stored(1, "d") == "text:vis");
  CHECK(sql::insert(m.db, "INSERT INTO t (a, b) VALUES (?, ?)", true, false) == 2);
  CHECK(m.stored(2, "a") == "integer:1");
  CHECK(m.stored(2, "b") == "integer:0");
}

TEST_CASE("an empty optional and an empty text under null_if_empty are bound as NULL", "[store][sql_values]") {
  Memory m;
  const std::string empty, filled = "x";
  sql::insert(m.db, "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)", std::optional<int>(), sql::null_if_empty(empty),
              std::optional<std::string>("y"), sql::null_if_empty(filled));
  CHECK(m.stored(1, "a") == "null:");
  CHECK(m.stored(1, "b") == "null:");
  CHECK(m.stored(1, "c") == "text:y");
  CHECK(m.stored(1, "d") == "text:x");
  // A text not wrapped is stored as it is, empty too.
  sql::insert(m.db, "INSERT INTO t (a, b) VALUES (?, ?)", empty, std::nullopt);
  CHECK(m.stored(2, "a") == "text:");
  CHECK(m.stored(2, "b") == "null:");
}

TEST_CASE("a status enum is bound as its stored text, an empty optional one as NULL", "[store][sql_values]") {
  Memory m;
  sql::insert(m.db, "INSERT INTO t (a, b, c) VALUES (?, ?, ?)", CaseStatus::closed, std::optional<TeamStatus>(TeamStatus::paused),
              std::optional<TeamStatus>());
  CHECK(m.stored(1, "a") == "text:closed");
  CHECK(m.stored(1, "b") == "text:paused");
  CHECK(m.stored(1, "c") == "null:");
}

TEST_CASE("sql::exec returns the rows it changed", "[store][sql_values]") {
  Memory m;
  m.db.sql().exec("INSERT INTO t (a) VALUES (1), (1), (2)");
  CHECK(sql::exec(m.db, "UPDATE t SET b = ? WHERE a = ?", "z", 1) == 2);
  CHECK(sql::exec(m.db, "DELETE FROM t WHERE a = ?", 3) == 0);
}

TEST_CASE("a row is read in column order, NULL as empty text or none", "[store][sql_values]") {
  Memory m;
  m.db.sql().exec("INSERT INTO t (a, b, c, d) VALUES (NULL, NULL, NULL, 'received'), (5, 'tekst', 0, 'granted')");
  struct Read {
    std::int64_t id;
    std::string a_text;
    std::optional<std::string> b;
    std::optional<int> c;
    CaseStatus d;
  };
  const auto rows = sql::Query(m.db, "SELECT id, a, b, c, d FROM t ORDER BY id").all([](sql::Row& r) {
    return Read{r.int64(), r.text(), r.text_or_none(), r.integer_or_none(), r.stored(case_status_from, "t.d")};
  });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == 1);
  CHECK(rows[0].a_text.empty());
  CHECK_FALSE(rows[0].b);
  CHECK_FALSE(rows[0].c);
  CHECK(rows[0].d == CaseStatus::received);
  CHECK(rows[1].a_text == "5");
  CHECK(rows[1].b == "tekst");
  CHECK(rows[1].c == 0);
  CHECK(rows[1].d == CaseStatus::granted);

  // Into fields, each as its type reads.
  sql::Query fields(m.db, "SELECT id, b, c, b, c, a FROM t ORDER BY id");
  REQUIRE(fields.next());
  std::int64_t id = 0;
  std::string b = "x";
  std::optional<int> c = 1;
  std::optional<std::string> b_or_none = "x";
  bool flag = true;
  int a = 1;
  fields.row().read(id, b, c, b_or_none, flag, a);
  CHECK(id == 1);
  CHECK(b.empty());
  CHECK_FALSE(c);
  CHECK_FALSE(b_or_none);
  CHECK_FALSE(flag);
  CHECK(a == 0);

  // From a given column, and a flag.
  auto q = sql::Query(m.db, "SELECT id, a, c FROM t WHERE id = ?", 2);
  REQUIRE(q.next());
  auto r = q.row(1);
  CHECK(r.integer() == 5);
  CHECK_FALSE(r.flag());
}

TEST_CASE("sql::Query's first is none without a row, and rebind runs it again", "[store][sql_values]") {
  Memory m;
  m.db.sql().exec("INSERT INTO t (a) VALUES ('x'), ('y')");
  CHECK_FALSE(sql::Query(m.db, "SELECT a FROM t WHERE id = ?", 9).first(&sql::Row::text));
  sql::Query q(m.db, "SELECT a FROM t WHERE id = ?", 1);
  CHECK(q.first(&sql::Row::text) == "x");
  q.rebind(2);
  CHECK(q.all(&sql::Row::text) == std::vector<std::string>{"y"});
}

TEST_CASE("a stored text of no value of its enum is a storage error, store.bad_value", "[store][sql_values][bad_value]") {
  Memory m;
  m.db.sql().exec("INSERT INTO t (a, b) VALUES ('open', NULL)");
  auto read = [&](const char* column) {
    sql::Query(m.db, std::string("SELECT ") + column + " FROM t").one([](sql::Row& r) { return r.stored(case_status_from, "t.a"); });
  };
  CHECK(unit::key_of([&] { read("a"); }) == "store.bad_value");
  CHECK(unit::code_of([&] { read("a"); }) == ExitCode::data);
  CHECK(unit::key_of([&] { read("b"); }) == "store.bad_value");  // NULL is no value either
}
