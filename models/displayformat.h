// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Opbox {

/**
 * Turns the engine's machine values (ISO-8601 UTC times, status and trigger codes, connector
 * names) into translated, locale-formatted text, so every view says the same thing the same way.
 */
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    /** Local date and time in the locale's short format; empty for an empty or invalid value. */
    [[nodiscard]] static QString dateTime(const QString &iso);
    [[nodiscard]] static QString dateTime(const QDateTime &dateTime);
    /** "just now", "5 minutes ago", "in 2 hours" … relative to `now`. */
    [[nodiscard]] static QString relative(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /** A duration such as "2 min 30 s". */
    [[nodiscard]] static QString duration(qint64 milliseconds);
    [[nodiscard]] static QDateTime parse(const QString &iso);

    /** DISCONNECTED / CONNECTED / ERROR. */
    [[nodiscard]] static QString connectionStatus(const QString &status);
    /** PENDING / RUNNING / COMPLETED / FAILED / CANCELLED. */
    [[nodiscard]] static QString runStatus(const QString &status);
    /** MANUAL / SCHEDULE / WEBHOOK / RUN_ALL / OAUTH. */
    [[nodiscard]] static QString trigger(const QString &trigger);
    /** hourly / daily / weekly / monthly. */
    [[nodiscard]] static QString frequency(const QString &frequency);
    /** The schedule object `{enabled, frequency}` as one phrase. */
    [[nodiscard]] static QString schedule(bool enabled, const QString &frequency);
    /** OWNER / ADMIN / MEMBER / VIEWER. */
    [[nodiscard]] static QString role(const QString &role);
    /** The translated display name of a connector type ("CRM Platform"). */
    [[nodiscard]] static QString typeName(const QString &englishName);
    /** The translated name of a connector category ("Project Management"). */
    [[nodiscard]] static QString categoryName(const QString &englishCategory);
    /** api_key / basic / oauth2. */
    [[nodiscard]] static QString authType(const QString &authType);
    /** A logical column type of an Opbox table (BOOLEAN … JSON) or a discovered field type. */
    [[nodiscard]] static QString fieldType(const QString &type);
    /** An audit action code (CONNECTION_CREATE …) as a phrase. */
    [[nodiscard]] static QString auditAction(const QString &action);
    /** A number with the locale's digit grouping. */
    [[nodiscard]] static QString count(qint64 value);
};

} // namespace Opbox
