// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/jsonpageparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace Opbox {

namespace {

using Field = RecordBatch::Field;
using Fields = RecordBatch::Fields;
using Kind = RecordBatch::Kind;
using Text = RecordBatch::Text;

/** One pass over the body. Every method returns false where QJsonDocument must decide instead. */
class PageReader
{
public:
    PageReader(const QByteArray &body, RecordBatch &batch)
        : m_begin(body.constData())
        , m_p(body.constData())
        , m_end(body.constData() + body.size())
        , m_batch(batch)
    {
    }

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    [[nodiscard]] bool atEnd() const { return m_p == m_end; }
    [[nodiscard]] qsizetype offset() const { return m_p - m_begin; }

    /** Finds `path` through objects from here and reads the records there. */
    [[nodiscard]] bool navigate(const QStringList &path, qsizetype index, bool single, qsizetype *start, qsizetype *end)
    {
        ws();
        if (m_p == m_end || *m_p != '{')
            return false;
        ++m_p;
        ++m_depth;
        ws();
        bool found = false;
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return false;
        }
        for (;;) {
            Text key;
            if (!memberKey(&key))
                return false;
            ws();
            if (keyMatches(key, path.at(index))) {
                if (found)
                    return false; // a duplicate: QJsonDocument keeps the last one
                found = true;
                if (index + 1 == path.size()) {
                    *start = offset();
                    if (!records(single))
                        return false;
                    *end = offset();
                } else if (!navigate(path, index + 1, single, start, end)) {
                    return false;
                }
            } else if (!skipValue()) {
                return false;
            }
            const Next next = after('}');
            if (next == Next::More)
                continue;
            --m_depth;
            return next == Next::Done && found;
        }
    }

    [[nodiscard]] bool records(bool single)
    {
        ws();
        if (single)
            return record();
        if (m_p == m_end || *m_p != '[')
            return false;
        ++m_p;
        ++m_depth;
        ws();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (!record())
                return false;
            const Next next = after(']');
            if (next == Next::More)
                continue;
            --m_depth;
            return next == Next::Done;
        }
    }

