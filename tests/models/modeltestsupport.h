// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace Opbox::Test {

/** Installs the app's English translation (it carries the English plural forms), as the app does. */
inline bool installEnglish()
{
    static QTranslator translator;
    if (!translator.load(QLocale(QLocale::English), QStringLiteral("opbox"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(&translator);
    return true;
}

} // namespace Opbox::Test
