// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/streamreadjob.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/declarativeconnector.h"
#include "connectors/runtime/readscheduler.h"

using namespace Qt::StringLiterals;

namespace Opbox {

/** Receives the pages of one slice and hands them to the job under that slice's id. */
class StreamReadJob::SliceHandler final : public PageReader::PageHandler
{
public:
    SliceHandler(StreamReadJob &job, int slice)
        : m_job(job)
        , m_slice(slice)
    {
    }
    QCoro::Task<ReadStatus> handle(PageReader::PageData page) override { return m_job.handle(m_slice, std::move(page)); }

private:
    StreamReadJob &m_job;
    int m_slice;
};

StreamReadJob::StreamReadJob(DeclarativeConnector &connector, const ConnectorManifest::Stream &stream, QJsonObject state,
                             PageSink *sink)
    : m_connector(connector)
    , m_stream(stream)
    , m_state(std::move(state))
    , m_sink(sink)
    , m_stop(std::make_shared<CancelToken>())
    , m_pages(connector, m_stop)
    , m_slices(connector.manifest(), connector.config(), m_pages)
    , m_cursors(stream)
    , m_scheduler(connector.scheduler())
{
}

StreamReadJob::~StreamReadJob() = default;

Error StreamReadJob::stoppedError() const
{
    return Error::cancelled(tr("%1: reading %2 was stopped").arg(m_connector.manifest().provider, m_stream.name));
}

QCoro::Task<ReadResult> StreamReadJob::run()
{
    const QString provider = m_connector.manifest().provider;
    if (!m_cursors.start(m_state)) {
        co_return Error::configuration(tr("%1: the stored cursor of stream %2 is not an ISO-8601 date-time; reset the cursor.")
                                           .arg(provider, m_stream.name));
    }

    // Every coroutine here is created in its own statement and awaited by name: GCC 12 destroys
    // by-value arguments of a coroutine called inside a co_await expression twice.
    auto contextTask = m_connector.ensureContext(m_stop);
    if (const Result<void> context = co_await contextTask; !context)
        co_return context.error();

    if (!m_stream.slices.parent.isEmpty())
        m_cursors.setSingleSlice(SliceWalker::configValues(m_connector.config(), m_stream.slices.config).size() == 1);
    else if (!m_stream.slices.config.isEmpty())
        m_cursors.setSingleSlice(SliceWalker::configValues(m_connector.config(), m_stream.slices.config).size() <= 1);
    // A stream read as one slice has nothing to read side by side.
    if (m_cursors.singleSlice())
        m_scheduler.reset();

    const std::optional<QString> parentCursor = m_stream.slices.parentIncremental ? m_cursors.storedCursor() : std::nullopt;
    auto slicesTask = m_slices.forEachSlice(&m_stream, parentCursor, this);
    ReadStatus status = co_await slicesTask;
    if (!status.proceed())
        m_stop->cancel(); // the partitions still reading end within a page
    auto waiting = waitForPartitions();
    co_await waiting;
    if (status.proceed() && m_partitionEnd)
        status = *m_partitionEnd;
    if (status.kind == ReadStatus::Kind::Failed)
        co_return status.error;
    if (status.kind == ReadStatus::Kind::Stopped || m_pages.cancelled())
        co_return stoppedError();
    if (!m_lastPageEmitted) {
        // Several slices: the end of the stream is only known after the last one, so close with an empty page.
        auto accepting = m_sink->accept(RecordPage{m_stream.name, {}, m_cursors.stateNow(true), true});
        const bool keepGoing = co_await accepting;
        if (!keepGoing)
            co_return stoppedError();
    }
    qCDebug(lcConnectors) << provider << m_stream.name << "read" << m_records << "records";
    co_return m_records;
}

QCoro::Task<ReadStatus> StreamReadJob::visit(QJsonObject slice, bool fromConfig)
{
    if (!m_scheduler) {
        auto reading = readSlice(std::move(slice), fromConfig);
        co_return co_await reading;
    }
    if (m_partitionEnd)
        co_return *m_partitionEnd;
    bool inOwnSlot = m_ownSlotFree;
    if (!inOwnSlot) {
        auto acquiring
            = m_scheduler->acquire(m_stream.name, [this] { return m_ownSlotFree || m_partitionEnd || m_pages.cancelled(); });
        const ReadScheduler::Grant grant = co_await acquiring;
        if (grant == ReadScheduler::Grant::Cancelled)
            co_return ReadStatus::stopped();
        inOwnSlot = grant == ReadScheduler::Grant::Alternative;
        if (m_partitionEnd || m_pages.cancelled()) {
            if (!inOwnSlot)
                m_scheduler->release(m_stream.name);
            co_return m_partitionEnd.value_or(ReadStatus::stopped());
        }
    }
    if (inOwnSlot)
        m_ownSlotFree = false;
    ++m_partitions;
    // Runs on its own; waitForPartitions() keeps this job alive until it has ended.
    [[maybe_unused]] auto partition = readPartition(std::move(slice), fromConfig, inOwnSlot);
    co_return ReadStatus{};
}

QCoro::Task<ReadStatus> StreamReadJob::readSlice(QJsonObject slice, bool fromConfig)
{
    const int id = m_cursors.beginSlice(slice);
    SliceHandler handler(*this, id);
    auto task = m_pages.readPages(&m_stream, slice, fromConfig, m_cursors.cursorForSlice(slice), &handler);
    ReadStatus status = co_await task;
    if (status.kind == ReadStatus::Kind::Failed && status.error.isNotPermitted() && !m_cursors.singleSlice()) {
        // One parent the account may not read (a repository the token cannot see): the others still are.
        m_sink->skipped(status.error.message);
        status = ReadStatus{};
    }
    if (status.proceed())
        m_cursors.endSlice(id);
    co_return status;
}

QCoro::Task<void> StreamReadJob::readPartition(QJsonObject slice, bool fromConfig, bool inOwnSlot)
{
    auto reading = readSlice(std::move(slice), fromConfig);
    const ReadStatus status = co_await reading;
    if (!status.proceed() && !m_partitionEnd) {
        m_partitionEnd = status;
        m_stop->cancel(); // the other partitions end within a page
    }
    --m_partitions;
    if (inOwnSlot) {
        m_ownSlotFree = true;
        m_scheduler->notify();
    } else {
        m_scheduler->release(m_stream.name);
    }
}

QCoro::Task<void> StreamReadJob::waitForPartitions()
{
    while (m_partitions > 0)
        co_await m_scheduler->changed();
}

QCoro::Task<ReadStatus> StreamReadJob::handle(int slice, PageReader::PageData page)
{
    if (!page.maxCursor.isEmpty())
        m_cursors.noteCursor(slice, page.maxCursor);
    const bool lastPage = page.lastOfSlice && m_cursors.singleSlice();
    if (page.records.isEmpty() && !lastPage)
        co_return ReadStatus{};
    if (lastPage)
        m_cursors.endSlice(slice);
    m_records += page.records.size();
    // The state is made and the page handed over without a suspension between them: the sink
    // queues it before any other partition can make a state that counts on it.
    RecordPage out{m_stream.name, std::move(page.records), m_cursors.stateNow(lastPage), lastPage};
    auto accepting = m_sink->accept(std::move(out));
    const bool keepGoing = co_await accepting;
    if (lastPage)
        m_lastPageEmitted = true;
    if (!keepGoing) {
        m_stop->cancel();
        co_return ReadStatus::stopped();
    }
    co_return ReadStatus{};
}

} // namespace Opbox
