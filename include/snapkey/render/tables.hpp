// The tables snapkey documents itself with: the rule table (docs/rules.md), the check table
// (docs/checks.md) and the error catalogue (docs/errors.md), each as text, Markdown or JSON.
#ifndef SNAPKEY_RENDER_TABLES_HPP
#define SNAPKEY_RENDER_TABLES_HPP

#include <string>

namespace snapkey::render {

std::string render_rules_table();
std::string render_rules_markdown();
std::string render_rules_json();

std::string render_checks_table();
std::string render_checks_markdown();
std::string render_checks_json();

std::string render_errors_table();
std::string render_errors_markdown();
std::string render_errors_json();

}  // namespace snapkey::render

#endif  // SNAPKEY_RENDER_TABLES_HPP
