#include "cli/pdf_option.hpp"

#include <oppteam/io/output_file.hpp>

namespace oppteam::cli {

CLI::Option* add_pdf_option(CLI::App* cmd, PdfOption& o) {
  auto* pdf = cmd->add_option("--pdf", o.file, "write the document as an A4 PDF to this new file (mode 0600) instead of stdout");
  cmd->add_flag("--force", o.force, "with --pdf: replace an existing file");
  return pdf;
}

std::vector<std::string> output_forbidden(Session& s) {
  auto forbidden = io::database_files(s.db_path());
  if (auto config = s.config_path()) forbidden.push_back(*config);
  return forbidden;
}

void check_pdf_target(Session& s, const PdfOption& o) {
  if (o.wanted()) io::check_output_target(o.file, o.force, output_forbidden(s));
}

void emit_pdf(Session& s, const PdfOption& o, const documents::PdfDocument& doc, const std::string& what, nlohmann::json json) {
  const int pages = documents::write_pdf_file(o.file, o.force, output_forbidden(s), doc);
  json["pdf"] = o.file;
  json["pages"] = pages;
  s.emit(json, s.text("pdf.written", what, o.file, pages) + "\n");
}

}  // namespace oppteam::cli
