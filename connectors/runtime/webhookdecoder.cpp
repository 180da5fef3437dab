// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/webhookdecoder.h"

namespace Opbox {

qsizetype WebhookDecoder::Decoded::count(const QString &stream) const
{
    for (const auto &s : streams) {
        if (s.stream == stream)
            return s.records.size();
    }
    return 0;
}

QByteArray WebhookDecoder::header(const Headers &headers, QByteArrayView name)
{
    QByteArray out;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            if (!out.isEmpty())
                out += ", ";
            out += value;
        }
    }
    return out;
}

} // namespace Opbox
