// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * Where a connection's next sync starts from; a `PATCH connections/:id` body `{stream?, cursor}`
 * reads into one.
 */
struct CursorReset
{
    /** The stream whose cursor is set; not used when every cursor is cleared. */
    QString stream = QStringLiteral("transcripts");
    /** An ISO 8601 date or date-time (UTC when it has no offset); unset clears every stream's cursor. */
    std::optional<QString> cursor;

    /**
     * Reads the body; a null stream counts as absent, a null cursor clears. Whether the cursor is a
     * date and the stream one of the connection's is for the service to judge.
     */
    [[nodiscard]] static Result<CursorReset> fromJson(const QJsonObject &body);
};

/** A cursor reset that took effect: the connection's sync state after it and a sentence saying what changed. */
struct CursorResetOutcome
{
    QJsonObject syncState; // `{"version":1,"streams":{…}}`, as the connection's sync state document reads
    QString message; // translated, for whoever asked: the REST answer and the GUI show the same words
};

} // namespace Opbox
