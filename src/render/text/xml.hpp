// XML escaping for the JUnit report. Private to snapkey::io.
//
// Whatever the input, the output is well-formed XML 1.0: besides the five markup characters, it
// replaces what XML 1.0 forbids (control characters other than tab, line feed and carriage
// return; U+FFFE and U+FFFF) and bytes that are not valid UTF-8 with U+FFFD, so a stray byte in
// a resource name cannot make a CI server reject the whole report.
#ifndef SNAPKEY_SRC_RENDER_TEXT_XML_HPP
#define SNAPKEY_SRC_RENDER_TEXT_XML_HPP

#include <string>
#include <string_view>

namespace snapkey::render::detail {

// `text` as element content: `&`, `<` and `>` escaped; line breaks and tabs kept.
std::string xml_text(std::string_view text);
// `text` as an attribute value (without the quotes): `&`, `<`, `>` and `"` escaped, and tab,
// line feed and carriage return as character references, so that they survive attribute value
// normalisation.
std::string xml_attribute(std::string_view text);

}  // namespace snapkey::render::detail

#endif  // SNAPKEY_SRC_RENDER_TEXT_XML_HPP
