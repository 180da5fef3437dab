# SPDX-License-Identifier: GPL-3.0-or-later
# Runs after CPack installed into its staging tree and before it packs it (CPACK_PRE_BUILD_SCRIPTS).
if(CPACK_GENERATOR STREQUAL "DEB")
  # Debian policy 12.1 and 12.7: manual pages and the changelog are compressed with `gzip -9n`.
  file(GLOB_RECURSE compress "${CPACK_TEMPORARY_DIRECTORY}/usr/share/man/*.[1-9]")
  list(APPEND compress "${CPACK_TEMPORARY_DIRECTORY}/usr/share/doc/opbox-pipelines/changelog")
  foreach(file IN LISTS compress)
    execute_process(COMMAND gzip -9nf "${file}" COMMAND_ERROR_IS_FATAL ANY)
  endforeach()
endif()
