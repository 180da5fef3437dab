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
#include <optional>

namespace Opbox {

class DeclarativeConnector;
class ReadScheduler;

/**
 * One read of one stream: walks its slices (SliceWalker), pages through each (PageReader), and
 * hands the sink one page at a time with the state that is safe to store once that page is
 * committed (CursorTracker). The next page is fetched while the sink writes the current one;
 * nothing else of the stream is held in memory.
 *
 * With the run's ReadScheduler, the slices of a stream with several (one per parent record or per
 * configured value) are read as partitions at once: the first in the slot the stream was started
 * in, more in slots the scheduler grants when no other stream waits for one. Each page's state is
 * computed and handed to the sink in one step, so pages commit in the order their states were made
 * and no cursor passes a page that is not committed.
 */
class StreamReadJob final : private SliceWalker::SliceVisitor
{
    Q_DECLARE_TR_FUNCTIONS(StreamReadJob)
public:
    StreamReadJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream, QJsonObject state, PageSink *sink);
    ~StreamReadJob() override;

    /** The number of records handed to the sink, or why the read ended early. */
    [[nodiscard]] QCoro::Task<ReadResult> run();

private:
    class SliceHandler;

    /** Reads one slice, or starts it as a partition and returns once it has a slot. */
    [[nodiscard]] QCoro::Task<ReadStatus> visit(QJsonObject slice, bool fromConfig) override;
    [[nodiscard]] QCoro::Task<ReadStatus> readSlice(QJsonObject slice, bool fromConfig);
    [[nodiscard]] QCoro::Task<void> readPartition(QJsonObject slice, bool fromConfig, bool inOwnSlot);
    /** Waits until every partition started has ended. */
    [[nodiscard]] QCoro::Task<void> waitForPartitions();
    /** Hands one page of slice `slice` to the sink with the state to store. */
    [[nodiscard]] QCoro::Task<ReadStatus> handle(int slice, PageReader::PageData page);
    [[nodiscard]] Error stoppedError() const;

    DeclarativeConnector &m_connector;
    const ConnectorManifest::Stream &m_stream;
    QJsonObject m_state;
    PageSink *m_sink;
    std::shared_ptr<CancelToken> m_stop; // set when the sink says stop: ends a prefetch early
    PageReader m_pages;
    SliceWalker m_slices;
    CursorTracker m_cursors;
    std::shared_ptr<ReadScheduler> m_scheduler; // null: slices one after another
    bool m_ownSlotFree = true; // the slot the stream was started in, when no partition reads in it
    int m_partitions = 0; // partitions being read
    std::optional<ReadStatus> m_partitionEnd; // the first partition that failed or was stopped
    bool m_lastPageEmitted = false;
    qint64 m_records = 0;
};

} // namespace Opbox
