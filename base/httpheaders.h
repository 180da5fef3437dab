// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace Opbox {

/** The header fields of an HTTP message as received: names in their own case, repeats in order. */
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/** The value of field `name` in any case; repeated fields joined with ", ", as HTTP reads them. */
[[nodiscard]] QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

} // namespace Opbox
