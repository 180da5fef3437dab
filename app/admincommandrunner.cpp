// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/admincommandrunner.h"
#include "app/commandline.h"
#include "base/ids.h"
#include "engine/security/keyrotationjob.h"
#include "engine/security/secretstore.h"
#include "engine/security/vault.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "engine/store/datadiruse.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "opbox-pipelines: %s\n", qPrintable(message));
    return 1;
}

QString timeOrDash(const QDateTime &at)
{
    return at.isValid() ? Ids::iso(at) : u"-"_s;
}

/** A field of a tab-separated line: no tab or line break of its own. */
QString field(QString text)
{
    text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return text.isEmpty() ? u"-"_s : text;
}
} // namespace

int AdminCommandRunner::tokenCreate(const CommandLine &cl)
{
    Engine engine(cl.resolvedDataDir());
    if (auto ok = engine.open(); !ok)
        return fail(ok.error().message);
    auto user = engine.identity()->ensureUser(cl.user, cl.name);
    if (!user)
        return fail(user.error().message);
    auto workspace = engine.identity()->ensureWorkspace(cl.workspace);
    if (!workspace)
        return fail(workspace.error().message);
    // The role defaults to OWNER for a new membership only; an explicit --role changes
    // an existing one. Without --role an existing member keeps the role (no silent escalation).
    const auto role = parseRole(cl.role);
    const auto membership = role ? engine.identity()->setMembership(*user, *workspace, *role)
                                 : engine.identity()->ensureMembership(*user, *workspace, Role::Owner);
    if (!membership)
        return fail(membership.error().message);
    const QDateTime expires = cl.expiresInDays > 0 ? QDateTime::currentDateTimeUtc().addDays(cl.expiresInDays) : QDateTime();
    auto token = engine.identity()->createToken(*user, cl.name.isEmpty() ? u"cli"_s : cl.name, expires);
    if (!token)
        return fail(token.error().message);
    std::fprintf(stdout, "%s\n", qPrintable(*token));
    std::fflush(stdout);
    return 0;
}

int AdminCommandRunner::tokenList(const CommandLine &cl)
{
    Engine engine(cl.resolvedDataDir());
    if (auto ok = engine.open(); !ok)
        return fail(ok.error().message);
    auto tokens = engine.identity()->allTokens(cl.user);
    if (!tokens)
        return fail(tokens.error().message);
    for (const ApiTokenRecord &t : std::as_const(*tokens)) {
        const QStringList fields{t.id,
                                 field(t.userEmail),
                                 field(t.name),
                                 field(t.prefix),
                                 timeOrDash(t.createdAt),
                                 timeOrDash(t.lastUsedAt),
                                 timeOrDash(t.expiresAt)};
        std::fprintf(stdout, "%s\n", qPrintable(fields.join(u'\t')));
    }
    std::fflush(stdout);
    return 0;
}

int AdminCommandRunner::tokenRevoke(const CommandLine &cl)
{
    Engine engine(cl.resolvedDataDir());
    if (auto ok = engine.open(); !ok)
        return fail(ok.error().message);
    if (auto revoked = engine.identity()->revokeTokenById(cl.tokenId); !revoked)
        return fail(revoked.error().message);
    return 0;
}

int AdminCommandRunner::keyRotate(const CommandLine &cl)
{
    // A running server or app would keep sealing secrets with the old key after the rotation.
    if (const QList<qint64> users = DataDirUse::otherUsers(cl.resolvedDataDir()); !users.isEmpty())
        return fail(QCoreApplication::translate("AdminCommandRunner",
                                                "%1 is in use by process %2 (a server or the desktop app); stop it before "
                                                "rotating the key.")
                        .arg(cl.resolvedDataDir(), QString::number(users.constFirst())));
    Engine engine(cl.resolvedDataDir());
    if (auto ok = engine.open(); !ok)
        return fail(ok.error().message);
    KeychainSecretStore keychain;
    KeyRotationJob job(engine.dataDir(), engine.metadata(), &keychain);
    auto rotated = QCoro::waitFor(job.run());
    if (!rotated)
        return fail(rotated.error().message);
    switch (rotated->source) {
    case MasterKey::Source::Environment: {
        // The environment cannot be written: the key is shown this once, alone on stdout.
        QByteArray encoded = rotated->newKey.toBase64();
        std::fprintf(stdout, "%s\n", encoded.constData());
        std::fflush(stdout);
        Vault::wipe(encoded);
        Vault::wipe(rotated->newKey);
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "AdminCommandRunner",
                         "%n secret(s) re-encrypted. Set OPBOX_MASTER_KEY to the key above before the next start; "
                         "the old key opens nothing any more.",
                         nullptr, rotated->resealed)));
        break;
    }
    case MasterKey::Source::Keychain:
        std::fprintf(stdout, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "AdminCommandRunner", "%n secret(s) re-encrypted; the new master key is in the system keychain.",
                         nullptr, rotated->resealed)));
        break;
    case MasterKey::Source::File:
        std::fprintf(stdout, "%s\n",
                     qPrintable(QCoreApplication::translate("AdminCommandRunner",
                                                            "%n secret(s) re-encrypted; the new master key is in %1.", nullptr,
                                                            rotated->resealed)
                                    .arg(engine.dataDir() + u"/master.key"_s)));
        break;
    }
    return 0;
}

} // namespace Opbox
