// Checks of a text file's characters before it is parsed: YAML and HCL are UTF-8 text, and their
// parsers take other bytes (a Latin-1 name, a NUL) as they are, or stop at them without a word.
// Private to snapkey::io.
#ifndef SNAPKEY_SRC_IO_DETAIL_TEXT_HPP
#define SNAPKEY_SRC_IO_DETAIL_TEXT_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace snapkey::io::detail {

// A byte where text may not have one, and where it is: line and column are 1-based, the column
// counted in bytes, as yaml-cpp and tree-sitter count them.
struct BadCharacter {
  std::size_t offset = 0;
  int line = 1;
  int column = 1;
  // "expected UTF-8 text, found the byte 0xFF, which is not valid UTF-8 here; save the file as
  // UTF-8", or "expected text, found the control character U+0000 (NUL)".
  std::string message;
};

// The first byte of `text` that is not part of valid UTF-8 (an overlong form, a surrogate, past
// U+10FFFF, a sequence cut short), or that is a control character other than tab, line feed and
// carriage return (C0, DEL, C1); nullopt when there is none. A byte order mark is text.
std::optional<BadCharacter> find_bad_character(std::string_view text);

// The first byte of `text` that is not part of valid UTF-8 (control characters are not looked
// at), as find_bad_character() describes it.
std::optional<BadCharacter> find_invalid_utf8(std::string_view text);

}  // namespace snapkey::io::detail

#endif  // SNAPKEY_SRC_IO_DETAIL_TEXT_HPP
