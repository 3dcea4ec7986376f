// The rammeverk loader on any text: it either loads or throws
// Error(config, exit 78) with its problems; what loads can be shown with
// `config show`, and that text loads again to the same rammeverk hash-free
// content (the round trip `config show` promises).

#include "fuzz_check.hpp"

#include <oppteam/config/rammeverk.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace oppteam;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return -1;
  const std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only(ExitCode::config, [&] {
    Rammeverk rv = load_rammeverk(text, "fuzz");
    const std::string shown = show_rammeverk(rv);
    Rammeverk again;
    try {
      again = load_rammeverk(shown, "shown");
    } catch (const Error& e) {
      std::fprintf(stderr, "config show printed a rammeverk that does not load: %s\n---\n%s\n---\n", e.what(),
                   shown.c_str());
      fuzz::fail("config show round trip");
    }
    fuzz::require(again.instruments.size() == rv.instruments.size(), "round trip keeps the instruments");
    fuzz::require(again.reporter_types.size() == rv.reporter_types.size(), "round trip keeps the reporter types");
    fuzz::require(again.access.enforce == rv.access.enforce, "round trip keeps [access] enforce");
  });
  return 0;
}
