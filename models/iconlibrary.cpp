// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/iconlibrary.h"
#include "connectors/runtime/connectortyperegistry.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QIcon load(const QString &path)
{
    // QIcon caches per instance; keeping one per path avoids re-parsing SVGs on every data() call.
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(path);
    if (it != cache.cend())
        return *it;
    const QIcon icon = QFile::exists(path) ? QIcon(path) : QIcon();
    cache.insert(path, icon);
    return icon;
}

} // namespace

QString IconLibrary::categoryPath(const QString &category)
{
    QString stem = category.toLower();
    stem.replace(u' ', u'-');
    const QString path = u":/icons/category-"_s + stem + u".svg"_s;
    return QFile::exists(path) ? path : u":/icons/category-generic.svg"_s;
}

QIcon IconLibrary::category(const QString &category)
{
    return load(categoryPath(category));
}

QIcon IconLibrary::connectorType(const QString &type)
{
    const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(type);
    return category(info ? info->category : QString());
}

QIcon IconLibrary::action(const QString &name)
{
    return load(u":/icons/action-"_s + name + u".svg"_s);
}

QIcon IconLibrary::connectionStatus(const QString &status)
{
    if (status == u"CONNECTED"_s)
        return load(u":/icons/status-connected.svg"_s);
    if (status == u"ERROR"_s)
        return load(u":/icons/status-error.svg"_s);
    return load(u":/icons/status-disconnected.svg"_s);
}

QIcon IconLibrary::runStatus(const QString &status)
{
    if (status == u"COMPLETED"_s)
        return load(u":/icons/status-connected.svg"_s);
    if (status == u"FAILED"_s)
        return load(u":/icons/status-error.svg"_s);
    if (status == u"RUNNING"_s)
        return load(u":/icons/status-running.svg"_s);
    if (status == u"PENDING"_s)
        return load(u":/icons/status-pending.svg"_s);
    return load(u":/icons/status-cancelled.svg"_s);
}

QIcon IconLibrary::application()
{
    return load(u":/icons/opbox-pipelines.svg"_s);
}

} // namespace Opbox
