// oppteam refer add | refer import FILE

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"
#include "cli/prompt.hpp"

#include <oppteam/process/closing.hpp>
#include <oppteam/io/import_format.hpp>
#include <oppteam/process/referral.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace oppteam::cli {

namespace {

// The options of refer add: the referral as the library takes it (its
// `received` still as typed here; add_referral reads it), and the no.
struct AddOptions {
  ReferralInput in;
  std::string declined;  // the form of the person's no at intake (issue 14)
};

struct ImportCliOptions {
  std::string file, format, sender, rejects, delimiter, encoding;
  bool partial = false;
  bool force = false;
};

void run_add(Session& s, AddOptions& o) {
  ReferralInput& in = o.in;
  Context& ctx = s.ctx();
  const bool tty = s.interactive();
  auto missing = [&](const std::string& option) { return make_error(ExitCode::usage, "error.missing_option", option); };

  // At a terminal, only what is missing and has no default is asked for
  // (--received is today when not given); an optional field may be left
  // empty with Enter or Ctrl-D.
  if (in.fnr.empty()) {
    if (!tty) throw missing("--fnr");
    in.fnr = ask_required(s, s.text("refer.prompt_fnr"), "--fnr", [&](const std::string& v) {
      return check_fnr(ctx, v, in.birth_year).str();
    });
  }
  auto as_typed = [](const std::string& v) { return v; };
  if (in.name.empty() && tty) in.name = ask_optional(s, s.text("refer.prompt_name"), as_typed);
  if (in.reporter_type.empty()) {
    if (!tty) throw missing("--reporter-type");
    std::vector<MenuItem> types;
    for (const auto& t : ctx.rv.reporter_types) types.push_back({t.id, t.shown(s.lang())});
    in.reporter_type = ask_choice(s, s.text("refer.prompt_reporter_types"), s.text("screens.prompt_reporter_type"),
                                 "--reporter-type", types, false);
  }
  if (in.reporter_name.empty() && tty) in.reporter_name = ask_optional(s, s.text("refer.prompt_reporter_name"), as_typed);
  if (in.received.empty()) in.received = format_date(ctx.today());
  if (in.need.empty()) {
    if (!tty) throw missing("--need");
    in.need = ask_required(s, s.text("refer.prompt_need"), "--need", [](const std::string& v) {
      check_need(v);
      return v;
    });
  }

  if (in.target_group.empty() && tty && !ctx.rv.target_groups.empty()) {
    std::vector<MenuItem> groups;
    for (const auto& g : ctx.rv.target_groups) groups.push_back({g.id, g.shown(s.lang())});
    in.target_group = ask_choice(s, s.text("target_group.prompt_list"), s.text("screens.prompt_target_group"), "--target-group",
                                groups, true);
  }

  const ReferralResult r = o.declined.empty() ? add_referral(ctx, in) : add_declined_referral(ctx, in, o.declined);
  nlohmann::json doc = {{"case", r.case_number}, {"status", std::string(to_stored(r.status))}, {"new_case", r.new_case}, {"duplicate", r.duplicate}};
  if (r.referral_id) doc["referral"] = r.referral_id;
  if (r.duplicate) s.say("refer.duplicate", r.case_number);
  else if (!o.declined.empty()) s.say("refer.added_declined", r.case_number);  // opened and closed at once
  else s.say(r.new_case ? "refer.added_new" : "refer.added_existing", r.case_number);
  if (r.name_on_record) {
    doc["name_on_record"] = *r.name_on_record;
    // The number as stored, so the advised command runs (a number may be typed "239239 01213").
    s.say("refer.name_not_stored", *r.name_on_record, check_fnr(ctx, in.fnr, in.birth_year).str());
  }
  if (!r.target_group.empty()) doc["target_group"] = r.target_group;
  if (!r.target_group_before.empty()) {
    doc["target_group_before"] = r.target_group_before;
    s.say("refer.target_group_changed", r.case_number, label_of(ctx.rv.target_groups, r.target_group_before, s.lang()),
          label_of(ctx.rv.target_groups, r.target_group, s.lang()));
  }
  s.emit(doc, r.case_number);
}

// The import summary as SPEC.md's JSON document and as text for people.
std::pair<nlohmann::json, std::string> summary_output(Session& s, const ImportSummary& sum, const std::string& rejects_path) {
  nlohmann::json errors = nlohmann::json::array();
  std::string text = s.text("import.summary", sum.read, sum.stored, sum.duplicates, sum.rejected, sum.cases_opened) + "\n";
  for (const auto& e : sum.errors) {
    errors.push_back({{"line", e.line},
                      {"column", e.column.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.column)},
                      {"reason", e.reason},
                      {"key", e.key}});
    text += e.column.empty() ? "  " + s.text("import.error_line", e.line, e.reason) + "\n"
                             : "  " + s.text("import.error_line_column", e.line, e.column, e.reason) + "\n";
  }
  if (sum.errors_not_listed) text += "  " + s.text("import.more_errors", sum.errors_not_listed) + "\n";
  if (!rejects_path.empty() && sum.rejected) text += s.text("import.rejects_written", sum.rejected, rejects_path) + "\n";
  nlohmann::json doc = {{"file", sum.file},       {"read", sum.read},           {"stored", sum.stored},
                        {"duplicates", sum.duplicates}, {"rejected", sum.rejected}, {"conflicts", sum.conflicts},
                        {"cases_opened", sum.cases_opened}, {"errors", errors},     {"errors_not_listed", sum.errors_not_listed}};
  return {doc, text};
}

