// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/connectormanifestservice.h"

#include "connectors/runtime/connectortyperegistry.h"
#include "connectors/runtime/manifestvalidator.h"
#include "engine/enginelogging.h"
#include "engine/store/auditlog.h"
#include "engine/store/connectionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <exception>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("ConnectorManifestService", s);
}

QJsonArray issuesJson(const QList<ManifestIssue> &issues)
{
    QJsonArray out;
    for (const auto &issue : issues)
        out.append(issue.toJson());
    return out;
}

Error invalidManifest(const QList<ManifestIssue> &issues)
{
    Error e = Error::invalid(tr("the manifest is not valid: %1").arg(issues.isEmpty() ? QString() : issues.first().message),
                             u"MANIFEST_INVALID"_s);
    e.extra.insert(u"errors"_s, issuesJson(issues));
    return e;
}

ConnectorManifestService::Entry entryOf(const ConnectorTypeInfo &info)
{
    ConnectorManifestService::Entry e;
    e.type = info.type;
    e.name = info.name;
    e.category = info.category;
    e.version = info.version;
    e.builtin = info.builtin;
    return e;
}

// Named coroutine with by-value parameters (QCoro lifetime rules: no capturing coroutine lambdas).
QCoro::Task<> runTestRead(std::shared_ptr<ManifestTestRead> read, QStringList streams, QNetworkAccessManager *network,
                          std::function<void(Result<QList<ManifestTestRead::Stream>>)> done)
{
    try {
        done(co_await read->run(std::move(streams), network));
    } catch (const std::exception &e) {
        qCWarning(lcEngine) << "test read failed unexpectedly:" << e.what();
        done(Error::internal(tr("the test read failed unexpectedly")));
    }
}

} // namespace

QJsonObject ConnectorManifestService::Entry::toJson() const
{
    return QJsonObject{{u"type"_s, type},
                       {u"name"_s, name},
                       {u"category"_s, category},
                       {u"version"_s, version},
                       {u"source"_s, builtin ? u"builtin"_s : u"user"_s},
                       {u"valid"_s, valid},
                       {u"errors"_s, issuesJson(errors)}};
}

QJsonObject ConnectorManifestService::Validation::toJson() const
{
    return QJsonObject{{u"valid"_s, valid()}, {u"errors"_s, issuesJson(errors)}};
}

Result<ConnectorManifestService::TestReadRequest> ConnectorManifestService::TestReadRequest::fromJson(const QJsonObject &body)
{
    TestReadRequest r;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString &key = it.key();
        if (key != u"manifest" && key != u"credentials" && key != u"config" && key != u"streams")
            return Error::invalid(tr("%1: unknown field (expected manifest, credentials, config, streams)").arg(key.left(64)));
    }
    if (!body.value(u"manifest"_s).isObject())
        return Error::invalid(tr("manifest: required, the manifest to read with (an object)"));
    r.manifest = body.value(u"manifest"_s).toObject();
    for (const QString &key : {u"credentials"_s, u"config"_s}) {
        const QJsonValue v = body.value(key);
        if (!v.isUndefined() && !v.isObject())
            return Error::invalid(tr("%1: must be an object").arg(key));
    }
    r.credentials = body.value(u"credentials"_s).toObject();
    r.config = body.value(u"config"_s).toObject();
    const QJsonValue streams = body.value(u"streams"_s);
    if (!streams.isUndefined()) {
        if (!streams.isArray())
            return Error::invalid(tr("streams: must be an array of stream names"));
        for (const auto &s : streams.toArray()) {
            if (!s.isString())
                return Error::invalid(tr("streams: must be an array of stream names"));
            r.streams.append(s.toString());
        }
    }
    return r;
}

