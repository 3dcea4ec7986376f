#pragma once
// The checks of an audit detail's form (audit_detail.cpp) for unit tests:
// written as the operation always stored it, read back as its message key
// and values, and a text in every language.

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/i18n/messages.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace unit {

// A detail as an operation wrote it (`stored`), beside the key and values
// of the form it is written through now.
struct StoredDetail {
  std::string action;
  std::string key;
  std::vector<std::string> values;
  std::string stored;
};

// The values of `d`'s arguments, in order.
inline std::vector<std::string> values_of(const oppteam::AuditDetail& d) {
  std::vector<std::string> out;
  for (const auto& a : d.args) out.push_back(a.value);
  return out;
}

// `d.key` with `d.values` is written as `d.stored`, byte for byte.
inline void check_written_as_stored(const StoredDetail& d) {
  INFO(d.action << " " << d.key << " " << d.stored);
  CHECK(oppteam::audit_detail(d.action, d.key, d.values) == d.stored);
}

// `d.stored` reads back as `d.key` with `d.values`.
inline void check_reads_back(const StoredDetail& d) {
  INFO(d.action << " " << d.stored);
  const auto read = oppteam::read_audit_detail(d.action, d.stored);
  REQUIRE(read);
  CHECK(read->key == d.key);
  CHECK(values_of(*read) == d.values);
}

// `d.key` is in the message catalogue (whose own test checks nb, nn and en).
inline void check_has_text(const StoredDetail& d) {
  INFO(d.key);
  CHECK(oppteam::has_message(d.key));
}

}  // namespace unit
