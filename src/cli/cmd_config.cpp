// oppteam config check FILE | config show | config store FILE

#include "cli/commands.hpp"

#include <oppteam/process/setup.hpp>

namespace oppteam::cli {

namespace {

nlohmann::json summary(const Rammeverk& rv) {
  nlohmann::json instruments = nlohmann::json::array();
  for (const auto& i : rv.instruments)
    instruments.push_back({{"id", i.id}, {"version", i.version}, {"items", i.items.size()}, {"recommend_at", i.recommend_at}});
  return {{"source", rv.source_name},
          {"hash", rv.hash},
          {"municipality", {{"name", rv.municipality.name}, {"number", rv.municipality.number},
                            {"language", lang_code(rv.municipality.language)}}},
          {"reporter_types", rv.reporter_types.size()},
          {"services", rv.services.size()},
          {"roles", rv.roles.size()},
          {"target_groups", rv.target_groups.size()},
          {"indicators", rv.indicators.size()},
          {"instruments", instruments}};
}

}  // namespace

void setup_config(CLI::App& app, Session& s) {
  auto* cmd = add_command_group(&app, "config", "Check, show or store the rammeverk (the local framework)",
                                {"oppteam config check rammeverk.toml", "oppteam --db k.db config show"});

  auto file = std::make_shared<std::string>();
  auto* check = cmd->add_subcommand("check", "Validate a rammeverk file; every problem with file, line and key (exit 78)");
  check->add_option("FILE", *file, "the TOML file")->required();
  examples(check, {"oppteam config check examples/rammeverk.toml"});
  check->callback([&s, file] {
    Rammeverk rv = load_rammeverk_file(*file);
    nlohmann::json doc = summary(rv);
    doc["ok"] = true;
    s.emit(doc, s.text("config.ok", *file, rv.municipality.name, rv.instruments.size(), rv.reporter_types.size()));
  });

  auto* show = cmd->add_subcommand("show", "Show the rammeverk in force, each value with where it came from");
  examples(show, {"oppteam --db k.db config show", "oppteam --config rammeverk.toml config show --json"});
  show->callback([&s] {
    const Rammeverk rv = with_origins(s.config_path() ? s.rv() : s.ctx().rv);  // (a load records no origins)
    nlohmann::json doc = summary(rv);
    doc["origin"] = rv.origin;
    doc["toml"] = show_rammeverk(rv);
    s.emit(doc, show_rammeverk(rv));
  });

  auto store_file = std::make_shared<std::string>();
  auto* store = cmd->add_subcommand("store", "Validate a rammeverk file and store it in the database as the one in force");
  store->add_option("FILE", *store_file, "the TOML file")->required();
  examples(store, {"oppteam --db k.db config store rammeverk.toml"});
  store->callback([&s, store_file] {
    Rammeverk rv = load_rammeverk_file(*store_file);
    const StoredRammeverk stored = store_rammeverk(s.ctx(), rv);
    for (const auto& v : stored.not_in_rammeverk) s.say("config.value_not_in_rammeverk", v.kind, v.value, v.count);
    for (const auto& v : stored.instruments_changed) s.say("config.instrument_changed", v.value, v.count);
    auto values = [](const std::vector<ValueInUse>& list) {
      return json_array(list, [](const ValueInUse& v) {
        return nlohmann::json{{"kind", v.kind}, {"value", v.value}, {"count", v.count}};
      });
    };
    s.emit({{"stored", *store_file},
            {"hash", rv.hash},
            {"not_in_rammeverk", values(stored.not_in_rammeverk)},
            {"instruments_changed", values(stored.instruments_changed)}},
           s.text("config.stored", *store_file));
  });
}

}  // namespace oppteam::cli
