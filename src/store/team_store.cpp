#include <oppteam/store/team_store.hpp>

#include <oppteam/store/sql_values.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace oppteam {

using sql::null_if_empty;

namespace {

// The columns of a team_member row (alias m) member_row reads.
constexpr std::string_view kMemberColumns =
    "SELECT m.id, m.name, m.role, m.service, m.kind, m.added_on, m.removed_on, m.removed_reason, m.email, m.phone";

TeamMember member_row(sql::Row& r) {
  TeamMember tm;
  r.read(tm.id, tm.name, tm.role, tm.service);
  tm.kind = r.stored(member_kind_from, "team_member.kind");
  r.read(tm.added_on, tm.removed_on, tm.removed_reason, tm.email, tm.phone);
  return tm;
}

}  // namespace

std::optional<TeamRecord> TeamStore::find(std::int64_t case_id) {
  return db_.read_per_statement([&]() -> std::optional<TeamRecord> {
    sql::Query q(db_,
                 "SELECT t.id, t.status, t.created_on, t.created_by, t.paused_on, t.pause_reason, t.closed_on, "
                 "t.close_reason, c.status FROM team t JOIN case_file c ON c.id = t.case_id WHERE t.case_id = ?",
                 case_id);
    if (!q.next()) return std::nullopt;
    auto r = q.row();
    TeamRecord t;
    r.read(t.id);
    t.status = r.stored(team_status_from, "team.status");
    r.read(t.created_on, t.created_by, t.paused_on, t.pause_reason, t.closed_on, t.close_reason);
    t.case_status = r.stored(case_status_from, "case_file.status");
    t.members =
        sql::Query(db_, std::string(kMemberColumns) + " FROM team_member m WHERE m.team_id = ? ORDER BY m.id", t.id).all(member_row);
    return t;
  });
}

std::optional<TeamStatus> TeamStore::status_of(std::int64_t case_id) {
  return sql::Query(db_, "SELECT status FROM team WHERE case_id = ?", case_id).first([](sql::Row& r) {
    return r.stored(team_status_from, "team.status");
  });
}

std::optional<TeamState> TeamStore::state(std::int64_t case_id) {
  return sql::Query(db_, "SELECT id, status FROM team WHERE case_id = ?", case_id).first([](sql::Row& r) {
    return TeamState{r.int64(), r.stored(team_status_from, "team.status")};
  });
}

std::vector<TeamMember> TeamStore::current_members(std::int64_t case_id) {
  return sql::Query(db_,
                    std::string(kMemberColumns) +
                        " FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.case_id = ? AND m.removed_on IS NULL "
                        "ORDER BY CASE m.kind WHEN 'coordinator' THEN 0 WHEN 'participant' THEN 1 WHEN 'gp' THEN 2 ELSE 3 END, m.id",
                    case_id)
      .all(member_row);
}

bool TeamStore::is_current_member(std::int64_t case_id, const std::string& name) {
  return sql::Query(db_,
                    "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                    "WHERE t.case_id = ? AND m.name = ? AND m.removed_on IS NULL LIMIT 1",
                    case_id, name)
      .next();
}

std::int64_t TeamStore::create(std::int64_t case_id, const std::string& created_on, const std::string& created_by) {
  return sql::insert(db_, "INSERT INTO team (case_id, status, created_on, created_by) VALUES (?, ?, ?, ?)", case_id,
                     TeamStatus::active, created_on, created_by);
}

std::int64_t TeamStore::add_member(std::int64_t team_id, const MemberSpec& m, MemberKind kind, const std::string& added_on) {
  return sql::insert(db_, "INSERT INTO team_member (team_id, name, role, service, kind, added_on, email, phone) VALUES (?,?,?,?,?,?,?,?)",
                     team_id, m.name, m.role, null_if_empty(m.service), kind, added_on, null_if_empty(m.email), null_if_empty(m.phone));
}

void TeamStore::close_member(std::int64_t member_id, const std::string& on, const std::string& reason) {
  sql::exec(db_, "UPDATE team_member SET removed_on = ?, removed_reason = ? WHERE id = ?", on, null_if_empty(reason), member_id);
}

