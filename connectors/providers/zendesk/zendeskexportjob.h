// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/recordnormalizer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace Opbox {

class DeclarativeConnector;

/**
 * One read of a stream that Zendesk's cursor-based incremental export feeds. The first request
 * sends `start_time` (the stored cursor in epoch seconds, 0 for a full read, never within the
 * export's one-minute lag); every later one sends `cursor=<after_cursor>` until `end_of_stream`. Each page's state is `{"cursor": <newest updated_at seen>, "after_cursor": …}`,
 * so the next run resumes from the provider's cursor, and a cursor reset (which drops
 * `after_cursor`) restarts from its date.
 *
 * A child stream of an export stream (ticket_comments of tickets) walks the parent's export with
 * its own state and reads every listed record's children (cursor pages until `meta.has_more` is
 * false); its state only moves once all children of an export page are handed over, so an
 * interrupted read never skips a ticket.
 */
class ZendeskExportJob
{
    Q_DECLARE_TR_FUNCTIONS(ZendeskExportJob)
public:
    ZendeskExportJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream, QJsonObject state, PageSink *sink);

    [[nodiscard]] QCoro::Task<ReadResult> run();

    /** True when `stream` is an export stream (`…/cursor.json` with cursor pages) or a child of one. */
    [[nodiscard]] static bool handles(const ConnectorManifest &manifest, const ConnectorManifest::Stream &stream);
    /** The seconds the export hides: `start_time` is never later than now minus this. */
    static constexpr qint64 ExportLagSeconds = 61;

private:
    struct ExportPage
    {
        QJsonArray records;
        QString afterCursor;
        bool endOfStream = false;
        std::optional<QString> maxCursor; // canonical ISO
    };

    [[nodiscard]] static bool isExport(const ConnectorManifest::Stream &stream);
    [[nodiscard]] QCoro::Task<Result<ExportPage>> fetchExport(QString token, QDateTime startTime);
    [[nodiscard]] QCoro::Task<Result<void>> readChildren(QJsonObject parent, QJsonObject checkpoint);
    /** Hands one page to the sink; false when the sink says stop. Empty pages only when the state moves or at the end. */
    [[nodiscard]] QCoro::Task<bool> emitPage(QJsonArray records, QJsonObject state, bool last);
    [[nodiscard]] QJsonObject stateWith(const QString &afterCursor) const;
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] Error cancelledError() const;
    [[nodiscard]] Error malformed(const QUrl &url, const QString &problem) const;

    DeclarativeConnector &m_connector;
    const ConnectorManifest::Stream &m_stream; // the stream being read
    const ConnectorManifest::Stream *m_export; // the export walked: m_stream, or its parent
    QJsonObject m_state;
    PageSink *m_sink;
    std::shared_ptr<CancelToken> m_stop; // set when the sink says stop
    RecordNormalizer m_exportNormalizer;
    std::optional<RecordNormalizer> m_childNormalizer;
    std::optional<QString> m_cursor; // canonical ISO: the newest export cursor value handed over
    QJsonObject m_lastState; // the state of the last page handed over (the stored one before the first)
    qint64 m_records = 0;
};

} // namespace Opbox
