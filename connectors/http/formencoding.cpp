// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/formencoding.h"

#include <QUrl>

namespace Opbox {

QByteArray FormEncoding::encode(const QList<QPair<QString, QString>> &items)
{
    QByteArray out;
    for (const auto &[name, value] : items) {
        if (!out.isEmpty())
            out.append('&');
        out.append(QUrl::toPercentEncoding(name));
        out.append('=');
        out.append(QUrl::toPercentEncoding(value));
    }
    return out;
}

QString FormEncoding::encodeToString(const QList<QPair<QString, QString>> &items)
{
    // Percent-encoded bytes are ASCII.
    return QString::fromLatin1(encode(items));
}

} // namespace Opbox