void TeamStore::set_email(std::int64_t member_id, const std::string& email) {
  sql::exec(db_, "UPDATE team_member SET email = ? WHERE id = ?", null_if_empty(email), member_id);
}

void TeamStore::set_phone(std::int64_t member_id, const std::string& phone) {
  sql::exec(db_, "UPDATE team_member SET phone = ? WHERE id = ?", null_if_empty(phone), member_id);
}

void TeamStore::pause(std::int64_t team_id, const std::string& on, const std::string& reason) {
  sql::exec(db_, "UPDATE team SET status = 'paused', paused_on = ?, pause_reason = ? WHERE id = ?", on, reason, team_id);
}

bool TeamStore::pause_if_active(std::int64_t case_id, const std::string& on, const std::string& reason) {
  return sql::exec(db_,
                   "UPDATE team SET status = 'paused', paused_on = ?, pause_reason = ? "
                   "WHERE case_id = ? AND status = 'active'",
                   on, reason, case_id) > 0;
}

void TeamStore::resume(std::int64_t team_id) {
  sql::exec(db_, "UPDATE team SET status = 'active' WHERE id = ?", team_id);
}

void TeamStore::close(std::int64_t team_id, const std::string& on, const std::string& reason) {
  sql::exec(db_, "UPDATE team SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?", on, reason, team_id);
}

bool TeamStore::reopen(std::int64_t case_id, TeamStatus status) {
  return sql::exec(db_, "UPDATE team SET status = ?, closed_on = NULL, close_reason = NULL WHERE case_id = ?", status, case_id) > 0;
}

std::vector<TeamStore::ContactRow> TeamStore::contacts_named(const std::string& name) {
  return db_.read_per_statement([&] {
    return sql::Query(db_,
                      "SELECT email, phone, removed_on IS NULL AS current FROM team_member "
                      "WHERE name = ?1 AND (email IS NOT NULL OR phone IS NOT NULL) ORDER BY current DESC, id DESC",
                      name)
        .all([](sql::Row& r) { return ContactRow{r.text(), r.text()}; });
  });
}

void TeamStore::add_review(std::int64_t case_id, const TeamReview& r) {
  sql::exec(db_, "INSERT INTO team_review (case_id, reviewed_on, reviewed_by, answers) VALUES (?, ?, ?, ?)", case_id, r.date,
            r.reviewed_by, nlohmann::json(r.answers).dump());
}

std::vector<TeamReview> TeamStore::reviews(std::int64_t case_id) {
  return sql::Query(db_, "SELECT reviewed_on, reviewed_by, answers FROM team_review WHERE case_id = ? ORDER BY reviewed_on, id",
                    case_id)
      .all([](sql::Row& row) {
        TeamReview r;
        row.read(r.date, r.reviewed_by);
        const auto j = nlohmann::json::parse(row.text(), nullptr, false);
        if (j.is_object())
          for (const auto& [k, v] : j.items())
            if (v.is_number_integer()) r.answers[k] = v.get<int>();
        return r;
      });
}

std::vector<TeamStore::ReviewCountRow> TeamStore::review_counts(const std::string& from, const std::string& to,
                                                                const std::string& period_expr) {
  return sql::Query(db_, fmt::format(fmt::runtime(R"sql(
    SELECT {} AS period, a.key, c.person_id, count(*), sum(a.value)
    FROM team_review r JOIN case_file c ON c.id = r.case_id, json_each(r.answers) a
    WHERE r.reviewed_on >= ? AND r.reviewed_on <= ? AND a.type = 'integer'
    GROUP BY period, a.key, c.person_id ORDER BY period, a.key)sql"), period_expr), from, to)
      .all([](sql::Row& r) {
        ReviewCountRow row;
        row.period = r.text();
        row.item = r.text();
        row.person = r.int64();
        row.reviews = r.int64();
        row.sum = r.int64();
        return row;
      });
}

}  // namespace oppteam
