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
/** Whether two byte strings are equal, in a time that depends on their length only. */
[[nodiscard]] bool sameBytes(const QByteArray &a, const QByteArray &b);
/**
 * Whether a secret someone sent is the expected one, in a time that says nothing about how much of
 * it matched (both are hashed first, so even the length stays hidden). Never true for an empty
 * expected secret: a secret that was not set matches nothing.
 */
[[nodiscard]] bool sameSecret(const QByteArray &given, const QByteArray &expected);
} // namespace Ids

} // namespace Opbox
