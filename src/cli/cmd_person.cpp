// oppteam person export FNR: the person's right of access (innsyn)

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/documents/person_document.hpp>
#include <oppteam/domain/personal_number.hpp>
#include <oppteam/i18n/dates.hpp>
#include <oppteam/process/guardian.hpp>
#include <oppteam/process/person_export.hpp>
#include <oppteam/util/text.hpp>

namespace oppteam::cli {

void setup_person(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "person", "What is stored about a person (right of access, innsyn)",
                                {"oppteam --db k.db person export 23923901213"});
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
    check_pdf_target(s, o->pdf);
    auto& ctx = s.ctx();
    const auto pnr = PersonalNumber::parse(o->fnr, ctx.pnr_options());
    auto doc = export_person(ctx, pnr.str());
    if (o->pdf.wanted()) {
      const std::string title = tr(ctx.lang, "pdf.title.person", pnr.str());
      emit_pdf(s, o->pdf, documents::text_pdf(ctx.rv, ctx.lang, title, pnr.str(), compose_person_document(doc, ctx.rv, ctx.lang)),
               s.text("pdf.kind.person", pnr.str()), {{"person", pnr.str()}});
      return;
    }
    s.emit(doc, compose_person_document(doc, ctx.rv, ctx.lang));
  });

  // person guardian add (issue 14, point 8): who a decision letter goes to.
  auto* guardian = add_command_group(cmd, "guardian", "A person's foresatte and verge: decision letters go to them",
                                     {"oppteam --db k.db person guardian add 23923901213 --name \"Kari Hansen\" "
                                      "--address \"Storgata 1, 6800 Førde\""});
  struct GuardianOptions {
    std::string fnr;
    GuardianInput in;
  };
  auto g = std::make_shared<GuardianOptions>();
  auto* add = guardian->add_subcommand("add", "Record a foresatt or verge of the person (kept with its history, audited); a "
                                              "decision about a person under consent_age is addressed to the foresatte, "
                                              "about a person with a verge to the verge");
  add->add_option("FNR", g->fnr, "the person's fødselsnummer, D-nummer or H-nummer")->required();
  add->add_option("--name", g->in.name, "the guardian's name")->required();
  add->add_option("--address", g->in.address, "the guardian's postal address (for the letter)");
  add->add_option("--kind", g->in.kind, "foresatt (default) or verge")->check(CLI::IsMember({"foresatt", "verge"}));
  examples(add, {"oppteam --db k.db person guardian add 23923901213 --name \"Kari Hansen\" --address \"Storgata 1, 6800 Førde\"",
                 "oppteam --db k.db person guardian add 23923901213 --name \"Ola Verge\" --kind verge"});
  add->callback([&s, g] {
    auto& ctx = s.ctx();
    const Guardian r = add_guardian(ctx, g->fnr, g->in);
    const std::string fnr = PersonalNumber::parse(g->fnr, ctx.pnr_options()).str();
    s.emit({{"person", fnr}, {"id", r.id}, {"kind", std::string(to_stored(r.kind))}, {"name", r.name},
            {"address", r.address.empty() ? nlohmann::json() : nlohmann::json(r.address)}, {"added_on", r.added_on},
            {"added_by", r.added_by}},
           s.text("guardian.added", visible(r.name), std::string(to_stored(r.kind)), fnr));
  });

  struct GuardianEndOptions {
    std::string fnr;
    GuardianEnd in;
    std::string on;
  };
  auto e = std::make_shared<GuardianEndOptions>();
  auto* end = guardian->add_subcommand("end", "End a foresatt's or verge's role (a child comes of age, a verge is replaced): "
                                              "kept with the day it ended, audited; letters no longer go to them");
  end->add_option("FNR", e->fnr, "the person's fødselsnummer, D-nummer or H-nummer")->required();
  end->add_option("--name", e->in.name, "the guardian's name, as recorded")->required();
  end->add_option("--kind", e->in.kind, "foresatt or verge, when the name holds as both")->check(CLI::IsMember({"foresatt", "verge"}));
  end->add_option("--on", e->on, "the day the role ended (default: today)");
  examples(end, {"oppteam --db k.db person guardian end 23923901213 --name \"Ola Verge\" --on 2026-05-01"});
  end->callback([&s, e] {
    auto& ctx = s.ctx();
    e->in.on = user_date_if_given(s, e->on, "--on");
    const Guardian r = end_guardian(ctx, e->fnr, e->in);
    const std::string fnr = PersonalNumber::parse(e->fnr, ctx.pnr_options()).str();
    s.emit({{"person", fnr}, {"id", r.id}, {"kind", std::string(to_stored(r.kind))}, {"name", r.name}, {"added_on", r.added_on}, {"ended_on", r.ended_on},
            {"ended_by", r.ended_by}},
           s.text("guardian.ended", visible(r.name), std::string(to_stored(r.kind)), fnr, long_date(r.ended_on, s.lang())));
  });
}

}  // namespace oppteam::cli