ConnectorManifestService::ConnectorManifestService(QString dataDir, Database *metadata, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_metadata(metadata)
    , m_audit(audit)
    , m_thread(u"opbox-manifests"_s)
{
}

ConnectorManifestService::~ConnectorManifestService() = default;

QString ConnectorManifestService::installDirectory() const
{
    return m_dataDir + u"/connectors"_s;
}

QStringList ConnectorManifestService::directories() const
{
    QStringList dirs{installDirectory()};
    QString home = qEnvironmentVariable("XDG_DATA_HOME");
    if (home.isEmpty())
        home = QDir::homePath() + u"/.local/share"_s;
    dirs.append(home + u"/opbox-pipelines/connectors"_s);
    QString shared = qEnvironmentVariable("XDG_DATA_DIRS");
    if (shared.isEmpty())
        shared = u"/usr/local/share:/usr/share"_s;
    for (const QString &dir : shared.split(u':', Qt::SkipEmptyParts))
        dirs.append(dir + u"/opbox-pipelines/connectors"_s);
    dirs.removeDuplicates();
    return dirs;
}

void ConnectorManifestService::loadInstalled()
{
    QList<QPair<std::shared_ptr<const ConnectorManifest>, QJsonObject>> valid;
    QList<Entry> broken;
    QSet<QString> seen;
    QHash<QString, QString> sources;
    for (const QString &dir : directories()) {
        const QFileInfoList files = QDir(dir).entryInfoList({u"*.json"_s}, QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &info : files) {
            QFile file(info.absoluteFilePath());
            if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
                qCWarning(lcEngine) << "skipping connector manifest" << info.absoluteFilePath() << ": unreadable or over 1 MiB";
                continue;
            }
            auto outcome = ManifestValidator::validate(file.readAll(), ManifestValidator::Origin::User);
            const QString type = outcome.document.value(u"type"_s).toString();
            if (!outcome.valid()) {
                qCWarning(lcEngine).noquote()
                    << "skipping connector manifest" << info.absoluteFilePath() << ":" << outcome.summary();
                Entry e;
                e.type = type.isEmpty() ? info.completeBaseName() : type;
                e.name = outcome.document.value(u"name"_s).toString();
                e.category = outcome.document.value(u"category"_s).toString();
                e.version = outcome.document.value(u"version"_s).toString();
                e.valid = false;
                e.errors = outcome.issues;
                e.file = info.absoluteFilePath();
                broken.append(e);
                continue;
            }
            if (seen.contains(type))
                continue; // an earlier directory (the data directory first) wins
            seen.insert(type);
            sources.insert(type, info.absoluteFilePath());
            valid.append({std::make_shared<const ConnectorManifest>(std::move(*outcome.manifest)), outcome.document});
        }
    }
    ConnectorTypeRegistry::replaceUsers(valid);
    {
        QMutexLocker locker(&m_lock);
        m_broken = broken;
        m_sources = sources;
    }
    if (!valid.isEmpty())
        qCInfo(lcEngine) << "user connector types:" << valid.size();
}

Result<QList<ConnectorManifestService::Entry>> ConnectorManifestService::list(const Caller &caller) const
{
    if (auto ok = caller.require(Role::Viewer); !ok)
        return ok.error();
    QList<Entry> out;
    for (const auto &info : ConnectorTypeRegistry::all())
        out.append(entryOf(info));
    QMutexLocker locker(&m_lock);
    for (const Entry &e : m_broken) {
        const bool shadowed = std::any_of(out.begin(), out.end(), [&e](const Entry &known) { return known.type == e.type; });
        if (!shadowed)
            out.append(e);
    }
    return out;
}

Result<QJsonObject> ConnectorManifestService::get(const Caller &caller, const QString &type) const
{
    if (auto ok = caller.require(Role::Viewer); !ok)
        return ok.error();
    const QJsonObject document = ConnectorTypeRegistry::document(type);
    if (document.isEmpty())
        return Error::notFound(tr("connector type %1 not found").arg(type.left(64)));
    return document;
}

Result<ConnectorManifestService::Validation> ConnectorManifestService::validate(const Caller &caller,
                                                                                const QJsonObject &manifest) const
{
    if (auto ok = caller.require(Role::Admin); !ok)
        return ok.error();
    return Validation{ManifestValidator::validate(manifest, ManifestValidator::Origin::User).issues};
}

void ConnectorManifestService::validateAsync(const Caller &caller, const QJsonObject &manifest, QObject *context,
                                             ValidationDone done)
{
    const QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    if (auto ok = caller.require(Role::Admin); !ok)
        return deliver<Validation>(ctx, hadContext, done, ok.error());
    m_thread.post([manifest, ctx, hadContext, done] {
        deliver<Validation>(ctx, hadContext, done,
                            Validation{ManifestValidator::validate(manifest, ManifestValidator::Origin::User).issues});
    });
}

Result<ConnectorManifestService::Entry> ConnectorManifestService::install(const Caller &caller, const QString &type,
                                                                          const QJsonObject &manifest)
{
    if (auto ok = caller.require(Role::Owner); !ok)
        return ok.error();
    if (ConnectorTypeRegistry::isBuiltin(type))
        return Error{
            Error::Kind::Conflict, u"BUILTIN_TYPE"_s, tr("%1 is a built-in connector type and cannot be replaced").arg(type), {}};
    const QJsonValue declared = manifest.value(u"type"_s);
    if (declared != QJsonValue(type)) {
        Error e = Error::invalid(tr("type: the manifest declares %1, the URL names %2; they must be the same")
                                     .arg(declared.isString() ? declared.toString().left(64) : tr("no type"), type.left(64)),
                                 u"TYPE_MISMATCH"_s);
        e.extra.insert(u"errors"_s, issuesJson({{u"/type"_s, tr("write \"%1\", the type in the URL").arg(type.left(64))}}));
        return e;
    }
    auto outcome = ManifestValidator::validate(manifest, ManifestValidator::Origin::User);
    if (!outcome.valid())
        return invalidManifest(outcome.issues);
    const QString dir = installDirectory();
    if (!QDir().mkpath(dir))
        return Error::internal(tr("cannot create %1").arg(dir));
    QSaveFile file(dir + u'/' + type + u".json"_s);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return Error::internal(tr("cannot write the manifest of %1").arg(type));
    const bool replaced = ConnectorTypeRegistry::find(type) != nullptr;
    ConnectorTypeRegistry::putUser(std::make_shared<const ConnectorManifest>(std::move(*outcome.manifest)), manifest);
    {
        QMutexLocker locker(&m_lock);
        m_broken.removeIf([&type](const Entry &e) { return e.type == type; });
    }
    m_audit->record(caller, u"CONNECTOR_MANIFEST_INSTALL"_s, u"connector_type"_s, type,
                    {{u"version"_s, manifest.value(u"version"_s).toString()}, {u"replaced"_s, replaced}});
    Q_EMIT manifestsChanged();
    return entryOf(*ConnectorTypeRegistry::find(type));
}

