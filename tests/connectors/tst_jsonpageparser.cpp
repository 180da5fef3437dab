// SPDX-License-Identifier: GPL-3.0-or-later
// The page parser against QJsonDocument: every body it takes must read exactly as QJsonDocument reads
// it (records and the rest of the response), everything else must be left to QJsonDocument; and the
// RecordBatch it fills (values, paths, edits, the record normaliser) must behave like QJsonObject
// records would.
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/jsonpageparser.h"
#include "connectors/runtime/jsonpath.h"
#include "connectors/runtime/recordbatch.h"
#include "connectors/runtime/recordnormalizer.h"
#include "samejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Opbox;

using Kind = RecordBatch::Kind;

namespace {

/** JSON written with ' for " so that the rows stay readable. */
QByteArray j(const char *text)
{
    QByteArray body(text);
    body.replace('\'', '"');
    return body;
}

QString compact(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

/** `value` with every object rebuilt by QJsonObject::insert, which orders keys by UTF-16 code units. */
QJsonValue canonical(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            out.insert(it.key(), canonical(it.value()));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            out.append(canonical(item));
        return out;
    }
    return value;
}

QJsonArray canonical(const QJsonArray &array)
{
    return canonical(QJsonValue(array)).toArray();
}

QJsonObject canonical(const QJsonObject &object)
{
    return canonical(QJsonValue(object)).toObject();
}

using Opbox::Test::sameJson;

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Null: return u"null"_s;
    case Kind::Bool: return u"bool"_s;
    case Kind::Integer: return u"int"_s;
    case Kind::Real: return u"real"_s;
    case Kind::String: return u"str"_s;
    case Kind::Json: return u"json"_s;
    case Kind::Object: return u"object"_s;
    }
    return u"?"_s;
}

/** A record's fields one per line: `key=kind:payload`, members of a first-level object prefixed with '.'. */
QStringList describe(const RecordBatch &batch, qsizetype row)
{
    QStringList out;
    qint32 members = 0;
    for (const RecordBatch::Field &f : batch.fields(row)) {
        QString line;
        if (members > 0) {
            line = u"."_s;
            --members;
        }
        line += RecordBatch::decode(batch.bytes(f.key)) + u'=';
        switch (f.kind) {
        case Kind::Null: line += u"null"_s; break;
        case Kind::Bool: line += f.boolean ? u"true"_s : u"false"_s; break;
        case Kind::Integer: line += u"int:"_s + QString::number(f.integer); break;
        case Kind::Real:
            line += u"real:"_s + (f.real == 0 && std::signbit(f.real) ? u"-0"_s : QString::number(f.real, 'g', 17));
            break;
        case Kind::String: line += u"str:"_s + RecordBatch::decode(batch.bytes(f.text)); break;
        case Kind::Json: line += u"json:"_s + RecordBatch::decode(batch.bytes(f.text)); break;
        case Kind::Object:
            line += u"object:"_s + QString::number(f.children);
            members = f.children;
            break;
        }
        out.append(line);
    }
    return out;
}

/** Keys in the batch must be in QJsonObject order (UTF-16 code units), strictly, at both levels. */
bool sortedFields(const RecordBatch &batch, qsizetype row, QString *why)
{
    const RecordBatch::Fields &fields = batch.fields(row);
    QString previousTop;
    bool first = true;
    for (size_t i = 0; i < fields.size(); i += size_t(fields[i].children) + 1) {
        const RecordBatch::Field &f = fields[i];
        if (f.kind != Kind::Object && f.children != 0) {
            *why = u"a non-object field has children"_s;
            return false;
        }
        if (i + size_t(f.children) >= fields.size()) {
            *why = u"an object's children run past the record"_s;
            return false;
        }
        const QString key = RecordBatch::decode(batch.bytes(f.key));
        if (!first && !(previousTop < key)) {
            *why = u"top-level keys out of order: '%1' then '%2'"_s.arg(previousTop, key);
            return false;
        }
        first = false;
        previousTop = key;
        for (qint32 m = 1; m < f.children; ++m) {
            const QString a = RecordBatch::decode(batch.bytes(fields[i + size_t(m)].key));
            const QString b = RecordBatch::decode(batch.bytes(fields[i + size_t(m) + 1].key));
            if (!(a < b)) {
                *why = u"member keys of '%1' out of order: '%2' then '%3'"_s.arg(key, a, b);
                return false;
            }
        }
        for (qint32 m = 1; m <= f.children; ++m) {
            const RecordBatch::Field &member = fields[i + size_t(m)];
            if (member.kind == Kind::Object || member.children != 0) {
                *why = u"a member of '%1' is an Object field"_s.arg(key);
                return false;
            }
        }
    }
    return true;
}

/** Every String field holds valid UTF-8 (that decodes to itself) and every Json field compact JSON. */
bool wellFormedTexts(const RecordBatch &batch, qsizetype row, QString *why)
{
    for (const RecordBatch::Field &f : batch.fields(row)) {
        const QByteArray bytes = batch.bytes(f.text).toByteArray();
        if (f.kind == Kind::String && RecordBatch::encode(RecordBatch::decode(bytes)) != bytes) {
            *why = u"String field '%1' is not valid UTF-8: %2"_s.arg(RecordBatch::decode(batch.bytes(f.key)),
                                                                     QString::fromLatin1(bytes.toHex()));
            return false;
        }
        if (f.kind == Kind::Json) {
            QJsonParseError error;
            // QJsonDocument drops a raw U+FEFF that opens a string, and compact JSON writes it raw:
            // read it escaped, as RecordBatch does.
            QByteArray readable = bytes;
            readable.replace("\"\xEF\xBB\xBF", "\"\\ufeff");
            const QJsonDocument doc = QJsonDocument::fromJson(readable, &error);
            // Compact: as long as QJsonDocument writes it (the bytes can differ, as Qt orders raw and
            // escaped keys differently; sameLayout compares them with what fromJson writes).
            if (error.error != QJsonParseError::NoError || doc.toJson(QJsonDocument::Compact).size() != bytes.size()) {
                *why = u"Json field '%1' is not compact JSON: %2"_s.arg(RecordBatch::decode(batch.bytes(f.key)),
                                                                        RecordBatch::decode(bytes));
                return false;
            }
        }
    }
    return true;
}

/** One field against its counterpart (same key): kind, children, value. */
bool sameField(const RecordBatch &a, const RecordBatch::Field &f, const RecordBatch &b, const RecordBatch::Field &g, QString *why)
{
    const QString where = u"field '%1'"_s.arg(RecordBatch::decode(a.bytes(f.key)));
    if (f.children != g.children) {
        *why = where + u": children %1 vs %2"_s.arg(f.children).arg(g.children);
        return false;
    }
    // QCborValue::fromJsonValue makes an integral double (1.0, -0.0) an Integer where the parser keeps
    // a Real; the table writer binds both as the same integer (ColumnTypePolicy::integral).
    const auto numeric = [](Kind k) { return k == Kind::Integer || k == Kind::Real; };
    if (f.kind != g.kind && !(numeric(f.kind) && numeric(g.kind))) {
        *why = where + u": kind %1 vs %2"_s.arg(kindName(f.kind), kindName(g.kind));
        return false;
    }
    bool same = true;
    QString mine;
    QString theirs;
    switch (f.kind) {
    case Kind::Null:
    case Kind::Object: break;
    case Kind::Bool: same = f.boolean == g.boolean; break;
    case Kind::Integer:
    case Kind::Real:
        if (f.kind == g.kind && f.kind == Kind::Integer)
            same = f.integer == g.integer;
        else if (f.kind == g.kind)
            same = std::memcmp(&f.real, &g.real, sizeof(double)) == 0 || (f.real == 0 && g.real == 0);
        else
            same = f.kind == Kind::Integer ? double(f.integer) == g.real && qint64(g.real) == f.integer
                                           : double(g.integer) == f.real && qint64(f.real) == g.integer;
        mine = QString::number(f.kind == Kind::Integer ? double(f.integer) : f.real, 'g', 17);
        theirs = QString::number(g.kind == Kind::Integer ? double(g.integer) : g.real, 'g', 17);
        break;
    case Kind::String:
    case Kind::Json:
        same = a.bytes(f.text) == b.bytes(g.text);
        mine = QString::fromLatin1(a.bytes(f.text).toByteArray().toHex(' '));
        theirs = QString::fromLatin1(b.bytes(g.text).toByteArray().toHex(' '));
        break;
    }
    if (!same)
        *why = where + u": values differ: %1 vs %2"_s.arg(mine, theirs);
    return same;
}

/**
 * The same fields in both records, matched by key bytes (the order is checked by sortedFields): the
 * same kinds, children, numbers, and byte for byte the same UTF-8 text and compact JSON.
 */
bool sameLayout(const RecordBatch &a, qsizetype rowA, const RecordBatch &b, qsizetype rowB, QString *why)
{
    const RecordBatch::Fields &x = a.fields(rowA);
    const RecordBatch::Fields &y = b.fields(rowB);
    if (x.size() != y.size()) {
        *why = u"%1 fields vs %2:\n  %3\n  %4"_s.arg(x.size()).arg(y.size()).arg(describe(a, rowA).join(u" | "_s),
                                                                                 describe(b, rowB).join(u" | "_s));
        return false;
    }
    const auto findIn = [&b](const RecordBatch::Fields &fields, size_t from, size_t to, QByteArrayView key, bool topLevel) {
        for (size_t i = from; i < to; i += topLevel ? size_t(fields[i].children) + 1 : 1) {
            if (b.bytes(fields[i].key) == key)
                return i;
        }
        return to;
    };
    for (size_t i = 0; i < x.size(); i += size_t(x[i].children) + 1) {
        const size_t k = findIn(y, 0, y.size(), a.bytes(x[i].key), true);
        if (k == y.size()) {
            *why = u"field '%1' (%2) is missing from the other record: %3"_s.arg(
                RecordBatch::decode(a.bytes(x[i].key)), QString::fromLatin1(a.bytes(x[i].key).toByteArray().toHex(' ')),
                describe(b, rowB).join(u" | "_s));
            return false;
        }
        if (!sameField(a, x[i], b, y[k], why))
            return false;
        for (qint32 m = 1; m <= x[i].children; ++m) {
            const RecordBatch::Field &member = x[i + size_t(m)];
            const size_t n = findIn(y, k + 1, k + 1 + size_t(y[k].children), a.bytes(member.key), false);
            if (n == k + 1 + size_t(y[k].children)) {
                *why = u"member '%1' of '%2' is missing from the other record"_s.arg(RecordBatch::decode(a.bytes(member.key)),
                                                                                     RecordBatch::decode(a.bytes(x[i].key)));
                return false;
            }
            if (!sameField(a, member, b, y[n], why))
                return false;
        }
    }
    return true;
}

