// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <initializer_list>

namespace Opbox {

/** One problem in a manifest: where it is (a JSON pointer, RFC 6901) and what to write instead. */
struct ManifestIssue
{
    QString path;
    QString message;

    [[nodiscard]] QJsonObject toJson() const { return {{QStringLiteral("path"), path}, {QStringLiteral("message"), message}}; }
    friend bool operator==(const ManifestIssue &, const ManifestIssue &) = default;
};

/**
 * Reads typed values out of a manifest's JSON objects strictly: every key must be known, every
 * value of the expected kind. Each problem is kept with the JSON pointer of the value it concerns
 * (`where` is the pointer of the object being read), so that a typo in a manifest fails a test
 * instead of silently changing a sync; reading goes on after a problem and returns fallbacks, which
 * keeps the parsing steps free of checks and lets one validation report every problem.
 */
class ManifestReader
{
public:
    /** The first problem found, "where: what"; empty while the manifest is valid. */
    [[nodiscard]] QString error() const;
    /** Every problem found, in the order found. */
    [[nodiscard]] const QList<ManifestIssue> &issues() const { return m_issues; }

    /** The JSON pointer of `key` inside the object at `where` (`~` and `/` escaped). */
    [[nodiscard]] static QString at(const QString &where, const QString &key);
    [[nodiscard]] static QString at(const QString &where, qsizetype index);

    /** "unknown key 'x'" with the key a typo most likely meant, or the keys allowed there. */
    [[nodiscard]] static QString unknownKeyMessage(const QString &key, const QStringList &allowed);
    /** Records a problem at the JSON pointer `where` and returns false. */
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
    QList<ManifestIssue> m_issues;
};

} // namespace Opbox
