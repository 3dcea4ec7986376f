// oppteam assess CASE --instrument ID (--answer ITEM=VALUE ... | --answers FILE | a walk at the terminal)

#include "cli/commands.hpp"
#include "cli/prompt.hpp"

#include <oppteam/i18n/dates.hpp>
#include <oppteam/io/table.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/assessment.hpp>
#include <oppteam/process/target_group.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/text.hpp>
#include <oppteam/views/assessment_view.hpp>

#include <fmt/format.h>

#include <istream>

namespace oppteam::cli {

namespace {

struct AssessOptions {
  std::string case_number;
  std::string instrument;
  std::vector<std::string> answers;
  std::string answers_file;
  bool allow_partial = false;
  std::vector<std::string> what_matters;
  std::string assessor;
  std::string profession;
  std::string target_group;
};

// Walks through the instrument's items one by one, re-asking on a bad value.
// With --allow-partial an empty answer leaves the item unanswered.
std::vector<RawAnswer> walk(Session& s, const Rammeverk& rv, const Instrument& ins, bool allow_partial) {
  std::vector<RawAnswer> out;
  // Written to the terminal as it is, so the rammeverk's texts through visible(): a stored
  // rammeverk may hold what a file given now may not (a control character).
  s.err() << s.text("assess.walk_intro", visible(ins.name_in(s.lang())), ins.version, ins.items.size()) << "\n";
  if (allow_partial) s.err() << s.text("assess.walk_skip_hint") << "\n";
  std::size_t n = 0;
  for (const auto& item : ins.items) {
    ++n;
    s.err() << "\n"
            << fmt::format("[{}/{}] {}", n, ins.items.size(), visible(item.text_in(s.lang()))) << "\n"
            << "      "
            << s.text("assess.walk_item_info", visible(domain_label(rv, item.domain, s.lang())), allowed_values(item, s.lang()))
            << "\n";
    while (true) {
      auto line = read_line(s, "> ");
      if (!line) throw make_error(ExitCode::usage, "assess.input_ended", item.id);
      if (line->empty()) {
        if (allow_partial) break;
        s.err() << s.text("assess.walk_need_answer", allowed_values(item, s.lang())) << "\n";
        continue;
      }
      try {
        parse_answer(item, *line);
        out.push_back({item.id, *line});
        break;
      } catch (const Error& e) {
        s.err() << visible(render_message(s.lang(), e.key(), clip_all(e.args()))) << "\n";
      }
    }
  }
  return out;
}

std::vector<std::string> ask_what_matters(Session& s) {
  std::vector<std::string> out;
  s.err() << "\n" << s.text("assess.walk_what_matters") << "\n";
  while (true) {
    auto line = read_line(s, "> ");
    if (!line || line->empty()) break;
    out.push_back(*line);
  }
  return out;
}

}  // namespace

void setup_assess(CLI::App& app, Session& s) {
  auto [cmd, o] = add_case_subcommand<AssessOptions>(
      &app, "assess", "Kartlegging: score a case with one of the rammeverk's instruments and record who assessed it");
  cmd->add_option("--instrument", o->instrument, "the instrument id in the rammeverk (e.g. kjennetegn)");
  cmd->add_option("--answer", o->answers, "ITEM=VALUE: yes/no items take 1/0 (ja/nei), scale items an integer in range (repeat)")
      ->allow_extra_args(false);
  cmd->add_option("--answers", o->answers_file, "a TOML or JSON file of item = value");
  cmd->add_flag("--allow-partial", o->allow_partial, "store even when items are unanswered (they are listed)");
  cmd->add_option("--what-matters", o->what_matters, "the person's own answer to \"Hva er viktig for deg?\" (repeat)")
      ->allow_extra_args(false);
  cmd->add_option("--assessor", o->assessor, "the assessor's name (asked at a terminal when missing)");
  cmd->add_option("--profession", o->profession, "the assessor's profession, e.g. sykepleier (asked at a terminal when missing)");
  cmd->add_option("--target-group", o->target_group, "the case's target group (a [[target_group]] id or label)");
  examples(cmd, {"oppteam --db k.db assess 2026/1 --instrument kjennetegn --answer flere_diagnoser=ja "
                 "--answer funksjonsfall=2 ... --what-matters \"Å bo heime\" --assessor \"Ane Lie\" --profession sykepleier",
                 "oppteam --db k.db assess 2026/1 --instrument risiko --answers svar.toml --assessor \"Dr. Berg\" "
                 "--profession lege --json",
                 "oppteam --db k.db assess 2026/1 --instrument kjennetegn     # at a terminal: asks item by item"});
  cmd->callback([&s, o] {
    auto& ctx = s.ctx();

    std::string instrument_id = trim(o->instrument);
    if (instrument_id.empty()) {
      if (!s.interactive()) throw make_error(ExitCode::usage, "error.missing_option", "--instrument");
      check_can_assess(ctx, o->case_number);  // refused before anything is asked
      std::vector<MenuItem> choices;
      for (const auto& i : ctx.rv.instruments) choices.push_back({i.id, i.name});
      std::vector<std::string> ids;
      for (const auto& i : ctx.rv.instruments) ids.push_back(i.id);
      instrument_id = ask_choice(s, s.text("assess.instruments_available", join(ids)), s.text("screens.prompt_instrument"),
                                 "--instrument", choices, false);
    }
    const Instrument& ins = require_instrument(ctx.rv, instrument_id);
    // Refuse before asking anything when the case may not be assessed.
    check_can_assess(ctx, o->case_number);
    const std::string target_group = o->target_group.empty() ? "" : check_target_group(ctx.rv, o->target_group);

    AssessmentInput in;
    in.case_number = o->case_number;
    in.instrument = ins.id;
    in.allow_partial = o->allow_partial;
    in.what_matters = o->what_matters;
    if (!o->answers_file.empty()) in.answers = read_answers_file(o->answers_file);
    for (const auto& a : o->answers) {
      auto eq = a.find('=');
      if (eq == std::string::npos || eq == 0) throw make_error(ExitCode::usage, "assess.bad_answer_option", a);
      in.answers.push_back({trim(a.substr(0, eq)), a.substr(eq + 1), true});
    }
    in.assessor = given_or_ask(s, o->assessor, "--assessor", s.text("assess.prompt_assessor"));
    in.profession = given_or_ask(s, o->profession, "--profession", s.text("assess.prompt_profession"));
    if (in.answers.empty() && s.interactive()) {
      in.answers = walk(s, ctx.rv, ins, o->allow_partial);
      if (in.what_matters.empty()) in.what_matters = ask_what_matters(s);
    }

    AssessmentResult r = record_assessment(ctx, in);
    if (!target_group.empty()) set_target_group(ctx, o->case_number, target_group, "assess");
    const Assessment& a = r.assessment;
    const Scoring& sc = r.scoring;

    nlohmann::json domains = nlohmann::json::object();
    nlohmann::json details = nlohmann::json::array();
    for (const auto& d : sc.domains) {
      domains[d.domain] = d.score;
      const std::string label = domain_label(ctx.rv, d.domain, s.lang());
      details.push_back({{"domain", d.domain}, {"label", label}, {"score", d.score}, {"max", d.max}});
    }
    nlohmann::json doc = {{"case", a.case_number},
                          {"assessment", a.id},
                          {"instrument", a.instrument},
                          {"instrument_version", a.instrument_version},
                          {"rammeverk_hash", a.rammeverk_hash},
                          {"assessor", a.assessor},
                          {"profession", a.profession},
                          {"assessed_on", a.assessed_on},
                          {"score", a.score},
                          {"threshold", a.threshold},
                          {"max", sc.max},
                          {"recommendation", a.recommendation},
                          {"partial", a.partial},
                          {"domains", domains},
                          {"domain_details", details},
                          {"answers", a.answers},
                          {"unanswered", a.unanswered},
                          {"what_matters", a.what_matters},
                          {"professions", r.professions}};

    s.emit(doc, render_assessment(ctx.rv, ins, r, s.lang(), s.style()));
  });
}

}  // namespace oppteam::cli
