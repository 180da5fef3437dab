// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/security/secretresealjob.h"
#include "base/ids.h"
#include "engine/enginelogging.h"
#include "engine/security/secretbinding.h"
#include "engine/security/vault.h"
#include "engine/store/database.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr int WebhookTokenBytes = 32;
const auto LegacyCronSecretSetting = u"cronSecret"_s;

QString tr(const char *s)
{
    return QCoreApplication::translate("SecretResealJob", s);
}

QByteArray settingBinding(const QString &key)
{
    return SecretBinding::setting(key);
}

/** One row's sealed value as read, before it is rewritten. */
struct SealedValue
{
    QString rowKey;
    QByteArray blob;
};
} // namespace

SecretResealJob::SecretResealJob(Database *metadata, const Vault *from, const Vault *to)
    : m_metadata(metadata)
    , m_from(from)
    , m_to(to)
{
}

QString SecretResealJob::cronSecretSetting()
{
    return u"cron_secret_sealed"_s;
}

QList<SealedColumn> SecretResealJob::sealedColumns()
{
    return {
        {u"SELECT id, credentials FROM connections WHERE credentials IS NOT NULL AND length(credentials) > 0"_s,
         u"UPDATE connections SET credentials = ? WHERE id = ?"_s, &SecretBinding::credentials, false,
         u"credentials of connection"_s},
        {u"SELECT id, webhook_token_enc FROM connections WHERE webhook_token_enc IS NOT NULL"_s,
         u"UPDATE connections SET webhook_token_enc = ? WHERE id = ?"_s, &SecretBinding::webhookToken, false,
         u"webhook token of connection"_s},
        {u"SELECT id, verifier FROM oauth_states WHERE verifier IS NOT NULL"_s,
         u"UPDATE oauth_states SET verifier = ? WHERE id = ?"_s, &SecretBinding::oauthVerifier, false,
         u"PKCE verifier of OAuth state"_s},
        {u"SELECT key, value FROM settings WHERE key IN ('vault_key_check', '%1')"_s.arg(cronSecretSetting()),
         u"UPDATE settings SET value = ? WHERE key = ?"_s, &settingBinding, true, u"setting"_s},
    };
}

Result<ResealOutcome> SecretResealJob::run(Scope scope) const
{
    QSqlDatabase db = m_metadata->connection();
    ResealOutcome outcome;
    {
        Transaction tx(db, Transaction::Mode::Immediate);
        if (!tx.active())
            return Error::internal(tr("cannot start a transaction to re-encrypt the secrets"));
        for (const SealedColumn &column : sealedColumns()) {
            if (auto ok = resealColumn(column, scope, outcome); !ok)
                return ok.error();
        }
        // Sealed under the target key, so after the columns: those are opened with the source key.
        if (auto ok = sealLegacyWebhookTokens(outcome); !ok)
            return ok.error();
        if (auto ok = sealLegacyCronSecret(outcome); !ok)
            return ok.error();
        if (!tx.commit())
            return Error::internal(tr("cannot commit the re-encrypted secrets"));
    }
    if (outcome.sealedPlaintext > 0 || outcome.resealed > 0) {
        // Move the committed pages into the main file and empty the WAL, so that no page that still
        // held a plaintext or old-key value survives in `opbox.db-wal`.
        QSqlQuery checkpoint(db);
        if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            qCWarning(lcVault) << "cannot empty the metadata WAL after re-encrypting secrets";
    }
    return outcome;
}

Result<void> SecretResealJob::resealColumn(const SealedColumn &column, Scope scope, ResealOutcome &outcome) const
{
    QSqlDatabase db = m_metadata->connection();
    QList<SealedValue> values;
    {
        SqlQuery q(db, column.select);
        if (!q.exec())
            return Error::internal(tr("cannot read the stored secrets"));
        while (q.next()) {
            const QByteArray raw = q.value(1).toByteArray();
            values.append({q.value(0).toString(), column.base64Text ? QByteArray::fromBase64(raw) : raw});
        }
    }
    for (const SealedValue &value : std::as_const(values)) {
        if (scope == Scope::OutdatedOnly && m_to->isCurrent(value.blob))
            continue;
        const QByteArray binding = column.binding(value.rowKey);
        auto plain = m_from->decrypt(value.blob, binding);
        if (!plain) {
            if (scope == Scope::Everything)
                return Error::internal(tr("the %1 %2 does not open with the current master key; nothing was changed")
                                           .arg(column.what, value.rowKey));
            qCWarning(lcVault).noquote() << "a stored secret does not open and keeps its format:" << column.what << value.rowKey;
            ++outcome.skipped;
            continue;
        }
        auto sealed = m_to->encrypt(*plain, binding);
        Vault::wipe(*plain);
        if (!sealed)
            return sealed.error();
        SqlQuery update(db, column.update);
        update.bind(column.base64Text ? QVariant(QString::fromLatin1(sealed->toBase64())) : QVariant(*sealed)).bind(value.rowKey);
        if (!update.exec())
            return Error::internal(tr("cannot store a re-encrypted secret"));
        ++outcome.resealed;
    }
    return {};
}

