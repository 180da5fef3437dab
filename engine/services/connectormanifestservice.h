// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/manifestreader.h"
#include "engine/security/caller.h"
#include "engine/services/manifesttestread.h"
#include "engine/services/networkthread.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace Opbox {

class AuditLog;
class Database;

/**
 * The connector types users add as manifests: reads them at start from the data directory and
 * the XDG data directories (a broken file is skipped with one log line and listed with its
 * problems), validates, installs into `<data-dir>/connectors/<TYPE>.json`, removes, and test-reads
 * a manifest without storing anything. Validation and test reads run on a thread of their own,
 * so the GUI and the API never wait on them. Every call authorizes its caller: list and get any
 * member, validate and test-read ADMIN, install and remove OWNER.
 */
class ConnectorManifestService : public QObject
{
    Q_OBJECT
public:
    /** One manifest the product knows, valid or not. */
    struct Entry
    {
        QString type;
        QString name;
        QString category;
        QString version;
        bool builtin = false;
        bool valid = true;
        QList<ManifestIssue> errors;
        QString file; // where a user manifest was read from (never shown over the API)

        [[nodiscard]] QJsonObject toJson() const;
    };

    /** What validating a manifest found. */
    struct Validation
    {
        QList<ManifestIssue> errors;
        [[nodiscard]] bool valid() const { return errors.isEmpty(); }
        [[nodiscard]] QJsonObject toJson() const;
    };

    /** A test read's input: `{manifest, credentials, config, streams?}`. */
    struct TestReadRequest
    {
        QJsonObject manifest;
        QJsonObject credentials;
        QJsonObject config;
        QStringList streams; // empty: every stream
        [[nodiscard]] static Result<TestReadRequest> fromJson(const QJsonObject &body);
    };

    using ValidationDone = std::function<void(Result<Validation>)>;
    using TestReadDone = std::function<void(Result<QList<ManifestTestRead::Stream>>)>;

    ConnectorManifestService(QString dataDir, Database *metadata, AuditLog *audit, QObject *parent = nullptr);
    ~ConnectorManifestService() override;

    /** Where user manifests are read from, in order; the first is where installs are written. */
    [[nodiscard]] QStringList directories() const;
    /** Reads every user manifest of `directories()` and makes the valid ones the user types. */
    void loadInstalled();

    /** Built-in and user manifests, with the problems of the broken ones (any member). */
    [[nodiscard]] Result<QList<Entry>> list(const Caller &caller) const;
    /** The manifest of a type as JSON (any member); not found for an unknown type. */
    [[nodiscard]] Result<QJsonObject> get(const Caller &caller, const QString &type) const;
    /** Validates `manifest` as a user manifest, on the calling thread (ADMIN+). */
    [[nodiscard]] Result<Validation> validate(const Caller &caller, const QJsonObject &manifest) const;
    /** Validates on the service's thread; `done` runs on `context`'s thread (or the service thread without one). */
    void validateAsync(const Caller &caller, const QJsonObject &manifest, QObject *context, ValidationDone done);
    /**
     * Installs or replaces the user type `type` (OWNER): 400 with `errors` when invalid or when
     * `type` differs from the manifest's, 409 for a built-in type. Usable at once.
     */
    [[nodiscard]] Result<Entry> install(const Caller &caller, const QString &type, const QJsonObject &manifest);
    /** Removes a user type (OWNER): 409 for a built-in type or while connections of it exist. */
    [[nodiscard]] Result<void> remove(const Caller &caller, const QString &type);
    /** Reads a few pages of each stream without storing anything (ADMIN+); see ManifestTestRead. */
    void testRead(const Caller &caller, const TestReadRequest &request, QObject *context, TestReadDone done);

Q_SIGNALS:
    /** A user type was installed, replaced or removed (the connector types changed). */
    void manifestsChanged();

private:
    [[nodiscard]] QString installDirectory() const;
    [[nodiscard]] Result<int> connectionsOfType(const QString &type) const;

    QString m_dataDir;
    Database *m_metadata;
    AuditLog *m_audit;
    QList<Entry> m_broken; // guarded by m_lock
    QHash<QString, QString> m_sources; // type -> the file a user type was read from at start; guarded by m_lock
    mutable QMutex m_lock;
    NetworkThread m_thread;
};

} // namespace Opbox
