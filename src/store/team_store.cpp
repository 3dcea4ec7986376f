#include <oppteam/store/team_store.hpp>

#include <oppteam/store/sql_values.hpp>
#include <oppteam/store/stored_enum.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace oppteam {

using sql::bind_text_or_null;
using sql::text_or_empty;

namespace {

// The columns of a team_member row (alias m) member_row reads.
constexpr std::string_view kMemberColumns =
    "SELECT m.id, m.name, m.role, m.service, m.kind, m.added_on, m.removed_on, m.removed_reason, m.email, m.phone";

TeamMember member_row(SQLite::Statement& m) {
  TeamMember tm;
  tm.id = m.getColumn(0).getInt64();
  tm.name = m.getColumn(1).getString();
  tm.role = m.getColumn(2).getString();
  tm.service = text_or_empty(m, 3);
  tm.kind = stored_enum(member_kind_from, "team_member.kind", m.getColumn(4).getString());
  tm.added_on = m.getColumn(5).getString();
  tm.removed_on = text_or_empty(m, 6);
  tm.removed_reason = text_or_empty(m, 7);
  tm.email = text_or_empty(m, 8);
  tm.phone = text_or_empty(m, 9);
  return tm;
}

}  // namespace

std::optional<TeamRecord> TeamStore::find(std::int64_t case_id) {
  return db_.read_per_statement([&]() -> std::optional<TeamRecord> {
    SQLite::Statement q(db_.sql(),
                        "SELECT t.id, t.status, t.created_on, t.created_by, t.paused_on, t.pause_reason, t.closed_on, "
                        "t.close_reason, c.status FROM team t JOIN case_file c ON c.id = t.case_id WHERE t.case_id = ?");
    q.bind(1, case_id);
    if (!q.executeStep()) return std::nullopt;
    TeamRecord t;
    t.id = q.getColumn(0).getInt64();
    t.status = stored_enum(team_status_from, "team.status", q.getColumn(1).getString());
    t.created_on = q.getColumn(2).getString();
    t.created_by = q.getColumn(3).getString();
    t.paused_on = text_or_empty(q, 4);
    t.pause_reason = text_or_empty(q, 5);
    t.closed_on = text_or_empty(q, 6);
    t.close_reason = text_or_empty(q, 7);
    t.case_status = stored_enum(case_status_from, "case_file.status", q.getColumn(8).getString());
    SQLite::Statement m(db_.sql(), std::string(kMemberColumns) + " FROM team_member m WHERE m.team_id = ? ORDER BY m.id");
    m.bind(1, t.id);
    while (m.executeStep()) t.members.push_back(member_row(m));
    return t;
  });
}

std::optional<TeamStatus> TeamStore::status_of(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT status FROM team WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return stored_enum(team_status_from, "team.status", q.getColumn(0).getString());
}

std::optional<TeamState> TeamStore::state(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT id, status FROM team WHERE case_id = ?");
  q.bind(1, case_id);
  if (!q.executeStep()) return std::nullopt;
  return TeamState{q.getColumn(0).getInt64(), stored_enum(team_status_from, "team.status", q.getColumn(1).getString())};
}

std::vector<TeamMember> TeamStore::current_members(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(),
                      std::string(kMemberColumns) +
                          " FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.case_id = ? AND m.removed_on IS NULL "
                          "ORDER BY CASE m.kind WHEN 'coordinator' THEN 0 WHEN 'participant' THEN 1 WHEN 'gp' THEN 2 ELSE 3 END, m.id");
  q.bind(1, case_id);
  std::vector<TeamMember> out;
  while (q.executeStep()) out.push_back(member_row(q));
  return out;
}

bool TeamStore::is_current_member(std::int64_t case_id, const std::string& name) {
  SQLite::Statement q(db_.sql(),
                      "SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id "
                      "WHERE t.case_id = ? AND m.name = ? AND m.removed_on IS NULL LIMIT 1");
  q.bind(1, case_id);
  q.bind(2, name);
  return q.executeStep();
}