/** What the fallback reads: the records (one-element array for `single`) and the envelope without them. */
struct Expected
{
    bool valid = false; // QJsonDocument read the body and found records of the right shape
    QJsonArray records;
    QJsonValue root;
    QString problem;
};

Expected expectedFromDocument(const QByteArray &body, const QStringList &path, bool single)
{
    Expected e;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        e.problem = u"QJsonDocument: %1 at %2"_s.arg(error.errorString()).arg(error.offset);
        return e;
    }
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QJsonValue at = JsonPath::value(root, path);
    if (single) {
        if (!at.isObject()) {
            e.problem = u"records are not an object"_s;
            return e;
        }
        e.records = QJsonArray{at};
    } else {
        if (!at.isArray()) {
            e.problem = u"records are not an array"_s;
            return e;
        }
        e.records = at.toArray();
        for (const QJsonValue &item : std::as_const(e.records)) {
            if (!item.isObject()) {
                e.problem = u"a record is not an object"_s;
                return e;
            }
        }
    }
    if (path.isEmpty()) {
        e.root = single ? at : QJsonValue(QJsonArray());
    } else {
        if (!root.isObject()) {
            e.problem = u"root is not an object"_s;
            return e;
        }
        QJsonObject envelope = root.toObject();
        if (!JsonPath::set(envelope, path, single ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray()))) {
            e.problem = u"records path goes through a non-object"_s;
            return e;
        }
        e.root = envelope;
    }
    e.valid = true;
    return e;
}

/** The contract of JsonPageParser::parse: nullopt, or exactly what QJsonDocument reads. */
bool agreesWithDocument(const QByteArray &body, const QStringList &path, bool single, bool *accepted, QString *why)
{
    const auto page = JsonPageParser::parse(body, path, single);
    *accepted = page.has_value();
    if (!page)
        return true;
    const Expected e = expectedFromDocument(body, path, single);
    if (!e.valid) {
        *why = u"parse() took a body the fallback rejects (%1)"_s.arg(e.problem);
        return false;
    }
    const QJsonArray records = page->records.toJsonArray();
    if (!sameJson(records, e.records)) {
        *why = u"records differ:\n  parser:        %1\n  QJsonDocument: %2"_s.arg(compact(records), compact(e.records));
        return false;
    }
    if (!sameJson(page->root, e.root)) {
        *why = u"root differs:\n  parser:        %1\n  QJsonDocument: %2"_s.arg(compact(page->root), compact(e.root));
        return false;
    }
    const RecordBatch reference = RecordBatch::fromJson(e.records);
    for (qsizetype row = 0; row < page->records.size(); ++row) {
        if (!sortedFields(page->records, row, why) || !wellFormedTexts(page->records, row, why)
            || !sameLayout(page->records, row, reference, row, why)) {
            *why = u"record %1: %2"_s.arg(row).arg(*why);
            return false;
        }
    }
    return true;
}

QString show(const QByteArray &body)
{
    QString out;
    for (const char c : body) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u < 0x7F)
            out += QChar(char16_t(u));
        else
            out += u"\\x%1"_s.arg(uint(u), 2, 16, QChar(u'0'));
    }
    return out;
}

struct Case
{
    const char *name;
    QByteArray body;
    QString path;
    bool single = false;
};

QByteArray manyRecords(int n)
{
    QByteArray body = "{\"total\":" + QByteArray::number(n) + ",\"results\":[";
    for (int i = 0; i < n; ++i) {
        if (i)
            body += ',';
        body += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"r\\u00e9cord " + QByteArray::number(i)
            + "\",\"props\":{\"amount\":" + QByteArray::number(i * 1.25) + ",\"tags\":[\"a\",\"b\"],\"owner\":{\"id\":"
            + QByteArray::number(i % 7) + "}},\"archived\":" + (i % 3 ? "false" : "true") + "}";
    }
    return body + "],\"paging\":{\"next\":{\"after\":\"" + QByteArray::number(n) + "\"}}}";
}

