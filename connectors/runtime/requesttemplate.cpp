// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/requesttemplate.h"

#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/jsonpath.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

struct Resolved
{
    bool missing = false;
    QJsonValue value;
};

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

Result<Resolved> resolve(const QString &reference, const TemplateScope &scope)
{
    Resolved r;
    QString name = reference;
    QString filter;
    const qsizetype bar = name.indexOf(u'|');
    if (bar >= 0) {
        filter = name.mid(bar + 1);
        name.truncate(bar);
    }
    QJsonValue value;
    if (name == u"cursor" || name.startsWith(u"cursor:")) {
        const QString format = name.mid(7);
        if (!DateTimeFormat::isKnownFormat(format))
            return Error::configuration(u"unknown cursor format '%1'"_s.arg(format));
        if (!scope.cursor) {
            r.missing = true;
            return r;
        }
        value = DateTimeFormat::format(*scope.cursor, format);
    } else if (name.startsWith(u"slice.")) {
        value = JsonPath::value(QJsonValue(scope.slice), QStringView(name).mid(6));
    } else if (name.startsWith(u"config.")) {
        value = scope.config.value(name.mid(7));
    } else if (name.startsWith(u"context.")) {
        value = scope.context.value(name.mid(8));
    } else if (name.startsWith(u"fields:")) {
        QString prefix = name.mid(7);
        bool asList = false;
        if (prefix.endsWith(u":list")) {
            asList = true;
            prefix.chop(5);
        }
        QStringList names;
        if (scope.fields) {
            for (const auto &field : *scope.fields) {
                if (field.name.startsWith(prefix + u'.'))
                    names.append(field.name.mid(prefix.size() + 1));
            }
        }
        if (asList)
            value = QJsonArray::fromStringList(names);
        else
            value = names.join(u',');
    } else {
        return Error::configuration(u"unknown reference '${%1}'"_s.arg(reference));
    }
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        r.missing = true;
        return r;
    }
    if (!filter.isEmpty()) {
        if (filter != u"last_segment")
            return Error::configuration(u"unknown filter '%1'"_s.arg(filter));
        QString text = scalarText(value);
        while (text.endsWith(u'/'))
            text.chop(1);
        value = text.mid(text.lastIndexOf(u'/') + 1);
    }
    r.value = value;
    return r;
}

} // namespace

Result<RequestTemplate::Expansion> RequestTemplate::expand(const QString &text, const TemplateScope &scope, Target target)
{
    Expansion out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype start = text.indexOf(u"${"_s, pos);
        if (start < 0) {
            out.value.append(QStringView(text).mid(pos));
            break;
        }
        const qsizetype end = text.indexOf(u'}', start + 2);
        if (end < 0)
            return Error::configuration(u"unterminated '${' in '%1'"_s.arg(text));
        out.value.append(QStringView(text).mid(pos, start - pos));
        const Result<Resolved> r = resolve(text.mid(start + 2, end - start - 2), scope);
        if (!r)
            return r.error();
        if (r->missing) {
            out.missing = true;
        } else {
            QString piece = r->value.isArray() ? QString() : scalarText(r->value);
            if (target == Target::Path) {
                // Provider ids end up in URL paths: keep '/' (owner/name) but never let a value climb out.
                const QStringList segments = piece.split(u'/');
                if (segments.contains(u".."_s) || segments.contains(u"."_s))
                    return Error::configuration(u"refusing path value '%1'"_s.arg(piece));
                piece = QString::fromLatin1(QUrl::toPercentEncoding(piece, "/"));
            }
            out.value.append(piece);
        }
        pos = end + 1;
    }
    return out;
}

Result<void> RequestTemplate::expandJson(QJsonValue &value, const TemplateScope &scope)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (!text.contains(u"${"_s))
            return {};
        // A string that is exactly one reference keeps the referenced JSON type (arrays for field lists).
        if (text.startsWith(u"${"_s) && text.endsWith(u'}') && text.indexOf(u'}') == text.size() - 1) {
            const Result<Resolved> r = resolve(text.mid(2, text.size() - 3), scope);
            if (!r)
                return r.error();
            value = r->missing ? QJsonValue(QJsonValue::Undefined) : r->value;
            return {};
        }
        const Result<Expansion> e = expand(text, scope, Target::Query);
        if (!e)
            return e.error();
        value = e->missing ? QJsonValue(QJsonValue::Undefined) : QJsonValue(e->value);
        return {};
    }
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        QJsonObject out;
        for (auto it = o.begin(); it != o.end(); ++it) {
            QJsonValue child = it.value();
            if (Result<void> expanded = expandJson(child, scope); !expanded)
                return expanded;
            if (!child.isUndefined())
                out.insert(it.key(), child);
        }
        value = out;
        return {};
    }
    if (value.isArray()) {
        QJsonArray out;
        for (QJsonValue child : value.toArray()) {
            if (Result<void> expanded = expandJson(child, scope); !expanded)
                return expanded;
            if (!child.isUndefined())
                out.append(child);
        }
        value = out;
    }
    return {};
}

} // namespace Opbox
