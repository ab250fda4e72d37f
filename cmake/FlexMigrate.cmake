# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Project helpers. Every engine module is one library made by
# flexmigrate_add_engine_module(); flexmigrate_check_engine_purity() runs at
# the end of the top-level CMakeLists and fails the configure step when any
# engine module reaches Qt::Gui or Qt::Widgets, directly or through another
# target. (Idea from qBittorrent's src/base and Qt Creator's add_qtc_library.)

include_guard(GLOBAL)

set_property(GLOBAL PROPERTY FLEXMIGRATE_ENGINE_MODULES "")

# The link items that may never appear in an engine module's closure.
set(FLEXMIGRATE_FORBIDDEN_ENGINE_LINKS
    Qt6::Gui Qt6::Widgets Qt::Gui Qt::Widgets Qt6::GuiPrivate Qt6::WidgetsPrivate
    Qt6::Charts Qt::Charts Qt6::OpenGL Qt6::OpenGLWidgets Qt6::PrintSupport)

# flexmigrate_add_engine_module(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...] [RESOURCES ...])
# Creates the static library flexmigrate_<name> with alias FlexMigrate::<name>.
function(flexmigrate_add_engine_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flexmigrate_add_engine_module(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(target flexmigrate_${name})
  add_library(${target} STATIC ${arg_SOURCES})
  add_library(FlexMigrate::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC ${arg_PUBLIC_DEPS} PRIVATE ${arg_PRIVATE_DEPS})
  set_property(GLOBAL APPEND PROPERTY FLEXMIGRATE_ENGINE_MODULES ${target})
endfunction()

# Walks the link closure of <target>; appends forbidden items found to <out>.
function(_flexmigrate_collect_forbidden target out visited_var)
  set(visited ${${visited_var}})
  if(target IN_LIST visited)
    return()
  endif()
  list(APPEND visited ${target})
  set(${visited_var} ${visited} PARENT_SCOPE)
  set(found ${${out}})
  if(NOT TARGET ${target})
    return()
  endif()
  get_target_property(aliased ${target} ALIASED_TARGET)
  if(aliased)
    set(target ${aliased})
  endif()
  set(items "")
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(direct ${target} LINK_LIBRARIES)
    if(direct)
      list(APPEND items ${direct})
    endif()
  endif()
  get_target_property(iface ${target} INTERFACE_LINK_LIBRARIES)
  if(iface)
    list(APPEND items ${iface})
  endif()
  foreach(item IN LISTS items)
    # Generator expressions such as $<LINK_ONLY:Qt6::Gui> still name the target.
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" item "${item}")
    if(item IN_LIST FLEXMIGRATE_FORBIDDEN_ENGINE_LINKS)
      list(APPEND found "${item}")
    elseif(TARGET ${item})
      _flexmigrate_collect_forbidden(${item} found visited)
    endif()
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
  set(${visited_var} ${visited} PARENT_SCOPE)
endfunction()

function(flexmigrate_check_engine_purity)
  get_property(modules GLOBAL PROPERTY FLEXMIGRATE_ENGINE_MODULES)
  foreach(module IN LISTS modules)
    set(found "")
    set(visited "")
    _flexmigrate_collect_forbidden(${module} found visited)
    if(found)
      list(REMOVE_DUPLICATES found)
      message(FATAL_ERROR
        "Engine module ${module} links ${found}. The engine must stay headless: "
        "link only Qt::Core, Qt::Network, libpq, nlohmann_json and spdlog "
        "(see DESIGN.md, 'engine/ ... never Widgets/Gui'). Move the GUI code to wizard/ or app/.")
    endif()
  endforeach()
endfunction()

# flexmigrate_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# One executable per unit, registered with ctest under its name.
function(flexmigrate_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "SOURCES;LIBS;LABELS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flexmigrate_add_test(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${arg_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${arg_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;FLEXMIGRATE_BINARY_DIR=${PROJECT_BINARY_DIR}")
  if(arg_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${arg_LABELS}")
  endif()
endfunction()
