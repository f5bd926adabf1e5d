// Deprecated: the renderers moved to snapkey/render/predictions.hpp and tables.hpp, namespace
// snapkey::render (target snapkey::render). This header keeps the old names working until 0.2.
#ifndef SNAPKEY_IO_RENDER_HPP
#define SNAPKEY_IO_RENDER_HPP

#include "snapkey/io/inputs.hpp"
#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::io {

using render::render_errors_json;
using render::render_errors_markdown;
using render::render_errors_table;
using render::render_explanation;
using render::render_json;
using render::render_markdown;
using render::render_rules_json;
using render::render_rules_markdown;
using render::render_rules_table;
using render::render_table;
using render::render_verify_json;
using render::render_verify_markdown;
using render::render_verify_table;
using render::RenderOptions;

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_RENDER_HPP
