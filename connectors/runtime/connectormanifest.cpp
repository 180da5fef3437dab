// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectormanifest.h"

#include "connectors/connectorslogging.h"
#include "connectors/runtime/manifestparser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>

void opboxInitConnectorResources();

using namespace Qt::StringLiterals;

namespace Opbox {

StreamSpec ConnectorManifest::Stream::spec() const
{
    StreamSpec s;
    s.name = name;
    s.fields = fields;
    s.primaryKey = primaryKey;
    s.supportedSyncModes = {u"full_refresh"_s};
    if (incremental) {
        s.supportedSyncModes.append(u"incremental"_s);
        s.cursorField = incremental->cursorField;
    }
    if (slices.config.isEmpty() || !slices.parent.isEmpty())
        s.parent = slices.parent;
    return s;
}

const ConnectorManifest::Request &ConnectorManifest::Stream::requestFor(bool fromConfig, bool haveCursor) const
{
    if (haveCursor && incremental && incremental->request)
        return *incremental->request;
    if (fromConfig && slices.configRequest)
        return *slices.configRequest;
    return request;
}

const ConnectorManifest::Stream *ConnectorManifest::stream(const QString &name) const
{
    for (const auto &s : streams) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

Result<ConnectorManifest> ConnectorManifest::parse(const QByteArray &json)
{
    return ManifestParser().parse(json);
}

namespace {

struct ManifestCatalog
{
    QHash<QString, std::shared_ptr<const ConnectorManifest>> byType;
};

const ManifestCatalog &catalog()
{
    // Parsed once, on first use, from whatever thread gets there first (static init is thread-safe).
    static const ManifestCatalog instance = [] {
        opboxInitConnectorResources();
        ManifestCatalog c;
        QDirIterator it(u":/connectors"_s, QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            const QString dir = it.next();
            QFile file(dir + u"/manifest.json"_s);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            auto manifest = ConnectorManifest::parse(file.readAll());
            if (!manifest) {
                qCWarning(lcConnectors) << "ignoring invalid connector manifest" << file.fileName() << manifest.error().message;
                continue;
            }
            manifest->directory = QFileInfo(dir).fileName();
            const QString type = manifest->type; // read before the move below
            c.byType.insert(type, std::make_shared<const ConnectorManifest>(std::move(*manifest)));
        }
        return c;
    }();
    return instance;
}

} // namespace

std::shared_ptr<const ConnectorManifest> ConnectorManifest::forType(const QString &type)
{
    return catalog().byType.value(type);
}

QStringList ConnectorManifest::availableTypes()
{
    QStringList types = catalog().byType.keys();
    types.sort();
    return types;
}

} // namespace Opbox
