// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connector.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Opbox::Tests {

/** A PageSink for tests: keeps every page, can refuse after N pages, and answers questions about them. */
class CollectingPageSink : public PageSink
{
public:
    /** Stops the read (returns false) when page number `pages` (1-based) arrives; 0 never stops. */
    void stopAtPage(int pages) { m_stopAt = pages; }
    [[nodiscard]] QCoro::Task<bool> accept(RecordPage page) override;

    [[nodiscard]] const QList<RecordPage> &pages() const { return m_pages; }
    /** Every record of every page, in order. */
    [[nodiscard]] QList<QJsonObject> records() const;
    /** The value of `field` (dotted path) of every record, as text. */
    [[nodiscard]] QStringList values(const QString &field) const;
    /** The state the last page carried. */
    [[nodiscard]] QJsonObject lastState() const;
    [[nodiscard]] int lastPageCount() const;
    void clear() { m_pages.clear(); }

private:
    QList<RecordPage> m_pages;
    int m_stopAt = 0;
};

} // namespace Opbox::Tests
