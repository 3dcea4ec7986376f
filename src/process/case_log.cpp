#include <oppteam/process/case_log.hpp>

#include <oppteam/process/access.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/store/case_store.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>


namespace oppteam {

LogEntry add_log_entry(const Context& ctx, std::string_view case_number, const std::string& text) {
  const AuthorisedCase ac = authorize_case(ctx, "log.write", case_number);
  const CaseRef& c = ac;
  require_text(text, "--text");
  if (text.find_first_not_of(" \t\n") == std::string::npos) throw make_error(ExitCode::usage, "error.missing_option", "--text");
  if (text.size() > kMaxLogEntryBytes) throw make_error(ExitCode::data, "log.too_long", kMaxLogEntryBytes);
  return ctx.db.write([&] {
    if (c.status == CaseStatus::closed) throw make_error(ExitCode::refused, "log.case_closed", c.number);
    LogEntry e;
    e.date = format_date(ctx.today());
    e.written_by = ctx.actor;
    e.written_at = Clock::real_timestamp();
    e.text = text;
    e.id = CaseStore(ctx.db).add_log(c.id, e);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "log.add", c.number, c.fnr, audit_detail("log.add", "audit.d.log_entry", {std::to_string(e.id)}));
    return e;
  });
}

std::vector<LogEntry> read_log(Database& db, std::int64_t case_id) { return CaseStore(db).log(case_id); }

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
