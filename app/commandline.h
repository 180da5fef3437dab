// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Opbox {

/** What the command line asked for, parsed and validated. */
struct CommandLine
{
    enum class Mode { Gui, Server, TokenCreate, TokenList, TokenRevoke, KeyRotate, Version, Help };
    Mode mode = Mode::Gui;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8787;
    bool listenGiven = false;
    QString dataDir;
    QUrl publicUrl;
    int workers = 4;
    bool demo = false;
    bool allowPrivateHosts = false; // --allow-private-hosts or OPBOX_ALLOW_PRIVATE_HOSTS=1
    // token create
    QString user;
    QString name;
    QString role; // empty when --role is not given: OWNER for a new membership, an existing one keeps its role
    QString workspace = QStringLiteral("Default");
    int expiresInDays = 0; // token create --expires-in: 0 = never
    // token list --user (empty: every user); token revoke ID
    QString tokenId;

    QString error; // set when parsing failed: a usage error (exit 2)
    QString helpText;

    /** Parses argv; on a usage error `error` says what is wrong. */
    [[nodiscard]] static CommandLine parse(const QStringList &arguments);
    /** `--data-dir`, else env OPBOX_DATA_DIR, else the platform's app data location. */
    [[nodiscard]] QString resolvedDataDir() const;
};

} // namespace Opbox
