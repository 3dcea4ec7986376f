// The JSON Lines reader and the import format on any bytes: every line
// is either an object or reported as not_json / not_object with its line;
// nothing but Error(data, exit 65) escapes.

#include "fuzz_check.hpp"

#include <oppteam/io/import_format.hpp>
#include <oppteam/io/jsonl_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

using namespace oppteam;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  io::JsonlReader reader(bytes);
  io::JsonlRecord rec;
  std::size_t prev = 0;
  while (reader.next(rec)) {
    fuzz::require(rec.line > prev, "records in line order");
    prev = rec.line;
    if (rec.ok) {
      fuzz::require(rec.value.is_object(), "ok means an object");
    } else {
      fuzz::require(!rec.problem.empty(), "a problem is named");
    }
  }

  static const std::map<std::string, std::string> column_map{{"personnummer", "fnr"}, {"ignorert", ""}};
  fuzz::expect_only(ExitCode::data, [&] {
    std::istringstream in{std::string(bytes)};
    io::ImportSource src(in, io::ImportFormat::jsonl, column_map);
    io::ImportRow row;
    std::size_t last = 0;
    while (src.next(row)) {
      fuzz::require(row.line > last, "rows in line order");
      last = row.line;
    }
  });
  return 0;
}
