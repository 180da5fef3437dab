// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablenamingpolicy.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr qsizetype MaxNameLength = 63;

bool isUpper(QChar c) { return c.unicode() >= u'A' && c.unicode() <= u'Z'; }
bool isLower(QChar c) { return c.unicode() >= u'a' && c.unicode() <= u'z'; }
bool isDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }
} // namespace

QString TableNamingPolicy::snakeCase(const QString &name)
{
    QString split;
    split.reserve(name.size() + 8);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (isUpper(c) && i > 0) {
            const QChar prev = name.at(i - 1);
            const bool afterLowerOrDigit = isLower(prev) || isDigit(prev);
            const bool endsAcronym = isUpper(prev) && i + 1 < name.size() && isLower(name.at(i + 1));
            if (afterLowerOrDigit || endsAcronym)
                split.append(u'_');
        }
        split.append(c);
    }
    QString out;
    out.reserve(split.size());
    bool pendingUnderscore = false;
    for (const QChar c : std::as_const(split)) {
        if (isLower(c) || isDigit(c) || isUpper(c)) {
            if (pendingUnderscore && !out.isEmpty())
                out.append(u'_');
            pendingUnderscore = false;
            out.append(isUpper(c) ? QChar(c.unicode() + (u'a' - u'A')) : c);
        } else {
            pendingUnderscore = true;
        }
    }
    if (out.isEmpty())
        out = u"field"_s;
    if (out.size() > MaxNameLength)
        out.truncate(MaxNameLength);
    return out;
}

QString TableNamingPolicy::stripVariantLabel(const QString &connectionName)
{
    static const QRegularExpression label(u"\\s*\\([^()]*\\)\\s*$"_s);
    QString stripped = connectionName;
    stripped.remove(label);
    stripped = stripped.trimmed();
    return stripped.isEmpty() ? connectionName.trimmed() : stripped;
}

QString TableNamingPolicy::baseFromName(const QString &connectionName, bool stripLabel)
{
    return snakeCase(stripLabel ? stripVariantLabel(connectionName) : connectionName);
}

QString TableNamingPolicy::tableName(const QString &base, const QString &stream)
{
    return base + u"__"_s + snakeCase(stream);
}

QString TableNamingPolicy::columnName(const QString &fieldPath)
{
    const qsizetype dot = fieldPath.indexOf(u'.');
    if (dot < 0)
        return snakeCase(fieldPath);
    QString name = snakeCase(fieldPath.left(dot)) + u"__"_s + snakeCase(fieldPath.mid(dot + 1));
    if (name.size() > MaxNameLength)
        name.truncate(MaxNameLength);
    return name;
}

QString TableNamingPolicy::deduplicate(const QString &name, const QSet<QString> &taken)
{
    if (!taken.contains(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = name + u'_' + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QString TableNamingPolicy::quote(const QString &identifier)
{
    QString q = identifier;
    q.replace(u'"', u"\"\""_s);
    return u'"' + q + u'"';
}

} // namespace Opbox