void run_import(Session& s, const ImportCliOptions& o) {
  Context& ctx = s.ctx();
  ImportOptions options;
  options.format = o.format;
  if (!o.delimiter.empty()) options.delimiter = io::parse_delimiter(o.delimiter);
  if (!o.sender.empty()) options.sender = o.sender;
  options.partial = o.partial;
  options.rejects_path = o.rejects;
  options.replace_rejects = o.force;
  options.protected_files = output_forbidden(s);
  bool progress_shown = false;
  if (s.io().err_tty) {
    options.progress = [&s, &progress_shown](const ImportProgress& p) {
      constexpr std::uint64_t kLarge = 8u << 20;  // files under 8 MiB finish too fast to need it
      if (p.total_bytes && p.total_bytes < kLarge) return;
      if (!p.total_bytes && p.bytes < kLarge) return;
      const std::string pct = p.total_bytes ? fmt::format(" ({}%)", p.bytes * 100 / p.total_bytes) : "";
      s.err() << "\r" << s.text("import.progress", p.rows, pct) << std::flush;
      progress_shown = true;
    };
  }
  // With --json an all-or-nothing failure still prints the summary, every
  // bad row with line, column and reason, plus the error object.
  options.failed = [&s, &o](const ImportSummary& failed) { s.stage(summary_output(s, failed, o.rejects).first); };
  ImportSummary sum;
  try {
    options.windows1252 = o.encoding == "windows-1252";
    try {
      sum = import_referrals(ctx, o.file, options, &s.io().in);
    } catch (Error& e) {
      // Rows refused as not UTF-8 in a file that Excel wrote: say how to
      // convert it (the file is read again only on this failure).
      if (e.code() == ExitCode::data && !options.windows1252 && o.file != "-" && !io::head_is_utf8(o.file))
        e.details.push_back({"import.not_utf8_file", {}});
      throw;
    }
  } catch (...) {
    if (progress_shown) s.err() << "\n";
    throw;
  }
  if (progress_shown) s.err() << "\n";
  auto [doc, text] = summary_output(s, sum, o.rejects);
  if (sum.rejected == 0) return s.emit(doc, text);
  // --partial stored the good rows, and rows were rejected: SPEC.md's 65
  // ("rows rejected in an import"), so that a script sees the rejects file
  // needs a person. One JSON document holds the summary and the error.
  if (s.json()) s.stage(doc);
  else s.emit(doc, text);
  throw make_error(ExitCode::data, "import.rows_rejected", sum.rejected, sum.read, o.rejects);
}

}  // namespace