Result<void> SecretResealJob::sealLegacyWebhookTokens(ResealOutcome &outcome) const
{
    QSqlDatabase db = m_metadata->connection();
    QList<QPair<QString, QString>> legacy; // connection id, hex token
    QList<QString> alreadySealed;
    {
        SqlQuery q(db,
                   u"SELECT id, webhook_token, webhook_token_enc IS NOT NULL FROM connections WHERE webhook_token IS NOT NULL"_s);
        if (!q.exec())
            return Error::internal(tr("cannot read the stored webhook tokens"));
        while (q.next()) {
            if (q.value(2).toBool())
                alreadySealed.append(q.value(0).toString());
            else
                legacy.append({q.value(0).toString(), q.value(1).toString()});
        }
    }
    for (const QString &id : std::as_const(alreadySealed)) {
        // Both forms present is a half-finished upgrade: the sealed one is the token.
        SqlQuery clear(db, u"UPDATE connections SET webhook_token = NULL WHERE id = ?"_s);
        clear.bind(id);
        if (!clear.exec())
            return Error::internal(tr("cannot clear a plaintext webhook token"));
        ++outcome.sealedPlaintext;
    }
    for (auto &[id, hex] : legacy) {
        QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
        const bool wellFormed = hex.size() == WebhookTokenBytes * 2 && bytes.size() == WebhookTokenBytes;
        SqlQuery update(
            db, u"UPDATE connections SET webhook_token_hash = ?, webhook_token_enc = ?, webhook_token = NULL WHERE id = ?"_s);
        if (wellFormed) {
            auto sealed = m_to->encrypt(bytes, SecretBinding::webhookToken(id));
            if (!sealed)
                return sealed.error();
            update.bind(Ids::sha256(bytes)).bind(*sealed).bind(id);
        } else {
            // Not a token any caller can hold: dropped, and the next reveal issues a new one.
            qCWarning(lcVault) << "connection" << id << "had a malformed plaintext webhook token; it was dropped";
            update.bind(QVariant(QMetaType::fromType<QByteArray>())).bind(QVariant(QMetaType::fromType<QByteArray>())).bind(id);
        }
        Vault::wipe(bytes);
        hex.fill(u'0');
        if (!update.exec())
            return Error::internal(tr("cannot seal a plaintext webhook token"));
        ++outcome.sealedPlaintext;
    }
    return {};
}

Result<void> SecretResealJob::sealLegacyCronSecret(ResealOutcome &outcome) const
{
    QSqlDatabase db = m_metadata->connection();
    QString plain;
    {
        SqlQuery q(db, u"SELECT value FROM settings WHERE key = ?"_s);
        q.bind(LegacyCronSecretSetting);
        if (!q.exec())
            return Error::internal(tr("cannot read the stored cron secret"));
        if (!q.next())
            return {};
        plain = q.value(0).toString();
    }
    if (!plain.isEmpty()) {
        QByteArray bytes = plain.toUtf8();
        plain.fill(u'0');
        auto sealed = m_to->encrypt(bytes, SecretBinding::setting(cronSecretSetting()));
        Vault::wipe(bytes);
        if (!sealed)
            return sealed.error();
        // A sealed secret already there wins (it is the one in use); the plaintext goes either way.
        SqlQuery insert(db, u"INSERT OR IGNORE INTO settings(key, value) VALUES(?, ?)"_s);
        insert.bind(cronSecretSetting()).bind(QString::fromLatin1(sealed->toBase64()));
        if (!insert.exec())
            return Error::internal(tr("cannot seal the plaintext cron secret"));
    }
    SqlQuery drop(db, u"DELETE FROM settings WHERE key = ?"_s);
    drop.bind(LegacyCronSecretSetting);
    if (!drop.exec())
        return Error::internal(tr("cannot remove the plaintext cron secret"));
    ++outcome.sealedPlaintext;
    return {};
}

} // namespace Opbox
