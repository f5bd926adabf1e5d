#include "common/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace snapkey::detail {

char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    ++i;
    return kReplacementCharacter;
  }
  if (i + length > text.size()) {
    ++i;
    return kReplacementCharacter;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return kReplacementCharacter;
    }
    value = (value << 6) | (c & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    ++i;
    return kReplacementCharacter;
  }
  i += length;
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_bidi_control(c)) {
          out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
        } else {
          append_utf8(out, c);
        }
    }
  }
  out += '"';
  return out;
}

void json_append(std::string& out, std::string_view item) {
  if (out.size() > 1) out += ',';
  out += item;
}

void json_append(std::string& out, std::string_view name, std::string_view value) {
  if (out.size() > 1) out += ',';
  out += json_quote(name);
  out += ':';
  out += value;
}

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

namespace {

// The length of an SGR sequence (ESC [ digits and ';' m) at text[i], or 0.
std::size_t sgr_length(std::string_view text, std::size_t i) {
  if (text.substr(i, 2) != "\x1b[") return 0;
  for (std::size_t j = i + 2; j < text.size(); ++j) {
    if (text[j] == 'm') return j + 1 - i;
    if ((text[j] < '0' || text[j] > '9') && text[j] != ';') return 0;
  }
  return 0;
}

}  // namespace

std::string terminal_safe(std::string_view text, bool keep_colors) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t sgr = keep_colors ? sgr_length(text, i) : 0; sgr > 0) {
      out += text.substr(i, sgr);
      i += sgr;
      continue;
    }
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (c == kReplacementCharacter && text.substr(start, i - start) != "\xEF\xBF\xBD") {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[start]));
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<std::uint32_t>(c));
    } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
    } else {
      out += text.substr(start, i - start);
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace snapkey::detail
