// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/recordbatch.h"

#include "connectors/runtime/jsonpath.h"

#include <QCborValue>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace Opbox {

namespace {

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
}

QJsonValue parseJsonText(QByteArrayView text)
{
    // Compact JSON writes U+FEFF raw, and QJsonDocument drops a raw U+FEFF that opens a string:
    // escaped, it reads back (and mid-string the escape means the same character).
    QByteArray bytes = text.toByteArray();
    if (bytes.contains("\"\xEF\xBB\xBF"))
        bytes.replace("\"\xEF\xBB\xBF", "\"\\ufeff");
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QByteArray compactJson(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

QString RecordBatch::decode(QByteArrayView utf8)
{
    // QString::fromUtf8 drops a leading U+FEFF; a value that starts with one must keep it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless);
    return decoder.decode(utf8);
}

namespace {

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

/**
 * `object` with the keys a batch can hold: UTF-8 has no lone surrogates, so such a key becomes
 * U+FFFD when encoded, and two keys that differ only there become one key. The later one (in the
 * object's order) wins, as with any repeated key of a JSON text.
 */
QJsonObject withEncodableKeys(const QJsonObject &object)
{
    bool encodable = true;
    for (auto it = object.constBegin(); it != object.constEnd() && encodable; ++it)
        encodable = !hasLoneSurrogate(it.key());
    if (encodable)
        return object;
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(RecordBatch::decode(RecordBatch::encode(it.key())), it.value());
    return out;
}

} // namespace

QByteArray RecordBatch::encode(QStringView text)
{
    // The encoder the table writer used before batches: unpaired surrogates become U+FFFD alike.
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless);
    return encoder.encode(text);
}

RecordBatch::RecordBatch(QByteArray source)
    : m_source(std::move(source))
{
}

RecordBatch::Fields &RecordBatch::appendRecord()
{
    m_records.emplace_back();
    return m_records.back();
}

RecordBatch::Text RecordBatch::ownText(QByteArrayView bytes)
{
    const Text text{qint32(m_own.size()), qint32(bytes.size()), true, isAscii(bytes)};
    m_own.append(bytes);
    return text;
}

bool RecordBatch::keyEquals(const Text &key, QStringView name) const
{
    const QByteArrayView k = bytes(key);
    if (!key.ascii)
        return decode(k) == name;
    if (k.size() != name.size())
        return false;
    for (qsizetype i = 0; i < k.size(); ++i) {
        if (char16_t(uchar(k[i])) != name[i].unicode())
            return false;
    }
    return true;
}

bool RecordBatch::keyLess(const Text &a, const Text &b) const
{
    // QJsonObject keeps keys in UTF-16 code unit order; for ASCII that is byte order.
    const QByteArrayView x = bytes(a);
    const QByteArrayView y = bytes(b);
    if (a.ascii && b.ascii) {
        const qsizetype n = std::min(x.size(), y.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (x[i] != y[i])
                return uchar(x[i]) < uchar(y[i]);
        }
        return x.size() < y.size();
    }
    return decode(x) < decode(y);
}

bool RecordBatch::sameLayout(const Fields &fields) const
{
    if (fields.size() != m_layoutKeys.size())
        return false;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].children != m_layoutChildren[i] || bytes(fields[i].key) != bytes(m_layoutKeys[i]))
            return false;
    }
    return true;
}

bool RecordBatch::sortFields(Fields &fields)
{
    // Records of a page nearly always list the same keys in the same order: the order found for the
    // previous record is reused after comparing the keys, instead of sorting again.
    if (!sameLayout(fields)) {
        m_layoutKeys.clear();
        m_layoutChildren.clear();
        m_layoutOrder.clear();
        // Groups of an Object and its members move together; members are ordered within their object.
        QVarLengthArray<int, 64> groups;
        for (size_t i = 0; i < fields.size(); i += size_t(fields[i].children) + 1)
            groups.append(int(i));
        const auto less = [&](int a, int b) { return keyLess(fields[size_t(a)].key, fields[size_t(b)].key); };
        std::stable_sort(groups.begin(), groups.end(), less);
        for (qsizetype g = 1; g < groups.size(); ++g) {
            if (!less(groups[g - 1], groups[g])) {
                m_layoutOrder.clear();
                return false; // a duplicate key: QJsonDocument keeps the last one
            }
        }
        for (const int first : groups) {
            m_layoutOrder.push_back(first);
            const int children = fields[size_t(first)].children;
            for (int c = 1; c <= children; ++c)
                m_layoutOrder.push_back(first + c);
            const auto membersBegin = m_layoutOrder.end() - children;
            std::stable_sort(membersBegin, m_layoutOrder.end(), less);
            for (auto it = membersBegin; children > 1 && it + 1 != m_layoutOrder.end(); ++it) {
                if (!less(*it, *(it + 1))) {
                    m_layoutOrder.clear();
                    return false;
                }
            }
        }
        for (const Field &f : fields) {
            m_layoutKeys.push_back(f.key);
            m_layoutChildren.push_back(f.children);
        }
    }
    bool identity = true;
    for (size_t i = 0; i < m_layoutOrder.size() && identity; ++i)
        identity = m_layoutOrder[i] == int(i);
    if (identity)
        return true;
    m_scratch.clear();
    m_scratch.reserve(fields.size());
    for (const int from : m_layoutOrder)
        m_scratch.push_back(fields[size_t(from)]);
    fields.swap(m_scratch);
    return true;
}

