#include <oppteam/i18n/collate.hpp>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>

namespace oppteam {

struct Collator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

Collator::Collator(Lang lang) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(lang == Lang::nn ? "nn" : "nb");
  impl_->collator.reset(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !impl_->collator) {
    // ICU without its data cannot sort at all: fall back to the root
    // collation rather than fail every listing.
    status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !impl_->collator) throw std::runtime_error("ICU collator unavailable");
  }
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const auto r = impl_->collator->compareUTF8(icu::StringPiece(a.data(), int32_t(a.size())),
                                              icu::StringPiece(b.data(), int32_t(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);
  // Equal under collation (e.g. differing only in ignorable characters):
  // fall back to the bytes so the order is total and deterministic.
  if (r == UCOL_EQUAL) return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
  return r == UCOL_LESS ? -1 : 1;
}

const Collator& norwegian_collator() {
  static const Collator instance(Lang::nb);
  return instance;
}

std::string fold_case(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return needle.empty() || fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

}  // namespace oppteam
