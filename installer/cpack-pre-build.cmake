# SPDX-License-Identifier: GPL-3.0-or-later
# Runs after CPack installed into its staging tree and before it packs it (CPACK_PRE_BUILD_SCRIPTS).
if(CPACK_GENERATOR STREQUAL "DEB")
  # Debian policy 12.1: manual pages in a package are compressed with `gzip -9n`.
  file(GLOB_RECURSE pages "${CPACK_TEMPORARY_DIRECTORY}/usr/share/man/*.[1-9]")
  foreach(page IN LISTS pages)
    execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "gzip ${page} failed: ${rc}")
    endif()
  endforeach()
endif()
