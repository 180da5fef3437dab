// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/desktopnotifier.h"
#include "ui/uilogging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

const QString service = u"org.freedesktop.Notifications"_s;

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
}

void DesktopNotifier::setFallback(std::function<void(const QString &, const QString &, bool)> fallback)
{
    m_fallback = std::move(fallback);
}

void DesktopNotifier::notify(const QString &title, const QString &message, bool failure)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(service).value()) {
        useFallback(title, message, failure);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(service, u"/org/freedesktop/Notifications"_s, service, u"Notify"_s);
    // Urgency 2 (critical) keeps a failure on screen until it is read; 1 is normal.
    const QVariantMap hints{{u"urgency"_s, QVariant::fromValue(uchar(failure ? 2 : 1))},
                            {u"desktop-entry"_s, u"opbox-pipelines"_s}};
    // Servers may read the body as markup: the provider's text must not become any.
    call << u"Opbox Pipelines"_s << uint(0) << (failure ? u"dialog-warning"_s : u"dialog-information"_s) << title
         << message.toHtmlEscaped() << QStringList() << hints << int(failure ? 0 : 8000);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, message, failure] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCWarning(lcUi) << "the desktop notification service refused a message:" << reply.error().message();
            useFallback(title, message, failure);
            return;
        }
        Q_EMIT shown(title, message, Channel::DesktopService);
    });
}

void DesktopNotifier::useFallback(const QString &title, const QString &message, bool failure)
{
    if (!m_fallback) {
        Q_EMIT shown(title, message, Channel::None);
        return;
    }
    m_fallback(title, message, failure);
    Q_EMIT shown(title, message, Channel::Fallback);
}

} // namespace Opbox
