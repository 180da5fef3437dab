// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <functional>

namespace Opbox {

/**
 * Tells the desktop user something outside the window: through the desktop's notification
 * service (org.freedesktop.Notifications on the session bus) when one runs, else through a
 * fallback such as the tray icon's message.
 */
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Channel { DesktopService, Fallback, None };
    Q_ENUM(Channel)

    explicit DesktopNotifier(QObject *parent = nullptr);

    /** Where the message goes when the desktop service is missing or refuses it (the tray). */
    void setFallback(std::function<void(const QString &title, const QString &message, bool failure)> fallback);
    void notify(const QString &title, const QString &message, bool failure);

Q_SIGNALS:
    /** A message went out (or could not: Channel::None); for the status bar and tests. */
    void shown(const QString &title, const QString &message, Opbox::DesktopNotifier::Channel channel);

private:
    void useFallback(const QString &title, const QString &message, bool failure);

    std::function<void(const QString &, const QString &, bool)> m_fallback;
};

} // namespace Opbox
