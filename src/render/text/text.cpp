#include "render/text/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace snapkey::render::detail {

namespace {

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

void indent_to(std::string& out, int depth) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// JSON

Json Json::string_or_null(std::string_view value) {
  if (value.empty()) return Json();
  return Json(value);
}

Json Json::strings(const std::vector<std::string>& values) {
  Array array;
  array.reserve(values.size());
  for (const std::string& value : values) array.emplace_back(value);
  return Json(std::move(array));
}

std::string Json::dump() const {
  std::string out;
  dump_to(out, 0);
  return out;
}

void Json::dump_to(std::string& out, int depth) const {
  if (std::holds_alternative<std::nullptr_t>(value_)) {
    out += "null";
  } else if (const bool* b = std::get_if<bool>(&value_)) {
    out += *b ? "true" : "false";
  } else if (const std::int64_t* n = std::get_if<std::int64_t>(&value_)) {
    out += std::to_string(*n);
  } else if (const std::string* s = std::get_if<std::string>(&value_)) {
    out += json_quote(*s);
  } else if (const Array* array = std::get_if<Array>(&value_)) {
    if (array->empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < array->size(); ++i) {
      indent_to(out, depth + 1);
      (*array)[i].dump_to(out, depth + 1);
      out += i + 1 < array->size() ? ",\n" : "\n";
    }
    indent_to(out, depth);
    out += ']';
  } else {
    const Object& object = std::get<Object>(value_);
    if (object.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    for (std::size_t i = 0; i < object.size(); ++i) {
      indent_to(out, depth + 1);
      out += json_quote(object[i].first);
      out += ": ";
      object[i].second.dump_to(out, depth + 1);
      out += i + 1 < object.size() ? ",\n" : "\n";
    }
    indent_to(out, depth);
    out += '}';
  }
}

// ---------------------------------------------------------------------------------------------
// Plain text

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c < 0x20 || c == 0x7F || (c >= 0x300 && c <= 0x36F)) continue;  // controls, combining
    width += is_wide(c) ? 2 : 1;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t have = display_width(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

namespace {

// The words of `text` (split at spaces and line breaks) laid out in lines: the first starts with
// `first` (display width `first_width`), the others with `rest`; each no wider than `width`
// where the words allow. Lines are joined with '\n', no trailing newline.
std::string fill(std::string_view first, std::size_t first_width, std::string_view rest,
                 std::string_view text, std::size_t width) {
  std::string out(first);
  std::size_t column = first_width;
  bool line_empty = true;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::size_t word_width = display_width(word);
    if (!line_empty && column + 1 + word_width > width) {
      out += '\n';
      out += rest;
      column = display_width(rest);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word_width;
    line_empty = false;
  }
  return out;
}

}  // namespace

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  if (text.find_first_not_of(" \n") == std::string_view::npos) return "";
  return fill(indent, display_width(indent), indent, text, width);
}

std::string hang(std::string_view lead, std::size_t lead_width, std::string_view text,
                 std::size_t width, std::size_t indent) {
  return fill(lead, lead_width, std::string(indent, ' '), text, width) + "\n";
}

std::string paint(std::string_view text, Color color, bool enabled) {
  if (!enabled) return std::string(text);
  std::string_view code;
  switch (color) {
    case Color::green:
      code = "32";
      break;
    case Color::yellow:
      code = "33";
      break;
    case Color::red:
      code = "31";
      break;
    case Color::bold:
      code = "1";
      break;
    case Color::dim:
      code = "2";
      break;
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

Color color_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::encrypted:
      return Color::green;
    case Outcome::unencrypted:
    case Outcome::indeterminate:
      return Color::yellow;
    case Outcome::fails:
    case Outcome::unsupported:
      break;
  }
  return Color::red;
}

// ---------------------------------------------------------------------------------------------
// Markdown

std::string markdown_cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code_span(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick needs a space inside its fence.
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fmt::format("{0}{1}{2}{1}{0}", fence, pad ? " " : "", text);
}

// ---------------------------------------------------------------------------------------------
// Shared wording

void add_skipped(Json::Object& document, const std::vector<SkippedInput>& skipped) {
  if (skipped.empty()) return;
  Json::Array list;
  for (const SkippedInput& file : skipped) {
    list.emplace_back(Json::Object{{"file", file.file}, {"id", file.id}, {"reason", file.reason}});
  }
  document.emplace_back("skipped", std::move(list));
}

std::string key_arn_text(const Key& key) {
  if (key.manager == KeyManager::aws_owned) return "(AWS owned: no ARN to see)";
  return key.arn.empty() ? "(ARN not known)" : key.arn;
}

std::string deciding_rule(const Prediction& prediction) {
  return prediction.rules.empty() ? "-" : prediction.rules.back();
}

std::string outcome_summary(const Predictions& predictions) {
  const std::size_t total = predictions.recovery_points.size();
  std::string out = fmt::format("{} recovery point{}", total, total == 1 ? "" : "s");
  std::vector<std::string> parts;
  for (const Outcome outcome : kOutcomes) {
    std::size_t count = 0;
    for (const Prediction& p : predictions.recovery_points) count += p.outcome == outcome ? 1 : 0;
    if (count > 0) parts.push_back(fmt::format("{} {}", count, to_string(outcome)));
  }
  if (!parts.empty()) out += fmt::format(": {}", fmt::join(parts, ", "));
  return out;
}

}  // namespace snapkey::render::detail
