#pragma once
// An enforced [access] section for unit tests, written from its users and
// file roles instead of copied as TOML, and a table of who may do what.

#include <oppteam/config/rammeverk.hpp>
#include <oppteam/process/access.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace unit {

struct AccessUser {
  std::string name;
  std::vector<std::string> roles;
};

struct AccessRole {
  std::string id;
  std::vector<std::string> permissions;
};

// The TOML text "[access]" with enforce = true, then an [[access.user]] for
// each of `users` and an [[access.role]] for each of `roles`, in order.
inline std::string enforced_access_toml(const std::vector<AccessUser>& users, const std::vector<AccessRole>& roles = {}) {
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) out += (out.size() > 1 ? ", \"" : "\"") + item + "\"";
    return out + "]";
  };
  std::string toml = "[access]\nenforce = true\n";
  for (const auto& u : users) toml += "[[access.user]]\nname = \"" + u.name + "\"\nroles = " + list(u.roles) + "\n";
  for (const auto& r : roles) toml += "[[access.role]]\nid = \"" + r.id + "\"\npermissions = " + list(r.permissions) + "\n";
  return toml;
}

// The rammeverk of enforced_access_toml(users, roles), all else its defaults.
inline oppteam::Rammeverk enforced_access(const std::vector<AccessUser>& users, const std::vector<AccessRole>& roles = {}) {
  return oppteam::load_rammeverk(enforced_access_toml(users, roles), "r.toml");
}

// One answer permitted() should give: whether `user` holds `permission`.
struct Permitted {
  const char* user;
  const char* permission;
  bool holds;
};

// Checks each of `expected` against permitted() under `rv`.
inline void check_permitted(const oppteam::Rammeverk& rv, const std::vector<Permitted>& expected) {
  for (const auto& e : expected) {
    INFO(e.user << " " << e.permission);
    CHECK(oppteam::permitted(rv, e.user, e.permission) == e.holds);
  }
}

}  // namespace unit
