// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "models/newconnection.h"

#include <QObject>
#include <QUrl>
#include <functional>

namespace Opbox {

class OwnerSession;
struct ConnectionChange;

/** What the provider said when asked whether a connection or its credentials work. */
struct ProviderAnswer
{
    bool success = false;
    QString message;
};

/** The stored facts of one connection that dialogs and pages need (never its credentials). */
struct ConnectionFacts
{
    QString id;
    QString name;
    QString type;
    QString status;
    QString statusMessage;
    QString tableBase;
    QJsonObject config;
    QStringList notifyUserIds;
    QJsonObject schedule; ///< {enabled, frequency}
    QStringList credentialFields; ///< the names of the credentials stored (never their values)
};

/** A connection's inbound webhook address, shown to admins on request. */
struct WebhookAddress
{
    QString url;
    QString curlExample;
};

/**
 * What the GUI does to the connections of the owner's workspace: create, edit, enable, schedule,
 * choose streams and recipients, delete, test and check with the provider, reveal the webhook URL.
 * Every call goes through the engine's services with the session's Caller, so the engine decides
 * who may do what; a refusal comes back as the Error it gives.
 */
class ConnectionActions : public QObject
{
    Q_OBJECT
public:
    using AnswerDone = std::function<void(Result<ProviderAnswer>)>;

    explicit ConnectionActions(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] Result<ConnectionFacts> facts(const QString &connectionId) const;
    /** Saves a new connection; the id it got. */
    [[nodiscard]] Result<QString> create(const NewConnection &draft);
    /**
     * Renames a connection and replaces the credential fields that `credentials` names; the
     * engine stores credentials as a whole, so the fields it does not name keep their stored values.
     * `config` is merged into the stored config in the same change (a null value removes its key).
     */
    [[nodiscard]] Result<void> edit(const QString &connectionId, const QString &name, const QJsonObject &credentials,
                                    const QJsonObject &config = {});
    [[nodiscard]] Result<void> setEnabled(const QString &connectionId, bool enabled);
    /** How many streams and partitions one run of the connection reads at once (1–16). */
    [[nodiscard]] Result<void> setMaxConcurrency(const QString &connectionId, int maxConcurrency);
    [[nodiscard]] Result<void> setSchedule(const QString &connectionId, const ConnectionSchedule &schedule);
    /** Empty: every workspace member is told. */
    [[nodiscard]] Result<void> setNotifyUserIds(const QString &connectionId, const QStringList &userIds);
    /** The streams every sync reads; empty means all, including those the connector adds later. */
    [[nodiscard]] Result<void> setStreamSelection(const QString &connectionId, const QStringList &streams);
    [[nodiscard]] Result<void> remove(const QString &connectionId);

    /** Asks the provider whether the draft's credentials work; `done` runs on `context`'s thread. */
    void test(const NewConnection &draft, QObject *context, AnswerDone done);
    /** Asks the provider whether a stored connection works (updates its status); `done` on `context`'s thread. */
    void check(const QString &connectionId, QObject *context, AnswerDone done);
    /** The webhook URL of a connection, based on `publicUrl` (ADMIN+). */
    [[nodiscard]] Result<WebhookAddress> revealWebhook(const QString &connectionId, const QUrl &publicUrl);

Q_SIGNALS:
    /** A connection of the session's workspace changed, whoever changed it. */
    void connectionChanged(const QString &connectionId);

private:
    [[nodiscard]] Result<void> update(const QString &connectionId, const ConnectionChange &change);

    OwnerSession *m_session;
};

} // namespace Opbox
