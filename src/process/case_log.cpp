#include <oppteam/process/case_log.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_log.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

namespace oppteam {

LogEntry add_log_entry(const Context& ctx, std::string_view case_number, const std::string& text) {
  const AuthorisedCase ac = authorize_case(ctx, "log.write", case_number);
  const CaseRef& c = ac;
  require_text(text, "--text");
  if (text.find_first_not_of(" \t\n") == std::string::npos) throw make_error(ExitCode::usage, "error.missing_option", "--text");
  if (text.size() > kMaxLogEntryBytes) throw make_error(ExitCode::data, "log.too_long", kMaxLogEntryBytes);
  return ctx.db.write([&] {
    if (c.status == kCaseClosed) throw make_error(ExitCode::refused, "log.case_closed", c.number);
    LogEntry e;
    e.date = format_date(ctx.today());
    e.written_by = ctx.actor;
    e.written_at = Clock::real_timestamp();
    e.text = text;
    SQLite::Statement ins(ctx.db.sql(),
                          "INSERT INTO case_log (case_id, written_on, written_by, written_at, text) VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, c.id);
    ins.bind(2, e.date);
    ins.bind(3, e.written_by);
    ins.bind(4, e.written_at);
    ins.bind(5, e.text);
    ins.exec();
    e.id = ctx.db.sql().getLastInsertRowid();
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "log.add", c.number, c.fnr, fmt::format("entry {}", e.id));
    return e;
  });
}

std::vector<LogEntry> read_log(Database& db, std::int64_t case_id) {
  SQLite::Statement q(db.sql(),
                      "SELECT id, written_on, written_by, written_at, text FROM case_log WHERE case_id = ? "
                      "ORDER BY written_on DESC, id DESC");
  q.bind(1, case_id);
  std::vector<LogEntry> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString()});
  return out;
}

std::vector<LogEntry> list_log(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    auto out = read_log(ctx.db, c.id);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "log.list", c.number, c.fnr, "");
    return out;
  });
}

nlohmann::json to_json(const LogEntry& e) {
  return {{"date", e.date}, {"written_by", e.written_by}, {"written_at", e.written_at}, {"text", e.text}};
}

}  // namespace oppteam
