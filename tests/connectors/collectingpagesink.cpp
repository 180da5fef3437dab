// SPDX-License-Identifier: GPL-3.0-or-later
#include "collectingpagesink.h"

#include "connectors/runtime/jsonpath.h"

namespace Opbox::Tests {

QCoro::Task<bool> CollectingPageSink::accept(RecordPage page)
{
    m_pages.append(std::move(page));
    co_return m_stopAt == 0 || m_pages.size() < m_stopAt;
}

QList<QJsonObject> CollectingPageSink::records() const
{
    QList<QJsonObject> out;
    for (const auto &page : m_pages) {
        for (qsizetype row = 0; row < page.records.size(); ++row)
            out.append(page.records.toJsonObject(row));
    }
    return out;
}

QStringList CollectingPageSink::values(const QString &field) const
{
    QStringList out;
    for (const auto &record : records()) {
        const QJsonValue v = JsonPath::value(QJsonValue(record), field);
        out.append(v.isDouble() ? QString::number(v.toInteger()) : v.toString());
    }
    return out;
}

QJsonObject CollectingPageSink::lastState() const
{
    return m_pages.isEmpty() ? QJsonObject() : m_pages.last().stateAfter;
}

int CollectingPageSink::lastPageCount() const
{
    int n = 0;
    for (const auto &page : m_pages)
        n += page.lastPage ? 1 : 0;
    return n;
}

} // namespace Opbox::Tests
