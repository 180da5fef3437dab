// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/streamreadjob.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/declarativeconnector.h"

using namespace Qt::StringLiterals;

namespace Opbox {

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
{
}

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

    const std::optional<QString> parentCursor = m_stream.slices.parentIncremental ? m_cursors.storedCursor() : std::nullopt;
    auto slicesTask = m_slices.forEachSlice(&m_stream, parentCursor, this);
    const ReadStatus status = co_await slicesTask;
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
    m_cursors.beginSlice(slice);
    auto task = m_pages.readPages(&m_stream, slice, fromConfig, m_cursors.cursorForSlice(slice), this);
    const ReadStatus status = co_await task;
    if (status.proceed())
        m_cursors.endSlice();
    co_return status;
}

QCoro::Task<ReadStatus> StreamReadJob::handle(PageReader::PageData page)
{
    if (!page.maxCursor.isEmpty())
        m_cursors.noteCursor(page.maxCursor);
    const bool lastPage = page.lastOfSlice && m_cursors.singleSlice();
    if (page.records.isEmpty() && !lastPage)
        co_return ReadStatus{};
    if (lastPage)
        m_cursors.endSlice();
    m_records += page.records.size();
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
