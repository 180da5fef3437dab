// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

namespace Opbox {

/** Starts the desktop application: the engine in-process, the API server on its own thread, the main window. */
class DesktopApplication
{
public:
    /** Runs the GUI event loop; returns the exit code. */
    static int run(const QString &dataDir, const QHostAddress &apiAddress, quint16 apiPort);
};

} // namespace Opbox