std::int64_t TeamStore::create(std::int64_t case_id, const std::string& created_on, const std::string& created_by) {
  SQLite::Statement q(db_.sql(), "INSERT INTO team (case_id, status, created_on, created_by) VALUES (?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, std::string(to_stored(TeamStatus::active)));
  q.bind(3, created_on);
  q.bind(4, created_by);
  q.exec();
  return db_.sql().getLastInsertRowid();
}

void TeamStore::add_member(std::int64_t team_id, const MemberSpec& m, MemberKind kind, const std::string& added_on) {
  SQLite::Statement q(db_.sql(),
                      "INSERT INTO team_member (team_id, name, role, service, kind, added_on, email, phone) VALUES (?,?,?,?,?,?,?,?)");
  q.bind(1, team_id);
  q.bind(2, m.name);
  q.bind(3, m.role);
  bind_text_or_null(q, 4, m.service);
  q.bind(5, std::string(to_stored(kind)));
  q.bind(6, added_on);
  bind_text_or_null(q, 7, m.email);
  bind_text_or_null(q, 8, m.phone);
  q.exec();
}

void TeamStore::close_member(std::int64_t member_id, const std::string& on, const std::string& reason) {
  SQLite::Statement q(db_.sql(), "UPDATE team_member SET removed_on = ?, removed_reason = ? WHERE id = ?");
  q.bind(1, on);
  bind_text_or_null(q, 2, reason);
  q.bind(3, member_id);
  q.exec();
}

void TeamStore::set_email(std::int64_t member_id, const std::string& email) {
  SQLite::Statement q(db_.sql(), "UPDATE team_member SET email = ? WHERE id = ?");
  bind_text_or_null(q, 1, email);
  q.bind(2, member_id);
  q.exec();
}

void TeamStore::set_phone(std::int64_t member_id, const std::string& phone) {
  SQLite::Statement q(db_.sql(), "UPDATE team_member SET phone = ? WHERE id = ?");
  bind_text_or_null(q, 1, phone);
  q.bind(2, member_id);
  q.exec();
}

void TeamStore::pause(std::int64_t team_id, const std::string& on, const std::string& reason) {
  SQLite::Statement q(db_.sql(), "UPDATE team SET status = 'paused', paused_on = ?, pause_reason = ? WHERE id = ?");
  q.bind(1, on);
  q.bind(2, reason);
  q.bind(3, team_id);
  q.exec();
}

bool TeamStore::pause_if_active(std::int64_t case_id, const std::string& on, const std::string& reason) {
  SQLite::Statement q(db_.sql(),
                      "UPDATE team SET status = 'paused', paused_on = ?, pause_reason = ? "
                      "WHERE case_id = ? AND status = 'active'");
  q.bind(1, on);
  q.bind(2, reason);
  q.bind(3, case_id);
  return q.exec() > 0;
}

void TeamStore::resume(std::int64_t team_id) {
  SQLite::Statement q(db_.sql(), "UPDATE team SET status = 'active' WHERE id = ?");
  q.bind(1, team_id);
  q.exec();
}

void TeamStore::close(std::int64_t team_id, const std::string& on, const std::string& reason) {
  SQLite::Statement q(db_.sql(), "UPDATE team SET status = 'closed', closed_on = ?, close_reason = ? WHERE id = ?");
  q.bind(1, on);
  q.bind(2, reason);
  q.bind(3, team_id);
  q.exec();
}

bool TeamStore::reopen(std::int64_t case_id, TeamStatus status) {
  SQLite::Statement q(db_.sql(), "UPDATE team SET status = ?, closed_on = NULL, close_reason = NULL WHERE case_id = ?");
  q.bind(1, std::string(to_stored(status)));
  q.bind(2, case_id);
  return q.exec() > 0;
}

std::vector<TeamStore::ContactRow> TeamStore::contacts_named(const std::string& name) {
  return db_.read_per_statement([&] {
    SQLite::Statement q(db_.sql(),
                        "SELECT email, phone, removed_on IS NULL AS current FROM team_member "
                        "WHERE name = ?1 AND (email IS NOT NULL OR phone IS NOT NULL) ORDER BY current DESC, id DESC");
    q.bind(1, name);
    std::vector<ContactRow> out;
    while (q.executeStep()) out.push_back({text_or_empty(q, 0), text_or_empty(q, 1)});
    return out;
  });
}

void TeamStore::add_review(std::int64_t case_id, const TeamReview& r) {
  SQLite::Statement q(db_.sql(), "INSERT INTO team_review (case_id, reviewed_on, reviewed_by, answers) VALUES (?, ?, ?, ?)");
  q.bind(1, case_id);
  q.bind(2, r.date);
  q.bind(3, r.reviewed_by);
  q.bind(4, nlohmann::json(r.answers).dump());
  q.exec();
}

std::vector<TeamReview> TeamStore::reviews(std::int64_t case_id) {
  SQLite::Statement q(db_.sql(), "SELECT reviewed_on, reviewed_by, answers FROM team_review WHERE case_id = ? ORDER BY reviewed_on, id");
  q.bind(1, case_id);
  std::vector<TeamReview> out;
  while (q.executeStep()) {
    TeamReview r;
    r.date = q.getColumn(0).getString();
    r.reviewed_by = q.getColumn(1).getString();
    const auto j = nlohmann::json::parse(q.getColumn(2).getString(), nullptr, false);
    if (j.is_object())
      for (const auto& [k, v] : j.items())
        if (v.is_number_integer()) r.answers[k] = v.get<int>();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<TeamStore::ReviewCountRow> TeamStore::review_counts(const std::string& from, const std::string& to,
                                                                const std::string& period_expr) {
  SQLite::Statement q(db_.sql(), fmt::format(fmt::runtime(R"sql(
    SELECT {} AS period, a.key, count(*), sum(a.value)
    FROM team_review r, json_each(r.answers) a
    WHERE r.reviewed_on >= ? AND r.reviewed_on <= ? AND a.type = 'integer'
    GROUP BY period, a.key ORDER BY period, a.key)sql"), period_expr));
  q.bind(1, from);
  q.bind(2, to);
  std::vector<ReviewCountRow> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
  return out;
}

}  // namespace oppteam
