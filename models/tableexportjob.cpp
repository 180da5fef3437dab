// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tableexportjob.h"
#include "engine/services/engine.h"
#include "models/guithread.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"
#include "models/tablerowreader.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// One CSV record of `values` (column names or a row) into `line`, reused to spare an allocation a row.
template<typename Values> void csvRecord(QByteArray &line, const Values &values)
{
    line.clear();
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            line += ',';
        line += TableExportJob::csvField(values.at(i));
    }
    line += "\r\n";
}

} // namespace

TableExportJob::TableExportJob(WorkspaceDataStore *workspaceData, Caller caller, QObject *parent)
    : QObject(parent)
    , m_workspaceData(workspaceData)
    , m_caller(std::move(caller))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
}

TableExportJob::TableExportJob(OwnerSession *session, QObject *parent)
    : TableExportJob(session->engine()->workspaceData(), session->caller(), parent)
{
}

TableExportJob::~TableExportJob()
{
    m_cancel->store(true);
    m_task.waitForFinished();
}

void TableExportJob::cancel()
{
    m_cancel->store(true);
}

QByteArray TableExportJob::csvField(const QVariant &value)
{
    if (value.isNull())
        return {};
    QByteArray text = value.toString().toUtf8();
    if (text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r')) {
        text.replace("\"", "\"\"");
        return '"' + text + '"';
    }
    return text;
}

void TableExportJob::start(const QString &table, const QString &filter, const QString &path)
{
    if (m_running)
        return;
    m_running = true;
    QPointer<TableExportJob> self(this);
    WorkspaceDataStore *data = m_workspaceData;
    const Caller caller = m_caller;
    auto cancel = m_cancel;
    auto deliver = [self](auto functor) { GuiThread::deliver(self, std::move(functor)); };
    m_task = QtConcurrent::run([data, caller, cancel, table, filter, path, deliver] {
        const TableRowReader reader(data, caller);
        auto columns = reader.columns(table);
        auto fail = [&](const QString &error) {
            deliver([error](TableExportJob *job) {
                job->m_running = false;
                Q_EMIT job->finished(false, 0, error);
            });
        };
        if (!columns)
            return fail(columns.error().message);
        // QSaveFile: the file appears only when complete; a cancelled or failed export leaves nothing.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return fail(QCoreApplication::translate("TableExportJob", "cannot write %1: %2").arg(path, file.errorString()));
        }
        QByteArray line;
        csvRecord(line, *columns);
        file.write(line);
        qint64 rows = 0;
        auto done = reader.forEach(table, filter, [&](const QVariantList &row) {
            if (cancel->load())
                return false;
            csvRecord(line, row);
            if (file.write(line) != line.size())
                return false;
            if (++rows % 5000 == 0)
                deliver([rows](TableExportJob *job) { Q_EMIT job->progress(rows); });
            return true;
        });
        if (!done)
            return fail(done.error().message);
        if (!*done) {
            file.cancelWriting();
            return fail(cancel->load()
                            ? QCoreApplication::translate("TableExportJob", "the export was cancelled")
                            : QCoreApplication::translate("TableExportJob", "cannot write %1: %2").arg(path, file.errorString()));
        }
        if (!file.commit())
            return fail(QCoreApplication::translate("TableExportJob", "cannot write %1: %2").arg(path, file.errorString()));
        qCInfo(lcModels) << "exported" << rows << "rows of" << table;
        deliver([rows](TableExportJob *job) {
            job->m_running = false;
            Q_EMIT job->finished(true, rows, QString());
        });
    });
}

} // namespace Opbox
