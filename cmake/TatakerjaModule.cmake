# tatakerja_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...] [INCLUDE_DIR DIR])
# Makes one static library per module, named tatakerja_<NAME>. Its public headers live in its own
# include folder (DIR, default `include` beside the CMakeLists.txt), as include/<module>/x.hpp, so
# they are included as "core/text.hpp", "org/model.hpp" and so on; headers and sources outside that
# folder are private to the module. A module sees only its own include folder and those of the
# modules it links: a wrong #include fails to compile, not only to link, and the build keeps the
# rule of who may depend on whom (docs/architecture.md).
function(tatakerja_module NAME)
  cmake_parse_arguments(ARG "" "INCLUDE_DIR" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT ARG_INCLUDE_DIR)
    set(ARG_INCLUDE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/include)
  endif()
  if(ARG_SOURCES)
    add_library(tatakerja_${NAME} STATIC ${ARG_SOURCES})
    target_include_directories(tatakerja_${NAME} PUBLIC ${ARG_INCLUDE_DIR}
                                                 PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(tatakerja_${NAME} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  else()
    # A domain that has its place but no code yet (work, performance, documents).
    add_library(tatakerja_${NAME} INTERFACE)
    target_include_directories(tatakerja_${NAME} INTERFACE ${ARG_INCLUDE_DIR})
    target_link_libraries(tatakerja_${NAME} INTERFACE ${ARG_PUBLIC_DEPS})
  endif()
endfunction()