void RecordBatch::appendValue(Fields &out, Text key, const QJsonValue &value, bool topLevel)
{
    Field f;
    f.key = key;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: f.kind = Kind::Null; break;
    case QJsonValue::Bool:
        f.kind = Kind::Bool;
        f.boolean = value.toBool();
        break;
    case QJsonValue::Double: {
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            f.kind = Kind::Integer;
            f.integer = number.toInteger();
        } else {
            f.kind = Kind::Real;
            f.real = value.toDouble();
        }
        break;
    }
    case QJsonValue::String:
        f.kind = Kind::String;
        f.text = ownText(encode(value.toString()));
        break;
    case QJsonValue::Array:
        f.kind = Kind::Json;
        f.text = ownText(compactJson(value));
        break;
    case QJsonValue::Object:
        if (!topLevel) {
            f.kind = Kind::Json;
            f.text = ownText(compactJson(value));
            break;
        }
        f.kind = Kind::Object;
        const QJsonObject object = withEncodableKeys(value.toObject());
        f.children = qint32(object.size());
        out.push_back(f);
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            appendValue(out, ownText(encode(it.key())), it.value(), false);
        return;
    }
    out.push_back(f);
}

RecordBatch RecordBatch::fromJson(const QJsonArray &records, qsizetype *badIndex)
{
    RecordBatch batch;
    if (badIndex)
        *badIndex = -1;
    batch.m_records.reserve(size_t(records.size()));
    qsizetype index = 0;
    for (const auto &item : records) {
        if (!item.isObject()) {
            if (badIndex && *badIndex < 0)
                *badIndex = index;
            ++index;
            continue;
        }
        ++index;
        const QJsonObject record = withEncodableKeys(item.toObject());
        Fields &fields = batch.appendRecord();
        fields.reserve(size_t(record.size()));
        for (auto it = record.constBegin(); it != record.constEnd(); ++it)
            batch.appendValue(fields, batch.ownText(encode(it.key())), it.value(), true);
        // QJsonObject keeps parsed non-ASCII keys in UTF-8 order, inserted ones in UTF-16 order:
        // batches always use the latter.
        (void)batch.sortFields(fields);
    }
    return batch;
}

QJsonValue RecordBatch::scalar(const Field &field) const
{
    switch (field.kind) {
    case Kind::Null: return QJsonValue(QJsonValue::Null);
    case Kind::Bool: return QJsonValue(field.boolean);
    case Kind::Integer: return QJsonValue(field.integer);
    case Kind::Real: return QJsonValue(field.real);
    case Kind::String: return QJsonValue(decode(bytes(field.text)));
    case Kind::Json: return parseJsonText(bytes(field.text));
    case Kind::Object: break;
    }
    return QJsonValue(QJsonObject());
}

QJsonValue RecordBatch::topValue(Fields::const_iterator field) const
{
    if (field->kind != Kind::Object)
        return scalar(*field);
    QJsonObject object;
    for (auto it = field + 1; it != field + 1 + field->children; ++it)
        object.insert(decode(bytes(it->key)), scalar(*it));
    return object;
}

RecordBatch::Fields::const_iterator RecordBatch::findTop(const Fields &fields, QStringView key) const
{
    for (auto it = fields.cbegin(); it != fields.cend(); it += it->children + 1) {
        if (keyEquals(it->key, key))
            return it;
    }
    return fields.cend();
}

RecordBatch::Fields::const_iterator RecordBatch::findMember(const Fields &fields, Fields::const_iterator object,
                                                            QStringView key) const
{
    for (auto it = object + 1; it != object + 1 + object->children; ++it) {
        if (keyEquals(it->key, key))
            return it;
    }
    return fields.cend();
}

