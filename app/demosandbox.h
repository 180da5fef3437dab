// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "caller.h"
#include "result.h"

#include <QObject>
#include <QStringList>
#include <memory>

class QThread;

namespace Opbox {

class Engine;
namespace Fakes {
class FakeServiceSuite;
}

/**
 * `--demo` (DESIGN §4): the provider fakes of tests/fakes as a local sandbox on their own thread,
 * and a demo workspace with one connection of every sandboxed type pointing at them, so a
 * first-time user sees data sync without any account.
 */
class DemoSandbox : public QObject
{
    Q_OBJECT
public:
    /** The workspace the demo connections live in. */
    static QString workspaceName();

    explicit DemoSandbox(QObject *parent = nullptr);
    ~DemoSandbox() override;

    /** Starts every fake on 127.0.0.1 (ephemeral ports); false with the reason. */
    [[nodiscard]] bool start(QString *error);
    /** "<TYPE> <service> <baseUrl>" per fake. */
    [[nodiscard]] QStringList describe() const;
    /**
     * Creates the demo connections that do not exist yet in the caller's workspace (one per type,
     * hourly schedule) and points existing ones at this run's fake addresses; the number created.
     */
    [[nodiscard]] Result<int> populate(Engine *engine, const Caller &caller);

private:
    QThread *m_thread;
    std::unique_ptr<Fakes::FakeServiceSuite> m_suite;
};

} // namespace Opbox
