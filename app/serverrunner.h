// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Opbox {

struct CommandLine;

/** Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so shutdown runs on the event loop, not in a signal handler. */
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);
};

/** The entry point of `--server`, so main.cpp stays a dispatcher. */
class ServerRunner
{
public:
    /** `--server`: API server (+ scheduler and workers as they land) until SIGINT/SIGTERM. */
    static int runServer(const CommandLine &cl);
};

} // namespace Opbox
