// Deprecated: the findings renderers moved to snapkey/render/findings.hpp and tables.hpp,
// namespace snapkey::render, and locate_lines() to snapkey/io/inputs.hpp. This header keeps the
// old names working until 0.2.
#ifndef SNAPKEY_IO_REPORT_HPP
#define SNAPKEY_IO_REPORT_HPP

#include "snapkey/io/inputs.hpp"
#include "snapkey/io/render.hpp"
#include "snapkey/render/findings.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::io {

using render::render_checks_json;
using render::render_checks_markdown;
using render::render_checks_table;
using render::render_findings_json;
using render::render_findings_junit;
using render::render_findings_markdown;
using render::render_findings_sarif;
using render::render_findings_text;

}  // namespace snapkey::io

#endif  // SNAPKEY_IO_REPORT_HPP