QByteArray longStringBody()
{
    QByteArray text;
    for (int i = 0; i < 2000; ++i)
        text += "ab\\n\\u00e9\xE2\x82\xAC\\\"";
    return "{\"results\":[{\"long\":\"" + text + "\",\"o\":{\"long\":\"" + text + "\"}}]}";
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

/** Bodies the parser must take, each exactly as QJsonDocument reads it. */
const std::vector<Case> &acceptedCases()
{
    static const std::vector<Case> cases = {
        {"simple", j("{'results':[{'id':1,'name':'a'}]}"), u"results"_s},
        {"no records", j("{'results':[]}"), u"results"_s},
        {"empty records", j("{'results':[{},{}]}"), u"results"_s},
        {"escapes", j("{'results':[{'s':'q\\\"b\\\\s\\/f\\b\\f\\n\\r\\t','k\\n\\\"':1}]}"), u"results"_s},
        {"unicode escapes",
         j("{'results':[{'e':'\\u00e9\\u20ac\\u0041','nul':'a\\u0000b','emoji':'\\ud83d\\ude00',"
           "'upper':'\\uD83D\\uDE00\\u00C9','max':'\\udbff\\udffd'}]}"),
         u"results"_s},
        {"raw utf-8",
         j("{'results':[{'two':'\xC3\xA9','three':'\xE2\x82\xAC\xE4\xB8\xAD','four':'\xF0\x9F\x98\x80',"
           "'mixed':'a\xC3\xA9"
           "b\xF0\x9F\x98\x80"
           "c\\n','max':'\xF4\x8F\xBF\xBD'}]}"),
         u"results"_s},
        {"raw utf-8 keys",
         j("{'results':[{'\xC3\xA9t\xC3\xA9':1,'\xE2\x82\xAC':2,'\xF0\x9F\x98\x80':3,"
           "'o':{'\xC3\xA9':4,'\xF0\x9F\x98\x80':5,'a':6}}]}"),
         u"results"_s},
        {"utf-16 key order",
         j("{'results':[{'z':1,'\xEE\x80\x80':2,'\xF0\x9F\x98\x80':3,'\xEF\xBF\xBD':4,'\xC3\xA9':5,"
           "'a':6,'\\u00e9x':7,'A':8,'':9,'\\ud83d\\ude01':10,'\\ue001':11}]}"),
         u"results"_s},
        {"utf-16 member order",
         j("{'results':[{'o':{'\xEF\xBF\xBD':1,'\xF0\x9F\x98\x80':2,'\xEE\x80\x80':3,'b':4,'\\u00ff':5}}]}"), u"results"_s},
        {"escaped keys", j("{'results':[{'\\u0061':1,'b\\u0000c':2,'\\\"q\\\"':3,'\\u00e9':4}]}"), u"results"_s},
        {"integers",
         j("{'results':[{'a':0,'b':-1,'c':-0,'d':9223372036854775807,'e':-9223372036854775808,'f':42,"
           "'g':9007199254740993,'h':-9007199254740993}]}"),
         u"results"_s},
        {"big integers",
         j("{'results':[{'a':9223372036854775808,'b':-10000000000000000000,'c':18446744073709551616,"
           "'d':123456789012345678901234567890,'e':-1e300}]}"),
         u"results"_s},
        {"decimals",
         j("{'results':[{'a':1.5,'b':-2.25,'c':0.1,'d':1.0,'e':-0.0,'f':3.141592653589793,'g':0.30000000000000004}]}"),
         u"results"_s},
        {"exponents",
         j("{'results':[{'a':1e3,'b':1E3,'c':1e+3,'d':1e-3,'e':-2.5E-10,'f':5e-324,'g':1.7976931348623157e308,"
           "'h':0e-400,'i':1e0000000000000000000001}]}"),
         u"results"_s},
        {"literals", j("{'results':[{'t':true,'f':false,'n':null}]}"), u"results"_s},
        {"empty containers",
         j("{'results':[{'o':{},'a':[],'oo':{'e':{}},'oa':{'e':[]},'ao':[{}],'aa':[[]],'ooo':{'x':{'y':{}}}}]}"), u"results"_s},
        {"nested two levels", j("{'results':[{'o':{'p':{'b':2,'a':1},'q':[3,2,1]}}]}"), u"results"_s},
        {"nested three levels", j("{'results':[{'a':{'b':{'c':{'d':1,'a':[1,{'z':2,'y':'\xC3\xA9'}]}}}}]}"), u"results"_s},
        {"arrays of objects", j("{'results':[{'tags':[{'b':1,'a':2},{'c':null}],'o':{'list':[{'y':1,'x':[{}]}]}}]}"),
         u"results"_s},
        {"whitespace everywhere",
         j(" \n\t{ \r\n 'results' \t: [ { 'a' : 1 , 'b' : { 'c' : [ 1 , 2 ] , 'd' : { 'e' : true } } , 's' : ' x ' } ,\n{ } ] , "
           "'more' : [ 1 , { } ] } \r\n "),
         u"results"_s},
        {"unsorted keys", j("{'results':[{'z':1,'a':2,'m':{'y':1,'b':2,'c':{'z':0,'a':1}},'b':[{'z':1,'a':2}]}]}"), u"results"_s},
        {"root array", j("[{'id':1},{'id':2,'o':{'x':'y'}}]"), QString()},
        {"root array with whitespace", j(" \n[ {'id':1} , {} ]\n"), QString()},
        {"root empty array", j("[]"), QString()},
        {"depth 2", j("{'data':{'next':'x','items':[{'id':1},{'id':2}],'count':2},'meta':{'items':[1]}}"), u"data.items"_s},
        {"depth 2 empty", j("{'data':{'items':[]}}"), u"data.items"_s},
        {"single with path", j("{'data':{'id':1,'x':{'y':2,'z':{'w':3}}},'other':true}"), u"data"_s, true},
        {"single depth 2", j("{'a':{'b':{'id':'x'},'c':1}}"), u"a.b"_s, true},
        {"single root", j("{'id':1,'name':'n','o':{'p':[1]}}"), QString(), true},
        {"single empty object", j("{'data':{}}"), u"data"_s, true},
        {"envelope around records",
         j("{'before':'a]}\\\"[{','n':1.5e3,'nested':{'results':5,'x':[{'results':[]}]},'results':[{'id':1}],"
           "'after':[null,true,false,'\\u00e9',{'k':'v'}],'total':-0}"),
         u"results"_s},
        {"records key escaped", j("{'r\\u0065sults':[{'a':1}]}"), u"results"_s},
        // Backslash runs before quotes, where the parser steps over strings without reading them.
        {"backslash runs",
         j("{'before':'a\\\\\\\\','x':'\\\\\\\"]}','results':[{'s':'\\\\\\\\','t':'q\\\\\\\"}]',"
           "'o':{'u':'\\\\'},'l':['\\\\\\\"',{'k':'\\\\'}]}],'after':'\\\\','n':['\\\"']}"),
         u"results"_s},
        {"backslash runs at root", j("[{'s':'\\\\'},{'t':'\\\\\\\"]','l':['\\\\',{}]}]"), QString()},
        {"non-ascii records key", j("{'r\xC3\xA9sultats':[{'a':1}]}"), u"r\u00e9sultats"_s},
        {"duplicate envelope keys", j("{'x':1,'x':2,'results':[{'a':1}],'y':{'z':1,'z':2}}"), u"results"_s},
        {"raw control characters", j("{'results':[{'tab':'a\tb','nl':'a\nb','one':'\x01','del':'\x7F'}],'env':'\x02'}"),
         u"results"_s},
        {"empty key", j("{'results':[{'':1,'o':{'':2}}]}"), u"results"_s},
        {"duplicates below the first level", j("{'results':[{'a':{'b':{'c':1,'c':2}},'l':[{'x':1,'x':2}]}]}"), u"results"_s},
        {"lenient json inside nested values", j("{'results':[{'a':[1.,.5,'\\x'],'o':{'b':{'c':'\\ud800'}}}]}"), u"results"_s},
        {"noncharacters inside nested values", j("{'results':[{'a':['\\ufffe','\xEF\xB7\x90'],'o':{'b':['\\uffff']}}]}"),
         u"results"_s},
        {"deep nesting", "{\"results\":[{\"a\":" + nestedArrays(100) + ",\"o\":{\"b\":" + nestedArrays(50) + "}}]}",
         u"results"_s},
        {"many records", manyRecords(200), u"results"_s},
        {"long strings", longStringBody(), u"results"_s},
    };
    return cases;
}

/** Bodies QJsonDocument must decide (invalid, or valid but not read the same way here). */
const std::vector<Case> &fallbackCases()
{
    static const std::vector<Case> cases = {
        // Invalid JSON.
        {"empty body", QByteArray(), u"results"_s},
        {"whitespace body", " \n", u"results"_s},
        {"empty body at root", QByteArray(), QString()},
        {"truncated after records", j("{'results':[{'a':1}]"), u"results"_s},
        {"truncated in record", j("{'results':[{'a':1"), u"results"_s},
        {"truncated in string", j("{'results':[{'a':'xy"), u"results"_s},
        {"truncated in escape", j("{'results':[{'a':'\\u00"), u"results"_s},
        {"truncated in key", j("{'results':[{'a"), u"results"_s},
        {"truncated root array", j("[{'a':1}"), QString()},
        {"unterminated after escaped quote", j("{'results':[{'a':'abc\\\"}]}"), u"results"_s},
        {"unterminated envelope string", j("{'results':[{'a':1}],'x':'abc\\\"}"), u"results"_s},
        {"unterminated string in nested value", j("{'results':[{'a':['x\\\"]}]}"), u"results"_s},
        {"unterminated string in root array", j("[{'a':'\\\\\\\"}]"), QString()},
        {"trailing garbage", j("{'results':[{'a':1}]} x"), u"results"_s},
        {"trailing brace", j("{'results':[{'a':1}]}}"), u"results"_s},
        {"trailing nul", QByteArray("{\"results\":[]}\0", 15), u"results"_s},
        {"trailing form feed", j("{'results':[]}\f"), u"results"_s},
        {"second document", j("{'results':[]}{}"), u"results"_s},
        {"root array trailing garbage", j("[{'a':1}],"), QString()},
        {"leading zero", j("{'results':[{'a':01}]}"), u"results"_s},
        {"negative leading zero", j("{'results':[{'a':-01}]}"), u"results"_s},
        {"double zero", j("{'results':[{'a':00}]}"), u"results"_s},
        {"leading zero in member", j("{'results':[{'o':{'a':01}}]}"), u"results"_s},
        {"leading zero in envelope", j("{'n':01,'results':[]}"), u"results"_s},
        {"plus sign", j("{'results':[{'a':+1}]}"), u"results"_s},
        {"bare minus", j("{'results':[{'a':-}]}"), u"results"_s},
        {"dangling exponent", j("{'results':[{'a':1e}]}"), u"results"_s},
        {"number overflow", j("{'results':[{'a':1e400}]}"), u"results"_s},
        {"number underflow", j("{'results':[{'a':1e-400}]}"), u"results"_s},
        {"huge integer", "{\"results\":[{\"a\":" + QByteArray(400, '9') + "}]}", u"results"_s},
        {"bare word", j("{'results':[{'a':tru}]}"), u"results"_s},
        {"capital True", j("{'results':[{'a':True}]}"), u"results"_s},
        {"nul word", j("{'results':[{'a':nul}]}"), u"results"_s},
        {"NaN", j("{'results':[{'a':NaN}]}"), u"results"_s},
        {"Infinity", j("{'results':[{'a':-Infinity}]}"), u"results"_s},
        {"literal with suffix", j("{'results':[{'a':truex}]}"), u"results"_s},
        {"bare word in envelope", j("{'x':tru,'results':[]}"), u"results"_s},
        {"bare word after records", j("{'results':[],'x':nope}"), u"results"_s},
        {"missing comma between members", j("{'results':[{'a':1 'b':2}]}"), u"results"_s},
        {"missing comma between records", j("{'results':[{'a':1}{'b':2}]}"), u"results"_s},
        {"missing comma in envelope", j("{'x':1 'results':[]}"), u"results"_s},
        {"missing colon", j("{'results':[{'a' 1}]}"), u"results"_s},
        {"missing value", j("{'results':[{'a':}]}"), u"results"_s},
        {"trailing comma in record", j("{'results':[{'a':1,}]}"), u"results"_s},
        {"trailing comma in records", j("{'results':[{'a':1},]}"), u"results"_s},
        {"trailing comma in nested array", j("{'results':[{'a':[1,]}]}"), u"results"_s},
        {"unquoted key", j("{'results':[{a:1}]}"), u"results"_s},
        {"single-quoted string", "{\"results\":[{\"a\":'x'}]}", u"results"_s},
        {"unknown escape", j("{'results':[{'a':'\\x'}]}"), u"results"_s},
        {"unknown escape in member", j("{'results':[{'o':{'a':'\\a'}}]}"), u"results"_s},
        {"short unicode escape", j("{'results':[{'a':'\\u12'}]}"), u"results"_s},
        {"bad hex in escape", j("{'results':[{'a':'\\u12g4'}]}"), u"results"_s},
        {"lenient decimal point", j("{'results':[{'a':1.}]}"), u"results"_s},
        {"lenient leading point", j("{'results':[{'a':.5}]}"), u"results"_s},
        {"byte order mark", "\xEF\xBB\xBF" + j("{'results':[{'a':1}]}"), u"results"_s},
        {"scalar root", "42", u"results"_s},
        {"string root", "\"x\"", QString()},
        {"unbalanced nested", j("{'results':[{'a':[1,{'b':2]}}]}"), u"results"_s},
        // Duplicate keys: QJsonDocument keeps the last, the parser leaves them to it.
        {"duplicate key", j("{'results':[{'a':1,'a':2}]}"), u"results"_s},
        {"duplicate key unsorted", j("{'results':[{'b':1,'a':1,'b':2}]}"), u"results"_s},
        {"duplicate key object then scalar", j("{'results':[{'a':{'x':1},'a':2}]}"), u"results"_s},
        {"duplicate key spelled with escape", j("{'results':[{'a':1,'\\u0061':2}]}"), u"results"_s},
        {"duplicate non-ascii key raw and escaped", j("{'results':[{'\xC3\xA9':1,'\\u00e9':2}]}"), u"results"_s},
        {"duplicate astral key", j("{'results':[{'\xF0\x9F\x98\x80':1,'\\ud83d\\ude00':2}]}"), u"results"_s},
        {"duplicate member", j("{'results':[{'o':{'x':1,'x':2}}]}"), u"results"_s},
        {"duplicate member unsorted", j("{'results':[{'o':{'y':1,'x':1,'y':{}}}]}"), u"results"_s},
        {"duplicate key in second record", j("{'results':[{'a':1},{'b':1,'b':1}]}"), u"results"_s},
        {"duplicate key in single", j("{'data':{'a':1,'a':2}}"), u"data"_s, true},
        {"duplicate records key", j("{'results':[],'results':[{'a':1}]}"), u"results"_s},
        {"duplicate records key escaped", j("{'results':[{'a':1}],'result\\u0073':[]}"), u"results"_s},
        {"duplicate records key not a list", j("{'results':[{'a':1}],'results':null}"), u"results"_s},
        {"duplicate outer key", j("{'data':{'items':[]},'data':{'items':[{'a':1}]}}"), u"data.items"_s},
        {"duplicate outer key not an object", j("{'data':{'items':[{'a':1}]},'data':1}"), u"data.items"_s},
        {"duplicate inner key", j("{'data':{'items':[{'a':1}],'items':[]}}"), u"data.items"_s},
        // Surrogates and noncharacters: QJsonDocument takes them, the parser leaves them to it.
        {"lone high surrogate", j("{'results':[{'a':'\\ud800'}]}"), u"results"_s},
        {"lone low surrogate", j("{'results':[{'a':'\\udc00'}]}"), u"results"_s},
        {"high surrogate then text", j("{'results':[{'a':'\\ud83dx'}]}"), u"results"_s},
        {"high surrogate then bmp escape", j("{'results':[{'a':'\\ud83d\\u0041'}]}"), u"results"_s},
        {"two high surrogates", j("{'results':[{'a':'\\ud83d\\ud83d'}]}"), u"results"_s},
        {"high surrogate at end", j("{'results':[{'a':'x\\ud83d'}]}"), u"results"_s},
        {"lone surrogate in key", j("{'results':[{'\\udc00':1}]}"), u"results"_s},
        {"lone surrogate in member", j("{'results':[{'o':{'a':'\\ud800'}}]}"), u"results"_s},
        {"escaped U+FFFE", j("{'results':[{'a':'\\uFFFE'}]}"), u"results"_s},
        {"escaped U+FFFF", j("{'results':[{'a':'\\uffff'}]}"), u"results"_s},
        {"escaped U+FDD0", j("{'results':[{'a':'\\ufdd0'}]}"), u"results"_s},
        {"escaped U+FDEF", j("{'results':[{'a':'\\ufdef'}]}"), u"results"_s},
        {"escaped U+1FFFE", j("{'results':[{'a':'\\ud83f\\udffe'}]}"), u"results"_s},
        {"escaped U+10FFFF", j("{'results':[{'a':'\\udbff\\udfff'}]}"), u"results"_s},
        {"raw U+FDD0", j("{'results':[{'a':'\xEF\xB7\x90'}]}"), u"results"_s},
        {"raw U+FFFE", j("{'results':[{'a':'\xEF\xBF\xBE'}]}"), u"results"_s},
        {"raw U+FFFF key", j("{'results':[{'\xEF\xBF\xBF':1}]}"), u"results"_s},
        {"raw U+10FFFF", j("{'results':[{'a':'\xF4\x8F\xBF\xBF'}]}"), u"results"_s},
        {"escaped U+FFFF key (utf-16 order probe)", j("{'results':[{'\\uffff':1,'\\ud83d\\ude00':2}]}"), u"results"_s},
        // Malformed UTF-8: QJsonDocument rejects it.
        {"overlong nul", j("{'results':[{'a':'\xC0\x80'}]}"), u"results"_s},
        {"overlong two bytes", j("{'results':[{'a':'\xC1\xBF'}]}"), u"results"_s},
        {"overlong three bytes", j("{'results':[{'a':'\xE0\x80\xAF'}]}"), u"results"_s},
        {"overlong four bytes", j("{'results':[{'a':'\xF0\x80\x80\xAF'}]}"), u"results"_s},
        {"encoded surrogate", j("{'results':[{'a':'\xED\xA0\x80'}]}"), u"results"_s},
        {"beyond U+10FFFF", j("{'results':[{'a':'\xF4\x90\x80\x80'}]}"), u"results"_s},
        {"F5 lead byte", j("{'results':[{'a':'\xF5\x80\x80\x80'}]}"), u"results"_s},
        {"lone continuation byte", j("{'results':[{'a':'\x80'}]}"), u"results"_s},
        {"FF byte", j("{'results':[{'a':'\xFF'}]}"), u"results"_s},
        {"FE byte in key", j("{'results':[{'\xFE':1}]}"), u"results"_s},
        {"truncated sequence", j("{'results':[{'a':'\xC3'}]}"), u"results"_s},
        {"truncated three-byte sequence", j("{'results':[{'a':'\xE2\x82'}]}"), u"results"_s},
        {"invalid utf-8 after escape", j("{'results':[{'a':'\\n\xC3'}]}"), u"results"_s},
        {"invalid utf-8 in member", j("{'results':[{'o':{'a':'\xC0\x80'}}]}"), u"results"_s},
        {"invalid utf-8 in nested value", j("{'results':[{'a':['\xC0\x80']}]}"), u"results"_s},
        {"invalid utf-8 in envelope", j("{'x':'\xFF','results':[]}"), u"results"_s},
        {"invalid utf-8 after records", j("{'results':[],'x':'\xFF'}"), u"results"_s},
        // The records are not where or what they should be.
        {"records path missing", j("{'other':[{'a':1}]}"), u"results"_s},
        {"empty envelope", j("{}"), u"results"_s},
        {"inner key missing", j("{'data':{'other':[]}}"), u"data.items"_s},
        {"records null", j("{'results':null}"), u"results"_s},
        {"records object", j("{'results':{'a':1}}"), u"results"_s},
        {"records string", j("{'results':'[]'}"), u"results"_s},
        {"records number", j("{'results':1}"), u"results"_s},
        {"element number", j("{'results':[1]}"), u"results"_s},
        {"element null after object", j("{'results':[{'a':1},null]}"), u"results"_s},
        {"element array", j("{'results':[[]]}"), u"results"_s},
        {"element string", j("{'results':['x']}"), u"results"_s},
        {"root array element not object", j("[{'a':1},2]"), QString()},
        {"path through array", j("{'data':[{'items':[{'a':1}]}]}"), u"data.items"_s},
        {"numeric path through array", j("{'data':[{'items':[{'a':1}]}]}"), u"data.0.items"_s},
        {"outer value not an object", j("{'data':'x'}"), u"data.items"_s},
        {"path on root array", j("[{'a':1}]"), u"results"_s},
        {"single but list", j("{'data':[{'a':1}]}"), u"data"_s, true},
        {"single but null", j("{'data':null}"), u"data"_s, true},
        {"single root but array", j("[{'a':1}]"), QString(), true},
        {"list at root expected but object", j("{'a':1}"), QString()},
    };
    return cases;
}

} // namespace

class JsonPageParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void layout_data();
    void layout();
    void fallback_data();
    void fallback();
    void mutations_data();
    void mutations();
    void byteOrderMark_data();
    void byteOrderMark();
    void nestingLimit_data();
    void nestingLimit();
    void roundTrip_data();
    void roundTrip();
    void fromJsonKeyOrder();
    void minInt64AsReal();
    void fromJsonBadIndex();
    void value_data();
    void value();
    void find();
    void setValue_data();
    void setValue();
    void retain();
    void deepSetValueKeepsSiblings();
    void normalizer_data();
    void normalizer();
};

namespace {

void addCaseColumns()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("single");
}

} // namespace

void JsonPageParserTest::accepted_data()
{
    addCaseColumns();
    for (const Case &c : acceptedCases())
        QTest::newRow(c.name) << c.body << c.path << c.single;
}

void JsonPageParserTest::accepted()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(bool, single);
    const QStringList segments = JsonPath::split(path);

    const Expected e = expectedFromDocument(body, segments, single);
    QVERIFY2(e.valid, qPrintable(e.problem)); // the row itself must be good JSON with records

    const auto page = JsonPageParser::parse(body, segments, single);
    QVERIFY2(page.has_value(), "parse() left a plain body to QJsonDocument");
    const QJsonArray records = page->records.toJsonArray();
    QVERIFY2(sameJson(records, e.records),
             qPrintable(u"\n  parser:        %1\n  QJsonDocument: %2"_s.arg(compact(records), compact(e.records))));
    QVERIFY2(sameJson(page->root, e.root),
             qPrintable(u"\n  parser:        %1\n  QJsonDocument: %2"_s.arg(compact(page->root), compact(e.root))));
    QCOMPARE(page->records.size(), e.records.size());
    QCOMPARE(page->records.isEmpty(), e.records.isEmpty());

    const RecordBatch reference = RecordBatch::fromJson(e.records);
    QCOMPARE(reference.size(), e.records.size());
    for (qsizetype row = 0; row < page->records.size(); ++row) {
        QString why;
        QVERIFY2(sortedFields(page->records, row, &why), qPrintable(u"record %1: %2"_s.arg(row).arg(why)));
        QVERIFY2(wellFormedTexts(page->records, row, &why), qPrintable(u"record %1: %2"_s.arg(row).arg(why)));
        QVERIFY2(sameLayout(page->records, row, reference, row, &why), qPrintable(u"record %1: %2"_s.arg(row).arg(why)));
        QVERIFY(sameJson(page->records.toJsonObject(row), e.records.at(row)));
        // Objects built by insert() on both sides: Qt's own comparison agrees.
        QCOMPARE(page->records.toJsonObject(row), canonical(reference.toJsonObject(row)));
    }
}

void JsonPageParserTest::layout_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("scalars") << j("{'results':[{'s':'x','r':1.5,'n':-12,'c':false,'b':true,'a':null}]}")
                             << QStringList{u"a=null"_s,    u"b=true"_s,     u"c=false"_s,
                                            u"n=int:-12"_s, u"r=real:1.5"_s, u"s=str:x"_s};
    QTest::newRow("objects and json")
        << j("{'results':[{'o':{'z':{'k':[1, 2]},'b':[ 1 , {'y':2,'x':1} ],'a':'\\u00e9'},'l':[],'e':{}}]}")
        << QStringList{
               u"e=object:0"_s,           u"l=json:[]"_s, u"o=object:3"_s, u".a=str:\u00e9"_s, u".b=json:[1,{\"x\":1,\"y\":2}]"_s,
               u".z=json:{\"k\":[1,2]}"_s};
    QTest::newRow("json text exactly as QJsonDocument writes it")
        << j("{'results':[{'a':[ 1.0 , 1e2, -0, 'x\\u0041\\/', {'b' : null , 'a' : true} , [ ] , { } , 0.5 ],"
             "'o':{'d':{ 'z':1, 'a':{'b':[{}]}}, 'n':'\\u0000'}}]}")
        << QStringList{u"a=json:[1,100,0,\"xA/\",{\"a\":true,\"b\":null},[],{},0.5]"_s, u"o=object:2"_s,
                       u".d=json:{\"a\":{\"b\":[{}]},\"z\":1}"_s, u".n=str:"_s + QChar(0)};
    QTest::newRow("numbers") << j(
        "{'results':[{'a':0,'b':-0,'c':9223372036854775807,'d':-9223372036854775808,'e':9223372036854775808,"
        "'f':1e3,'g':-0.0,'h':1.0,'i':25e-1}]}")
                             << QStringList{u"a=int:0"_s,
                                            u"b=int:0"_s,
                                            u"c=int:9223372036854775807"_s,
                                            u"d=int:-9223372036854775808"_s,
                                            u"e=real:9.2233720368547758e+18"_s,
                                            u"f=int:1000"_s,
                                            u"g=int:0"_s,
                                            u"h=int:1"_s,
                                            u"i=real:2.5"_s};
    // (Integral doubles within the int64 range are integers, as QJsonDocument stores them.)
    QTest::newRow("escapes decoded") << j(
        "{'results':[{'s':'\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u0000\\ud83d\\ude00\xE2\x82\xAC'}]}")
                                     << QStringList{u"s=str:"_s + QString::fromUtf8(QByteArray("\"\\/\b\f\n\r\t\xC3\xA9", 10))
                                                    + QChar(0) + u"\U0001F600\u20ac"_s};
    QTest::newRow("utf-16 key order") << j(
        "{'results':[{'z':1,'\xEE\x80\x80':2,'\xF0\x9F\x98\x80':3,'\xEF\xBF\xBD':4,'\xC3\xA9':5,'a':6,'\\u00e9x':7,"
        "'A':8,'':9}]}") << QStringList{u"=int:9"_s,           u"A=int:8"_s,      u"a=int:6"_s,
                                        u"z=int:1"_s,          u"\u00e9=int:5"_s, u"\u00e9x=int:7"_s,
                                        u"\U0001F600=int:3"_s, u"\ue000=int:2"_s, u"\ufffd=int:4"_s};
    QTest::newRow("utf-16 member order") << j(
        "{'results':[{'o':{'\xEF\xBF\xBD':1,'\xF0\x9F\x98\x80':2,'\xEE\x80\x80':3,'b':4}}]}")
                                         << QStringList{u"o=object:4"_s, u".b=int:4"_s, u".\U0001F600=int:2"_s,
                                                        u".\ue000=int:3"_s, u".\ufffd=int:1"_s};
    QTest::newRow("objects move with their members")
        << j("{'results':[{'z':{'b':1,'a':2},'m':3,'c':{'y':{'q':1}},'a':{}}]}")
        << QStringList{u"a=object:0"_s, u"c=object:1"_s, u".y=json:{\"q\":1}"_s, u"m=int:3"_s,
                       u"z=object:2"_s, u".a=int:2"_s,   u".b=int:1"_s};
}

