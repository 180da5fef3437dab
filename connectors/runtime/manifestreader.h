// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <initializer_list>

namespace Opbox {

/**
 * Reads typed values out of a manifest's JSON objects strictly: every key must be known, every
 * value of the expected kind. The first problem is kept (`error`, prefixed with where it was
 * found) so that a typo in a manifest fails a test instead of silently changing a sync; reading
 * goes on after a problem and returns fallbacks, which keeps the parsing steps free of checks.
 */
class ManifestReader
{
public:
    /** The first problem found, "where: what"; empty while the manifest is valid. */
    [[nodiscard]] const QString &error() const { return m_error; }

    /** Records a problem (unless an earlier one is kept) and returns false. */
    bool fail(const QString &where, const QString &what);
    /** False (and a problem) when `o` has a key outside `keys`. */
    bool onlyKeys(const QJsonObject &o, const QString &where, std::initializer_list<const char *> keys);

    [[nodiscard]] QString string(const QJsonObject &o, const char *key, const QString &where, bool required = false);
    [[nodiscard]] int integer(const QJsonObject &o, const char *key, const QString &where, int fallback);
    [[nodiscard]] bool boolean(const QJsonObject &o, const char *key, const QString &where, bool fallback = false);
    [[nodiscard]] QJsonObject object(const QJsonObject &o, const char *key, const QString &where);
    /** An object whose values must all be strings. */
    [[nodiscard]] QJsonObject stringMap(const QJsonObject &o, const char *key, const QString &where);
    [[nodiscard]] QList<int> intList(const QJsonObject &o, const char *key, const QString &where);
    [[nodiscard]] QStringList stringList(const QJsonObject &o, const char *key, const QString &where);

private:
    QString m_error;
};

} // namespace Opbox
