// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/displayformat.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Connector names and categories come from the engine's registry in English; these entries let
// lupdate see them so that the German translation can carry them.
const char *const KnownNames[] = {
    QT_TRANSLATE_NOOP("DisplayFormat", "CRM Platform"),       QT_TRANSLATE_NOOP("DisplayFormat", "Accounting Software"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Project Management"), QT_TRANSLATE_NOOP("DisplayFormat", "Scheduling Platform"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Document Signing"),   QT_TRANSLATE_NOOP("DisplayFormat", "Meeting Transcription"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Customer Support"),   QT_TRANSLATE_NOOP("DisplayFormat", "WhatsApp Messaging"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Registry Service"),   QT_TRANSLATE_NOOP("DisplayFormat", "Development"),
};

const char *const KnownCategories[] = {
    QT_TRANSLATE_NOOP("DisplayFormat", "CRM"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Accounting"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Project Management"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Scheduling"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Documents"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Meetings"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Support"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Messaging"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Registry"),
    QT_TRANSLATE_NOOP("DisplayFormat", "Development"),
};

// The connector registry (connectors/, no Qt Linguist scan of its own) translates its field labels
// with the context "ConnectorTypeRegistry"; these entries carry them into our .ts files.
// tst_translations checks that every label of the registry is covered.
[[maybe_unused]] const char *const RegistryTexts[] = {
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "API key"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "API token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Access token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Account ID (discovered)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Agent email"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "App secret (for inbound webhooks)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Client ID"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Client secret"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Company numbers"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Integration key (client ID)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Personal access token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Private app token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Repositories (owner/name; empty: all of the token's)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Secret key"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Subdomain (<subdomain>.zendesk.com)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "System-user access token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Tenant ID (discovered)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Webhook verify token"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "WhatsApp Business Account ID"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Workspace GID (empty: every workspace)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "API base URL"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "Leave empty for the provider's own API."),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "OAuth base URL"),
    // What a value must look like (patternHint), quoted when a form refuses one.
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "a workspace GID (its number, e.g. 1201234567890, not its web address)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "a company number (8 letters or digits, e.g. 00445790 or SC123456)"),
    QT_TRANSLATE_NOOP("ConnectorTypeRegistry", "owner/name (e.g. octocat/hello-world)"),
};

QString translateKnown(const QString &english, const char *const *table, size_t size)
{
    for (size_t i = 0; i < size; ++i) {
        if (english == QLatin1String(table[i]))
            return DisplayFormat::tr(table[i]);
    }
    return english;
}

// A machine code and the English text it is shown as; the text is translated when it is looked up.
struct CodeText
{
    const char *code;
    const char *text;
};

// The untranslated text of `code`, nullptr when the table does not know it.
template<size_t N> const char *textOf(const QString &code, const CodeText (&table)[N])
{
    for (const CodeText &entry : table) {
        if (code == QLatin1String(entry.code))
            return entry.text;
    }
    return nullptr;
}

// The translated text of `code`, or the code itself when the table does not know it.
template<size_t N> QString translateCode(const QString &code, const CodeText (&table)[N])
{
    const char *text = textOf(code, table);
    return text ? DisplayFormat::tr(text) : code;
}

} // namespace

QDateTime DisplayFormat::parse(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    return dt;
}

QString DisplayFormat::dateTime(const QString &iso)
{
    return dateTime(parse(iso));
}

QString DisplayFormat::dateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return {};
    // The locale's short date and time, without seconds; today's times without the date.
    const QLocale locale;
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_s).remove(u".ss"_s);
    const QDateTime local = dt.toLocalTime();
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), time);
    return locale.toString(local, locale.dateFormat(QLocale::ShortFormat) + u' ' + time);
}

QString DisplayFormat::relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 secs = now.secsTo(when);
    const qint64 a = secs < 0 ? -secs : secs;
    const bool past = secs < 0;
    if (a < 45)
        return past ? tr("just now") : tr("in a moment");
    if (a < 3600) {
        const int m = int((a + 30) / 60);
        return past ? tr("%n minute(s) ago", nullptr, m) : tr("in %n minute(s)", nullptr, m);
    }
    if (a < 86400) {
        const int h = int((a + 1800) / 3600);
        return past ? tr("%n hour(s) ago", nullptr, h) : tr("in %n hour(s)", nullptr, h);
    }
    const int d = int((a + 43200) / 86400);
    return past ? tr("%n day(s) ago", nullptr, d) : tr("in %n day(s)", nullptr, d);
}

QString DisplayFormat::duration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString DisplayFormat::connectionStatus(const QString &status)
{
    static const CodeText texts[] = {
        {"CONNECTED", QT_TRANSLATE_NOOP("DisplayFormat", "Connected")},
        {"ERROR", QT_TRANSLATE_NOOP("DisplayFormat", "Error")},
        {"DISCONNECTED", QT_TRANSLATE_NOOP("DisplayFormat", "Not connected")},
    };
    return translateCode(status, texts);
}

QString DisplayFormat::runStatus(const QString &status)
{
    static const CodeText texts[] = {
        {"PENDING", QT_TRANSLATE_NOOP("DisplayFormat", "Waiting")},
        {"RUNNING", QT_TRANSLATE_NOOP("DisplayFormat", "Running")},
        {"COMPLETED", QT_TRANSLATE_NOOP("DisplayFormat", "Completed")},
        {"FAILED", QT_TRANSLATE_NOOP("DisplayFormat", "Failed")},
        {"CANCELLED", QT_TRANSLATE_NOOP("DisplayFormat", "Cancelled")},
    };
    return translateCode(status, texts);
}