void JsonPageParserTest::layout()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    const auto page = JsonPageParser::parse(body, {u"results"_s}, false);
    QVERIFY(page.has_value());
    QCOMPARE(page->records.size(), qsizetype(1));
    QCOMPARE(describe(page->records, 0), expected);
    // String and Json bytes: UTF-8 of the decoded value, the compact JSON of the value.
    for (const RecordBatch::Field &f : page->records.fields(0)) {
        if (f.kind == Kind::String || f.kind == Kind::Json)
            QVERIFY(f.text.own || !page->records.bytes(f.text).contains('\\'));
    }
    // The same body through QJsonDocument and fromJson.
    const RecordBatch reference = RecordBatch::fromJson(QJsonDocument::fromJson(body).object().value(u"results"_s).toArray());
    QString why;
    QVERIFY2(sameLayout(page->records, 0, reference, 0, &why), qPrintable(why));
}

void JsonPageParserTest::fallback_data()
{
    addCaseColumns();
    for (const Case &c : fallbackCases())
        QTest::newRow(c.name) << c.body << c.path << c.single;
}

void JsonPageParserTest::fallback()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(bool, single);
    const QStringList segments = JsonPath::split(path);
    bool accepted = false;
    QString why;
    QVERIFY2(agreesWithDocument(body, segments, single, &accepted, &why), qPrintable(why));
    QVERIFY2(!accepted, qPrintable(u"parse() took %1 instead of leaving it to QJsonDocument"_s.arg(show(body))));
}

void JsonPageParserTest::mutations_data()
{
    addCaseColumns();
    for (const Case &c : acceptedCases()) {
        if (c.body.size() < 2000)
            QTest::newRow(c.name) << c.body << c.path << c.single;
    }
}

void JsonPageParserTest::mutations()
{
    // Small edits of good bodies: whatever parse() still takes must be what QJsonDocument reads.
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(bool, single);
    const QStringList segments = JsonPath::split(path);
    static const QByteArray alphabet
        = QByteArray("{}[]\",:\\/ \n0123456789.-+eEtrufalsn") + "\xC3\xA9\x80\xED\xF0\xEF\xBF\xBE" + QByteArray(1, '\0');
    QRandomGenerator random(quint32(qHash(body)));
    int accepted = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray mutated = body;
        const int edits = 1 + int(random.bounded(3));
        for (int e = 0; e < edits && !mutated.isEmpty(); ++e) {
            const qsizetype at = random.bounded(int(mutated.size()));
            const char c = alphabet.at(random.bounded(int(alphabet.size())));
            switch (random.bounded(6)) {
            case 0: mutated.remove(at, 1); break;
            case 5: mutated.insert(at, " \t\r\n"[random.bounded(4)]); break; // often still valid
            case 1: mutated.insert(at, c); break;
            case 2: mutated[at] = c; break;
            case 3: mutated.truncate(at); break;
            default: {
                const qsizetype len = 1 + random.bounded(int(qMin<qsizetype>(12, mutated.size() - at)));
                mutated.insert(at, mutated.mid(at, len));
            }
            }
        }
        bool took = false;
        QString why;
        QVERIFY2(agreesWithDocument(mutated, segments, single, &took, &why),
                 qPrintable(u"%1\n  body: %2"_s.arg(why, show(mutated))));
        accepted += took ? 1 : 0;
    }
    QVERIFY2(accepted < 300, "no edit reached the fallback");
    QVERIFY2(accepted > 0, "no edited body was taken: the agreement above was never exercised");
}

void JsonPageParserTest::byteOrderMark_data()
{
    // Qt 6.4 drops a U+FEFF at the start of a string it reads raw (QString::fromUtf8 takes it for a
    // byte order mark) but keeps an escaped one, and one after the start.
    // The page parser leaves a raw leading U+FEFF to the fallback, and batches decode text keeping
    // one, also inside Json text (QJsonDocument's compact output writes it raw): every row agrees.
    addCaseColumns();
    QTest::newRow("raw at start of value") << j("{'results':[{'a':'\xEF\xBB\xBFx'}]}") << u"results"_s << false;
    QTest::newRow("raw at start of member") << j("{'results':[{'o':{'a':'\xEF\xBB\xBFx'}}]}") << u"results"_s << false;
    QTest::newRow("raw whole value") << j("{'results':[{'a':'\xEF\xBB\xBF'}]}") << u"results"_s << false;
    QTest::newRow("raw inside value") << j("{'results':[{'a':'x\xEF\xBB\xBFy'}]}") << u"results"_s << false;
    QTest::newRow("raw at start, escape later") << j("{'results':[{'a':'\xEF\xBB\xBFx\\n'}]}") << u"results"_s << false;
    QTest::newRow("escaped at start of value") << j("{'results':[{'a':'\\ufeffx'}]}") << u"results"_s << false;
    QTest::newRow("escaped at start of member") << j("{'results':[{'o':{'a':'\\uFEFFx'}}]}") << u"results"_s << false;
    QTest::newRow("escaped inside value") << j("{'results':[{'a':'x\\ufeff'}]}") << u"results"_s << false;
    QTest::newRow("raw at start of key") << j("{'results':[{'\xEF\xBB\xBFk':1,'o':{'\xEF\xBB\xBFm':2}}]}") << u"results"_s
                                         << false;
    QTest::newRow("escaped at start of key") << j("{'results':[{'\\ufeffk':1,'o':{'\\ufeffm':2}}]}") << u"results"_s << false;
    QTest::newRow("raw and plain key") << j("{'results':[{'\xEF\xBB\xBFk':1,'k':2}]}") << u"results"_s << false;
    QTest::newRow("escaped and plain key") << j("{'results':[{'\\ufeffk':1,'k':2}]}") << u"results"_s << false;
    QTest::newRow("escaped in nested array")
        << j("{'results':[{'a':['\\ufeffx'],'o':{'b':{'c':'\\ufeff'}}}]}") << u"results"_s << false;
    QTest::newRow("raw in nested array") << j("{'results':[{'a':['\xEF\xBB\xBFx']}]}") << u"results"_s << false;
    QTest::newRow("raw records key") << j("{'\xEF\xBB\xBFresults':[{'a':1}]}") << u"results"_s << false;
    QTest::newRow("escaped records key") << j("{'\\ufeffresults':[{'a':1}]}") << u"results"_s << false;
    QTest::newRow("escaped records key and plain") << j("{'\\ufeffresults':[{'a':1}],'results':[]}") << u"results"_s << false;
}

void JsonPageParserTest::byteOrderMark()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(bool, single);
    bool accepted = false;
    QString why;
    QVERIFY2(agreesWithDocument(body, JsonPath::split(path), single, &accepted, &why), qPrintable(why));
}

void JsonPageParserTest::nestingLimit_data()
{
    addCaseColumns();
    QTest::addColumn<int>("depth"); // levels of the nested value itself
    QTest::addColumn<int>("above"); // levels of the body around it
    // QJsonDocument refuses documents nested deeper than 1024 levels.
    for (int depth : {1000, 1019, 1020, 1021, 1022, 1023, 1024, 1025}) {
        const QByteArray name = "first-level array " + QByteArray::number(depth);
        QTest::newRow(name.constData()) << "{\"results\":[{\"a\":" + nestedArrays(depth) + "}]}" << u"results"_s << false << depth
                                        << 3;
    }
    for (int depth : {1020, 1021, 1022, 1023, 1025}) {
        const QByteArray name = "member array " + QByteArray::number(depth);
        QTest::newRow(name.constData()) << "{\"results\":[{\"o\":{\"a\":" + nestedArrays(depth) + "}}]}" << u"results"_s << false
                                        << depth << 4;
    }
    for (int depth : {1020, 1021, 1022, 1023}) {
        const QByteArray name = "depth 2 path " + QByteArray::number(depth);
        QTest::newRow(name.constData()) << "{\"d\":{\"i\":[{\"a\":" + nestedArrays(depth) + "}]}}" << u"d.i"_s << false << depth
                                        << 4;
    }
    for (int depth : {1022, 1023, 1024}) {
        const QByteArray name = "root array " + QByteArray::number(depth);
        QTest::newRow(name.constData()) << "[{\"a\":" + nestedArrays(depth) + "}]" << QString() << false << depth << 2;
    }
    for (int depth : {1021, 1022, 1023}) {
        const QByteArray name = "single " + QByteArray::number(depth);
        QTest::newRow(name.constData()) << "{\"d\":{\"a\":" + nestedArrays(depth) + "}}" << u"d"_s << true << depth << 2;
    }
}

void JsonPageParserTest::nestingLimit()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(bool, single);
    QFETCH(int, depth);
    QFETCH(int, above);
    constexpr int qtLimit = 1024;
    const bool documentReads = depth + above <= qtLimit;
    QCOMPARE(QJsonDocument::fromJson(body).isNull(), !documentReads); // the rows straddle Qt's limit
    bool accepted = false;
    QString why;
    // The levels above a value count too: a body QJsonDocument refuses as too deeply nested falls back.
    QVERIFY2(agreesWithDocument(body, JsonPath::split(path), single, &accepted, &why), qPrintable(why));
    QCOMPARE(accepted, documentReads);
}

