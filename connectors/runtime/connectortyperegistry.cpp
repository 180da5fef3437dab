// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectortyperegistry.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/manifestvalidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QReadWriteLock>
#include <algorithm>

void opboxInitConnectorResources();

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString kindName(ConnectorField::Kind kind)
{
    switch (kind) {
    case ConnectorField::Kind::String: return u"string"_s;
    case ConnectorField::Kind::StringList: return u"string[]"_s;
    case ConnectorField::Kind::Boolean: return u"boolean"_s;
    case ConnectorField::Kind::Integer: return u"integer"_s;
    }
    return u"string"_s;
}

// Labels are declared in English; the GUI's translation carries them under this context.
QString translated(const QString &english)
{
    if (english.isEmpty())
        return english;
    const QByteArray source = english.toUtf8();
    return QCoreApplication::translate("ConnectorTypeRegistry", source.constData());
}

struct Entry
{
    ConnectorTypeInfo info;
    std::shared_ptr<const ConnectorManifest> manifest;
    QJsonObject document;
    int listOrder = 0;
};

struct Catalog
{
    QReadWriteLock lock;
    QList<std::shared_ptr<const Entry>> builtins; // in list order
    QList<std::shared_ptr<const Entry>> users; // by type
    QList<std::shared_ptr<const Entry>> retired; // replaced or removed, kept for pointers handed out
};

std::shared_ptr<const Entry> makeEntry(std::shared_ptr<const ConnectorManifest> manifest, QJsonObject document, bool builtin)
{
    auto entry = std::make_shared<Entry>();
    entry->info = ConnectorTypeRegistry::describe(*manifest, builtin);
    entry->listOrder = manifest->listOrder;
    entry->manifest = std::move(manifest);
    entry->document = std::move(document);
    return entry;
}

QList<std::shared_ptr<const Entry>> loadBuiltins()
{
    opboxInitConnectorResources();
    QList<std::shared_ptr<const Entry>> out;
    QDirIterator it(u":/connectors"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QFile file(dir + u"/manifest.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray json = file.readAll();
        auto outcome = ManifestValidator::validate(json, ManifestValidator::Origin::Builtin);
        if (!outcome.valid()) {
            // The test suite holds every built-in to the schema; a drift between schema and parser
            // must not cost a shipped connector, so what the runtime can parse is still offered.
            auto parsed = ConnectorManifest::parse(json);
            qCWarning(lcConnectors) << (parsed ? "built-in connector manifest does not validate:"
                                               : "ignoring invalid connector manifest")
                                    << file.fileName() << outcome.summary();
            if (!parsed)
                continue;
            outcome.manifest = std::move(*parsed);
        }
        auto manifest = std::make_shared<ConnectorManifest>(std::move(*outcome.manifest));
        manifest->directory = QFileInfo(dir).fileName();
        out.append(makeEntry(std::move(manifest), outcome.document, true));
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a->listOrder != b->listOrder ? a->listOrder < b->listOrder : a->info.type < b->info.type;
    });
    return out;
}

Catalog &catalog()
{
    // Built on first use, from whatever thread gets there first (static init is thread-safe).
    static Catalog *instance = [] {
        auto *c = new Catalog;
        c->builtins = loadBuiltins();
        return c;
    }();
    return *instance;
}

// Caller holds the lock.
std::shared_ptr<const Entry> entryOf(const Catalog &c, const QString &type)
{
    for (const auto &list : {&c.builtins, &c.users}) {
        for (const auto &entry : *list) {
            if (entry->info.type == type)
                return entry;
        }
    }
    return nullptr;
}

void sortUsers(QList<std::shared_ptr<const Entry>> &users)
{
    std::sort(users.begin(), users.end(), [](const auto &a, const auto &b) { return a->info.type < b->info.type; });
}

} // namespace

QJsonObject ConnectorField::toJson() const
{
    QJsonObject o{
        {u"name"_s, name}, {u"label"_s, label}, {u"required"_s, required}, {u"secret"_s, secret}, {u"type"_s, kindName(kind)}};
    if (!help.isEmpty())
        o.insert(u"help"_s, help);
    return o;
}

QJsonObject ConnectorTypeInfo::toJson() const
{
    QJsonArray creds;
    for (const auto &f : credentials)
        creds.append(f.toJson());
    QJsonArray conf;
    for (const auto &f : config)
        conf.append(f.toJson());
    return QJsonObject{{u"type"_s, type},         {u"name"_s, name},
                       {u"category"_s, category}, {u"service"_s, service},
                       {u"authType"_s, authType}, {u"credentials"_s, creds},
                       {u"config"_s, conf},       {u"source"_s, builtin ? u"builtin"_s : u"user"_s},
                       {u"version"_s, version}};
}

