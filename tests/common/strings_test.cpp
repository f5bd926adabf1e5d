// The text helpers' safety: what the CLI prints cannot carry an input's escape sequences.
#include "common/strings.hpp"

#include <gtest/gtest.h>

#include <string>

namespace snapkey::detail {
namespace {

TEST(TerminalSafe, KeepsTextLineFeedsTabsAndUtf8) {
  EXPECT_EQ(terminal_safe("aurora@tokyo\n\tkey 東京\n", false), "aurora@tokyo\n\tkey 東京\n");
}

TEST(TerminalSafe, EscapesControlCharacters) {
  // A window title (OSC), a cursor move, a carriage return that hides a line, a bell, DEL, NUL.
  EXPECT_EQ(terminal_safe("a\x1b]0;pwned\x07"
                          "b",
                          false),
            "a\\x1b]0;pwned\\x07b");
  EXPECT_EQ(terminal_safe("ok\x1b[2Aup\rFAIL\x7f", false), "ok\\x1b[2Aup\\x0dFAIL\\x7f");
  EXPECT_EQ(terminal_safe(std::string_view("a\0b", 3), false), "a\\x00b");
}

TEST(TerminalSafe, EscapesC1AndBidiControlsAndInvalidBytes) {
  EXPECT_EQ(terminal_safe("\xc2\x9b"
                          "2J",
                          false),
            "\\u009b2J");  // C1 CSI
  EXPECT_EQ(terminal_safe("admin\xe2\x80\xae"
                          "txt",
                          false),
            "admin\\u202etxt");  // RLO
  EXPECT_EQ(terminal_safe("a\xff"
                          "b\xe6\x9d",
                          false),
            "a\\xffb\\xe6\\x9d");
  EXPECT_EQ(terminal_safe("\xef\xbf\xbd", false), "\xef\xbf\xbd");  // a real U+FFFD stays
}

TEST(TerminalSafe, KeepsOnlyColourSequencesWhenAsked) {
  EXPECT_EQ(terminal_safe("\x1b[1;31mERRORS\x1b[0m", true), "\x1b[1;31mERRORS\x1b[0m");
  EXPECT_EQ(terminal_safe("\x1b[1;31mERRORS\x1b[0m", false), "\\x1b[1;31mERRORS\\x1b[0m");
  EXPECT_EQ(terminal_safe("\x1b[2J\x1b]0;t\x07", true), "\\x1b[2J\\x1b]0;t\\x07");
  EXPECT_EQ(terminal_safe("\x1b[31", true), "\\x1b[31");  // unterminated
}

TEST(JsonQuote, EscapesC1AndBidiControls) {
  EXPECT_EQ(json_quote("\xc2\x9b"
                       "a\xe2\x80\xae"
                       "b\xe2\x81\xa9"),
            "\"\\u009ba\\u202eb\\u2069\"");
}

}  // namespace
}  // namespace snapkey::detail
