// SPDX-License-Identifier: GPL-3.0-or-later
// std::source_location for Clang 14 with GCC 12's libstdc++, whose <source_location> needs
// __builtin_source_location (Clang 15 and later). Force-included by cmake/OpboxSanitizers.cmake in
// Clang builds older than 15, so that the tests' failure messages keep naming the caller's line;
// built from the location builtins Clang 14 has, which yield the call site in default arguments.
#pragma once

#include <version>

#if !defined(__cpp_lib_source_location) && defined(__clang__) && __clang_major__ < 15
#include <cstdint>

namespace std {

struct source_location
{
    static constexpr source_location current(const char *file = __builtin_FILE(), const char *function = __builtin_FUNCTION(),
                                             uint_least32_t line = __builtin_LINE(),
                                             uint_least32_t column = __builtin_COLUMN()) noexcept
    {
        source_location where;
        where.m_file = file;
        where.m_function = function;
        where.m_line = line;
        where.m_column = column;
        return where;
    }
    constexpr source_location() noexcept = default;
    [[nodiscard]] constexpr uint_least32_t line() const noexcept { return m_line; }
    [[nodiscard]] constexpr uint_least32_t column() const noexcept { return m_column; }
    [[nodiscard]] constexpr const char *file_name() const noexcept { return m_file; }
    [[nodiscard]] constexpr const char *function_name() const noexcept { return m_function; }

private:
    const char *m_file = "";
    const char *m_function = "";
    uint_least32_t m_line = 0;
    uint_least32_t m_column = 0;
};

} // namespace std

#define __cpp_lib_source_location 201907L
#endif