ConnectorTypeInfo ConnectorTypeRegistry::describe(const ConnectorManifest &manifest, bool builtin)
{
    ConnectorTypeInfo info;
    info.type = manifest.type;
    info.name = manifest.name;
    info.category = manifest.category;
    info.service = manifest.service;
    info.authType = manifest.authType;
    info.version = manifest.version;
    info.documentationUrl = manifest.documentationUrl;
    info.builtin = builtin;
    const auto localise = [](QList<ConnectorField> fields) {
        for (auto &field : fields) {
            field.label = translated(field.label);
            field.help = translated(field.help);
            field.patternHint = translated(field.patternHint);
        }
        return fields;
    };
    info.credentials = localise(manifest.credentials);
    info.config = localise(manifest.config);
    return info;
}

QList<ConnectorTypeInfo> ConnectorTypeRegistry::all()
{
    Catalog &c = catalog();
    QReadLocker locker(&c.lock);
    QList<ConnectorTypeInfo> out;
    for (const auto &list : {&c.builtins, &c.users}) {
        for (const auto &entry : *list)
            out.append(entry->info);
    }
    return out;
}

const ConnectorTypeInfo *ConnectorTypeRegistry::find(const QString &type)
{
    Catalog &c = catalog();
    QReadLocker locker(&c.lock);
    const auto entry = entryOf(c, type);
    return entry ? &entry->info : nullptr; // entries are never freed (see the class comment)
}

const ConnectorTypeInfo *ConnectorTypeRegistry::findLoose(const QString &type)
{
    QString normal = type.toUpper();
    normal.replace(u'-', u'_');
    return find(normal);
}

QStringList ConnectorTypeRegistry::typeNames()
{
    QStringList names;
    for (const auto &info : all())
        names.append(info.type);
    return names;
}

std::shared_ptr<const ConnectorManifest> ConnectorTypeRegistry::manifest(const QString &type)
{
    Catalog &c = catalog();
    QReadLocker locker(&c.lock);
    const auto entry = entryOf(c, type);
    return entry ? entry->manifest : nullptr;
}

QJsonObject ConnectorTypeRegistry::document(const QString &type)
{
    Catalog &c = catalog();
    QReadLocker locker(&c.lock);
    const auto entry = entryOf(c, type);
    return entry ? entry->document : QJsonObject();
}

bool ConnectorTypeRegistry::isBuiltin(const QString &type)
{
    Catalog &c = catalog();
    QReadLocker locker(&c.lock);
    return std::any_of(c.builtins.begin(), c.builtins.end(), [&type](const auto &e) { return e->info.type == type; });
}

bool ConnectorTypeRegistry::putUser(std::shared_ptr<const ConnectorManifest> manifest, const QJsonObject &document)
{
    if (!manifest || isBuiltin(manifest->type))
        return false;
    auto entry = makeEntry(std::move(manifest), document, false);
    Catalog &c = catalog();
    QWriteLocker locker(&c.lock);
    for (qsizetype i = 0; i < c.users.size(); ++i) {
        if (c.users.at(i)->info.type == entry->info.type) {
            c.retired.append(c.users.at(i));
            c.users.replace(i, entry);
            return true;
        }
    }
    c.users.append(entry);
    sortUsers(c.users);
    return true;
}

bool ConnectorTypeRegistry::removeUser(const QString &type)
{
    Catalog &c = catalog();
    QWriteLocker locker(&c.lock);
    for (qsizetype i = 0; i < c.users.size(); ++i) {
        if (c.users.at(i)->info.type == type) {
            c.retired.append(c.users.takeAt(i));
            return true;
        }
    }
    return false;
}

void ConnectorTypeRegistry::replaceUsers(const QList<QPair<std::shared_ptr<const ConnectorManifest>, QJsonObject>> &manifests)
{
    QList<std::shared_ptr<const Entry>> fresh;
    for (const auto &[manifest, document] : manifests) {
        if (manifest && !isBuiltin(manifest->type))
            fresh.append(makeEntry(manifest, document, false));
    }
    sortUsers(fresh);
    Catalog &c = catalog();
    QWriteLocker locker(&c.lock);
    c.retired.append(c.users);
    c.users = fresh;
}

} // namespace Opbox