void setup_refer(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(
      &app, "refer", "Register a referral (melding om behov), one by one or as a batch",
      {"oppteam --db k.db refer add --fnr 23923901213 --reporter-type fastlege --received 2026-03-02 --need \"Trenger koordinering\"",
       "oppteam --db k.db refer import batch.csv"});

  auto a = std::make_shared<AddOptions>();
  auto* add = cmd->add_subcommand("add", "Register one referral; opens a case YYYY/N or joins the person's open case. "
                                         "At a terminal, missing fields are asked for.");
  add->add_option("--fnr", a->in.fnr, "the person's fødselsnummer or D-nummer (11 digits)");
  add->add_option("--birth-year", a->in.birth_year, "birth year, for numbers that do not tell their century (from 2032)");
  add->add_option("--name", a->in.name, "the person's name");
  add->add_option("--reporter-type", a->in.reporter_type, "who reports: one of the rammeverk's reporter types (e.g. fastlege)");
  add->add_option("--reporter-name", a->in.reporter_name, "the reporter's name");
  add->add_option("--received", a->in.received, "date received, YYYY-MM-DD (default: today)");
  add->add_option("--need", a->in.need, "the described need for coordination");
  add->add_option("--sender", a->in.sender, "the sending system, with --external-id");
  add->add_option("--external-id", a->in.external_id, "the sender's id for this referral (a re-send is then a no-op)");
  add->add_option("--declined", a->declined, "the person said no to follow-up (muntlig or skriftlig): the case is "
                                             "registered with the no and closed (reason declines)")
      ->check(CLI::IsMember({"muntlig", "skriftlig"}));
  add->add_option("--target-group", a->in.target_group, "the case's target group (a [[target_group]] id or label)");
  examples(add, {"oppteam --db k.db refer add --fnr 23923901213 --name \"Per Hansen\" --reporter-type fastlege "
                 "--reporter-name \"Dr. Berg\" --received 2026-03-02 --need \"Trenger koordinering\"",
                 "oppteam --db k.db refer add            # at a terminal: asks for each field"});
  add->callback([&s, a] { run_add(s, *a); });

  auto i = std::make_shared<ImportCliOptions>();
  auto* imp = cmd->add_subcommand("import", "Import a batch of referrals from CSV or JSON Lines: all or nothing, or --partial");
  imp->add_option("FILE", i->file, "the file (CSV with a header row, or .jsonl); - reads stdin")->required();
  imp->add_option("--format", i->format, "csv or jsonl (default: by the file name)")->check(CLI::IsMember({"csv", "jsonl"}));
  imp->add_option("--sender", i->sender, "the sending system; external_id is unique per sender (default: \"default\")");
  auto* partial = imp->add_flag("--partial", i->partial, "store the good rows and write the bad ones to --rejects");
  imp->add_option("--rejects", i->rejects, "write rejected rows, unchanged plus a reason column, to this file");
  partial->needs(imp->get_option("--rejects"));
  imp->add_flag("--force", i->force, "replace an existing --rejects file");
  imp->add_option("--delimiter", i->delimiter, "CSV delimiter: \",\", \";\" or tab (default: detected from the header line)")
      ->check(CLI::IsMember({",", ";", "tab", "\t"}));
  imp->add_option("--encoding", i->encoding, "the file's character set: utf-8 (default) or windows-1252 (converted)")
      ->transform(CLI::IsMember({"utf-8", "windows-1252"}, CLI::ignore_case));
  examples(imp, {"oppteam --db k.db refer import batch.csv",
                 "oppteam --db k.db refer import batch.csv --partial --rejects rejected.csv --json",
                 "oppteam --db k.db refer import referrals.jsonl --sender fagsystem"});
  imp->callback([&s, i] { run_import(s, *i); });
}

}  // namespace oppteam::cli
