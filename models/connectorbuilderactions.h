// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "models/connectorcatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>

namespace Opbox {

class OwnerSession;

/** One problem of a manifest text: its JSON pointer, what to write instead, and where it is. */
struct ManifestProblem
{
    QString path; ///< JSON pointer; empty for the whole text (a syntax error)
    QString message;
    int line = 1; ///< 1-based
    int column = 1; ///< 1-based
};

/** What checking a manifest text found, and the form it declares (also when it has problems). */
struct ManifestCheck
{
    bool parsed = false; ///< the text is a JSON object
    QJsonObject document;
    QList<ManifestProblem> problems;
    QString type;
    QList<ConnectorFieldEntry> credentials;
    QList<ConnectorFieldEntry> config;
    QStringList streams;

    [[nodiscard]] bool valid() const { return parsed && problems.isEmpty(); }
};

/** One request of a test read (its URL without credential values). */
struct TestReadRequestLog
{
    QString method;
    QString url;
    int status = 0; ///< 0: no HTTP answer
    qint64 ms = 0;
};

/** What a test read gave for one stream. */
struct TestReadStreamResult
{
    QString name;
    QJsonArray records;
    QList<QPair<QString, QString>> columns; ///< name, type as the table writer would create it
    QList<TestReadRequestLog> requests;
    QString error; ///< empty when the read worked
};

/** A manifest to start from. */
struct ConnectorTemplate
{
    QString id;
    QString title; ///< translated
};

/**
 * The Connector Builder's way into the engine: templates and installed user manifests to start
 * from, checking a manifest text (syntax, the engine's validation, where each problem is written),
 * test reads and installing, all as the local owner. Checks and test reads run on engine threads;
 * their outcome comes back on the GUI thread.
 */
class ConnectorBuilderActions : public QObject
{
    Q_OBJECT
public:
    using CheckDone = std::function<void(ManifestCheck)>;
    using TestReadDone = std::function<void(Result<QList<TestReadStreamResult>>)>;

    explicit ConnectorBuilderActions(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] static QList<ConnectorTemplate> templates();
    /** The text of a template (empty for an unknown id). */
    [[nodiscard]] static QString templateText(const QString &id);

    /** The user connector types installed (valid ones), by type. */
    [[nodiscard]] Result<QStringList> installedTypes() const;
    /** The manifest of an installed type, indented for editing. */
    [[nodiscard]] Result<QString> installedText(const QString &type) const;

    /** Checks `text` off the GUI thread; `done` runs on the GUI thread unless `context` is gone. */
    void check(const QString &text, QObject *context, CheckDone done);
    /** Test-reads `manifest` with the values of its form; `done` runs on the GUI thread. */
    void testRead(const QJsonObject &manifest, const QJsonObject &credentials, const QJsonObject &config, QObject *context,
                  TestReadDone done);
    /** Installs (or replaces) `manifest` as a user type; the New Connection wizard offers it at once. */
    [[nodiscard]] Result<void> install(const QJsonObject &manifest);

    /** Whether the owner's role allows test reads (ADMIN) and installing (OWNER). */
    [[nodiscard]] bool canTestRead() const;
    [[nodiscard]] bool canInstall() const;

Q_SIGNALS:
    /** A user connector type was installed, replaced or removed. */
    void typesChanged();

private:
    OwnerSession *m_session;
};

} // namespace Opbox
