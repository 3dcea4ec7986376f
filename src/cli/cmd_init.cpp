// oppteam init: create the database and store the rammeverk.

#include "cli/commands.hpp"

#include <oppteam/config/embedded.hpp>
#include <oppteam/process/setup.hpp>

namespace oppteam::cli {

void setup_init(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("init", "Create the database (mode 0600) and store the rammeverk");
  auto example = std::make_shared<bool>(false);
  cmd->add_flag("--example", *example, "store the example rammeverk of examples/ (Eksempel kommune)");
  examples(cmd, {"oppteam --db k.db init --config rammeverk.toml", "oppteam --db demo.db init --example"});
  cmd->callback([&s, example] {
    Rammeverk rv;
    if (*example) {
      rv = load_rammeverk(embedded::example_rammeverk, "examples/rammeverk.toml");
    } else if (auto path = s.config_path()) {
      rv = load_rammeverk_file(*path);
    } else {
      rv = default_rammeverk();
    }
    const std::string path = s.db_path();
    Database db = init_database(path, rv, s.clock(), s.actor());
    const auto version = db.schema_version();
    s.adopt(std::move(db));
    s.rv();  // without --lang, the message is in the language of the rammeverk just stored
    s.emit({{"database", path}, {"schema_version", version}, {"rammeverk", rv.source_name}, {"rammeverk_hash", rv.hash}},
           s.text("init.done", path, rv.source_name, version));
  });
}

}  // namespace oppteam::cli
