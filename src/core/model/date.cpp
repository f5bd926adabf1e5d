#include "snapkey/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace snapkey {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool parse_number(std::string_view text, int& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

Result<Date> parse_date(std::string_view text) {
  Date date;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      parse_number(text.substr(0, 4), date.year) &&
                      parse_number(text.substr(5, 2), date.month) &&
                      parse_number(text.substr(8, 2), date.day);
  if (!shaped || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return Error{"E_DATE", fmt::format("expected a date YYYY-MM-DD, found '{}'", text), {}};
  }
  return date;
}

}  // namespace snapkey
