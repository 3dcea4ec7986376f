// The CSV reader and the import format on any bytes: records come back in
// line order with bounded size and fields inside them; a bad header is
// Error(data, exit 65), nothing else escapes.

#include "fuzz_check.hpp"

#include <oppteam/io/csv_reader.hpp>
#include <oppteam/io/import_format.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

using namespace oppteam;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  io::CsvReader reader(bytes);
  io::CsvRecord rec;
  std::size_t last_start = 0;
  std::size_t records = 0;
  while (reader.next(rec)) {
    fuzz::require(++records <= size + 1, "no more records than bytes");
    fuzz::require(rec.line >= 1 && rec.line <= rec.last_line, "line <= last_line");
    fuzz::require(rec.line > last_start, "records in line order");
    last_start = rec.line;
    fuzz::require(rec.raw.size() <= size, "raw within the input");
    for (std::size_t i = 0; i < rec.size(); ++i) fuzz::require(rec.field(i).size() <= size, "field within the input");
    (void)io::csv_quote(rec.raw);
  }
  fuzz::require(reader.bytes_read() <= size, "bytes_read within the input");

  // The import format on top, with a column map like a municipality's.
  static const std::map<std::string, std::string> column_map{{"personnummer", "fnr"}, {"ignorert", ""}};
  fuzz::expect_only(ExitCode::data, [&] {
    std::istringstream in{std::string(bytes)};
    io::ImportSource src(in, io::ImportFormat::csv, column_map);
    io::ImportRow row;
    std::size_t prev = 0;
    while (src.next(row)) {
      fuzz::require(row.line > prev, "rows in line order");
      prev = row.line;
    }
  });
  return 0;
}
