// oppteam archive export --closed-before DATE | --case CASE ... --out DIR [--force]

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/documents/archive.hpp>
#include <oppteam/util/dates.hpp>

namespace oppteam::cli {

void setup_archive(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "archive", "Hand closed cases to the municipality's archive (Noark 5)",
                                {"oppteam --db k.db archive export --closed-before 2027-01-01 --out arkiv-2026"});
  struct Options {
    std::string before, out;
    std::vector<std::string> cases;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* exp = cmd->add_subcommand("export", "Write closed cases as a Noark 5 v5.0 package: arkivstruktur.xml, the documents as PDF, "
                                            "and their SHA-256 checksums (sjekksummer.sha256)");
  exp->add_option("--closed-before", o->before, "every case closed before this date, YYYY-MM-DD");
  exp->add_option("--case", o->cases, "this closed case (may be given more than once)");
  exp->add_option("--out", o->out, "the package folder: new, or an empty folder (never a symbolic link)")->required();
  exp->add_flag("--force", o->force, "write into a folder that is not empty, replacing files of the same names");
  examples(exp, {"oppteam --db k.db archive export --closed-before 2027-01-01 --out arkiv-2026",
                 "oppteam --db k.db archive export --case 2026/1 --out arkiv-2026-1"});
  exp->callback([&s, o] {
    if (o->before.empty() && o->cases.empty()) throw make_error(ExitCode::usage, "archive.what");
    documents::ArchiveRequest req;
    req.closed_before = user_date_if_given(s, o->before, "--closed-before");
    req.cases = o->cases;
    req.out_dir = o->out;
    req.force = o->force;
    req.forbidden = output_forbidden(s);
    const auto r = documents::export_archive(s.ctx(), req);
    s.emit({{"dir", r.dir}, {"package", r.package}, {"cases", r.cases}, {"documents", r.documents}},
           s.text("archive.done", r.dir, r.cases.size(), r.documents, r.package) + "\n");
  });
}

}  // namespace oppteam::cli
