# Sanitizer and fuzzing builds. OPBOX_ASAN instruments every target with AddressSanitizer and
# UBSan. OPBOX_FUZZ (Clang only) adds libFuzzer's coverage instrumentation to the same objects and
# builds the harnesses of tests/fuzz, so that one sanitizer build serves both the test suite and the
# fuzzers: libraries and tests are compiled with -fsanitize=fuzzer-no-link (the sanitizer runtime
# supplies no-op coverage callbacks to the tests), and only the harness executables link libFuzzer.
option(OPBOX_ASAN "Build with AddressSanitizer and UBSan" OFF)
option(OPBOX_FUZZ "Build the libFuzzer harnesses of tests/fuzz (Clang, with OPBOX_ASAN)" OFF)

if(OPBOX_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "OPBOX_FUZZ needs Clang (libFuzzer); configure with the asan preset or -DCMAKE_CXX_COMPILER=clang++-14")
endif()
if(OPBOX_FUZZ AND NOT OPBOX_ASAN)
  message(FATAL_ERROR "OPBOX_FUZZ builds inside the sanitizer build: add -DOPBOX_ASAN=ON")
endif()

# Clang 14 cannot use libstdc++ 12's std::source_location (the tests name the caller's line with
# it); cmake/sanitizers/sourcelocation.h supplies it there.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15)
  add_compile_options(-include ${CMAKE_CURRENT_LIST_DIR}/sanitizers/sourcelocation.h)
endif()

if(OPBOX_ASAN)
  # UBSan reports stop the process (UBSAN_OPTIONS=halt_on_error=1 in scripts/test.sh and
  # scripts/fuzz.sh); the frame pointers keep ASan's stack traces cheap and complete. Clang 14's
  # function-type check cannot compile coroutines (QCoro tasks: "Cannot represent a difference
  # across sections"), so UBSan runs without that one check.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=function -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  if(OPBOX_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
else()
  # The hardening Debian's packaging expects (dpkg-buildflags, lintian): the app holds credentials.
  # Debian's GCC already builds PIE with partial RELRO; this adds the stack protector, checked libc
  # calls (they need optimisation, so not in Debug) and read-only relocations after start-up.
  add_compile_options(-fstack-protector-strong $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
  add_link_options(-Wl,-z,relro,-z,now)
endif()

# opbox_add_fuzzer(fuzz_x SOURCES … LIBS …): a libFuzzer harness in bin/, its seed corpus in
# tests/fuzz/corpus/<name without fuzz_>/. ctest replays the seed corpus once (fuzz_x_corpus), so the
# sanitizer test run also proves every committed seed still passes; scripts/fuzz.sh fuzzes. As
# there, libFuzzer checks each input for leaks and the check at exit is off (the API harness keeps
# its engine open to the end).
function(opbox_add_fuzzer name)
  cmake_parse_arguments(F "" "" "SOURCES;LIBS" ${ARGN})
  qt_add_executable(${name} ${F_SOURCES})
  target_link_libraries(${name} PRIVATE ${F_LIBS})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_compile_definitions(${name} PRIVATE OPBOX_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_dependencies(opbox_fuzzers ${name})
  string(REGEX REPLACE "^fuzz_" "" corpus ${name})
  add_test(NAME ${name}_corpus COMMAND ${name} -runs=0 ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${corpus})
  set_tests_properties(${name}_corpus PROPERTIES
    ENVIRONMENT "TZ=UTC;LC_ALL=C.UTF-8;LANG=C.UTF-8;QT_QPA_PLATFORM=offscreen;OPBOX_TEST=1;ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:leak_check_at_exit=0;UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1"
    TIMEOUT 300 LABELS "utc;fuzz")
endfunction()