void JsonPageParserTest::roundTrip_data()
{
    QTest::addColumn<QJsonArray>("records");
    QTest::addColumn<QJsonArray>("expected"); // what the batch gives back
    for (const Case &c : acceptedCases()) {
        // As QJsonDocument gives them (not canonical): what the fallback hands to fromJson.
        const QJsonDocument doc = QJsonDocument::fromJson(c.body);
        const QJsonValue at
            = JsonPath::value(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), JsonPath::split(c.path));
        const QJsonArray records = c.single ? QJsonArray{at} : at.toArray();
        QTest::newRow(c.name) << records << records;
    }
    // Values only QJsonDocument reads (the fallback still builds a batch of them).
    const auto documentRecords = [](const char *text) { return QJsonDocument::fromJson(j(text)).array(); };
    const auto same = [&](const char *text) { return std::pair{documentRecords(text), documentRecords(text)}; };
    const auto rows = {
        std::pair{"noncharacters", same("[{'a':'\\ufffe\\uffff\\ufdd0','\\uffff':{'\\ufdef':'x'}}]")},
        std::pair{"lenient numbers", same("[{'a':1.,'b':.5}]")},
        // Batches hold text as UTF-8, which has no lone surrogates: in a value, member or key one
        // becomes U+FFFD (as the table writer stores it), while QJsonDocument keeps "\ud800". Deeper
        // values are kept as JSON text, where it stays escaped. Two keys that differ only in their
        // lone surrogate become one, and the later value wins, as with any repeated key.
        std::pair{"lone surrogate nested", same("[{'a':['\\ud800'],'o':{'n':{'x':'\\udc00'}}}]")},
        std::pair{"lone surrogate value", std::pair{documentRecords("[{'a':'\\ud800'}]"), documentRecords("[{'a':'\\ufffd'}]")}},
        std::pair{"lone surrogate member",
                  std::pair{documentRecords("[{'o':{'a':'x\\udc00'}}]"), documentRecords("[{'o':{'a':'x\\ufffd'}}]")}},
        std::pair{"lone surrogate key", std::pair{documentRecords("[{'\\ud800':1}]"), documentRecords("[{'\\ufffd':1}]")}},
        std::pair{"lone surrogate keys that collide",
                  std::pair{documentRecords("[{'\\ud800':1,'\\udc00':2}]"), documentRecords("[{'\\ufffd':2}]")}},
        std::pair{"lone surrogate member keys that collide",
                  std::pair{documentRecords("[{'o':{'\\ud800':1,'\\udc00':2}}]"), documentRecords("[{'o':{'\\ufffd':2}}]")}},
    };
    for (const auto &[name, records] : rows)
        QTest::newRow(name) << records.first << records.second;
    QJsonObject built;
    built.insert(u"int"_s, qint64(9007199254740993));
    built.insert(u"min"_s, std::numeric_limits<qint64>::min());
    built.insert(u"real"_s, 0.1);
    built.insert(u"negzero"_s, -0.0);
    built.insert(u"nested"_s, QJsonObject{{u"a"_s, QJsonArray{1, u"x"_s, QJsonObject{}}}, {u"b"_s, QJsonObject{{u"c"_s, true}}}});
    QTest::newRow("built in code") << QJsonArray{built, QJsonObject{}} << QJsonArray{built, QJsonObject{}};
}

void JsonPageParserTest::roundTrip()
{
    QFETCH(QJsonArray, records);
    QFETCH(QJsonArray, expected);
    qsizetype bad = -2;
    const RecordBatch batch = RecordBatch::fromJson(records, &bad);
    const QJsonArray back = batch.toJsonArray();
    QVERIFY2(sameJson(back, expected), qPrintable(u"\n  fromJson: %1\n  expected: %2"_s.arg(compact(back), compact(expected))));
    QCOMPARE(bad, qsizetype(-1));
    QCOMPARE(batch.size(), records.size());
    for (qsizetype r = 0; r < batch.size(); ++r) {
        QString why;
        QVERIFY2(sortedFields(batch, r, &why), qPrintable(why));
        QVERIFY2(wellFormedTexts(batch, r, &why), qPrintable(why));
    }
    // From objects built by insert() the order is right.
    const RecordBatch rebuilt = RecordBatch::fromJson(canonical(records));
    for (qsizetype r = 0; r < rebuilt.size(); ++r) {
        QString why;
        QVERIFY2(sortedFields(rebuilt, r, &why), qPrintable(why));
    }
}

void JsonPageParserTest::fromJsonKeyOrder()
{
    // Qt's parser keeps raw non-ASCII keys in UTF-8 order: fromJson reorders them (UTF-16, as batches
    // are), so a normalised value written to the second key replaces it.
    const QJsonArray records
        = QJsonDocument::fromJson(j("[{'\xEE\x80\x80':1,'\xF0\x9F\x98\x80':'2024-06-01T12:00:00+02:00'}]")).array();
    RecordBatch batch = RecordBatch::fromJson(records);
    QVERIFY(batch.setValue(0, {u"\U0001F600"_s}, QJsonValue(u"2024-06-01T10:00:00.000Z"_s)));
    const QJsonObject expected{{u"\ue000"_s, 1}, {u"\U0001F600"_s, u"2024-06-01T10:00:00.000Z"_s}};
    QCOMPARE(batch.toJsonObject(0), expected);
    QCOMPARE(batch.fields(0).size(), size_t(2));
    // The page parser's batch of the same body is right.
    auto page = JsonPageParser::parse(j("[{'\xEE\x80\x80':1,'\xF0\x9F\x98\x80':'2024-06-01T12:00:00+02:00'}]"), {}, false);
    QVERIFY(page);
    QVERIFY(page->records.setValue(0, {u"\U0001F600"_s}, QJsonValue(u"2024-06-01T10:00:00.000Z"_s)));
    QCOMPARE(page->records.toJsonObject(0), expected);
    QCOMPARE(page->records.fields(0).size(), size_t(2));
}

void JsonPageParserTest::minInt64AsReal()
{
    // -2^63 written so that it is read as a double: Qt's parser stores it as the integer INT64_MIN, and
    // so does the page parser (QJsonObject::operator== compares storage).
    const QByteArray body = j("{'results':[{'a':-9223372036854775809,'b':-9223372036854775808.0,'c':-9.223372036854775808e18}]}");
    const Expected e = expectedFromDocument(body, {u"results"_s}, false);
    QVERIFY(e.valid);
    const auto page = JsonPageParser::parse(body, {u"results"_s}, false);
    QVERIFY(page);
    const QJsonObject record = page->records.toJsonObject(0);
    const QJsonObject expected = e.records.at(0).toObject();
    for (const QString &key : {u"a"_s, u"b"_s, u"c"_s})
        QCOMPARE(record.value(key), expected.value(key));
    QCOMPARE(record, expected);
}

void JsonPageParserTest::fromJsonBadIndex()
{
    qsizetype bad = 0;
    const RecordBatch batch
        = RecordBatch::fromJson(QJsonArray{QJsonObject{{u"a"_s, 1}}, 2, QJsonObject{{u"b"_s, 3}}, u"x"_s}, &bad);
    QCOMPARE(bad, qsizetype(1));
    QCOMPARE(batch.size(), qsizetype(2));
    QCOMPARE(batch.toJsonObject(1), (QJsonObject{{u"b"_s, 3}}));
    const RecordBatch none = RecordBatch::fromJson(QJsonArray{}, &bad);
    QCOMPARE(bad, qsizetype(-1));
    QVERIFY(none.isEmpty());
    QCOMPARE(none.toJsonArray(), QJsonArray());
}

namespace {

const QByteArray kRecordBody
    = j("{'results':[{'id':7,'s':'str','n':null,'o':{'a':1,'s':'x','e':'\\u00e9','n':{'d':{'e':5},'k':[1,2]},"
        "'arr':[1,{'k':'v'}],'z':null},'list':[{'q':1},[2,3]],'\xC3\xA9':{'\xF0\x9F\x98\x80':'u'},"
        "'empty':{}}]}");

/** The test record twice: read by the page parser and built from QJsonDocument's object. */
std::pair<RecordBatch, RecordBatch> recordBatches()
{
    auto page = JsonPageParser::parse(kRecordBody, {u"results"_s}, false);
    const QJsonArray records = QJsonDocument::fromJson(kRecordBody).object().value(u"results"_s).toArray();
    return {page ? std::move(page->records) : RecordBatch(), RecordBatch::fromJson(records)};
}

QJsonObject recordObject()
{
    return canonical(QJsonDocument::fromJson(kRecordBody).object().value(u"results"_s).toArray().at(0).toObject());
}

} // namespace

void JsonPageParserTest::value_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::newRow("whole record") << QStringList{};
    QTest::newRow("integer") << QStringList{u"id"_s};
    QTest::newRow("string") << QStringList{u"s"_s};
    QTest::newRow("null") << QStringList{u"n"_s};
    QTest::newRow("object") << QStringList{u"o"_s};
    QTest::newRow("empty object") << QStringList{u"empty"_s};
    QTest::newRow("array") << QStringList{u"list"_s};
    QTest::newRow("non-ascii key") << QStringList{u"\u00e9"_s};
    QTest::newRow("depth 2 non-ascii") << QStringList{u"\u00e9"_s, u"\U0001F600"_s};
    QTest::newRow("depth 2 integer") << QStringList{u"o"_s, u"a"_s};
    QTest::newRow("depth 2 string") << QStringList{u"o"_s, u"e"_s};
    QTest::newRow("depth 2 null") << QStringList{u"o"_s, u"z"_s};
    QTest::newRow("depth 2 json object") << QStringList{u"o"_s, u"n"_s};
    QTest::newRow("depth 2 json array") << QStringList{u"o"_s, u"arr"_s};
    QTest::newRow("depth 3 through json") << QStringList{u"o"_s, u"n"_s, u"d"_s};
    QTest::newRow("depth 4 through json") << QStringList{u"o"_s, u"n"_s, u"d"_s, u"e"_s};
    QTest::newRow("depth 3 array index") << QStringList{u"o"_s, u"arr"_s, u"1"_s};
    QTest::newRow("depth 4 array then object") << QStringList{u"o"_s, u"arr"_s, u"1"_s, u"k"_s};
    QTest::newRow("depth 3 json array index") << QStringList{u"o"_s, u"n"_s, u"k"_s, u"0"_s};
    QTest::newRow("depth 2 through first-level array") << QStringList{u"list"_s, u"0"_s};
    QTest::newRow("depth 3 through first-level array") << QStringList{u"list"_s, u"1"_s, u"1"_s};
    QTest::newRow("missing") << QStringList{u"missing"_s};
    QTest::newRow("missing member") << QStringList{u"o"_s, u"missing"_s};
    QTest::newRow("missing depth 3") << QStringList{u"o"_s, u"n"_s, u"missing"_s};
    QTest::newRow("index out of range") << QStringList{u"list"_s, u"5"_s};
    QTest::newRow("through a string") << QStringList{u"s"_s, u"x"_s};
    QTest::newRow("through an integer member") << QStringList{u"o"_s, u"a"_s, u"b"_s};
    QTest::newRow("through null") << QStringList{u"n"_s, u"x"_s};
    QTest::newRow("key prefix") << QStringList{u"i"_s};
    QTest::newRow("key case") << QStringList{u"ID"_s};
}

void JsonPageParserTest::value()
{
    QFETCH(QStringList, path);
    const auto [parsed, built] = recordBatches();
    QCOMPARE(parsed.size(), qsizetype(1));
    const QJsonValue expected = path.isEmpty() ? QJsonValue(recordObject()) : JsonPath::value(QJsonValue(recordObject()), path);
    QCOMPARE(parsed.value(0, path), expected);
    QCOMPARE(built.value(0, path), expected);
    QCOMPARE(parsed.value(0, path).isUndefined(), expected.isUndefined());
}

