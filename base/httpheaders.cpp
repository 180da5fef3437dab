// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/httpheaders.h"

namespace Opbox {

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
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
