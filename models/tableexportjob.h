// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/security/caller.h"

#include <QFuture>
#include <QObject>
#include <atomic>
#include <memory>

namespace Opbox {

class OwnerSession;
class WorkspaceDataStore;

/**
 * Exports an Opbox table (optionally filtered) to a CSV file (RFC 4180: comma, double quotes,
 * CRLF, UTF-8) on a pool thread, reporting progress and the outcome by queued signals.
 */
class TableExportJob : public QObject
{
    Q_OBJECT
public:
    TableExportJob(WorkspaceDataStore *workspaceData, Caller caller, QObject *parent = nullptr);
    /** Exports the tables of the session's workspace with its Caller. */
    explicit TableExportJob(OwnerSession *session, QObject *parent = nullptr);
    ~TableExportJob() override;

    /** Starts the export; `finished` follows. One export per job. */
    void start(const QString &table, const QString &filter, const QString &path);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /** One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled). */
    [[nodiscard]] static QByteArray csvField(const QVariant &value);

Q_SIGNALS:
    void progress(qint64 rows);
    /** `ok` false: `error` says why (the partial file is removed). */
    void finished(bool ok, qint64 rows, const QString &error);

private:
    WorkspaceDataStore *m_workspaceData;
    Caller m_caller;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    QFuture<void> m_task;
};

} // namespace Opbox
