// oppteam case transfer CASE --to NAME --out FILE [--force] | case receive FILE

#include "cli/commands.hpp"
#include "cli/pdf_option.hpp"

#include <oppteam/io/output_file.hpp>
#include <oppteam/process/access.hpp>
#include <oppteam/process/transfer.hpp>

namespace oppteam::cli {

void setup_case_transfer(CLI::App& case_cmd, Session& s) {
  struct Options {
    std::string case_number, to, out;
    bool force = false;
  };
  auto [cmd, o] = add_case_subcommand<Options>(&case_cmd, "transfer",
                                               "Hand a case over to another municipality (the person has moved): a FHIR Bundle "
                                               "with what the person's consent to the transfer covers; closes the case");
  cmd->add_option("--to", o->to, "the receiving municipality, e.g. \"Bergen kommune\"")->required();
  cmd->add_option("--out", o->out, "write the bundle to this new file (mode 0600)")->required();
  cmd->add_flag("--force", o->force, "replace an existing --out file");
  examples(cmd, {"oppteam --db k.db consent give 2026/1 --scope overforing --form skriftlig --given-by person",
                 "oppteam --db k.db case transfer 2026/1 --to \"Bergen kommune\" --out sak-2026-1.json"});
  cmd->callback([&s, o] {
    // The target first: a refused file costs no read of the case.
    const auto forbidden = output_forbidden(s);
    io::check_output_target(o->out, o->force, forbidden);
    TransferInput in{o->to, o->out, o->force, forbidden};
    const TransferResult r = transfer_case(s.ctx(), o->case_number, in);
    s.emit({{"case", r.case_number}, {"status", "closed"}, {"close_reason", "transferred"}, {"to", r.to}, {"file", r.file},
            {"sha256", r.sha256}, {"entries", r.entries}, {"sent", nlohmann::json(r.sent)}, {"left_out", nlohmann::json(r.left_out)}},
           s.text("transfer.done", r.case_number, r.to, r.file, r.entries, r.sha256));
  });
}

void setup_case_receive(CLI::App& case_cmd, Session& s) {
  auto file = std::make_shared<std::string>();
  auto* cmd = case_cmd.add_subcommand("receive", "Take in a case transferred from another municipality (case transfer's FHIR "
                                                 "Bundle): the person, an open case and the received history");
  cmd->add_option("FILE", *file, "the bundle written by case transfer")->required();
  examples(cmd, {"oppteam --db bergen.db case receive sak-2026-1.json", "oppteam --db bergen.db case receive sak-2026-1.json --json"});
  cmd->callback([&s, file] {
    const ReceiveResult r = receive_case(s.ctx(), *file);
    s.emit({{"case", r.case_number}, {"new_case", r.new_case}, {"received_from", r.from}, {"from_number", r.from_number},
            {"from_case", r.from_case}, {"received_on", r.received_on}, {"bundle_sha256", r.sha256}, {"received", r.history}},
           s.text("transfer.received", r.case_number, r.from, r.from_case));
  });
}

}  // namespace oppteam::cli
