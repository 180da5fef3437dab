// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Opbox {

class Database;
class Vault;

/** One place in the metadata database where sealed values live, with what each is bound to. */
struct SealedColumn
{
    QString select; // `SELECT <row key>, <sealed value> …`
    QString update; // `UPDATE … SET <sealed value> = ? WHERE <row key> = ?`
    QByteArray (*binding)(const QString &rowKey) = nullptr;
    bool base64Text = false; // stored as base64 text rather than a BLOB
    QString what; // names the kind of secret in messages (never its value)
};

/** What a reseal did. */
struct ResealOutcome
{
    int resealed = 0; // sealed values rewritten under the target key
    int sealedPlaintext = 0; // plaintext legacy values (webhook tokens, cron secret) now sealed
    int skipped = 0; // values that did not open (damaged), left as they were
};

/**
 * Rewrites the sealed secrets of the metadata database under another key, in one transaction:
 * every sealed value (connection credentials with their OAuth tokens and client secrets, webhook
 * tokens, PKCE verifiers, the key check, the cron secret), and the values older versions kept in
 * plaintext (webhook tokens, the cron secret), which are sealed on the way. Used to upgrade values
 * of an older format when the vault opens, and to move everything to a new master key.
 */
class SecretResealJob
{
public:
    enum class Scope {
        OutdatedOnly, // values not yet in the target's format; values that do not open are skipped
        Everything, // every value; one that does not open aborts the job with nothing changed
    };
    /** Opens values with `from` and seals them with `to` (the same vault to upgrade old formats). */
    SecretResealJob(Database *metadata, const Vault *from, const Vault *to);

    [[nodiscard]] Result<ResealOutcome> run(Scope scope) const;

    /** Every place sealed values live. */
    [[nodiscard]] static QList<SealedColumn> sealedColumns();
    /** The settings key of the sealed cron secret. */
    [[nodiscard]] static QString cronSecretSetting();

private:
    [[nodiscard]] Result<void> resealColumn(const SealedColumn &column, Scope scope, ResealOutcome &outcome) const;
    [[nodiscard]] Result<void> sealLegacyWebhookTokens(ResealOutcome &outcome) const;
    [[nodiscard]] Result<void> sealLegacyCronSecret(ResealOutcome &outcome) const;

    Database *m_metadata;
    const Vault *m_from;
    const Vault *m_to;
};

} // namespace Opbox
