// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/displayguard.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("DisplayGuard", s);
}

QtMessageHandler g_previousHandler = nullptr;

// What Qt tried to open, for the one-line message: the forced platform, else the display names.
QString displayDescription()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return u"QT_QPA_PLATFORM=%1"_s.arg(qEnvironmentVariable("QT_QPA_PLATFORM"));
    QStringList parts;
    if (qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        parts.append(u"WAYLAND_DISPLAY=%1"_s.arg(qEnvironmentVariable("WAYLAND_DISPLAY")));
    if (qEnvironmentVariableIsSet("DISPLAY"))
        parts.append(u"DISPLAY=%1"_s.arg(qEnvironmentVariable("DISPLAY")));
    return parts.join(u", "_s);
}

// Installed only while QApplication is being constructed: the platform plugin's failure is a
// qFatal (abort, exit 134) preceded by several qt.qpa warnings; the user gets one line instead.
void startupMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg) {
        const QString line
            = tr("cannot open the window on the display (%1); use --server to run headless").arg(displayDescription());
        std::fprintf(stderr, "opbox-pipelines: %s\n", qPrintable(line));
        std::fflush(stderr);
        std::_Exit(1);
    }
    if (context.category && std::strncmp(context.category, "qt.qpa.", 7) == 0)
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}
} // namespace

std::unique_ptr<QApplication> DisplayGuard::createApplication(int &argc, char **argv)
{
    // A platform chosen explicitly (offscreen, vnc, …) needs no display: let Qt decide.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr, "opbox-pipelines: %s\n",
                     qPrintable(tr("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                                   "use --server to run headless")));
        return nullptr;
    }
    g_previousHandler = qInstallMessageHandler(startupMessageHandler);
    auto app = std::make_unique<QApplication>(argc, argv);
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    return app;
}

} // namespace Opbox
