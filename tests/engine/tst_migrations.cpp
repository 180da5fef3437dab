// SPDX-License-Identifier: GPL-3.0-or-later
// Migrations on databases that hold data: a data directory written at each older schema version
// opens with the current engine, every row survives, and the schema ends current. A schema newer
// than this build knows refuses the start and leaves the file alone.
#include "engine/security/vault.h"
#include "engine/services/engine.h"
#include "engine/store/database.h"
#include "engine/store/schema.h"
#include "engine/store/workspacedatastore.h"
#include "testengine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

const QString WorkspaceId = u"cworkspace000000000000001"_s;
const QString ConnectionId = u"cconnection00000000000001"_s;
const QString SecondConnectionId = u"cconnection00000000000002"_s;
const QByteArray LegacyToken = QByteArray(32, '\x5a');

/** Runs `sql` with positional `binds`; false (with a warning naming the error) when it fails. */
bool exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
        return false;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        qWarning("exec failed: %s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

/** Rows a metadata database at `version` can hold, one of each kind; the counts it should keep. */
QHash<QString, int> populateMetadata(const QSqlDatabase &db, int version)
{
    const QString at = u"2026-01-31T08:00:00.000Z"_s;
    bool ok
        = exec(db, u"INSERT INTO settings(key, value) VALUES('site_name', 'Acme')"_s)
        && exec(
              db,
              u"INSERT INTO users(id, email, name, created_at) VALUES('cuser00000000000000000001', 'owner@example.com', 'Owner', ?)"_s,
              {at})
        && exec(db, u"INSERT INTO workspaces(id, name, created_at) VALUES(?, 'Default', ?)"_s, {WorkspaceId, at})
        && exec(
              db,
              u"INSERT INTO memberships(user_id, workspace_id, role, created_at) VALUES('cuser00000000000000000001', ?, 'OWNER', ?)"_s,
              {WorkspaceId, at})
        && exec(
              db,
              u"INSERT INTO api_tokens(id, user_id, name, token_hash, created_at) VALUES('ctoken0000000000000000001', 'cuser00000000000000000001', 'ci', ?, ?)"_s,
              {QCryptographicHash::hash("token", QCryptographicHash::Sha256), at})
        && exec(
              db,
              u"INSERT INTO connections(id, workspace_id, name, type, schedule, credentials, credential_fields, webhook_token, "
              u"created_at, updated_at)"
              " VALUES(?, ?, 'HubSpot', 'CRM_PLATFORM', '{\"enabled\":true,\"frequency\":\"monthly\"}', ?, '[\"apiKey\"]', ?, ?, ?)"_s,
              {ConnectionId, WorkspaceId, QByteArray("\x01 sealed credentials"), QString::fromLatin1(LegacyToken.toHex()), at,
               at})
        && exec(db,
                u"INSERT INTO runs(id, connection_id, workspace_id, status, trigger, rows_synced, created_at, started_at, "
                u"completed_at)"
                " VALUES('crun000000000000000000001', ?, ?, 'COMPLETED', 'SCHEDULE', 42, ?, ?, ?)"_s,
                {ConnectionId, WorkspaceId, at, at, at})
        && exec(
              db,
              u"INSERT INTO notifications(id, user_id, workspace_id, run_id, connection_id, kind, title, message, created_at, "
              u"updated_at)"
              " VALUES('cnote00000000000000000001', 'cuser00000000000000000001', ?, 'crun000000000000000000001', ?, 'COMPLETED', 'Done', '42 rows', ?, ?)"_s,
              {WorkspaceId, ConnectionId, at, at})
        && exec(db,
                u"INSERT INTO audit_log(id, at, workspace_id, action, target_type, target_id, details)"
                " VALUES('caudit0000000000000000001', ?, ?, 'CONNECTION_CREATE', 'connection', ?, '{}')"_s,
                {at, WorkspaceId, ConnectionId});
    QHash<QString, int> counts{{u"settings"_s, 1},    {u"users"_s, 1},         {u"workspaces"_s, 1},
                               {u"memberships"_s, 1}, {u"api_tokens"_s, 1},    {u"connections"_s, 1},
                               {u"runs"_s, 1},        {u"notifications"_s, 1}, {u"audit_log"_s, 1}};
    if (version >= 2) {
        // The plaintext token was hashed when its file reached version 2.
        ok = ok
            && exec(db, u"UPDATE connections SET webhook_token_hash = ? WHERE id = ?"_s,
                    {QCryptographicHash::hash(LegacyToken, QCryptographicHash::Sha256), ConnectionId});
        // A token written after the plaintext era: hashed and sealed, no plaintext column value.
        ok = ok
            && exec(db,
                    u"INSERT INTO connections(id, workspace_id, name, type, schedule, webhook_token_hash, webhook_token_enc, "
                    u"created_at, updated_at)"
                    " VALUES(?, ?, 'Asana', 'PROJECT_MANAGEMENT', '{}', ?, ?, ?, ?)"_s,
                    {SecondConnectionId, WorkspaceId, QByteArray(32, '\x11'), QByteArray("\x01 sealed token"), at, at});
        counts[u"connections"_s] = 2;
    }
    if (version >= 3) {
        ok = ok
            && exec(db,
                    u"INSERT INTO oauth_states(id, connection_id, workspace_id, connector_type, redirect_uri, verifier, "
                    u"created_at, expires_at)"
                    " VALUES('cstate0000000000000000001', ?, ?, 'CRM_PLATFORM', 'http://127.0.0.1/cb', ?, ?, 1900000000)"_s,
                    {ConnectionId, WorkspaceId, QByteArray("\x01 sealed verifier"), at});
        counts[u"oauth_states"_s] = 1;
    }
    if (!ok)
        return {};
    return counts;
}

/** A workspace data file (any version) with sync state, a catalogued table and its rows. */
bool populateWorkspace(const QSqlDatabase &db)
{
    const QString at = u"2026-01-31T08:00:00.000Z"_s;
    bool ok
        = exec(db,
               u"INSERT INTO opbox_sync_state(connection_id, stream, state, updated_at, run_id)"
               " VALUES(?, 'contacts', '{\"cursor\":\"2026-01-30T00:00:00Z\"}', ?, 'crun000000000000000000001')"_s,
               {ConnectionId, at})
        && exec(
              db,
              u"INSERT INTO opbox_tables(table_name, base, stream, primary_key, created_at) VALUES('hubspot_contacts', 'hubspot', 'contacts', '[\"id\"]', ?)"_s,
              {at})
        && exec(db, u"INSERT INTO opbox_table_owners(table_name, connection_id) VALUES('hubspot_contacts', ?)"_s, {ConnectionId})
        && exec(db,
                u"INSERT INTO opbox_columns(table_name, column_name, field_name, logical_type, position, created_at)"
                " VALUES('hubspot_contacts', 'email', 'email', 'STRING', 1, ?)"_s,
                {at})
        && exec(
              db,
              u"INSERT INTO opbox_column_history(table_name, column_name, change, to_type, at) VALUES('hubspot_contacts', 'email', 'ADDED', 'STRING', ?)"_s,
              {at})
        && exec(db, u"CREATE TABLE hubspot_contacts (id TEXT PRIMARY KEY, email TEXT)"_s)
        && exec(db, u"INSERT INTO hubspot_contacts VALUES('1', 'a@example.com'), ('2', 'b@example.com')"_s);
    return ok;
}

} // namespace

