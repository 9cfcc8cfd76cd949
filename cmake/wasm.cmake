# The WebAssembly module and the static site (included from CMakeLists.txt
# when the Emscripten toolchain is active).
#
# Output, in LABELCOST_SITE_DIR (default build/site):
#   labelcost-engine.js / .wasm   the engine: an ES module factory and its binary
#   the page's files              copied from web/ (see web/CMakeLists below)
# and the npm package in build/package, packed as build/labelcost-<version>.tgz.
#
# Size and speed were measured with bench/run; the README has the figures.

set(LABELCOST_SITE_DIR "${CMAKE_BINARY_DIR}/site" CACHE PATH "Where the deployable static site is written")
option(LABELCOST_CLOSURE "Minify the module's JavaScript with the Closure compiler" ON)

# The engine, once, as object files: each module below links them first, hot
# ones first, and its bindings last (where an inline function is compiled
# into several objects, the linker keeps the first copy, and that should be
# the one optimised for speed).
add_library(labelcost_engine_wasm OBJECT ${LABELCOST_ENGINE_HOT} ${LABELCOST_ENGINE_COLD} ${LABELCOST_BUNDLE_SOURCES})
target_include_directories(labelcost_engine_wasm PUBLIC ${LABELCOST_INCLUDES})
target_link_libraries(labelcost_engine_wasm PUBLIC labelcost_json labelcost_options)

# Speed where every call goes (the JSON parser at -Os is 0.8 KB gzip smaller
# and makes an estimate 40% slower), size where code runs once or rarely.
# Debian's prebuilt libc++ declares std::string's members extern templates;
# disabling that lets -O2 inline them (about 10 us an estimate). The module
# never exits, so static objects need no destructors.
target_compile_options(labelcost_engine_wasm PRIVATE -O2 -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -fno-c++-static-destructors)
# No -flto: with Emscripten 3.1.6 it is 2.4 KB gzip smaller and faster, but
# with 6.0.5 (what CI publishes with) 4.4 KB larger, for an estimate 7% and a
# sweep 18% faster that the targets do not need.
set_source_files_properties(${LABELCOST_ENGINE_COLD} ${LABELCOST_BUNDLE_SOURCES}
  TARGET_DIRECTORY labelcost_engine_wasm PROPERTIES COMPILE_OPTIONS "-Oz")
# Reading a scenario runs once a call and is mostly messages: -Os there saves
# 3 KB gzip for about 2 us an estimate.
set_source_files_properties(src/engine/scenario.cpp TARGET_DIRECTORY labelcost_engine_wasm PROPERTIES COMPILE_OPTIONS "-Os")

# A module: the engine and the bindings, linked into an ES module factory and
# its binary in `dir`. The bindings run once a call and are mostly embind's
# templates: they are compiled for size.
function(labelcost_module target dir)
  add_library(${target}_bindings OBJECT src/wasm/bindings.cpp)
  target_link_libraries(${target}_bindings PRIVATE labelcost_engine_wasm)
  target_compile_options(${target}_bindings PRIVATE -Oz -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -fno-c++-static-destructors)
  add_executable(${target} $<TARGET_OBJECTS:labelcost_engine_wasm> $<TARGET_OBJECTS:${target}_bindings>)
  target_link_libraries(${target} PRIVATE labelcost_options)
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "labelcost-engine"
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${dir}")
  target_link_options(${target} PRIVATE
    -lembind
    -Oz
    "-sINCOMING_MODULE_JS_API=[instantiateWasm,print,printErr]"
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sEXPORT_NAME=createLabelcostModule
    -sENVIRONMENT=web,worker
    -sFILESYSTEM=0
    -sDYNAMIC_EXECUTION=0
    -sTEXTDECODER=2
    -sMALLOC=emmalloc
    -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=4194304)
  # The engine needs little stack (its parser is not recursive; inputs nest at
  # most 32 deep). The setting was renamed in Emscripten 3.1.25.
  if(EMSCRIPTEN_VERSION VERSION_LESS 3.1.25)
    target_link_options(${target} PRIVATE -sTOTAL_STACK=262144)
  else()
    target_link_options(${target} PRIVATE -sSTACK_SIZE=262144)
  endif()
  if(LABELCOST_CLOSURE)
    target_link_options(${target} PRIVATE --closure 1)
  endif()
