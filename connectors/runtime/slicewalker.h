// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/pagereader.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace Opbox {

/**
 * Walks the slices of a stream: one per value of a config key (a list of repositories), one per
 * record of its parent stream (read page by page, recursively up to the first stream that has no
 * parent), or a single empty slice.
 */
class SliceWalker
{
public:
    /** Receives the slices of a stream: config values or parent records. */
    class SliceVisitor
    {
    public:
        virtual ~SliceVisitor() = default;
        [[nodiscard]] virtual QCoro::Task<ReadStatus> visit(QJsonObject slice, bool fromConfig) = 0;
    };

    /** `pages` reads the parent streams; it must outlive the walker. */
    SliceWalker(const ConnectorManifest &manifest, QJsonObject config, PageReader &pages);

    /** Visits every slice of `stream`; parents that read incrementally use `parentCursor`. */
    [[nodiscard]] QCoro::Task<ReadStatus> forEachSlice(const ConnectorManifest::Stream *stream,
                                                       std::optional<QString> parentCursor, SliceVisitor *visitor);
    /** The values of config key `key`: a list, a number, or a text field of comma- or space-separated values. */
    [[nodiscard]] static QStringList configValues(const QJsonObject &config, const QString &key);

private:
    const ConnectorManifest &m_manifest;
    QJsonObject m_config;
    PageReader &m_pages;
};

} // namespace Opbox
