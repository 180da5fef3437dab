// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Opbox {

/** Identifiers, timestamps and random bytes shared by every engine class. */
namespace Ids {
/** A new opaque id in the cuid style: `c` + 24 lowercase base-36 characters. */
[[nodiscard]] QString newId();
[[nodiscard]] bool looksLikeId(const QString &id);
/** Cryptographically secure random bytes (OpenSSL RAND_bytes). */
[[nodiscard]] QByteArray randomBytes(int count);
[[nodiscard]] QByteArray base64Url(const QByteArray &bytes);
/** ISO-8601 UTC with milliseconds, `2026-02-11T10:00:00.000Z`. */
[[nodiscard]] QString isoNow();
[[nodiscard]] QString iso(const QDateTime &dt);
[[nodiscard]] QByteArray sha256(const QByteArray &data);
} // namespace Ids

} // namespace Opbox
