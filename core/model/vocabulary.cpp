#include "core/model/vocabulary.h"

#include <fmt/format.h>

#include "core/base/error.h"

namespace sqgl::core {

void unknown_stored_word(std::string_view what, std::string_view text) {
  throw Failure(fmt::format("the database holds an unknown {} {}", what, errors::quote(text)));
}

}  // namespace sqgl::core
