// oppteam case export CASE --fhir [--out FILE]

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/io/output_file.hpp>
#include <oppteam/process/fhir.hpp>

namespace oppteam::cli {

void setup_case_export(CLI::App& case_cmd, Session& s) {
  struct Options {
    std::string number, out;
    bool fhir = false;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = case_cmd.add_subcommand("export", "Export a case to another system: an HL7 FHIR R4 Bundle");
  add_case(cmd, o->number);
  cmd->add_flag("--fhir", o->fhir, "as an HL7 FHIR R4 Bundle (JSON)");
  cmd->add_option("--out", o->out, "write to this new file (mode 0600) instead of stdout");
  cmd->add_flag("--force", o->force, "replace an existing --out file");
  examples(cmd, {"oppteam --db k.db case export 2026/1 --fhir > sak.json", "oppteam --db k.db case export 2026/1 --fhir --out sak.json"});
  cmd->callback([&s, o] {
    if (!o->fhir) throw make_error(ExitCode::usage, "export.fhir_required");
    // Refused before the case is read (and its reading audited).
    if (!o->out.empty()) io::check_output_target(o->out, o->force, output_forbidden(s));
    auto bundle = export_case_fhir(s.ctx(), o->number);
    const std::string text = s.json_text(bundle) + "\n";
    if (o->out.empty()) {
      s.out() << text;
      return;
    }
    io::write_output_file(o->out, text, o->force, output_forbidden(s));
    const std::string number = bundle["identifier"]["value"].get<std::string>();
    s.emit({{"case", number}, {"file", o->out}, {"entries", bundle["entry"].size()}},
           s.text("export.written", number, bundle["entry"].size(), o->out));
  });
}

}  // namespace oppteam::cli
