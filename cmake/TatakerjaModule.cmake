# tatakerja_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Makes one static library per layer, named tatakerja_<NAME>, with src/ as its include root so that
# headers are included as "core/text.hpp", "regulation/parser.hpp" and so on. The dependencies given
# here are the only layers the module may use: the build keeps the layering.
function(tatakerja_module NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(tatakerja_${NAME} STATIC ${ARG_SOURCES})
  target_include_directories(tatakerja_${NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(tatakerja_${NAME} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()
