#include "io/detail/text.hpp"

#include <fmt/format.h>

namespace snapkey::io::detail {
namespace {

// The length of the UTF-8 sequence at `i` and its code point, or 0 when it is not one.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

bool is_control(char32_t code) {
  if (code == '\t' || code == '\n' || code == '\r') return false;
  return code < 0x20 || (code >= 0x7F && code <= 0x9F);
}

std::string control_name(char32_t code) {
  switch (code) {
    case 0x00:
      return " (NUL)";
    case 0x1B:
      return " (ESC)";
    case 0x7F:
      return " (DEL)";
    default:
      return "";
  }
}

std::optional<BadCharacter> find(std::string_view text, bool controls) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const std::size_t length = decode(text, i, code);
    std::string message;
    if (length == 0) {
      message = fmt::format(
          "expected UTF-8 text, found the byte 0x{:02X}, which is not valid UTF-8 here; save the "
          "file "
          "as UTF-8",
          static_cast<unsigned char>(text[i]));
    } else if (controls && is_control(code)) {
      message = fmt::format("expected text, found the control character U+{:04X}{}",
                            static_cast<unsigned>(code), control_name(code));
    }
    if (!message.empty()) {
      return BadCharacter{i, line, static_cast<int>(i - line_start) + 1, std::move(message)};
    }
    if (code == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<BadCharacter> find_bad_character(std::string_view text) { return find(text, true); }

std::optional<BadCharacter> find_invalid_utf8(std::string_view text) { return find(text, false); }

}  // namespace snapkey::io::detail
