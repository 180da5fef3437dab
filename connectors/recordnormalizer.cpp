// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordnormalizer.h"

#include "datetimeformat.h"
#include "jsonpath.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString excerpt(const QJsonValue &v)
{
    QString text;
    if (v.isString())
        text = v.toString();
    else if (v.isDouble())
        text = QString::number(v.toDouble(), 'g', 17);
    else if (v.isBool())
        text = v.toBool() ? u"true"_s : u"false"_s;
    else
        text = v.isObject() ? u"an object"_s : u"an array"_s;
    if (text.size() > 40)
        text = text.left(40) + u"…"_s;
    return text;
}

} // namespace

RecordNormalizer::RecordNormalizer(const ConnectorManifest::Stream &stream)
{
    const auto add = [this](const QStringList &segments, Action action) {
        Node *node = &m_root;
        for (const QString &segment : segments) {
            auto &child = node->children[segment];
            if (!child)
                child = std::make_shared<Node>();
            node = child.get();
        }
        node->action = action;
        node->path = segments.join(u'.');
    };
    for (const auto &path : stream.dateTimeFields)
        add(path, Action::DateTime);
    if (stream.coerceTypes) {
        for (const auto &[path, type] : stream.coercedFields)
            add(path, type == u"integer" ? Action::Integer : type == u"number" ? Action::Number : Action::Boolean);
    }
    for (const QString &pk : stream.primaryKey)
        m_primaryKey.append(JsonPath::split(pk));
}

bool RecordNormalizer::transform(const QJsonValue &in, const Node &leaf, QJsonValue *out, QString *error) const
{
    if (in.isNull() || in.isUndefined())
        return true;
    switch (leaf.action) {
    case Action::None:
        return true;
    case Action::DateTime: {
        if (in.isString()) {
            const QString text = in.toString();
            if (DateTimeFormat::isCanonical(text))
                return true;
            if (text.trimmed().isEmpty()) {
                *out = QJsonValue(QJsonValue::Null);
                return true;
            }
        }
        const auto when = DateTimeFormat::parse(in);
        if (!when) {
            *error = tr("field '%1' is not a date-time (%2)").arg(leaf.path, excerpt(in));
            return false;
        }
        *out = DateTimeFormat::toIso(*when);
        return true;
    }
    case Action::Integer:
    case Action::Number:
    case Action::Boolean: {
        if (!in.isString())
            return true;
        const QString text = in.toString().trimmed();
        if (text.isEmpty()) {
            *out = QJsonValue(QJsonValue::Null);
            return true;
        }
        bool ok = false;
        if (leaf.action == Action::Integer) {
            const qint64 n = text.toLongLong(&ok);
            // Beyond 2^53 a JSON number would silently lose digits: keep such ids as text.
            if (ok && n > -(qint64(1) << 53) && n < (qint64(1) << 53))
                *out = double(n);
        } else if (leaf.action == Action::Number) {
            const double d = text.toDouble(&ok);
            if (ok && std::isfinite(d))
                *out = d;
        } else if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0) {
            *out = true;
        } else if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0) {
            *out = false;
        }
        return true; // text that does not parse stays text: these values are user-entered
    }
    }
    return true;
}

bool RecordNormalizer::apply(QJsonObject &object, const Node &node, bool *changed, QString *error) const
{
    for (auto it = node.children.cbegin(); it != node.children.cend(); ++it) {
        const auto found = std::as_const(object).constFind(it.key());
        if (found == object.constEnd())
            continue;
        const Node &child = *it.value();
        if (child.action != Action::None) {
            QJsonValue replacement(QJsonValue::Undefined);
            if (!transform(found.value(), child, &replacement, error))
                return false;
            if (!replacement.isUndefined()) {
                object.insert(it.key(), replacement);
                *changed = true;
            }
        }
        if (!child.children.isEmpty() && found.value().isObject()) {
            QJsonObject sub = found.value().toObject();
            bool subChanged = false;
            if (!apply(sub, child, &subChanged, error))
                return false;
            if (subChanged) {
                object.insert(it.key(), sub);
                *changed = true;
            }
        }
    }
    return true;
}

bool RecordNormalizer::normalize(QJsonObject &record, QString *error) const
{
    for (const auto &pk : m_primaryKey) {
        const QJsonValue v = pk.size() == 1 ? record.value(pk.first()) : JsonPath::value(QJsonValue(record), pk);
        if (!(v.isString() && !v.toString().isEmpty()) && !v.isDouble()) {
            *error = tr("the primary key '%1' is missing or not a string or number").arg(pk.join(u'.'));
            return false;
        }
    }
    bool changed = false;
    return apply(record, m_root, &changed, error);
}

} // namespace Opbox
