// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/recordnormalizer.h"

#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/jsonpath.h"

#include <QVarLengthArray>

#include <algorithm>

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

// A primary key value: non-empty text or a number.
bool validKey(const QJsonValue &v)
{
    return (v.isString() && !v.toString().isEmpty()) || v.isDouble();
}

} // namespace

RecordNormalizer::RecordNormalizer(const ConnectorManifest::Stream &stream)
{
    const auto add = [this](const QStringList &segments, Action action, const QString &format) {
        Node *node = &m_root;
        for (const QString &segment : segments) {
            auto child = std::find_if(node->children.begin(), node->children.end(),
                                      [&segment](const Node &n) { return n.key == segment; });
            if (child == node->children.end()) {
                node->children.push_back(Node{});
                node->children.back().key = segment;
                child = node->children.end() - 1;
            }
            node = &*child;
        }
        node->action = action;
        node->path = segments.join(u'.');
        node->format = format;
    };
    for (qsizetype i = 0; i < stream.dateTimeFields.size(); ++i)
        add(stream.dateTimeFields.at(i), Action::DateTime, stream.dateTimeFormats.value(i));
    finish(m_root);
    collect(m_root, {});
    for (const QString &pk : stream.primaryKey)
        m_primaryKey.append(JsonPath::split(pk));
}

void RecordNormalizer::collect(const Node &node, const QStringList &above)
{
    for (const Node &child : node.children) {
        const QStringList segments = above + QStringList{child.key};
        if (child.action != Action::None)
            m_leaves.push_back({segments, Node{child.action, child.key, {}, {}, child.path, {}, child.format}});
        collect(child, segments);
    }
}

void RecordNormalizer::finish(Node &node)
{
    // Parsed JSON keeps ASCII keys as Latin-1: looking them up by a Latin-1 view compares bytes
    // instead of converting every key of the record to UTF-16 on the way.
    const bool latin1 = std::all_of(node.key.cbegin(), node.key.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (latin1 && !node.key.isEmpty()) {
        node.keyLatin1 = node.key.toLatin1();
        node.keyView = QLatin1StringView(node.keyLatin1);
    }
    for (Node &child : node.children)
        finish(child);
}

Result<void> RecordNormalizer::transform(const QJsonValue &in, const Node &leaf, QJsonValue *out) const
{
    if (leaf.action == Action::None || !(in.isString() || leaf.action == Action::DateTime) || in.isNull() || in.isUndefined())
        return {};
    const QString text = in.isString() ? in.toString() : QString();
    const QStringView trimmed = QStringView(text).trimmed();
    switch (leaf.action) {
    case Action::None: return {};
    case Action::DateTime: {
        if (in.isString()) {
            if (DateTimeFormat::isCanonical(text))
                return {};
            if (trimmed.isEmpty()) {
                *out = QJsonValue(QJsonValue::Null);
                return {};
            }
        }
        if (!leaf.format.isEmpty() && in.isString()) {
            // A declared format: read as UTC unless the format itself carries an offset.
            QDateTime declared = QDateTime::fromString(trimmed.toString(), leaf.format);
            if (!declared.isValid())
                return Error::malformed(
                    tr("field '%1' is not a date-time in the format %2 (%3)").arg(leaf.path, leaf.format, excerpt(in)));
            if (declared.timeSpec() == Qt::LocalTime)
                declared.setTimeSpec(Qt::UTC);
            *out = DateTimeFormat::toIso(declared);
            return {};
        }
        const auto when = DateTimeFormat::parse(in);
        if (!when)
            return Error::malformed(tr("field '%1' is not a date-time (%2)").arg(leaf.path, excerpt(in)));
        *out = DateTimeFormat::toIso(*when);
        return {};
    }
    }
    return {};
}

Result<void> RecordNormalizer::apply(QJsonObject &object, const Node &node, bool *changed) const
{
    // Look first, write after: most records need a few values replaced, and collecting them lets the
    // object detach once instead of once per insert.
    struct Change
    {
        const Node *node;
        QJsonValue value;
    };
    QVarLengthArray<Change, 8> changes;
    for (const Node &child : node.children) {
        const auto found = child.keyView.isEmpty() ? object.constFind(child.key) : object.constFind(child.keyView);
        if (found == object.constEnd())
            continue;
        const QJsonValue value = found.value();
        if (child.action != Action::None) {
            QJsonValue replacement(QJsonValue::Undefined);
            if (Result<void> done = transform(value, child, &replacement); !done)
                return done;
            if (!replacement.isUndefined()) {
                changes.append({&child, replacement});
                continue;
            }
        }
        if (!child.children.empty() && value.isObject()) {
            QJsonObject sub = value.toObject();
            bool subChanged = false;
            if (Result<void> done = apply(sub, child, &subChanged); !done)
                return done;
            if (subChanged)
                changes.append({&child, QJsonValue(sub)});
        }
    }
    for (const Change &change : changes) {
        auto it = change.node->keyView.isEmpty() ? object.find(change.node->key) : object.find(change.node->keyView);
        it.value() = change.value;
    }
    if (!changes.isEmpty())
        *changed = true;
    return {};
}

Result<void> RecordNormalizer::normalize(QJsonObject &record) const
{
    for (const auto &pk : m_primaryKey) {
        const QJsonValue v = pk.size() == 1 ? record.value(pk.first()) : JsonPath::value(QJsonValue(record), pk);
        if (!validKey(v))
            return Error::malformed(tr("the primary key '%1' is missing or not a string or number").arg(pk.join(u'.')));
    }
    bool changed = false;
    return apply(record, m_root, &changed);
}

Result<void> RecordNormalizer::normalize(RecordBatch &batch, qsizetype row) const
{
    using Kind = RecordBatch::Kind;
    for (const auto &pk : m_primaryKey) {
        const RecordBatch::Field *field = batch.find(row, pk);
        const bool ok = field
            ? ((field->kind == Kind::String && field->text.size > 0) || field->kind == Kind::Integer || field->kind == Kind::Real)
            : validKey(batch.value(row, pk)); // as JsonPath reads it, arrays included
        if (!ok)
            return Error::malformed(tr("the primary key '%1' is missing or not a string or number").arg(pk.join(u'.')));
    }
    for (const Leaf &leaf : m_leaves) {
        QJsonValue value;
        if (leaf.segments.size() <= 2) {
            // As in the object walk: a value is looked for only below objects.
            const RecordBatch::Field *field = batch.find(row, leaf.segments);
            if (!field || field->kind == Kind::Null)
                continue;
            if (field->kind == Kind::String) {
                const QByteArrayView text = batch.bytes(field->text);
                if (DateTimeFormat::isCanonical(QLatin1StringView(text.data(), text.size())))
                    continue;
            }
            value = batch.value(row, leaf.segments);
        } else {
            // Deeper: through objects only, as the object walk descends.
            const RecordBatch::Field *top = batch.find(row, leaf.segments.mid(0, 1));
            if (!top || top->kind != Kind::Object)
                continue;
            value = batch.value(row, leaf.segments.mid(0, 2));
            for (qsizetype i = 2; i < leaf.segments.size() && !value.isUndefined(); ++i)
                value = value.isObject() ? value.toObject().value(leaf.segments.at(i)) : QJsonValue(QJsonValue::Undefined);
            if (value.isUndefined())
                continue;
        }
        QJsonValue replacement(QJsonValue::Undefined);
        if (Result<void> done = transform(value, leaf.node, &replacement); !done)
            return done;
        if (!replacement.isUndefined())
            batch.setValue(row, leaf.segments, replacement);
    }
    return {};
}

} // namespace Opbox