endfunction()

# The module the site ships, and a test build of it with the test hooks
# (bytes of the heap in use, an abort), beside a copy of web/engine.js for
# the Node tests that use them (tests/wasm).
labelcost_module(labelcost_wasm "${LABELCOST_SITE_DIR}")
set(LABELCOST_TEST_MODULE_DIR "${LABELCOST_SITE_DIR}-test" CACHE PATH "Where the test build of the module is written")
labelcost_module(labelcost_wasm_test "${LABELCOST_TEST_MODULE_DIR}")
target_compile_definitions(labelcost_wasm_test_bindings PRIVATE LABELCOST_TEST_HOOKS)
add_custom_command(TARGET labelcost_wasm_test POST_BUILD
  COMMAND "${CMAKE_COMMAND}" -E copy "${CMAKE_SOURCE_DIR}/web/engine.js" "${LABELCOST_TEST_MODULE_DIR}/engine.js"
  VERBATIM)

# The page: web/ bundled and minified beside the module by
# scripts/build-site.mjs (esbuild from npm ci), or copied as it is without it.
find_program(LABELCOST_NODE node REQUIRED)
file(GLOB LABELCOST_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
set(LABELCOST_SITE_OUTPUTS index.html main.js style.css engine.js sw.js labelcost-embed.js labelcost-frame.js labelcost.html)
list(TRANSFORM LABELCOST_SITE_OUTPUTS PREPEND "${LABELCOST_SITE_DIR}/")
add_custom_command(
  OUTPUT ${LABELCOST_SITE_OUTPUTS}
  COMMAND "${LABELCOST_NODE}" "${CMAKE_SOURCE_DIR}/scripts/build-site.mjs" "${LABELCOST_SITE_DIR}"
  DEPENDS ${LABELCOST_WEB_FILES} "${CMAKE_SOURCE_DIR}/scripts/build-site.mjs" "${CMAKE_SOURCE_DIR}/package.json" labelcost_wasm
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  COMMENT "Building the page into ${LABELCOST_SITE_DIR}"
  VERBATIM)
add_custom_target(labelcost_site ALL DEPENDS ${LABELCOST_SITE_OUTPUTS})

# The npm package: build/package and labelcost-<version>.tgz beside it, by
# scripts/build-package.mjs (esbuild and typescript from npm ci).
set(LABELCOST_PACKAGE_DIR "${CMAKE_SOURCE_DIR}/build/package" CACHE PATH "Where the npm package is assembled (the .tgz goes beside it)")
find_program(LABELCOST_NPM npm)
if(LABELCOST_NPM AND EXISTS "${CMAKE_SOURCE_DIR}/node_modules/esbuild" AND EXISTS "${CMAKE_SOURCE_DIR}/node_modules/typescript")
  get_filename_component(LABELCOST_PACKAGE_PARENT "${LABELCOST_PACKAGE_DIR}" DIRECTORY)
  set(LABELCOST_TGZ "${LABELCOST_PACKAGE_PARENT}/labelcost-${PROJECT_VERSION}.tgz")
  file(GLOB_RECURSE LABELCOST_PACKAGE_INPUTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/package/*" "${CMAKE_SOURCE_DIR}/rates/*")
  add_custom_command(
    OUTPUT "${LABELCOST_TGZ}"
    COMMAND "${LABELCOST_NODE}" "${CMAKE_SOURCE_DIR}/scripts/build-package.mjs" "${LABELCOST_SITE_DIR}" "${LABELCOST_PACKAGE_DIR}"
    DEPENDS ${LABELCOST_WEB_FILES} ${LABELCOST_PACKAGE_INPUTS} ${LABELCOST_SITE_OUTPUTS} "${CMAKE_SOURCE_DIR}/scripts/build-package.mjs"
            "${CMAKE_SOURCE_DIR}/package.json" "${CMAKE_SOURCE_DIR}/CHANGELOG.md" "${CMAKE_SOURCE_DIR}/LICENSE"
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    COMMENT "Packing the npm package into ${LABELCOST_TGZ}"
    VERBATIM)
  add_custom_target(labelcost_package ALL DEPENDS "${LABELCOST_TGZ}")
else()
  message(STATUS "labelcost: no npm package (it needs npm, and npm ci first for esbuild and typescript)")
endif()
