// Text helpers shared by the readers and the renderers: UTF-8 decoding and encoding, JSON string
// quoting and ASCII lower case. Private; compiled into snapkey::snapkey, which io and render link.
#ifndef SNAPKEY_SRC_COMMON_STRINGS_HPP
#define SNAPKEY_SRC_COMMON_STRINGS_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace snapkey::detail {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;
// Decodes the UTF-8 sequence at `text[i]`, advancing `i` past it. Malformed sequences (bad lead
// byte, missing continuation, overlong form, surrogate, beyond U+10FFFF) yield U+FFFD and advance
// by one byte.
char32_t next_code_point(std::string_view text, std::size_t& i);
// Appends `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

// `text` as a JSON string literal, quotes included. Escapes `"`, `\`, every control character
// (U+0000-U+001F, U+007F-U+009F) and the bidi controls; other characters are written as UTF-8.
// Invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
std::string json_quote(std::string_view text);

// The invisible characters that reorder text in a terminal or editor ("Trojan Source"): U+202A-E
// and U+2066-9.
bool is_bidi_control(char32_t c);

// `text` made safe to print to a terminal or a CI log, for the CLI's output: every control
// character but line feed and tab, C1 controls and bidi controls written as \xNN or \uNNNN, and
// bytes that are not UTF-8 as \xNN, so that no name in an input can move the cursor, retitle a
// window or hide a line. With `keep_colors`, snapkey's own colours (ESC [ digits;... m) stay.
std::string terminal_safe(std::string_view text, bool keep_colors);

// Appends to a JSON array or object being written in `out`, which starts with its '[' or '{': a
// comma before all but the first element, then `item`, or the member `"name":value`.
void json_append(std::string& out, std::string_view item);
void json_append(std::string& out, std::string_view name, std::string_view value);

// `text` with ASCII letters in lower case (RDS identifiers, IAM condition operators and keys).
std::string ascii_lower(std::string_view text);

}  // namespace snapkey::detail

#endif  // SNAPKEY_SRC_COMMON_STRINGS_HPP
