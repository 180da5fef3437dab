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

} // namespace Opbox
