// oppteam case export CASE --fhir [--out FILE]

#include "cli/commands.hpp"

#include <oppteam/process/fhir.hpp>

#include <fcntl.h>
#include <unistd.h>

namespace oppteam::cli {

namespace {

// Writes `text` to a new or truncated file readable by its owner only (the
// bundle holds health data). Exit 74 when it cannot be written.
void write_private(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw make_error(ExitCode::io, "error.cannot_write", path);
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw make_error(ExitCode::io, "error.cannot_write", path);
    }
    done += std::size_t(n);
  }
  if (::close(fd) != 0) throw make_error(ExitCode::io, "error.cannot_write", path);
}

}  // namespace

void setup_case_export(CLI::App& case_cmd, Session& s) {
  struct Options {
    std::string number, out;
    bool fhir = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = case_cmd.add_subcommand("export", "Export a case to another system: an HL7 FHIR R4 Bundle");
  cmd->add_option("CASE", o->number, "the case number, e.g. 2026/1")->required();
  cmd->add_flag("--fhir", o->fhir, "as an HL7 FHIR R4 Bundle (JSON)");
  cmd->add_option("--out", o->out, "write to this file (mode 0600) instead of stdout");
  examples(cmd, {"oppteam --db k.db case export 2026/1 --fhir > sak.json", "oppteam --db k.db case export 2026/1 --fhir --out sak.json"});
  cmd->callback([&s, o] {
    if (!o->fhir) throw make_error(ExitCode::usage, "export.fhir_required");
    s.authorize("case.export");
    auto bundle = export_case_fhir(s.ctx(), o->number);
    const std::string text = s.json_text(bundle) + "\n";
    if (o->out.empty()) {
      s.out() << text;
      return;
    }
    write_private(o->out, text);
    const std::string number = bundle["identifier"]["value"].get<std::string>();
    s.emit({{"case", number}, {"file", o->out}, {"entries", bundle["entry"].size()}},
           s.text("export.written", number, bundle["entry"].size(), o->out));
  });
}

}  // namespace oppteam::cli