Result<int> ConnectorManifestService::connectionsOfType(const QString &type) const
{
    return ConnectionStore(m_metadata).countOfType(type);
}

Result<void> ConnectorManifestService::remove(const Caller &caller, const QString &type)
{
    if (auto ok = caller.require(Role::Owner); !ok)
        return ok.error();
    if (ConnectorTypeRegistry::isBuiltin(type))
        return Error{
            Error::Kind::Conflict, u"BUILTIN_TYPE"_s, tr("%1 is a built-in connector type and cannot be removed").arg(type), {}};
    const bool installed = ConnectorTypeRegistry::find(type) != nullptr;
    QString brokenFile;
    QHash<QString, QString> sources;
    {
        QMutexLocker locker(&m_lock);
        sources = m_sources;
        for (const Entry &e : std::as_const(m_broken)) {
            if (e.type == type)
                brokenFile = e.file;
        }
    }
    if (!installed && brokenFile.isEmpty())
        return Error::notFound(tr("connector type %1 not found").arg(type.left(64)));
    auto count = connectionsOfType(type);
    if (!count)
        return count.error();
    if (*count > 0) {
        Error e{Error::Kind::Conflict,
                u"TYPE_IN_USE"_s,
                tr("%n connection(s) use %1; delete them first", nullptr, *count).arg(type),
                {}};
        e.extra.insert(u"connections"_s, *count);
        return e;
    }
    const QString file = installDirectory() + u'/' + type + u".json"_s;
    // A type from a shared XDG directory would come back at the next start: say where it lives.
    const QString origin = sources.value(type);
    if (installed && !QFile::exists(file) && !origin.isEmpty()
        && QFileInfo(origin).absolutePath() != QDir(installDirectory()).absolutePath())
        return Error{Error::Kind::Conflict,
                     u"TYPE_SYSTEM_WIDE"_s,
                     tr("%1 is read from %2, outside the data directory; remove that file instead").arg(type, origin),
                     {}};
    if (QFile::exists(file) && !QFile::remove(file))
        return Error::internal(tr("cannot remove the manifest of %1").arg(type));
    if (!brokenFile.isEmpty() && brokenFile != file && QFileInfo(brokenFile).absolutePath() == QFileInfo(file).absolutePath())
        QFile::remove(brokenFile);
    ConnectorTypeRegistry::removeUser(type);
    {
        QMutexLocker locker(&m_lock);
        m_broken.removeIf([&type](const Entry &e) { return e.type == type; });
    }
    m_audit->record(caller, u"CONNECTOR_MANIFEST_REMOVE"_s, u"connector_type"_s, type);
    Q_EMIT manifestsChanged();
    return {};
}

void ConnectorManifestService::testRead(const Caller &caller, const TestReadRequest &request, QObject *context, TestReadDone done)
{
    const QPointer<QObject> ctx(context);
    const bool hadContext = context != nullptr;
    using Streams = QList<ManifestTestRead::Stream>;
    if (auto ok = caller.require(Role::Admin); !ok)
        return deliver<Streams>(ctx, hadContext, done, ok.error());
    // A built-in type may be test-read too (its own manifest); anything else validates as a user manifest.
    const bool builtin = ConnectorTypeRegistry::isBuiltin(request.manifest.value(u"type"_s).toString())
        && ConnectorTypeRegistry::document(request.manifest.value(u"type"_s).toString()) == request.manifest;
    auto outcome = ManifestValidator::validate(request.manifest,
                                               builtin ? ManifestValidator::Origin::Builtin : ManifestValidator::Origin::User);
    if (!outcome.valid())
        return deliver<Streams>(ctx, hadContext, done, invalidManifest(outcome.issues));
    for (const QString &name : request.streams) {
        if (!outcome.manifest->stream(name))
            return deliver<Streams>(ctx, hadContext, done,
                                    Error::invalid(tr("streams: %1 is not a stream of this manifest").arg(name.left(64))));
    }
    auto read = std::make_shared<ManifestTestRead>(std::make_shared<const ConnectorManifest>(std::move(*outcome.manifest)),
                                                   request.credentials, request.config);
    m_thread.post([this, read, streams = request.streams, ctx, hadContext, done] {
        (void)runTestRead(read, streams, m_thread.network(),
                          [ctx, hadContext, done](Result<Streams> r) { deliver<Streams>(ctx, hadContext, done, std::move(r)); });
    });
}

} // namespace Opbox