/** Schema migrations of opbox.db and the workspace data files, with data in them. */
class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Test::pinEnvironment(); }

    void populatedDataDirectoryUpgrades_data()
    {
        QTest::addColumn<int>("metadataVersion");
        QTest::addColumn<int>("workspaceVersion");
        // Every older version of each file, paired with the oldest and the newest of the other.
        const int metadataLatest = int(Schema::metadataMigrations().size());
        const int workspaceLatest = int(Schema::workspaceMigrations().size());
        for (int v = 1; v < metadataLatest; ++v)
            QTest::addRow("opbox.db v%d, workspace v1", v) << v << 1;
        for (int w = 1; w < workspaceLatest; ++w)
            QTest::addRow("opbox.db v%d, workspace v%d", metadataLatest, w) << metadataLatest << w;
        QTest::addRow("both current (v%d, v%d)", metadataLatest, workspaceLatest) << metadataLatest << workspaceLatest;
    }
    void populatedDataDirectoryUpgrades()
    {
        QFETCH(int, metadataVersion);
        QFETCH(int, workspaceVersion);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QHash<QString, int> counts;
        {
            Database old(dir.filePath(u"opbox.db"_s), Schema::upTo(Schema::metadataMigrations(), metadataVersion), u"old"_s);
            QVERIFY(old.open().ok());
            QCOMPARE(old.schemaVersion(), metadataVersion);
            counts = populateMetadata(old.connection(), metadataVersion);
            QVERIFY(!counts.isEmpty());
            old.closeThisThread();
        }
        QVERIFY(QDir(dir.path()).mkpath(u"tables"_s));
        const QString workspacePath = dir.filePath(u"tables/"_s + WorkspaceId + u".db"_s);
        {
            Database old(workspacePath, Schema::upTo(Schema::workspaceMigrations(), workspaceVersion), u"old workspace"_s);
            QVERIFY(old.open().ok());
            QCOMPARE(old.schemaVersion(), workspaceVersion);
            QVERIFY(populateWorkspace(old.connection()));
            old.closeThisThread();
        }

        Engine engine(dir.path());
        const auto opened = engine.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));

        const QSqlDatabase meta = engine.metadata()->connection();
        QCOMPARE(engine.metadata()->schemaVersion(), engine.metadata()->latestVersion());
        // Each migration is recorded once, the skipped ones included.
        QCOMPARE(scalar(meta, u"SELECT COUNT(DISTINCT version) FROM schema_version"_s).toInt(),
                 engine.metadata()->latestVersion());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QCOMPARE(scalar(meta, u"SELECT COUNT(*) FROM "_s + it.key()).toInt(), it.value());
        QCOMPARE(scalar(meta, u"SELECT value FROM settings WHERE key = 'site_name'"_s).toString(), u"Acme"_s);
        QCOMPARE(scalar(meta, u"SELECT credentials FROM connections WHERE id = ?"_s, {ConnectionId}).toByteArray(),
                 QByteArray("\x01 sealed credentials"));
        QCOMPARE(scalar(meta, u"SELECT rows_synced FROM runs"_s).toInt(), 42);
        QCOMPARE(scalar(meta, u"SELECT json_extract(schedule, '$.frequency') FROM connections WHERE id = ?"_s, {ConnectionId})
                     .toString(),
                 u"monthly"_s);
        // The plaintext token is still there for its reveal, and findable by its hash.
        QCOMPARE(scalar(meta, u"SELECT webhook_token FROM connections WHERE id = ?"_s, {ConnectionId}).toString(),
                 QString::fromLatin1(LegacyToken.toHex()));
        QCOMPARE(scalar(meta, u"SELECT webhook_token_hash FROM connections WHERE id = ?"_s, {ConnectionId}).toByteArray(),
                 QCryptographicHash::hash(LegacyToken, QCryptographicHash::Sha256));
        if (metadataVersion >= 2) {
            QCOMPARE(
                scalar(meta, u"SELECT webhook_token_hash FROM connections WHERE id = ?"_s, {SecondConnectionId}).toByteArray(),
                QByteArray(32, '\x11'));
        }
        // The audit log is still append-only after the upgrade.
        QSqlQuery tamper(meta);
        QVERIFY(!tamper.exec(u"UPDATE audit_log SET action = 'X'"_s));
        QVERIFY(!tamper.exec(u"DELETE FROM audit_log"_s));

        Database *workspace = engine.workspaceData()->database(WorkspaceId);
        QVERIFY(workspace);
        QCOMPARE(workspace->schemaVersion(), workspace->latestVersion());
        const QSqlDatabase data = workspace->connection();
        QCOMPARE(scalar(data, u"SELECT json_extract(state, '$.cursor') FROM opbox_sync_state WHERE connection_id = ?"_s,
                        {ConnectionId})
                     .toString(),
                 u"2026-01-30T00:00:00Z"_s);
        QVERIFY(scalar(data, u"SELECT refresh_started_at IS NULL FROM opbox_sync_state"_s).toBool());
        QCOMPARE(scalar(data, u"SELECT COUNT(*) FROM hubspot_contacts"_s).toInt(), 2);
        QCOMPARE(scalar(data, u"SELECT email FROM hubspot_contacts WHERE id = '2'"_s).toString(), u"b@example.com"_s);
        QCOMPARE(scalar(data, u"SELECT logical_type FROM opbox_columns WHERE column_name = 'email'"_s).toString(), u"STRING"_s);
        QCOMPARE(scalar(data, u"SELECT COUNT(*) FROM opbox_column_history"_s).toInt(), 1);
        QCOMPARE(scalar(data, u"SELECT connection_id FROM opbox_table_owners"_s).toString(), ConnectionId);
    }

    void newerSchemaRefusesToStart_data()
    {
        QTest::addColumn<bool>("workspaceFile"); // which file is too new
        QTest::newRow("opbox.db") << false;
        QTest::newRow("workspace data file") << true;
    }
    void newerSchemaRefusesToStart()
    {
        QFETCH(bool, workspaceFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const int metadataLatest = int(Schema::metadataMigrations().size());
        const int workspaceLatest = int(Schema::workspaceMigrations().size());
        const QString metadataPath = dir.filePath(u"opbox.db"_s);
        const QString workspacePath = dir.filePath(u"tables/"_s + WorkspaceId + u".db"_s);
        {
            Database current(metadataPath, Schema::metadataMigrations(), u"current"_s);
            QVERIFY(current.open().ok());
            QVERIFY(!populateMetadata(current.connection(), metadataLatest).isEmpty());
            if (!workspaceFile)
                QVERIFY(exec(current.connection(), u"INSERT INTO schema_version(version, applied_at) VALUES(?, 'later')"_s,
                             {metadataLatest + 1}));
            current.closeThisThread();
            Database workspace(workspacePath, Schema::workspaceMigrations(), u"current workspace"_s);
            QVERIFY(workspace.open().ok());
            QVERIFY(populateWorkspace(workspace.connection()));
            if (workspaceFile)
                QVERIFY(exec(workspace.connection(), u"INSERT INTO schema_version(version, applied_at) VALUES(?, 'later')"_s,
                             {workspaceLatest + 1}));
            workspace.closeThisThread();
        }
        const QString tooNew = workspaceFile ? workspacePath : metadataPath;
        const int newVersion = workspaceFile ? workspaceLatest + 1 : metadataLatest + 1;
        const int known = workspaceFile ? workspaceLatest : metadataLatest;
        QFile file(tooNew);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        {
            Engine engine(dir.path());
            const auto opened = engine.open();
            QVERIFY(!opened.ok());
            const QString message = opened.error().message;
            QCOMPARE(opened.error().code, u"SCHEMA_TOO_NEW"_s);
            QVERIFY2(message.contains(QFileInfo(tooNew).fileName()), qPrintable(message));
            QVERIFY2(message.contains(u"schema version %1"_s.arg(newVersion)), qPrintable(message));
            QVERIFY2(message.contains(u"newer than this build knows (%1)"_s.arg(known)), qPrintable(message));
        }
        // Refused before anything was written: the file is byte for byte what it was.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
