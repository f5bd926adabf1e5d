# The tree-sitter runtime and its HCL grammar, which the Terraform source reader parses with.
# Both are C sources that scripts/install-deps.sh fetches from npm, pinned (Debian 12's runtime is
# too old for the grammar's ABI 15). They are built here as one object library whose objects go
# into snapkey::io, so nothing third-party is installed, exported or copied into the repository.
#
#   target_include_directories(snapkey_io SYSTEM PRIVATE ${SNAPKEY_TREE_SITTER_INCLUDE_DIR})
#   target_sources(snapkey_io PRIVATE $<TARGET_OBJECTS:snapkey_tree_sitter>)
set(SNAPKEY_TREE_SITTER_VERSION 0.25.0)
set(SNAPKEY_TREE_SITTER_HCL_VERSION 1.2.0)
set(SNAPKEY_DEPS_DIR "$ENV{SNAPKEY_DEPS_DIR}" CACHE PATH
    "Where scripts/install-deps.sh put the npm sources (default: the source tree's .deps/)")
if(NOT SNAPKEY_DEPS_DIR)
  set(SNAPKEY_DEPS_DIR ${CMAKE_CURRENT_LIST_DIR}/../.deps)
endif()

set(_runtime ${SNAPKEY_DEPS_DIR}/tree-sitter-${SNAPKEY_TREE_SITTER_VERSION}/vendor/tree-sitter/lib)
set(_grammar ${SNAPKEY_DEPS_DIR}/tree-sitter-hcl-${SNAPKEY_TREE_SITTER_HCL_VERSION}/src)
foreach(_file ${_runtime}/src/lib.c ${_grammar}/parser.c ${_grammar}/scanner.c)
  if(NOT EXISTS ${_file})
    message(FATAL_ERROR "snapkey needs the tree-sitter runtime ${SNAPKEY_TREE_SITTER_VERSION} and "
                        "HCL grammar ${SNAPKEY_TREE_SITTER_HCL_VERSION} sources (${_file} is "
                        "missing). Run scripts/install-deps.sh, or set SNAPKEY_DEPS_DIR.")
  endif()
endforeach()

enable_language(C)
add_library(snapkey_tree_sitter OBJECT ${_runtime}/src/lib.c ${_grammar}/parser.c
                                       ${_grammar}/scanner.c)
target_include_directories(snapkey_tree_sitter PRIVATE ${_runtime}/include ${_runtime}/src
                                                       ${_grammar})
target_compile_definitions(snapkey_tree_sitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
# Third-party code: its warnings are not ours to fix.
target_compile_options(snapkey_tree_sitter PRIVATE -w)
set_target_properties(snapkey_tree_sitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
set(SNAPKEY_TREE_SITTER_INCLUDE_DIR ${_runtime}/include)