private:
    enum class Next { More, Done, Bad };
    /** After a member or an element: a comma (more follow) or the container's `close`. */
    [[nodiscard]] Next after(char close)
    {
        ws();
        if (m_p == m_end)
            return Next::Bad;
        if (*m_p == ',') {
            ++m_p;
            return Next::More;
        }
        if (*m_p != close)
            return Next::Bad;
        ++m_p;
        return Next::Done;
    }

    /** A member's key and its colon. */
    [[nodiscard]] bool memberKey(Text *key)
    {
        ws();
        if (!string(key))
            return false;
        ws();
        if (m_p == m_end || *m_p != ':')
            return false;
        ++m_p;
        return true;
    }

    [[nodiscard]] bool keyMatches(const Text &key, const QString &name) const
    {
        const QByteArrayView k = m_batch.bytes(key);
        return RecordBatch::decode(k) == name;
    }

    [[nodiscard]] bool record()
    {
        ws();
        if (m_p == m_end || *m_p != '{')
            return false; // not an object: QJsonDocument's reading words the error
        ++m_p;
        ++m_depth;
        Fields &fields = m_batch.appendRecord();
        fields.reserve(32);
        if (!members(fields, true))
            return false;
        --m_depth;
        return m_batch.sortFields(fields);
    }

    /** The members of an object whose '{' was consumed, through its '}'. */
    [[nodiscard]] bool members(Fields &fields, bool topLevel)
    {
        ws();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            Text key;
            if (!memberKey(&key))
                return false;
            if (!value(fields, key, topLevel))
                return false;
            const Next next = after('}');
            if (next == Next::More)
                continue;
            return next == Next::Done;
        }
    }

    [[nodiscard]] bool value(Fields &fields, Text key, bool topLevel)
    {
        ws();
        if (m_p == m_end)
            return false;
        Field f;
        f.key = key;
        switch (*m_p) {
        case '"':
            f.kind = Kind::String;
            if (!string(&f.text))
                return false;
            break;
        case '{':
            if (topLevel) {
                ++m_p;
                ++m_depth;
                const size_t at = fields.size();
                f.kind = Kind::Object;
                fields.push_back(f);
                if (!members(fields, false))
                    return false;
                --m_depth;
                fields[at].children = qint32(fields.size() - at - 1);
                return true;
            }
            Q_FALLTHROUGH();
        case '[': {
            // Below the first level values are stored as compact JSON, exactly as QJsonDocument writes it.
            const char *start = m_p;
            int depth = 0;
            if (!skipValue(&depth) || m_depth + depth > NestingLimit)
                return false; // QJsonDocument counts the levels of the whole body
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(start, m_p - start), &error);
            if (error.error != QJsonParseError::NoError)
                return false;
            f.kind = Kind::Json;
            f.text = m_batch.ownText(doc.toJson(QJsonDocument::Compact));
            break;
        }
        case 't':
            if (!literal("true", 4))
                return false;
            f.kind = Kind::Bool;
            f.boolean = true;
            break;
        case 'f':
            if (!literal("false", 5))
                return false;
            f.kind = Kind::Bool;
            break;
        case 'n':
            if (!literal("null", 4))
                return false;
            f.kind = Kind::Null;
            break;
        default:
            if (!number(f))
                return false;
        }
        fields.push_back(f);
        return true;
    }

    [[nodiscard]] bool literal(const char *word, qsizetype n)
    {
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }

    [[nodiscard]] static bool digit(char c) { return c >= '0' && c <= '9'; }

    [[nodiscard]] bool number(Field &f)
    {
        // RFC 8259 numbers only: QJsonDocument decides about anything looser.
        const char *start = m_p;
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        if (p == m_end || !digit(*p))
            return false;
        if (*p == '0') {
            ++p;
        } else {
            while (p < m_end && digit(*p))
                ++p;
        }
        bool integral = true;
        if (p < m_end && *p == '.') {
            integral = false;
            ++p;
            if (p == m_end || !digit(*p))
                return false;
            while (p < m_end && digit(*p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            integral = false;
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p == m_end || !digit(*p))
                return false;
            while (p < m_end && digit(*p))
                ++p;
        }
        const QByteArray token = QByteArray::fromRawData(start, p - start);
        m_p = p;
        if (integral) {
            bool ok = false;
            const qint64 n = token.toLongLong(&ok);
            if (ok) {
                f.kind = Kind::Integer;
                f.integer = n;
                return true;
            }
        }
        bool ok = false;
        const double d = token.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return false;
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d) {
            // QJsonDocument stores an integral double (2.0, 1e17, -2^63) as an integer too.
            f.kind = Kind::Integer;
            f.integer = qint64(d);
            return true;
        }
        f.kind = Kind::Real;
        f.real = d;
        return true;
    }

    /** The code point of a multi-byte UTF-8 sequence at `p` (advanced past it); -1 when not well-formed. */
    [[nodiscard]] char32_t utf8(const char *&p) const
    {
        const uchar c = uchar(*p);
        int n = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return char32_t(-1);
        }
        if (m_end - p <= n)
            return char32_t(-1);
        for (int k = 1; k <= n; ++k) {
            const uchar b = uchar(p[k]);
            if ((b & 0xC0) != 0x80)
                return char32_t(-1);
            cp = (cp << 6) | (b & 0x3F);
        }
        // Noncharacters too are left to QJsonDocument, whatever it makes of them.
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF)
            || (cp & 0xFFFE) == 0xFFFE)
            return char32_t(-1);
        p += n + 1;
        return cp;
    }

    [[nodiscard]] bool hex4(const char *p, char32_t *out) const
    {
        if (m_end - p < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = p[i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= char32_t(c - 'A' + 10);
            else
                return false;
        }
        *out = v;
        return true;
    }

    static void appendUtf8(QByteArray &out, char32_t cp)
    {
        if (cp < 0x80) {
            out.append(char(cp));
        } else if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        }
    }

    /** A string at m_p: its bytes in the body when it has no escapes, else decoded into the batch. */
    [[nodiscard]] bool string(Text *out)
    {
        if (m_p == m_end || *m_p != '"')
            return false;
        const char *start = ++m_p;
        // QJsonDocument drops a raw U+FEFF at the start of a string (but keeps an escaped one).
        if (m_end - start >= 3 && uchar(start[0]) == 0xEF && uchar(start[1]) == 0xBB && uchar(start[2]) == 0xBF)
            return false;
        const char *p = start;
        bool ascii = true;
        while (p < m_end) {
            const uchar c = uchar(*p);
            if (c == '"') {
                *out = RecordBatch::sourceText(start - m_begin, p - start, ascii);
                m_p = p + 1;
                return true;
            }
            if (c == '\\')
                return escapedString(start, p, out);
            if (c < 0x80) {
                ++p;
            } else {
                ascii = false;
                if (utf8(p) == char32_t(-1))
                    return false;
            }
        }
        return false;
    }

    [[nodiscard]] bool escapedString(const char *start, const char *p, Text *out)
    {
        QByteArray decoded(start, p - start);
        while (p < m_end) {
            const uchar c = uchar(*p);
            if (c == '"') {
                *out = m_batch.ownText(decoded);
                m_p = p + 1;
                return true;
            }
            if (c != '\\') {
                const char *from = p;
                if (c < 0x80)
                    ++p;
                else if (utf8(p) == char32_t(-1))
                    return false;
                decoded.append(from, p - from);
                continue;
            }
            if (++p == m_end)
                return false;
            switch (*p) {
            case '"': decoded.append('"'); break;
            case '\\': decoded.append('\\'); break;
            case '/': decoded.append('/'); break;
            case 'b': decoded.append('\b'); break;
            case 'f': decoded.append('\f'); break;
            case 'n': decoded.append('\n'); break;
            case 'r': decoded.append('\r'); break;
            case 't': decoded.append('\t'); break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(p + 1, &cp))
                    return false;
                p += 4;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return false; // a lone low surrogate
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    char32_t low = 0;
                    if (m_end - p < 7 || p[1] != '\\' || p[2] != 'u' || !hex4(p + 3, &low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
                if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
                    return false;
                appendUtf8(decoded, cp);
                break;
            }
            default: return false;
            }
            ++p;
        }
        return false;
    }

    /** Steps over one value without reading it; QJsonDocument checks whatever this skips. */
    [[nodiscard]] bool skipValue(int *maxDepth = nullptr)
    {
        ws();
        if (m_p == m_end)
            return false;
        int depth = 0;
        int deepest = 0;
        do {
            if (m_p == m_end)
                return false;
            const char c = *m_p;
            if (c == '"') {
                // memchr to the closing quote: a quote is escaped when an odd run of backslashes precedes it.
                ++m_p;
                for (;;) {
                    const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
                    if (!quote)
                        return false;
                    const char *run = quote;
                    while (run > m_p && run[-1] == '\\')
                        --run;
                    m_p = quote + 1;
                    if ((quote - run) % 2 == 0)
                        break;
                }
            } else if (c == '{' || c == '[') {
                deepest = std::max(deepest, ++depth);
                ++m_p;
            } else if (c == '}' || c == ']') {
                if (--depth < 0)
                    return false;
                ++m_p;
            } else if (depth == 0) {
                // A scalar: up to the next delimiter.
                while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' ' && *m_p != '\n' && *m_p != '\r'
                       && *m_p != '\t')
                    ++m_p;
            } else {
                ++m_p;
            }
        } while (depth > 0);
        if (maxDepth)
            *maxDepth = deepest;
        return true;
    }

    static constexpr int NestingLimit = 1024; // QJsonDocument's

    const char *m_begin;
    int m_depth = 0; // containers open around the reading position
    const char *m_p;
    const char *m_end;
    RecordBatch &m_batch;
};

} // namespace

