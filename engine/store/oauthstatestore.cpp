// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/oauthstatestore.h"

#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/security/secretbinding.h"
#include "engine/security/vault.h"
#include "engine/store/database.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

OAuthStateStore::OAuthStateStore(Database *metadata, const Vault *vault)
    : m_metadata(metadata)
    , m_vault(vault)
{
}

QDateTime OAuthStateStore::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_skewMs.load());
}

QByteArray OAuthStateStore::signature(const QString &id, qint64 expires, const QString &connectionId, const QString &type) const
{
    const QByteArray message
        = id.toUtf8() + '\n' + QByteArray::number(expires) + '\n' + connectionId.toUtf8() + '\n' + type.toUtf8();
    return m_vault->hmac("opbox-oauth-state-v1", message);
}

Result<QString> OAuthStateStore::issue(PendingAuthorization authorization)
{
    authorization.stateId = QString::fromLatin1(Ids::base64Url(Ids::randomBytes(16)));
    const qint64 expires = now().toSecsSinceEpoch() + LifetimeSeconds;
    authorization.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);
    auto verifier = m_vault->encrypt(authorization.codeVerifier.toUtf8(), SecretBinding::oauthVerifier(authorization.stateId));
    if (!verifier)
        return Error::internal(tr("cannot encrypt the PKCE verifier"));

    auto db = m_metadata->connection();
    // States nobody used are useless a day later; keep the table small.
    SqlQuery purge(db, u"DELETE FROM oauth_states WHERE expires_at < ?"_s);
    purge.bind(now().addDays(-1).toSecsSinceEpoch());
    if (!purge.exec())
        qCWarning(lcEngine) << "old OAuth states could not be purged";

    SqlQuery q(db,
               u"INSERT INTO oauth_states(id, connection_id, workspace_id, connector_type, redirect_uri, verifier,"
               " created_by, created_at, expires_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.bind(authorization.stateId)
        .bind(authorization.connectionId)
        .bind(authorization.workspaceId)
        .bind(authorization.type)
        .bind(authorization.redirectUri)
        .bind(*verifier)
        .bind(authorization.createdBy.isEmpty() ? QVariant() : QVariant(authorization.createdBy))
        .bind(Ids::iso(now()))
        .bind(expires);
    if (!q.exec())
        return Error::internal();
    const QByteArray sig = signature(authorization.stateId, expires, authorization.connectionId, authorization.type);
    return QString(authorization.stateId + u'.' + QString::number(expires) + u'.' + QString::fromLatin1(Ids::base64Url(sig)));
}

OAuthStateStore::Check OAuthStateStore::rejected(Rejection rejection, const QString &connectionId)
{
    Check check;
    check.rejection = rejection;
    check.connectionId = connectionId;
    switch (rejection) {
    case Rejection::None: break;
    case Rejection::Malformed: check.message = tr("the state parameter is missing or malformed"); break;
    case Rejection::Tampered:
        check.message = tr("the state parameter is not genuine (its signature does not match); start the "
                           "authorization again");
        break;
    case Rejection::Unknown:
        check.message = tr("the state parameter is unknown to this server; start the authorization again");
        break;
    case Rejection::Expired:
        check.message = tr("the authorization expired (it must be completed within %n minute(s)); start it again", nullptr,
                           LifetimeSeconds / 60);
        break;
    case Rejection::Reused: check.message = tr("the state parameter was already used; start the authorization again"); break;
    }
    return check;
}

OAuthStateStore::Check OAuthStateStore::consume(const QString &state)
{
    static const QRegularExpression shape(u"^([A-Za-z0-9_-]{22})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})$"_s);
    const auto match = shape.match(state);
    if (!match.hasMatch())
        return rejected(Rejection::Malformed);
    const auto sig = QByteArray::fromBase64Encoding(match.captured(3).toLatin1(),
                                                    QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                        | QByteArray::AbortOnBase64DecodingErrors);
    if (!sig)
        return rejected(Rejection::Malformed);
    return consumeRow(match.captured(1), match.captured(2).toLongLong(), sig.decoded);
}

OAuthStateStore::Check OAuthStateStore::consumeLatest(const QString &connectionId)
{
    SqlQuery q(m_metadata->connection(),
               u"SELECT id FROM oauth_states WHERE connection_id = ? AND used_at IS NULL"
               " ORDER BY created_at DESC, rowid DESC LIMIT 1"_s);
    q.bind(connectionId);
    if (!q.exec())
        return rejected(Rejection::Unknown, connectionId);
    if (!q.next()) {
        Check check = rejected(Rejection::Unknown, connectionId);
        check.message = tr("no authorization is pending for this connection; start the authorization first");
        return check;
    }
    return consumeRow(q.value(0).toString(), std::nullopt, {});
}

OAuthStateStore::Check OAuthStateStore::consumeRow(const QString &id, std::optional<qint64> signedExpiry,
                                                   const QByteArray &givenSignature)
{
    auto db = m_metadata->connection();
    SqlQuery q(db,
               u"SELECT connection_id, workspace_id, connector_type, redirect_uri, verifier, created_by, expires_at"
               " FROM oauth_states WHERE id = ?"_s);
    q.bind(id);
    if (!q.exec() || !q.next())
        return rejected(Rejection::Unknown);
    PendingAuthorization p;
    p.stateId = id;
    p.connectionId = q.value(0).toString();
    p.workspaceId = q.value(1).toString();
    p.type = q.value(2).toString();
    p.redirectUri = q.value(3).toString();
    const QByteArray verifier = q.value(4).toByteArray();
    p.createdBy = q.value(5).toString();
    const qint64 expires = q.value(6).toLongLong();
    p.expiresAt = QDateTime::fromSecsSinceEpoch(expires, Qt::UTC);

    const auto markUsed = [&db, &id, this] {
        SqlQuery u(db, u"UPDATE oauth_states SET used_at = ? WHERE id = ? AND used_at IS NULL"_s);
        u.bind(Ids::iso(now())).bind(id);
        return u.exec() && u.numRowsAffected() == 1;
    };

    if (signedExpiry) {
        const QByteArray expected = signature(id, *signedExpiry, p.connectionId, p.type);
        if (*signedExpiry != expires || !Ids::sameBytes(expected, givenSignature)) {
            // Someone altered a state that was handed out: that authorization cannot be trusted any more.
            (void)markUsed();
            qCWarning(lcEngine) << "OAuth state with a wrong signature for connection" << p.connectionId;
            return rejected(Rejection::Tampered, p.connectionId);
        }
    }
    if (now().toSecsSinceEpoch() > expires) {
        (void)markUsed();
        return rejected(Rejection::Expired, p.connectionId);
    }
    if (!markUsed())
        return rejected(Rejection::Reused, p.connectionId);
    auto plain = m_vault->decrypt(verifier, SecretBinding::oauthVerifier(id));
    if (!plain) {
        qCWarning(lcEngine) << "the PKCE verifier of an OAuth state cannot be decrypted";
        return rejected(Rejection::Unknown, p.connectionId);
    }
    p.codeVerifier = QString::fromUtf8(*plain);
    Check check;
    check.pending = std::move(p);
    return check;
}

void OAuthStateStore::invalidateAll(const QString &connectionId)
{
    SqlQuery q(m_metadata->connection(), u"UPDATE oauth_states SET used_at = ? WHERE connection_id = ? AND used_at IS NULL"_s);
    q.bind(Ids::iso(now())).bind(connectionId);
    if (!q.exec())
        qCWarning(lcEngine) << "outstanding OAuth states of" << connectionId << "could not be invalidated";
}

} // namespace Opbox
