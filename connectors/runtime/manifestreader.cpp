// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/manifestreader.h"

#include <QJsonArray>
#include <QJsonValue>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Levenshtein distance, to suggest the key a typo meant.
qsizetype distance(const QString &a, const QString &b)
{
    QList<qsizetype> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[j];
            const bool same = a.at(i - 1).toLower() == b.at(j - 1).toLower();
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

QString ManifestReader::unknownKeyMessage(const QString &key, const QStringList &allowed)
{
    QString best;
    qsizetype bestDistance = 3; // more than two edits away is no typo
    for (const QString &candidate : allowed) {
        const qsizetype d = distance(key, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    if (!best.isEmpty())
        return u"unknown key '%1': write '%2' instead"_s.arg(key, best);
    return u"unknown key '%1': remove it (allowed here: %2)"_s.arg(key, allowed.join(u", "_s));
}

QString ManifestReader::error() const
{
    if (m_issues.isEmpty())
        return {};
    const ManifestIssue &first = m_issues.first();
    return (first.path.isEmpty() ? u"/"_s : first.path) + u": "_s + first.message;
}

QString ManifestReader::at(const QString &where, const QString &key)
{
    QString escaped = key;
    escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return where + u'/' + escaped;
}

QString ManifestReader::at(const QString &where, qsizetype index)
{
    return where + u'/' + QString::number(index);
}

bool ManifestReader::fail(const QString &where, const QString &what)
{
    const ManifestIssue issue{where, what};
    if (!m_issues.contains(issue))
        m_issues.append(issue);
    return false;
}

bool ManifestReader::onlyKeys(const QJsonObject &o, const QString &where, std::initializer_list<const char *> keys)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char *key : keys) {
            if (it.key() == QLatin1StringView(key)) {
                known = true;
                break;
            }
        }
        if (!known) {
            QStringList allowed;
            for (const char *key : keys)
                allowed.append(QLatin1StringView(key));
            return fail(at(where, it.key()), unknownKeyMessage(it.key(), allowed));
        }
    }
    return true;
}

QString ManifestReader::string(const QJsonObject &o, const char *key, const QString &where, bool required)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined()) {
        if (required)
            fail(at(where, QLatin1StringView(key)), u"'%1' is required: add it as a string"_s.arg(QLatin1StringView(key)));
        return {};
    }
    if (!v.isString()) {
        fail(at(where, QLatin1StringView(key)),
             u"'%1' must be a string (write it in double quotes)"_s.arg(QLatin1StringView(key)));
        return {};
    }
    return v.toString();
}

int ManifestReader::integer(const QJsonObject &o, const char *key, const QString &where, int fallback)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
        fail(at(where, QLatin1StringView(key)),
             u"'%1' must be an integer, without quotes (e.g. 100)"_s.arg(QLatin1StringView(key)));
        return fallback;
    }
    return int(v.toInteger());
}

bool ManifestReader::boolean(const QJsonObject &o, const char *key, const QString &where, bool fallback)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(at(where, QLatin1StringView(key)), u"'%1' must be true or false, without quotes"_s.arg(QLatin1StringView(key)));
        return fallback;
    }
    return v.toBool();
}

QJsonObject ManifestReader::object(const QJsonObject &o, const char *key, const QString &where)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(at(where, QLatin1StringView(key)), u"'%1' must be an object ({…})"_s.arg(QLatin1StringView(key)));
        return {};
    }
    return v.toObject();
}

QJsonObject ManifestReader::stringMap(const QJsonObject &o, const char *key, const QString &where)
{
    const QJsonObject map = object(o, key, where);
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->isString())
            fail(at(at(where, QLatin1StringView(key)), it.key()),
                 u"'%1.%2' must be a string (write it in double quotes)"_s.arg(QLatin1StringView(key), it.key()));
    }
    return map;
}

QList<int> ManifestReader::intList(const QJsonObject &o, const char *key, const QString &where)
{
    QList<int> out;
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(at(where, QLatin1StringView(key)),
             u"'%1' must be an array of integers (e.g. [404, 409])"_s.arg(QLatin1StringView(key)));
        return out;
    }
    for (const auto &item : v.toArray()) {
        if (!item.isDouble())
            fail(at(where, QLatin1StringView(key)),
                 u"'%1' must be an array of integers (e.g. [404, 409])"_s.arg(QLatin1StringView(key)));
        out.append(item.toInt());
    }
    return out;
}

QStringList ManifestReader::stringList(const QJsonObject &o, const char *key, const QString &where)
{
    QStringList out;
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(at(where, QLatin1StringView(key)),
             u"'%1' must be an array of strings (e.g. [\"id\"])"_s.arg(QLatin1StringView(key)));
        return out;
    }
    for (const auto &item : v.toArray()) {
        if (!item.isString())
            fail(at(where, QLatin1StringView(key)),
                 u"'%1' must be an array of strings (e.g. [\"id\"])"_s.arg(QLatin1StringView(key)));
        out.append(item.toString());
    }
    return out;
}

} // namespace Opbox
