// A calendar date (no time zone, no clock). Feature dates and `as_of` use it: rules R18, R21f
// and R35 change outcomes by date, and output must never depend on the machine's clock.
#ifndef SNAPKEY_DATE_HPP
#define SNAPKEY_DATE_HPP

#include <compare>
#include <string>
#include <string_view>

#include "snapkey/result.hpp"

namespace snapkey {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string to_string() const;  // YYYY-MM-DD
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Parses YYYY-MM-DD (a real calendar date). Errors: E_DATE.
Result<Date> parse_date(std::string_view text);

}  // namespace snapkey

#endif  // SNAPKEY_DATE_HPP
