// oppteam person export FNR: the person's right of access (innsyn)

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/domain/personal_number.hpp>
#include <oppteam/process/person_export.hpp>

namespace oppteam::cli {

void setup_person(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("person", "What is stored about a person (right of access, innsyn)");
  cmd->require_subcommand(1);
  examples(cmd, {"oppteam --db k.db person export 23923901213"});
  struct Options {
    std::string fnr;
    PdfOption pdf;
  };
  auto o = std::make_shared<Options>();
  auto* exp = cmd->add_subcommand("export", "Everything stored about a person, every case, and who has read or changed it");
  exp->add_option("FNR", o->fnr, "the person's fødselsnummer, D-nummer or H-nummer")->required();
  add_pdf_option(exp, o->pdf);
  examples(exp, {"oppteam --db k.db person export 23923901213", "oppteam --db k.db person export 23923901213 --json > innsyn.json",
                 "oppteam --db k.db person export 23923901213 --pdf innsyn.pdf"});
  exp->callback([&s, o] {
    s.authorize("person.export");
    check_pdf_target(s, o->pdf);
    auto& ctx = s.ctx();
    const auto pnr = PersonalNumber::parse(o->fnr, ctx.pnr_options());
    auto doc = export_person(ctx, pnr.str());
    if (o->pdf.wanted()) {
      const std::string title = tr(ctx.lang, "pdf.title.person", pnr.str());
      emit_pdf(s, o->pdf, documents::text_pdf(ctx.rv, ctx.lang, title, pnr.str(), person_export_text(doc, ctx)),
               s.text("pdf.kind.person", pnr.str()), {{"person", pnr.str()}});
      return;
    }
    s.emit(doc, person_export_text(doc, ctx));
  });
}

}  // namespace oppteam::cli
