// oppteam person export FNR: the person's right of access (innsyn)

#include "cli/commands.hpp"

#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/person_export.hpp>

namespace oppteam::cli {

void setup_person(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("person", "What is stored about a person (right of access, innsyn)");
  cmd->require_subcommand(1);
  examples(cmd, {"oppteam --db k.db person export 23923901213"});
  auto fnr = std::make_shared<std::string>();
  auto* exp = cmd->add_subcommand("export", "Everything stored about a person, every case, and who has read or changed it");
  exp->add_option("FNR", *fnr, "the person's fødselsnummer, D-nummer or H-nummer")->required();
  examples(exp, {"oppteam --db k.db person export 23923901213", "oppteam --db k.db person export 23923901213 --json > innsyn.json"});
  exp->callback([&s, fnr] {
    s.authorize("person.export");
    auto& ctx = s.ctx();
    const auto pnr = PersonalNumber::parse(*fnr, ctx.pnr_options());
    auto doc = export_person(ctx, pnr.str());
    s.emit(doc, person_export_text(doc, ctx.lang));
  });
}

}  // namespace oppteam::cli
