// oppteam report [--from DATE] [--to DATE] [--by month|quarter] [--csv]

#include "cli/commands.hpp"

#include <oppteam/process/report.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/views/report_view.hpp>

#include <chrono>

namespace oppteam::cli {

void setup_report(CLI::App& app, Session& s) {
  struct Options {
    std::string from, to, by;
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", "Styringsdata for a period; counts below [reports] min_count are suppressed");
  cmd->add_option("--from", o->from, "first day, YYYY-MM-DD (default: 1 January of the --today year)");
  cmd->add_option("--to", o->to, "last day, YYYY-MM-DD (default: --today)");
  cmd->add_option("--by", o->by, "one column per month or quarter")->check(CLI::IsMember({"month", "quarter"}));
  cmd->add_flag("--csv", o->csv, "one CSV table (section,row,period,value) on stdout");
  examples(cmd, {"oppteam --db k.db report --from 2026-01-01 --to 2026-12-31",
                 "oppteam --db k.db report --from 2026-01-01 --to 2026-06-30 --by quarter --csv > h1.csv",
                 "oppteam --db k.db report --by month --json"});
  cmd->callback([&s, o] {
    if (o->csv && s.json()) throw make_error(ExitCode::usage, "report.csv_and_json");
    auto& ctx = s.ctx();
    ReportOptions ro;
    ro.to = user_date_or_today(s, o->to, "--to");
    if (o->from.empty()) {
      std::chrono::year_month_day t(ro.to);
      ro.from = std::chrono::sys_days(t.year() / std::chrono::January / 1);
    } else {
      ro.from = user_date(s, o->from, "--from");
    }
    ro.by = o->by;
    Report r = build_report(ctx, ro);
    if (o->csv) {
      s.out() << report_csv(r);
      return;
    }
    s.emit(report_json(r), report_text(r, ctx.lang, s.style()));
  });
}

}  // namespace oppteam::cli
