// SPDX-License-Identifier: GPL-3.0-or-later
// opbox-fake-services: every provider fake on loopback, one line per service and then "ready",
// until SIGINT/SIGTERM. The app's --demo runs it as its sandbox.
#include "fakeservicesuite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // A signal handler may only do async-signal-safe work: wake the event loop through the pipe.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"opbox-fake-services"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs fake provider APIs on 127.0.0.1 for tests, demos and benchmarks."_s);
    parser.addHelpOption();
    const QCommandLineOption tokenOption(u"token"_s, u"Credential every fake accepts."_s, u"token"_s, u"opbox-fake-token"_s);
    const QCommandLineOption recordsOption(u"records"_s, u"Records seeded per main stream."_s, u"n"_s, u"250"_s);
    const QCommandLineOption generatedOption(u"hubspot-contacts"_s,
                                             u"Serve this many generated HubSpot contacts (20 fields each)."_s, u"n"_s, u"0"_s);
    parser.addOptions({tokenOption, recordsOption, generatedOption});
    parser.process(app);

    bool recordsOk = false, generatedOk = false;
    Opbox::Fakes::FakeServiceSuite::Options options;
    options.token = parser.value(tokenOption);
    options.records = parser.value(recordsOption).toInt(&recordsOk);
    options.generatedContacts = parser.value(generatedOption).toLongLong(&generatedOk);
    if (!recordsOk || options.records < 1 || !generatedOk || options.generatedContacts < 0) {
        QTextStream(stderr) << "opbox-fake-services: --records and --hubspot-contacts take non-negative numbers\n";
        return 2;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        QTextStream(stderr) << "opbox-fake-services: cannot create the signal pipe\n";
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    Opbox::Fakes::FakeServiceSuite suite(options);
    QString error;
    if (!suite.start(&error)) {
        QTextStream(stderr) << "opbox-fake-services: " << error << '\n';
        return 1;
    }
    QTextStream out(stdout);
    for (const QString &line : suite.describe())
        out << line << '\n';
    // The end of the announcement: a parent process (the app's --demo) waits for this line.
    out << "ready\n";
    out.flush();
    QTextStream(stderr) << "opbox-fake-services: every fake accepts the credential \"" << options.token
                        << "\"; the OAuth fakes (xero, docusign) register the client \""
                        << suite.server(QStringLiteral("ACCOUNTING"))->credentials().value(u"client_id"_s).toString()
                        << "\" and consent at once; stop with Ctrl+C\n";
    const int code = app.exec();
    suite.stop();
    return code;
}
