// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectionactions.h"
#include "engine/services/connectiondraft.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/engine.h"
#include "engine/services/webhookservice.h"
#include "models/ownersession.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QJsonObject scheduleJson(const ConnectionSchedule &schedule)
{
    return QJsonObject{{u"enabled"_s, schedule.enabled}, {u"frequency"_s, schedule.frequency}};
}

/** The provider's answer as the GUI reads it. */
ConnectorService::AnswerDone answerFrom(ConnectionActions::AnswerDone done)
{
    return [done = std::move(done)](Result<ConnectorService::Answer> result) {
        if (!result) {
            done(result.error());
            return;
        }
        done(ProviderAnswer{result->success, result->message});
    };
}

} // namespace

ConnectionActions::ConnectionActions(OwnerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session->engine()->connections(), &ConnectionService::connectionChanged, this,
            [this](const QString &workspaceId, const QString &connectionId) {
                if (workspaceId == m_session->workspaceId())
                    Q_EMIT connectionChanged(connectionId);
            });
}

Result<ConnectionFacts> ConnectionActions::facts(const QString &connectionId) const
{
    auto record = m_session->engine()->connections()->record(m_session->caller(), connectionId);
    if (!record)
        return record.error();
    ConnectionFacts facts{record->id,        record->name,   record->type, record->status,   record->statusMessage,
                          record->tableBase, record->config, {},           record->schedule, record->credentialFields};
    for (const auto &v : record->notifyUserIds)
        facts.notifyUserIds.append(v.toString());
    return facts;
}

Result<QString> ConnectionActions::create(const NewConnection &draft)
{
    ConnectionDraft spec;
    spec.name = draft.name;
    spec.type = draft.type;
    spec.credentials = draft.credentials;
    spec.config = draft.config;
    if (!draft.streams.isEmpty())
        spec.config.insert(u"streams"_s, QJsonArray::fromStringList(draft.streams));
    if (draft.schedule)
        spec.schedule = scheduleJson(*draft.schedule);
    spec.notifyUserIds = draft.notifyUserIds;
    auto created = m_session->engine()->connections()->create(m_session->caller(), spec);
    if (!created)
        return created.error();
    return created->id;
}

Result<void> ConnectionActions::edit(const QString &connectionId, const QString &name, const QJsonObject &credentials,
                                     const QJsonObject &config)
{
    ConnectionChange change;
    change.name = name;
    // Keys merged into the stored config; a null one is removed (back to the provider's default).
    if (!config.isEmpty())
        change.config = config;
    if (!credentials.isEmpty()) {
        auto stored = m_session->engine()->connections()->credentials(connectionId);
        if (!stored)
            return stored.error();
        QJsonObject merged = *stored;
        for (auto it = credentials.constBegin(); it != credentials.constEnd(); ++it)
            merged.insert(it.key(), it.value());
        change.credentials = merged;
    }
    return update(connectionId, change);
}

Result<void> ConnectionActions::setEnabled(const QString &connectionId, bool enabled)
{
    ConnectionChange change;
    change.enabled = enabled;
    return update(connectionId, change);
}

Result<void> ConnectionActions::setMaxConcurrency(const QString &connectionId, int maxConcurrency)
{
    ConnectionChange change;
    change.config = QJsonObject{{u"maxConcurrency"_s, maxConcurrency}};
    return update(connectionId, change);
}

Result<void> ConnectionActions::setSchedule(const QString &connectionId, const ConnectionSchedule &schedule)
{
    ConnectionChange change;
    change.schedule = scheduleJson(schedule);
    return update(connectionId, change);
}

Result<void> ConnectionActions::setNotifyUserIds(const QString &connectionId, const QStringList &userIds)
{
    ConnectionChange change;
    change.notifyUserIds = userIds;
    return update(connectionId, change);
}

Result<void> ConnectionActions::setStreamSelection(const QString &connectionId, const QStringList &streams)
{
    // A null selection removes the stored one.
    const QJsonValue value = streams.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(streams));
    ConnectionChange change;
    change.config = QJsonObject{{u"streams"_s, value}};
    return update(connectionId, change);
}

Result<void> ConnectionActions::remove(const QString &connectionId)
{
    return m_session->engine()->connections()->remove(m_session->caller(), connectionId);
}

Result<void> ConnectionActions::update(const QString &connectionId, const ConnectionChange &change)
{
    auto updated = m_session->engine()->connections()->update(m_session->caller(), connectionId, change);
    if (!updated)
        return updated.error();
    return {};
}

void ConnectionActions::test(const NewConnection &draft, QObject *context, AnswerDone done)
{
    ConnectionProbe probe;
    probe.type = draft.type;
    probe.credentials = draft.credentials;
    probe.config = draft.config;
    m_session->engine()->connectorService()->test(m_session->caller(), probe, context, answerFrom(std::move(done)));
}

void ConnectionActions::check(const QString &connectionId, QObject *context, AnswerDone done)
{
    m_session->engine()->connectorService()->check(m_session->caller(), connectionId, context, answerFrom(std::move(done)));
}

Result<WebhookAddress> ConnectionActions::revealWebhook(const QString &connectionId, const QUrl &publicUrl)
{
    auto revealed = m_session->engine()->webhooks()->reveal(m_session->caller(), connectionId, publicUrl);
    if (!revealed)
        return revealed.error();
    return WebhookAddress{revealed->url, revealed->curlExample};
}

} // namespace Opbox
