// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <optional>
#include <vector>

namespace Opbox {

/**
 * The records of one page in the shape an Opbox table stores them: each record's fields in key order,
 * objects flattened one level, values ready to bind (text as UTF-8, deeper objects and arrays as
 * compact JSON). It travels between the connector and the table writer instead of a QJsonArray of
 * QJsonObjects, because building and walking those objects costs more than writing the rows.
 *
 * Keys and text point into the page's response body when they need no decoding, so a page costs a
 * few allocations instead of several per value. Reading a record back as JSON gives what
 * QJsonDocument would have parsed from the same body.
 */
class RecordBatch
{
public:
    enum class Kind : quint8 {
        Null,
        Bool,
        Integer,
        Real,
        String, // text(): UTF-8
        Json, // text(): compact JSON of an array, or of an object below the first level
        Object, // a first-level object: its fields follow it (`children` of them)
    };
    /** Bytes in the source body or in the batch's own buffer. */
    struct Text
    {
        qint32 offset = 0;
        qint32 size = 0;
        bool own = false;
        bool ascii = true; // no byte above 0x7F (keys compare bytewise then)
    };
    struct Field
    {
        Text key;
        Kind kind = Kind::Null;
        bool boolean = false;
        qint32 children = 0; // Object: how many of the following fields are its members
        qint64 integer = 0;
        double real = 0;
        Text text;
    };
    /** A record's fields: top-level fields in key order, each Object followed by its members in key order. */
    using Fields = std::vector<Field>;

    RecordBatch() = default;
    /** A batch whose texts may point into `source` (kept alive by the batch). */
    explicit RecordBatch(QByteArray source);

    /** The batch of `records`; `badIndex` (if given) receives the first element that is not an object, else -1. */
    [[nodiscard]] static RecordBatch fromJson(const QJsonArray &records, qsizetype *badIndex = nullptr);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_records.size()); }
    [[nodiscard]] bool isEmpty() const { return m_records.empty(); }
    [[nodiscard]] const Fields &fields(qsizetype row) const { return m_records[size_t(row)]; }
    [[nodiscard]] QByteArrayView bytes(const Text &text) const
    {
        return QByteArrayView((text.own ? m_own.constData() : m_source.constData()) + text.offset, text.size);
    }

    /** `text` decoded (a leading U+FEFF is kept: it is part of the value, not a byte order mark). */
    [[nodiscard]] QString string(const Text &text) const { return decode(bytes(text)); }
    [[nodiscard]] static QString decode(QByteArrayView utf8);
    [[nodiscard]] static QByteArray encode(QStringView text);

    /** The value at `path` (first-level keys, then members, then JSON path segments); Undefined when absent. */
    [[nodiscard]] QJsonValue value(qsizetype row, const QStringList &path) const;
    /** The text at `path`, if the value there is a string (without building other values). */
    [[nodiscard]] std::optional<QString> stringAt(qsizetype row, const QStringList &path) const;
    /** The field at a one- or two-segment `path` without building a value; nullptr when absent or deeper. */
    [[nodiscard]] const Field *find(qsizetype row, const QStringList &path) const;
    /** Replaces or inserts the value at `path`; false when a non-object is in the way (as JsonPath::set). */
    bool setValue(qsizetype row, const QStringList &path, const QJsonValue &value);

    [[nodiscard]] QJsonObject toJsonObject(qsizetype row) const;
    [[nodiscard]] QJsonArray toJsonArray() const;

    /** Keeps the records whose `keep` entry is true, in order. */
    void retain(const std::vector<bool> &keep);

    // Building (for the page parser): append a record's fields in order, then commit it.
    [[nodiscard]] Fields &appendRecord();
    [[nodiscard]] Text ownText(QByteArrayView bytes);
    [[nodiscard]] static Text sourceText(qsizetype offset, qsizetype size, bool ascii)
    {
        return Text{qint32(offset), qint32(size), false, ascii};
    }

    /** Sorts first-level fields and each object's members by key as QJsonObject orders them; false on a duplicate key. */
    [[nodiscard]] bool sortFields(Fields &fields);

private:
    [[nodiscard]] Fields::const_iterator findTop(const Fields &fields, QStringView key) const;
    [[nodiscard]] Fields::const_iterator findMember(const Fields &fields, Fields::const_iterator object, QStringView key) const;
    [[nodiscard]] QJsonValue scalar(const Field &field) const;
    /** The value of the first-level field at `field` (an Object yields its members). */
    [[nodiscard]] QJsonValue topValue(Fields::const_iterator field) const;
    [[nodiscard]] bool keyEquals(const Text &key, QStringView name) const;
    [[nodiscard]] bool keyLess(const Text &a, const Text &b) const;
    [[nodiscard]] bool sameLayout(const Fields &fields) const;
    void appendValue(Fields &out, Text key, const QJsonValue &value, bool topLevel);
    void setTop(Fields &fields, QStringView key, const QJsonValue &value);
    void setMember(Fields &fields, size_t object, QStringView key, const QJsonValue &value);

    QByteArray m_source;
    QByteArray m_own;
    std::vector<Fields> m_records;
    Fields m_scratch; // reordering buffer: swapped with each record it reorders, so none is allocated per record
    // The key layout of the last record ordered (keys in their order of arrival) and its order.
    std::vector<Text> m_layoutKeys;
    std::vector<qint32> m_layoutChildren;
    std::vector<int> m_layoutOrder;
};

} // namespace Opbox