void JsonPageParserTest::find()
{
    const auto [parsed, built] = recordBatches();
    QCOMPARE(parsed.size(), qsizetype(1));
    for (const RecordBatch *batch : {&parsed, &built}) {
        const RecordBatch::Field *id = batch->find(0, {u"id"_s});
        QVERIFY(id);
        QCOMPARE(id->kind, Kind::Integer);
        QCOMPARE(id->integer, qint64(7));
        const RecordBatch::Field *s = batch->find(0, {u"s"_s});
        QVERIFY(s);
        QCOMPARE(s->kind, Kind::String);
        QCOMPARE(batch->bytes(s->text), QByteArrayView("str"));
        const RecordBatch::Field *o = batch->find(0, {u"o"_s});
        QVERIFY(o);
        QCOMPARE(o->kind, Kind::Object);
        QCOMPARE(o->children, 6);
        const RecordBatch::Field *e = batch->find(0, {u"o"_s, u"e"_s});
        QVERIFY(e);
        QCOMPARE(e->kind, Kind::String);
        QCOMPARE(batch->bytes(e->text), QByteArrayView("\xC3\xA9"));
        const RecordBatch::Field *n = batch->find(0, {u"o"_s, u"n"_s});
        QVERIFY(n);
        QCOMPARE(n->kind, Kind::Json);
        QCOMPARE(batch->bytes(n->text), QByteArrayView("{\"d\":{\"e\":5},\"k\":[1,2]}"));
        const RecordBatch::Field *u = batch->find(0, {u"\u00e9"_s, u"\U0001F600"_s});
        QVERIFY(u);
        QCOMPARE(batch->bytes(u->text), QByteArrayView("u"));
        QCOMPARE(batch->find(0, {u"empty"_s})->children, 0);
        QVERIFY(!batch->find(0, {}));
        QVERIFY(!batch->find(0, {u"missing"_s}));
        QVERIFY(!batch->find(0, {u"o"_s, u"missing"_s}));
        QVERIFY(!batch->find(0, {u"o"_s, u"n"_s, u"d"_s})); // deeper than two: no field
        QVERIFY(!batch->find(0, {u"s"_s, u"x"_s})); // not below an object
        QVERIFY(!batch->find(0, {u"list"_s, u"0"_s})); // arrays are Json text
        QVERIFY(!batch->find(0, {u"empty"_s, u"x"_s}));
    }
}

void JsonPageParserTest::setValue_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("replace member with string") << QStringList{u"o"_s, u"a"_s} << QJsonValue(u"2024-06-01T10:00:00.000Z"_s);
    QTest::newRow("replace member with null") << QStringList{u"o"_s, u"e"_s} << QJsonValue(QJsonValue::Null);
    QTest::newRow("replace member with number") << QStringList{u"o"_s, u"s"_s} << QJsonValue(1.5);
    QTest::newRow("replace json member with scalar") << QStringList{u"o"_s, u"n"_s} << QJsonValue(true);
    QTest::newRow("replace member with object")
        << QStringList{u"o"_s, u"a"_s} << QJsonValue(QJsonObject{{u"y"_s, 1}, {u"x"_s, 2}});
    QTest::newRow("replace member with array") << QStringList{u"o"_s, u"a"_s} << QJsonValue(QJsonArray{1, 2});
    QTest::newRow("insert member first") << QStringList{u"o"_s, u"0"_s} << QJsonValue(1);
    QTest::newRow("insert member middle") << QStringList{u"o"_s, u"b"_s} << QJsonValue(u"x"_s);
    QTest::newRow("insert member last") << QStringList{u"o"_s, u"zz"_s} << QJsonValue(1);
    QTest::newRow("insert member non-ascii") << QStringList{u"o"_s, u"\U0001F600"_s} << QJsonValue(1);
    QTest::newRow("insert member into empty") << QStringList{u"empty"_s, u"x"_s} << QJsonValue(1);
    QTest::newRow("replace top-level") << QStringList{u"id"_s} << QJsonValue(u"new"_s);
    QTest::newRow("replace top-level with null") << QStringList{u"s"_s} << QJsonValue(QJsonValue::Null);
    QTest::newRow("replace object with scalar") << QStringList{u"o"_s} << QJsonValue(5);
    QTest::newRow("replace scalar with object")
        << QStringList{u"s"_s} << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, QJsonObject{{u"c"_s, 2}}}});
    QTest::newRow("replace array") << QStringList{u"list"_s} << QJsonValue(QJsonArray{});
    QTest::newRow("insert top-level first") << QStringList{u"a"_s} << QJsonValue(1);
    QTest::newRow("insert top-level before all") << QStringList{u""_s} << QJsonValue(1);
    QTest::newRow("insert top-level middle") << QStringList{u"m"_s} << QJsonValue(u"m"_s);
    QTest::newRow("insert top-level last ascii") << QStringList{u"zzz"_s} << QJsonValue(1);
    QTest::newRow("insert top-level after non-ascii") << QStringList{u"\ufffd"_s} << QJsonValue(1);
    QTest::newRow("insert top-level astral") << QStringList{u"\U0001F600"_s} << QJsonValue(1);
    QTest::newRow("insert top-level object")
        << QStringList{u"new"_s} << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, QJsonObject{{u"c"_s, 2}}}});
    QTest::newRow("insert depth 2 under new key") << QStringList{u"p"_s, u"q"_s} << QJsonValue(1);
    QTest::newRow("insert depth 3 under new key") << QStringList{u"p"_s, u"q"_s, u"r"_s} << QJsonValue(1);
    QTest::newRow("replace depth 3 through json") << QStringList{u"o"_s, u"n"_s, u"d"_s} << QJsonValue(1);
    QTest::newRow("insert depth 3 through json") << QStringList{u"o"_s, u"n"_s, u"x"_s} << QJsonValue(u"x"_s);
    QTest::newRow("replace depth 4 through json") << QStringList{u"o"_s, u"n"_s, u"d"_s, u"e"_s} << QJsonValue(6);
    QTest::newRow("set through null") << QStringList{u"n"_s, u"x"_s} << QJsonValue(1);
    QTest::newRow("set through null member") << QStringList{u"o"_s, u"z"_s, u"y"_s} << QJsonValue(1);
    // A non-object in the way: false and nothing changes.
    QTest::newRow("through string") << QStringList{u"s"_s, u"x"_s} << QJsonValue(1);
    QTest::newRow("through integer") << QStringList{u"id"_s, u"x"_s, u"y"_s} << QJsonValue(1);
    QTest::newRow("through first-level array") << QStringList{u"list"_s, u"0"_s} << QJsonValue(1);
    QTest::newRow("through member array") << QStringList{u"o"_s, u"arr"_s, u"k"_s} << QJsonValue(1);
    QTest::newRow("through member integer") << QStringList{u"o"_s, u"a"_s, u"b"_s} << QJsonValue(1);
    QTest::newRow("through json array") << QStringList{u"o"_s, u"n"_s, u"k"_s, u"x"_s} << QJsonValue(1);
    QTest::newRow("empty path") << QStringList{} << QJsonValue(1);
}

void JsonPageParserTest::setValue()
{
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QJsonObject expected = recordObject();
    const bool expectedOk = JsonPath::set(expected, path, value);
    auto [parsed, built] = recordBatches();
    QCOMPARE(parsed.size(), qsizetype(1));
    for (RecordBatch *batch : {&parsed, &built}) {
        const bool ok = batch->setValue(0, path, value);
        QCOMPARE(ok, expectedOk);
        QCOMPARE(batch->toJsonObject(0), expectedOk ? expected : recordObject());
        QString why;
        QVERIFY2(sortedFields(*batch, 0, &why), qPrintable(why));
        QVERIFY2(wellFormedTexts(*batch, 0, &why), qPrintable(why));
        const RecordBatch reference = RecordBatch::fromJson(QJsonArray{batch->toJsonObject(0)});
        QVERIFY2(sameLayout(*batch, 0, reference, 0, &why), qPrintable(why));
        QCOMPARE(batch->value(0, path.isEmpty() ? QStringList{u"id"_s} : path),
                 JsonPath::value(QJsonValue(expected), path.isEmpty() ? QStringList{u"id"_s} : path));
    }
    // Edits on one record leave the others alone.
    auto page = JsonPageParser::parse(j("{'r':[{'o':{'a':1},'id':1},{'o':{'a':2},'id':2}]}"), {u"r"_s}, false);
    QVERIFY(page);
    if (!path.isEmpty())
        page->records.setValue(0, path, value);
    QCOMPARE(page->records.toJsonObject(1), (QJsonObject{{u"o"_s, QJsonObject{{u"a"_s, 2}}}, {u"id"_s, 2}}));
}

void JsonPageParserTest::deepSetValueKeepsSiblings()
{
    // GitHub commits normalise commit.committer.date: only that member is rebuilt, and its sibling
    // commit.author keeps its exact text (a leading U+FEFF included).
    auto page = JsonPageParser::parse(
        j("[{'sha':'1','commit':{'author':{'name':'\\ufeffBob'},'committer':{'date':'x','n':'\\ufeffAl'}}}]"), {}, false);
    QVERIFY(page);
    RecordBatch &batch = page->records;
    const auto memberText = [&batch](const char *name) {
        const RecordBatch::Fields &fields = batch.fields(0);
        for (const auto &f : fields) {
            if (batch.bytes(f.key) == QByteArrayView(name))
                return batch.bytes(f.text).toByteArray();
        }
        return QByteArray();
    };
    const QByteArray author = memberText("author");
    QVERIFY(author.contains("\xEF\xBB\xBF"));
    QVERIFY(batch.setValue(0, {u"commit"_s, u"committer"_s, u"date"_s}, QJsonValue(u"2024-06-01T10:00:00.000Z"_s)));
    QCOMPARE(memberText("author"), author);
    const QJsonObject commit = batch.toJsonObject(0).value(u"commit"_s).toObject();
    QCOMPARE(commit.value(u"author"_s).toObject().value(u"name"_s).toString(), u"\ufeffBob"_s);
    QCOMPARE(commit.value(u"committer"_s).toObject().value(u"n"_s).toString(), u"\ufeffAl"_s);
    QCOMPARE(commit.value(u"committer"_s).toObject().value(u"date"_s).toString(), u"2024-06-01T10:00:00.000Z"_s);
    QCOMPARE(batch.fields(0).size(), size_t(4)); // sha, commit, and its two members
    // A member that is not there yet is inserted in key order.
    QVERIFY(batch.setValue(0, {u"commit"_s, u"b"_s, u"c"_s}, QJsonValue(1)));
    QCOMPARE(batch.fields(0).size(), size_t(5));
    QCOMPARE(batch.bytes(batch.fields(0)[0].key), QByteArrayView("commit"));
    QCOMPARE(batch.fields(0)[0].children, 3);
    QCOMPARE(batch.bytes(batch.fields(0)[1].key), QByteArrayView("author"));
    QCOMPARE(batch.bytes(batch.fields(0)[2].key), QByteArrayView("b"));
    QCOMPARE(batch.bytes(batch.fields(0)[3].key), QByteArrayView("committer"));
    QCOMPARE(batch.bytes(batch.fields(0)[4].key), QByteArrayView("sha"));
}

