// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/cursortracker.h"
#include "connectors/runtime/pagereader.h"
#include "connectors/runtime/slicewalker.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <memory>

namespace Opbox {

class DeclarativeConnector;

/**
 * One read of one stream: walks its slices (SliceWalker), pages through each (PageReader), and
 * hands the sink one page at a time with the state that is safe to store once that page is
 * committed (CursorTracker). The next page is fetched while the sink writes the current one;
 * nothing else of the stream is held in memory.
 */
class StreamReadJob final : private SliceWalker::SliceVisitor, private PageReader::PageHandler
{
    Q_DECLARE_TR_FUNCTIONS(StreamReadJob)
public:
    StreamReadJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream, QJsonObject state, PageSink *sink);

    /** The number of records handed to the sink, or why the read ended early. */
    [[nodiscard]] QCoro::Task<ReadResult> run();

private:
    /** Reads one slice of the stream, its pages going to `handle`. */
    [[nodiscard]] QCoro::Task<ReadStatus> visit(QJsonObject slice, bool fromConfig) override;
    /** Hands one page to the sink with the state to store. */
    [[nodiscard]] QCoro::Task<ReadStatus> handle(PageReader::PageData page) override;
    [[nodiscard]] Error stoppedError() const;

    DeclarativeConnector &m_connector;
    const ConnectorManifest::Stream &m_stream;
    QJsonObject m_state;
    PageSink *m_sink;
    std::shared_ptr<CancelToken> m_stop; // set when the sink says stop: ends a prefetch early
    PageReader m_pages;
    SliceWalker m_slices;
    CursorTracker m_cursors;
    bool m_lastPageEmitted = false;
    qint64 m_records = 0;
};

} // namespace Opbox