const RecordBatch::Field *RecordBatch::find(qsizetype row, const QStringList &path) const
{
    const Fields &fields = m_records[size_t(row)];
    if (path.isEmpty() || path.size() > 2)
        return nullptr;
    const auto top = findTop(fields, path.first());
    if (top == fields.cend())
        return nullptr;
    if (path.size() == 1)
        return &*top;
    if (top->kind != Kind::Object)
        return nullptr;
    const auto member = findMember(fields, top, path.at(1));
    return member == fields.cend() ? nullptr : &*member;
}

QJsonValue RecordBatch::value(qsizetype row, const QStringList &path) const
{
    if (path.isEmpty())
        return toJsonObject(row);
    const Fields &fields = m_records[size_t(row)];
    const auto top = findTop(fields, path.first());
    if (top == fields.cend())
        return QJsonValue(QJsonValue::Undefined);
    if (path.size() == 1)
        return topValue(top);
    if (top->kind == Kind::Object) {
        const auto member = findMember(fields, top, path.at(1));
        if (member == fields.cend())
            return QJsonValue(QJsonValue::Undefined);
        if (path.size() == 2)
            return scalar(*member);
        return JsonPath::value(scalar(*member), path.mid(2));
    }
    return JsonPath::value(topValue(top), path.mid(1));
}

std::optional<QString> RecordBatch::stringAt(qsizetype row, const QStringList &path) const
{
    if (const Field *field = find(row, path)) {
        if (field->kind == Kind::String)
            return string(field->text);
        return std::nullopt;
    }
    const QJsonValue v = value(row, path);
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

void RecordBatch::setTop(Fields &fields, QStringView key, const QJsonValue &value)
{
    Fields replacement;
    appendValue(replacement, ownText(encode(key)), value, true);
    auto it = fields.begin();
    for (; it != fields.end(); it += it->children + 1) {
        if (keyEquals(it->key, key)) {
            it = fields.erase(it, it + it->children + 1);
            break;
        }
        if (!keyLess(it->key, replacement.front().key))
            break;
    }
    fields.insert(it, replacement.begin(), replacement.end());
}

void RecordBatch::setMember(Fields &fields, size_t object, QStringView key, const QJsonValue &value)
{
    Fields one;
    appendValue(one, ownText(encode(key)), value, false);
    const size_t first = object + 1;
    const size_t end = first + size_t(fields[object].children);
    size_t at = first;
    for (; at < end; ++at) {
        if (keyEquals(fields[at].key, key)) {
            fields[at] = one.front();
            return;
        }
        if (!keyLess(fields[at].key, one.front().key))
            break;
    }
    fields.insert(fields.begin() + qsizetype(at), one.front());
    ++fields[object].children;
}

bool RecordBatch::setValue(qsizetype row, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return false;
    Fields &fields = m_records[size_t(row)];
    if (path.size() == 1) {
        setTop(fields, path.first(), value);
        return true;
    }
    const auto top = findTop(fields, path.first());
    if (top != fields.cend() && top->kind == Kind::Object) {
        const size_t object = size_t(top - fields.cbegin());
        if (path.size() == 2) {
            setMember(fields, object, path.at(1), value);
            return true;
        }
        // Deeper: only the member on the way is rebuilt; its siblings stay as they are.
        const auto member = findMember(fields, top, path.at(1));
        QJsonObject holder;
        if (member != fields.cend())
            holder.insert(path.at(1), scalar(*member));
        if (!JsonPath::set(holder, path.mid(1), value))
            return false;
        setMember(fields, object, path.at(1), holder.value(path.at(1)));
        return true;
    }
    QJsonObject holder;
    if (top != fields.cend())
        holder.insert(path.first(), topValue(top));
    if (!JsonPath::set(holder, path, value))
        return false;
    setTop(fields, path.first(), holder.value(path.first()));
    return true;
}

QJsonObject RecordBatch::toJsonObject(qsizetype row) const
{
    const Fields &fields = m_records[size_t(row)];
    QJsonObject object;
    for (auto it = fields.cbegin(); it != fields.cend(); it += it->children + 1)
        object.insert(decode(bytes(it->key)), topValue(it));
    return object;
}

QJsonArray RecordBatch::toJsonArray() const
{
    QJsonArray out;
    for (qsizetype row = 0; row < size(); ++row)
        out.append(toJsonObject(row));
    return out;
}

void RecordBatch::retain(const std::vector<bool> &keep)
{
    size_t to = 0;
    for (size_t from = 0; from < m_records.size(); ++from) {
        if (from < keep.size() && keep[from]) {
            if (to != from)
                m_records[to] = std::move(m_records[from]);
            ++to;
        }
    }
    m_records.resize(to);
}

} // namespace Opbox