void JsonPageParserTest::retain()
{
    const auto make = [] {
        auto page = JsonPageParser::parse(j("[{'id':0,'o':{'x':0}},{'id':1},{'id':2,'o':{'x':2}},{'id':3},{'id':4}]"), {}, false);
        return page ? std::move(page->records) : RecordBatch();
    };
    const auto ids = [](const RecordBatch &batch) {
        QList<qint64> out;
        for (qsizetype r = 0; r < batch.size(); ++r)
            out.append(batch.value(r, {u"id"_s}).toInteger());
        return out;
    };
    RecordBatch batch = make();
    QCOMPARE(batch.size(), qsizetype(5));
    batch.retain({true, false, true, false, true});
    QCOMPARE(ids(batch), (QList<qint64>{0, 2, 4}));
    QCOMPARE(batch.toJsonObject(1), (QJsonObject{{u"id"_s, 2}, {u"o"_s, QJsonObject{{u"x"_s, 2}}}}));
    QCOMPARE(batch.value(0, {u"o"_s, u"x"_s}), QJsonValue(0));

    batch = make();
    batch.retain({false, true, true}); // a short list keeps nothing past its end
    QCOMPARE(ids(batch), (QList<qint64>{1, 2}));

    batch = make();
    batch.retain({true, true, true, true, true});
    QCOMPARE(ids(batch), (QList<qint64>{0, 1, 2, 3, 4}));

    batch = make();
    batch.retain({false, false, false, false, false});
    QVERIFY(batch.isEmpty());
    QCOMPARE(batch.toJsonArray(), QJsonArray());

    batch = make();
    batch.retain({});
    QVERIFY(batch.isEmpty());

    RecordBatch built
        = RecordBatch::fromJson(QJsonArray{QJsonObject{{u"id"_s, 0}}, QJsonObject{{u"id"_s, 1}}, QJsonObject{{u"id"_s, 2}}});
    built.retain({false, true, false});
    QCOMPARE(ids(built), (QList<qint64>{1}));
}

void JsonPageParserTest::normalizer_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QStringList>("dateTimes"); // dotted paths
    QTest::addColumn<QStringList>("primaryKey");

    const QStringList dt{u"created"_s, u"meta.updated"_s};
    const QStringList pk{u"id"_s};
    QTest::newRow("canonical") << j("{'id':1,'created':'2024-06-01T10:00:00.000Z','meta':{'updated':'2024-06-02T10:00:00.000Z'}}")
                               << dt << pk;
    QTest::newRow("iso with offset") << j(
        "{'id':1,'created':'2024-06-01T12:00:00+02:00','meta':{'updated':'2024-06-02T10:00:00Z','x':1}}")
                                     << dt << pk;
    QTest::newRow("iso with fraction and no zone")
        << j("{'id':1,'created':'2024-06-01T10:00:00.123456','meta':{'updated':'2024-06-02 10:00'}}") << dt << pk;
    QTest::newRow("epoch millis") << j("{'id':'a','created':1717236000000,'meta':{'updated':1717236000123}}") << dt << pk;
    QTest::newRow("epoch seconds") << j("{'id':'a','created':1717236000,'meta':{'updated':1717236000.5}}") << dt << pk;
    QTest::newRow("epoch millis string") << j("{'id':'a','created':'1717236000000','meta':{'updated':'1717236000'}}") << dt << pk;
    QTest::newRow("empty strings become null") << j("{'id':1,'created':'','meta':{'updated':'  '}}") << dt << pk;
    QTest::newRow("nulls") << j("{'id':1,'created':null,'meta':{'updated':null}}") << dt << pk;
    QTest::newRow("missing") << j("{'id':1,'other':'x'}") << dt << pk;
    QTest::newRow("missing member") << j("{'id':1,'meta':{'other':'x'}}") << dt << pk;
    QTest::newRow("parent not an object") << j("{'id':1,'meta':'2024-06-01'}") << dt << pk;
    QTest::newRow("parent an array") << j("{'id':1,'meta':[{'updated':'bad'}]}") << dt << pk;
    QTest::newRow("parent null") << j("{'id':1,'meta':null}") << dt << pk;
    QTest::newRow("invalid at depth 1") << j("{'id':1,'created':'yesterday','meta':{'updated':'2024-06-02T10:00:00Z'}}") << dt
                                        << pk;
    QTest::newRow("invalid at depth 2") << j("{'id':1,'created':'2024-06-01T10:00:00Z','meta':{'updated':'soon'}}") << dt << pk;
    QTest::newRow("invalid non-ascii") << j("{'id':1,'created':'d\xC3\xA9"
                                            "but'}")
                                       << dt << pk;
    QTest::newRow("invalid long") << j("{'id':1,'created':'this is not a date and it goes on for more than forty characters'}")
                                  << dt << pk;
    QTest::newRow("object at date-time") << j("{'id':1,'created':{'at':1}}") << dt << pk;
    QTest::newRow("array at date-time") << j("{'id':1,'meta':{'updated':[1]}}") << dt << pk;
    QTest::newRow("bool at date-time") << j("{'id':1,'created':true}") << dt << pk;
    QTest::newRow("primary key missing") << j("{'created':'2024-06-01T12:00:00+02:00'}") << dt << pk;
    QTest::newRow("primary key empty") << j("{'id':'','created':'2024-06-01T12:00:00+02:00'}") << dt << pk;
    QTest::newRow("primary key null") << j("{'id':null}") << dt << pk;
    QTest::newRow("primary key object") << j("{'id':{'a':1}}") << dt << pk;
    QTest::newRow("primary key real") << j("{'id':1.5,'created':'2024-06-01T12:00:00+02:00'}") << dt << pk;
    QTest::newRow("nested primary key") << j("{'meta':{'id':'x','updated':'2024-06-01T12:00:00+02:00'}}") << dt
                                        << QStringList{u"meta.id"_s};
    QTest::newRow("nested primary key missing")
        << j("{'meta':{'updated':'2024-06-01T12:00:00+02:00'}}") << dt << QStringList{u"meta.id"_s};
    QTest::newRow("depth 3 primary key") << j("{'a':{'b':{'c':5}}}") << dt << QStringList{u"a.b.c"_s};
    QTest::newRow("depth 3 date-time through json")
        << j("{'id':1,'a':{'b':{'at':'2024-06-01T12:00:00+02:00','k':1}}}") << QStringList{u"a.b.at"_s} << pk;
    QTest::newRow("depth 3 date-time invalid") << j("{'id':1,'a':{'b':{'at':'never'}}}") << QStringList{u"a.b.at"_s} << pk;
    QTest::newRow("several fields at both depths") << j(
        "{'id':1,'z':'2024-01-01T00:00:00+01:00','a':1717236000000,'o':{'y':'2024-01-01','b':'','a':'2024-06-01T10:00:00.000Z'}}")
                                                   << QStringList{u"z"_s, u"a"_s, u"o.y"_s, u"o.b"_s, u"o.a"_s} << pk;
    QTest::newRow("non-ascii field names") << j(
        "{'id':1,'cr\xC3\xA9\xC3\xA9':'2024-06-01T12:00:00+02:00','m\xC3\xA9ta':{'\xF0\x9F\x98\x80':'2024-06-01T12:00:00Z'}}")
                                           << QStringList{u"cr\u00e9\u00e9"_s, u"m\u00e9ta.\U0001F600"_s} << pk;
    // Paths through arrays: the object walk never looks into arrays.
    QTest::newRow("date-time path through array")
        << j("{'id':1,'items':[{'at':'not a date'}]}") << QStringList{u"items.0.at"_s} << pk;
    QTest::newRow("date-time path through array, valid")
        << j("{'id':1,'items':[{'at':'2024-06-01T12:00:00+02:00'}]}") << QStringList{u"items.0.at"_s} << pk;
    QTest::newRow("primary key through array") << j("{'tags':['x']}") << dt << QStringList{u"tags.0"_s};
}

void JsonPageParserTest::normalizer()
{
    QFETCH(QByteArray, record);
    QFETCH(QStringList, dateTimes);
    QFETCH(QStringList, primaryKey);

    ConnectorManifest::Stream stream;
    stream.name = u"items"_s;
    stream.primaryKey = primaryKey;
    for (const QString &path : std::as_const(dateTimes))
        stream.dateTimeFields.append(JsonPath::split(path));
    const RecordNormalizer normalizer(stream);

    QJsonObject object = canonical(QJsonDocument::fromJson(record).object());
    QVERIFY(!object.isEmpty());
    const Result<void> objectResult = normalizer.normalize(object);
    const bool objectOk = objectResult.ok();
    const QString objectError = objectOk ? QString() : objectResult.error().message;

    const QByteArray body = "{\"results\":[" + record + "]}";
    auto page = JsonPageParser::parse(body, {u"results"_s}, false);
    QVERIFY(page);
    RecordBatch built = RecordBatch::fromJson(QJsonArray{object});

    for (RecordBatch *batch : {&page->records, &built}) {
        const Result<void> batchResult = normalizer.normalize(*batch, 0);
        const bool batchOk = batchResult.ok();
        const QString batchError = batchOk ? QString() : batchResult.error().message;
        // Both overloads read a primary key as JsonPath does (into arrays) and walk date-time paths
        // through objects only.
        QVERIFY2(batchOk == objectOk,
                 qPrintable(
                     u"batch: %1 (%2), object: %3 (%4)"_s.arg(int(batchOk)).arg(batchError).arg(int(objectOk)).arg(objectError)));
        QCOMPARE(batchError, objectError);
        if (objectOk && batchOk) {
            QVERIFY2(batch->toJsonObject(0) == object,
                     qPrintable(u"\n  batch:  %1\n  object: %2"_s.arg(compact(batch->toJsonObject(0)), compact(object))));
            QString why;
            QVERIFY2(sortedFields(*batch, 0, &why), qPrintable(why));
            const RecordBatch reference = RecordBatch::fromJson(QJsonArray{object});
            QVERIFY2(sameLayout(*batch, 0, reference, 0, &why), qPrintable(why));
        }
    }
}

QTEST_GUILESS_MAIN(JsonPageParserTest)

#include "tst_jsonpageparser.moc"
