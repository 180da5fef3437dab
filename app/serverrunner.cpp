// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/serverrunner.h"
#include "app/commandline.h"
#include "app/demosandbox.h"
#include "connectors/http/outboundaddresspolicy.h"
#include "engine/api/apiserver.h"
#include "engine/security/caller.h"
#include "engine/security/secretstore.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/services/triggerservice.h"
#include "engine/store/datadiruse.h"
#include "engine/sync/syncworkerpool.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
int g_signalFds[2] = {-1, -1};

void onUnixSignal(int sig)
{
    const char c = char(sig);
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &c, 1);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "opbox-pipelines: %s\n", qPrintable(message));
    return 1;
}
} // namespace

UnixSignalWatcher::UnixSignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        if (::read(g_signalFds[1], &c, 1) == 1)
            Q_EMIT terminationRequested(int(c));
    });
    struct sigaction sa = {};
    sa.sa_handler = onUnixSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
}

int ServerRunner::runServer(const CommandLine &cl)
{
#ifdef Q_OS_LINUX
    // The server holds the master key and every connection's credentials in memory: no core
    // dump of it, and no other process of the same user may attach to it or read its memory.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
    // Installed before anything announces readiness: a supervisor may signal right after the
    // "listening on" line or while the demo starts, and that must still be a clean shutdown.
    // Until the event loop runs, a signal is only noted (quitting a nested loop of the start
    // would fail the start instead).
    UnixSignalWatcher signals;
    bool stopRequested = false;
    bool serving = false;
    QObject::connect(&signals, &UnixSignalWatcher::terminationRequested, qApp, [&stopRequested, &serving](int) {
        stopRequested = true;
        if (serving)
            QCoreApplication::quit();
    });

    // Whoever may configure a connection must not make the server reach its own network.
    OutboundAddressPolicy::install(cl.allowPrivateHosts ? OutboundAddressPolicy::allowAll()
                                                        : OutboundAddressPolicy::publicOnly());
    Engine engine(cl.resolvedDataDir());
    if (auto ok = engine.open(); !ok)
        return fail(ok.error().message);
    // Held while serving, so that `key rotate` refuses to run underneath this process.
    DataDirUse inUse;
    if (auto held = inUse.hold(engine.dataDir()); !held)
        std::fprintf(stderr, "opbox-pipelines: %s\n", qPrintable(held.error().message));
    KeychainSecretStore keychain;
    auto unlocked = QCoro::waitFor(engine.unlock(&keychain));
    if (!unlocked)
        return fail(unlocked.error().message);

    ApiServer api(&engine);
    if (!cl.publicUrl.isEmpty())
        api.setPublicUrl(cl.publicUrl);
    auto port = api.start(cl.listenAddress, cl.listenPort);
    if (!port)
        return fail(port.error().message);
    const QString host
        = cl.listenAddress.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + cl.listenHost + u"]"_s : cl.listenHost;
    std::fprintf(stdout, "listening on http://%s:%u\n", qPrintable(host), unsigned(*port));
    std::fflush(stdout);
    engine.syncWorkers()->start(cl.workers);
    engine.triggers()->startScheduler();
    // --demo: the provider fakes as a sandbox and a "Demo" workspace of connections to them.
    std::unique_ptr<DemoSandbox> sandbox;
    if (cl.demo) {
        sandbox = std::make_unique<DemoSandbox>();
        QString error;
        if (!sandbox->start(&error))
            return fail(u"the demo sandbox did not start: %1"_s.arg(error));
        if (!cl.allowPrivateHosts)
            OutboundAddressPolicy::install(OutboundAddressPolicy::publicOnly(sandbox->loopbackPorts()));
        auto workspace = engine.identity()->ensureWorkspace(DemoSandbox::workspaceName());
        if (!workspace)
            return fail(workspace.error().message);
        if (auto made = sandbox->populate(&engine, Caller::system(*workspace), api.publicUrl()); !made)
            return fail(made.error().message);
        for (const QString &line : sandbox->describe())
            std::fprintf(stderr, "demo: %s\n", qPrintable(line));
        std::fprintf(stderr,
                     "demo: workspace \"%s\"; get a token with: opbox-pipelines token create --user EMAIL --workspace %s\n",
                     qPrintable(DemoSandbox::workspaceName()), qPrintable(DemoSandbox::workspaceName()));
    }

    QTimer::singleShot(0, qApp, [&stopRequested, &serving] {
        serving = true;
        if (stopRequested)
            QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    // Shutdown order: stop accepting requests, then let the engine finish (runs are checkpointed
    // by their workers), then the databases close with the engine.
    // No new runs; running ones end after the page they are committing and stay CANCELLED with
    // "server shutdown" (their committed pages are their checkpoint).
    engine.triggers()->stopScheduler();
    engine.syncWorkers()->stop(u"server shutdown"_s);
    api.stop();
    return rc;
}

} // namespace Opbox