namespace {
// Offsets are 32-bit, and JSON text a batch writes may grow to six times its source.
constexpr qsizetype MaxBody = 256 * 1024 * 1024;
} // namespace

std::optional<JsonPageParser::Page> JsonPageParser::parse(const QByteArray &body, const QStringList &recordsPath, bool single)
{
    if (body.size() > MaxBody)
        return std::nullopt;
    Page page{QJsonValue(), RecordBatch(body)};
    PageReader reader(body, page.records);
    if (recordsPath.isEmpty()) {
        reader.ws();
        if (!reader.records(single))
            return std::nullopt;
        reader.ws();
        if (!reader.atEnd())
            return std::nullopt;
        page.root = single ? QJsonValue(page.records.toJsonObject(0)) : QJsonValue(QJsonArray());
        return page;
    }
    qsizetype start = 0;
    qsizetype end = 0;
    if (!reader.navigate(recordsPath, 0, single, &start, &end))
        return std::nullopt;
    reader.ws();
    if (!reader.atEnd())
        return std::nullopt;
    // The rest of the response, with the records cut out, is small: QJsonDocument reads (and checks) it.
    QByteArray rest;
    rest.reserve(body.size() - (end - start) + 2);
    rest.append(body.constData(), start).append(single ? "{}" : "[]").append(body.constData() + end, body.size() - end);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(rest, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    page.root = doc.object();
    return page;
}

} // namespace Opbox
