// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sync/tablenamingpolicy.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr qsizetype MaxNameLength = 63;

bool isUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}
bool isLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}
bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Latin letters with accents keep their base letter (Café → Cafe, Straße → Strasse, Ærø → Aero)
// instead of splitting the word where they stood; other scripts are left to the separator rule.
QString foldToAscii(const QString &name)
{
    if (std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return name;
    static const QHash<char16_t, QString> letters{
        {u'ß', u"ss"_s}, {u'ẞ', u"SS"_s}, {u'æ', u"ae"_s}, {u'Æ', u"AE"_s}, {u'ø', u"o"_s}, {u'Ø', u"O"_s},
        {u'œ', u"oe"_s}, {u'Œ', u"OE"_s}, {u'đ', u"d"_s},  {u'Đ', u"D"_s},  {u'ł', u"l"_s}, {u'Ł', u"L"_s},
        {u'þ', u"th"_s}, {u'Þ', u"TH"_s}, {u'ð', u"d"_s},  {u'Ð', u"D"_s},  {u'ı', u"i"_s}};
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed.at(i);
        if (c.isMark())
            continue;
        if (c.unicode() >= 0x80) {
            if (const auto it = letters.constFind(c.unicode()); it != letters.cend()) {
                // A capital that starts a word stays one word: Ærø → Aero, not A_ero; ÆBLE → AEBLE.
                const bool wordGoesOn = i + 1 < decomposed.size() && decomposed.at(i + 1).isLower();
                out.append(it->size() > 1 && wordGoesOn ? it->left(1) + it->mid(1).toLower() : *it);
                continue;
            }
        }
        out.append(c);
    }
    return out;
}
} // namespace

QString TableNamingPolicy::snakeCase(const QString &original)
{
    const QString name = foldToAscii(original);
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
