// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Opbox {

/**
 * Percent-encodes name=value pairs joined by '&': a URL query or an
 * application/x-www-form-urlencoded body. Everything but the unreserved characters is encoded,
 * so a value can never end a pair or start another.
 */
class FormEncoding
{
public:
    [[nodiscard]] static QByteArray encode(const QList<QPair<QString, QString>> &items);
    /** The same as text, for QUrl::setQuery and for request paths built as strings. */
    [[nodiscard]] static QString encodeToString(const QList<QPair<QString, QString>> &items);
};

} // namespace Opbox