QString DisplayFormat::trigger(const QString &trigger)
{
    static const CodeText texts[] = {
        {"MANUAL", QT_TRANSLATE_NOOP("DisplayFormat", "Manual")},
        {"SCHEDULE", QT_TRANSLATE_NOOP("DisplayFormat", "Schedule")},
        {"WEBHOOK", QT_TRANSLATE_NOOP("DisplayFormat", "Webhook")},
        {"RUN_ALL", QT_TRANSLATE_NOOP("DisplayFormat", "Run all")},
        {"OAUTH", QT_TRANSLATE_NOOP("DisplayFormat", "Authorization")},
    };
    return translateCode(trigger, texts);
}

QString DisplayFormat::frequency(const QString &frequency)
{
    static const CodeText texts[] = {
        {"hourly", QT_TRANSLATE_NOOP("DisplayFormat", "Hourly")},
        {"daily", QT_TRANSLATE_NOOP("DisplayFormat", "Daily")},
        {"weekly", QT_TRANSLATE_NOOP("DisplayFormat", "Weekly")},
        {"monthly", QT_TRANSLATE_NOOP("DisplayFormat", "Monthly")},
    };
    return translateCode(frequency, texts);
}

QString DisplayFormat::schedule(bool enabled, const QString &frequency)
{
    if (!enabled)
        return tr("Manual only");
    return DisplayFormat::frequency(frequency);
}

QString DisplayFormat::role(const QString &role)
{
    static const CodeText texts[] = {
        {"OWNER", QT_TRANSLATE_NOOP("DisplayFormat", "Owner")},
        {"ADMIN", QT_TRANSLATE_NOOP("DisplayFormat", "Admin")},
        {"MEMBER", QT_TRANSLATE_NOOP("DisplayFormat", "Member")},
        {"VIEWER", QT_TRANSLATE_NOOP("DisplayFormat", "Viewer")},
    };
    return translateCode(role, texts);
}

QString DisplayFormat::typeName(const QString &englishName)
{
    return translateKnown(englishName, KnownNames, std::size(KnownNames));
}

QString DisplayFormat::categoryName(const QString &englishCategory)
{
    return translateKnown(englishCategory, KnownCategories, std::size(KnownCategories));
}

QString DisplayFormat::authType(const QString &authType)
{
    static const CodeText texts[] = {
        {"api_key", QT_TRANSLATE_NOOP("DisplayFormat", "API key or token")},
        {"basic", QT_TRANSLATE_NOOP("DisplayFormat", "User name and token")},
        {"oauth2", QT_TRANSLATE_NOOP("DisplayFormat", "OAuth 2.0 sign-in")},
    };
    return translateCode(authType, texts);
}

QString DisplayFormat::fieldType(const QString &type)
{
    // Logical column types and discovered field types share some texts: both spellings are listed.
    static const CodeText texts[] = {
        {"boolean", QT_TRANSLATE_NOOP("DisplayFormat", "Yes/no")},
        {"integer", QT_TRANSLATE_NOOP("DisplayFormat", "Whole number")},
        {"real", QT_TRANSLATE_NOOP("DisplayFormat", "Number")},
        {"number", QT_TRANSLATE_NOOP("DisplayFormat", "Number")},
        {"date", QT_TRANSLATE_NOOP("DisplayFormat", "Date")},
        {"datetime", QT_TRANSLATE_NOOP("DisplayFormat", "Date and time")},
        {"text", QT_TRANSLATE_NOOP("DisplayFormat", "Text")},
        {"string", QT_TRANSLATE_NOOP("DisplayFormat", "Text")},
        {"json", QT_TRANSLATE_NOOP("DisplayFormat", "JSON")},
        {"object", QT_TRANSLATE_NOOP("DisplayFormat", "JSON")},
        {"array", QT_TRANSLATE_NOOP("DisplayFormat", "List (JSON)")},
    };
    const char *text = textOf(type.toLower(), texts);
    return text ? tr(text) : type;
}

QString DisplayFormat::auditAction(const QString &action)
{
    static const CodeText texts[] = {
        {"CONNECTION_CREATE", QT_TRANSLATE_NOOP("DisplayFormat", "Connection created")},
        {"CONNECTION_UPDATE", QT_TRANSLATE_NOOP("DisplayFormat", "Connection changed")},
        {"CONNECTION_DELETE", QT_TRANSLATE_NOOP("DisplayFormat", "Connection deleted")},
        {"CURSOR_RESET", QT_TRANSLATE_NOOP("DisplayFormat", "Cursor reset")},
        {"VARIANT_CREATE", QT_TRANSLATE_NOOP("DisplayFormat", "Variant created")},
        {"VIEW_SECRET", QT_TRANSLATE_NOOP("DisplayFormat", "Secret revealed")},
        {"OAUTH_AUTHORIZE", QT_TRANSLATE_NOOP("DisplayFormat", "Authorization started")},
        {"OAUTH_CONNECTED", QT_TRANSLATE_NOOP("DisplayFormat", "Authorization completed")},
        {"RUN_TRIGGER", QT_TRANSLATE_NOOP("DisplayFormat", "Sync started")},
        {"RUN_STOP", QT_TRANSLATE_NOOP("DisplayFormat", "Sync stopped")},
        {"RUN_ALL", QT_TRANSLATE_NOOP("DisplayFormat", "All connections synced")},
        {"TOKEN_CREATE", QT_TRANSLATE_NOOP("DisplayFormat", "API token created")},
        {"MEMBERSHIP_SET", QT_TRANSLATE_NOOP("DisplayFormat", "Membership changed")},
    };
    return translateCode(action, texts);
}

QString DisplayFormat::count(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace Opbox
