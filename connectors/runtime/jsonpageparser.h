// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/recordbatch.h"

#include <QJsonValue>
#include <optional>

namespace Opbox {

/**
 * Reads a page of records straight from the response body into a RecordBatch, without building a
 * QJsonDocument of the records (which cost more than storing them). The rest of the response — paging
 * tokens, totals — is small and still parsed by QJsonDocument.
 *
 * It takes only what it reads exactly as QJsonDocument would; anything else (invalid or unusual JSON,
 * duplicate keys, a records path through an array) yields nullopt and the caller parses the body with
 * QJsonDocument, which then also words any error.
 */
class JsonPageParser
{
public:
    struct Page
    {
        QJsonValue root; // the response with the records left out (an empty list or object in their place)
        RecordBatch records;
    };

    /** The records at `recordsPath` (a list, or one object when `single`) and the rest of the response. */
    [[nodiscard]] static std::optional<Page> parse(const QByteArray &body, const QStringList &recordsPath, bool single);
};

} // namespace Opbox
