// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ownersession.h"
#include "testengine.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QWidget>
#include <memory>

namespace Opbox::Test {

/**
 * Keeps the window's remembered layout (QSettings) out of the user's configuration and starts
 * each test from none: QStandardPaths' test mode, then an empty settings file.
 */
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

/** An engine with the local owner's session, as the desktop app has it after start-up. */
struct GuiFixture
{
    explicit GuiFixture(bool withApi = false)
        : engine(withApi)
    {
        isolateSettings();
        if (!engine.ok())
            return;
        auto s = OwnerSession::open(&engine.engine(), QStringLiteral("Default"));
        if (s)
            session = std::move(*s);
    }
    [[nodiscard]] bool ok() const { return engine.ok() && session; }

    TestEngine engine;
    std::unique_ptr<OwnerSession> session;
};

/** Installs one of the app's translations (English carries the plural forms). */
inline bool installTranslation(QLocale::Language language)
{
    static QTranslator *current = nullptr;
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
    }
    auto *t = new QTranslator;
    if (!t->load(QLocale(language), QStringLiteral("opbox"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete t;
        return false;
    }
    QCoreApplication::installTranslator(t);
    current = t;
    return true;
}

/** Saves a picture of a widget when OPBOX_SCREENSHOT_DIR is set (to look at the windows). */
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OPBOX_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

/**
 * Visible widgets that take keyboard focus but have no accessible name (neither set, nor from a
 * button text or a buddy label): a screen reader could not say what they are.
 */
inline QStringList unnamedControls(QWidget *root)
{
    QStringList out;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
            continue;
        // Parts of composite widgets (a spin box's line edit, a view's viewport) are named by their owner.
        if (w->parentWidget()
            && (w->parentWidget()->focusProxy() == w || w->parentWidget()->inherits("QAbstractSpinBox")
                || w->parentWidget()->inherits("QComboBox")))
            continue;
        if (QString::fromLatin1(w->metaObject()->className()).startsWith(QStringLiteral("QtPrivate")))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name) : QString();
        if (name.trimmed().isEmpty())
            out.append(QStringLiteral("%1 '%2' in %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                QString::fromLatin1(w->parentWidget() ? w->parentWidget()->metaObject()->className() : "")));
    }
    return out;
}

/**
 * Mnemonics (Alt+letter) that two visible labels or buttons of `root` share, such as "&Name" and
 * "&Next": one of them could never be reached with its key.
 */
inline QStringList mnemonicClashes(QWidget *root)
{
    QHash<QChar, QString> seen;
    QStringList out;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        QString text;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            text = label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            text = button->text();
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            const QChar key = text.at(i + 1).toLower();
            if (seen.contains(key))
                out.append(QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key, seen.value(key), text));
            else
                seen.insert(key, text);
            break;
        }
    }
    return out;
}

/** Clicks a check box or radio button on its indicator (the middle of a wide one is not "on" it). */
inline void clickButton(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

/** The first visible child of type T of `parent` within five seconds (dialogs open asynchronously). */
template<typename T> T *waitForDialog(QObject *parent, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    do {
        const auto children = parent->findChildren<T *>();
        for (T *child : children) {
            if (child->isVisible())
                return child;
        }
        QTest::qWait(10);
    } while (timer.elapsed() < timeoutMs);
    return nullptr;
}

} // namespace Opbox::Test
