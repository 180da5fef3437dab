# Every test is a Qt Test executable in build/bin that ctest runs twice: `<name>` in UTC with the C
# locale, and `<name>_de` in a zone with daylight saving time and a German locale, where wall times
# fall into DST gaps and numbers and dates are written the German way. The labels `utc` and `de`
# select one of the two runs (`ctest -L de`). SERIAL: the test measures wall-clock time and runs
# alone (RUN_SERIAL), so that a loaded machine does not stretch what it measures.
function(opbox_add_test name)
  if(NOT BUILD_TESTING)
    return()
  endif()
  cmake_parse_arguments(T "GUI;SERIAL" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
  qt_add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${name} PRIVATE OPBOX_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             OPBOX_BIN_DIR="${CMAKE_RUNTIME_OUTPUT_DIRECTORY}")
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set(common "QT_QPA_PLATFORM=offscreen" "OPBOX_TEST=1")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "TZ=UTC;LC_ALL=C.UTF-8;LANG=C.UTF-8;${common}" TIMEOUT ${T_TIMEOUT} LABELS utc)
  add_test(NAME ${name}_de COMMAND ${name})
  set_tests_properties(${name}_de PROPERTIES
    ENVIRONMENT "TZ=Europe/Berlin;LC_ALL=de_DE.UTF-8;LANG=de_DE.UTF-8;${common}"
    TIMEOUT ${T_TIMEOUT} LABELS de)
  if(T_SERIAL)
    set_tests_properties(${name} ${name}_de PROPERTIES RUN_SERIAL TRUE)
  endif()
endfunction()
