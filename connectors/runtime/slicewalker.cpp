// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/slicewalker.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

using Stream = ConnectorManifest::Stream;

/** Turns every record of a parent page into a slice for the child visitor. */
class ParentPageHandler final : public PageReader::PageHandler
{
public:
    explicit ParentPageHandler(SliceWalker::SliceVisitor *child)
        : m_child(child)
    {
    }
    QCoro::Task<ReadStatus> handle(PageReader::PageData page) override
    {
        for (qsizetype row = 0; row < page.records.size(); ++row) {
            auto task = m_child->visit(page.records.toJsonObject(row), false);
            const ReadStatus status = co_await task;
            if (!status.proceed())
                co_return status;
        }
        co_return ReadStatus{};
    }

private:
    SliceWalker::SliceVisitor *m_child;
};

/** For each slice of a parent stream, reads the parent's records and visits them as child slices. */
class ParentSliceVisitor final : public SliceWalker::SliceVisitor
{
public:
    ParentSliceVisitor(PageReader &pages, const Stream *parent, std::optional<QString> cursor, SliceWalker::SliceVisitor *child)
        : m_pages(pages)
        , m_parent(parent)
        , m_cursor(std::move(cursor))
        , m_child(child)
    {
    }
    QCoro::Task<ReadStatus> visit(QJsonObject slice, bool fromConfig) override
    {
        ParentPageHandler handler(m_child);
        auto task = m_pages.readPages(m_parent, slice, fromConfig, m_cursor, &handler);
        co_return co_await task;
    }

private:
    PageReader &m_pages;
    const Stream *m_parent;
    std::optional<QString> m_cursor;
    SliceWalker::SliceVisitor *m_child;
};

} // namespace

SliceWalker::SliceWalker(const ConnectorManifest &manifest, QJsonObject config, PageReader &pages)
    : m_manifest(manifest)
    , m_config(std::move(config))
    , m_pages(pages)
{
}

QStringList SliceWalker::configValues(const QJsonObject &config, const QString &key)
{
    QStringList values;
    const QJsonValue v = config.value(key);
    if (v.isString()) {
        // A list typed into a single text field: accept commas and whitespace as separators.
        for (const auto &part : v.toString().split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts))
            values.append(part);
    } else if (v.isArray()) {
        for (const auto &item : v.toArray()) {
            const QString s
                = item.isString() ? item.toString().trimmed() : (item.isDouble() ? QString::number(item.toInteger()) : QString());
            if (!s.isEmpty())
                values.append(s);
        }
    } else if (v.isDouble()) {
        values.append(QString::number(v.toInteger()));
    }
    return values;
}

QCoro::Task<ReadStatus> SliceWalker::forEachSlice(const Stream *stream, std::optional<QString> parentCursor,
                                                  SliceVisitor *visitor)
{
    if (!stream->slices.config.isEmpty()) {
        const QStringList values = configValues(m_config, stream->slices.config);
        if (!values.isEmpty()) {
            for (const QString &value : values) {
                if (m_pages.cancelled())
                    co_return ReadStatus::stopped();
                QJsonObject slice;
                slice.insert(stream->slices.as, value);
                auto task = visitor->visit(std::move(slice), true);
                const ReadStatus status = co_await task;
                if (!status.proceed())
                    co_return status;
            }
            co_return ReadStatus{};
        }
    }
    if (stream->slices.parent.isEmpty()) {
        auto task = visitor->visit(QJsonObject(), false);
        co_return co_await task;
    }
    const Stream *parent = m_manifest.stream(stream->slices.parent);
    ParentSliceVisitor parentVisitor(m_pages, parent, parentCursor, visitor);
    const std::optional<QString> grandParentCursor = parent->slices.parentIncremental ? parentCursor : std::nullopt;
    auto task = forEachSlice(parent, grandParentCursor, &parentVisitor);
    co_return co_await task;
}

} // namespace Opbox
