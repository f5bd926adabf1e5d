// The 0.1 include paths of the renderers (snapkey/io/render.hpp, snapkey/io/report.hpp) and of
// combine() (snapkey/io/scenario.hpp) keep working until 0.2: the same functions under the old
// names.
#include <gtest/gtest.h>

#include "snapkey/io/render.hpp"
#include "snapkey/io/report.hpp"
#include "snapkey/io/scenario.hpp"

namespace snapkey {
namespace {

TEST(ForwardingHeaders, OldNamesAreTheRenderers) {
  EXPECT_EQ(&io::render_rules_markdown, &render::render_rules_markdown);
  EXPECT_EQ(&io::render_checks_json, &render::render_checks_json);
  EXPECT_EQ(io::render_errors_table(), render::render_errors_table());
  const io::RenderOptions options{.color = true};
  EXPECT_TRUE(render::RenderOptions(options).color);
}

TEST(ForwardingHeaders, ScenarioHeaderStillDeclaresCombine) {
  Result<ModelInput> combined = io::combine({});
  EXPECT_TRUE(combined.ok());
}

}  // namespace
}  // namespace snapkey
