// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <memory>

namespace Opbox {

/**
 * Creates the GUI's QApplication so that a missing or unreachable display ends the process with
 * exit code 1 and one line on stderr, like any other runtime failure, instead of Qt's multi-line
 * abort.
 */
class DisplayGuard
{
public:
    /**
     * The QApplication on success; nullptr after printing one line when no display is configured.
     * An unreachable display does not return: it prints one line and exits with code 1.
     */
    [[nodiscard]] static std::unique_ptr<QApplication> createApplication(int &argc, char **argv);
};

} // namespace Opbox
