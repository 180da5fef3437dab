// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/jsonpointerlocator.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString escaped(QString key)
{
    return key.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
}

} // namespace

JsonPointerLocator::JsonPointerLocator(QString text)
    : m_text(std::move(text))
{
    m_positions.insert(QString(), 0);
    skipSpace();
    value(QString());
}

void JsonPointerLocator::skipSpace()
{
    while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
        ++m_pos;
}

QString JsonPointerLocator::string()
{
    QString out;
    ++m_pos; // the opening quote
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (c == u'"')
            return out;
        if (c != u'\\' || m_pos >= m_text.size()) {
            out.append(c);
            continue;
        }
        const QChar e = m_text.at(m_pos++);
        switch (e.unicode()) {
        case 'n': out.append(u'\n'); break;
        case 't': out.append(u'\t'); break;
        case 'r': out.append(u'\r'); break;
        case 'b': out.append(u'\b'); break;
        case 'f': out.append(u'\f'); break;
        case 'u': {
            bool ok = false;
            const ushort code = m_text.mid(m_pos, 4).toUShort(&ok, 16);
            if (ok)
                out.append(QChar(code));
            m_pos += 4;
            break;
        }
        default: out.append(e); // \" \\ \/
        }
    }
    return out;
}

void JsonPointerLocator::value(const QString &pointer)
{
    if (m_pos >= m_text.size())
        return;
    const QChar c = m_text.at(m_pos);
    if (c == u'{') {
        ++m_pos;
        skipSpace();
        while (m_pos < m_text.size() && m_text.at(m_pos) == u'"') {
            const qsizetype keyAt = m_pos;
            const QString member = pointer + u'/' + escaped(string());
            m_positions.insert(member, keyAt);
            skipSpace();
            if (m_pos >= m_text.size() || m_text.at(m_pos) != u':')
                return;
            ++m_pos;
            skipSpace();
            value(member);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                ++m_pos;
                skipSpace();
            }
        }
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'}')
            ++m_pos;
    } else if (c == u'[') {
        ++m_pos;
        skipSpace();
        for (qsizetype index = 0; m_pos < m_text.size() && m_text.at(m_pos) != u']'; ++index) {
            const QString element = pointer + u'/' + QString::number(index);
            m_positions.insert(element, m_pos);
            const qsizetype before = m_pos;
            value(element);
            skipSpace();
            if (m_pos < m_text.size() && m_text.at(m_pos) == u',') {
                ++m_pos;
                skipSpace();
            } else if (m_pos == before) {
                return; // not JSON: stop rather than loop
            }
        }
        if (m_pos < m_text.size())
            ++m_pos;
    } else if (c == u'"') {
        (void)string();
    } else {
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace() && m_text.at(m_pos) != u',' && m_text.at(m_pos) != u'}'
               && m_text.at(m_pos) != u']')
            ++m_pos;
    }
}

qsizetype JsonPointerLocator::position(const QString &pointer) const
{
    QString p = pointer;
    while (!p.isEmpty()) {
        if (auto it = m_positions.constFind(p); it != m_positions.cend())
            return *it;
        p.truncate(p.lastIndexOf(u'/'));
    }
    return 0;
}

QPair<int, int> JsonPointerLocator::lineAndColumn(qsizetype position) const
{
    const qsizetype at = std::clamp<qsizetype>(position, 0, m_text.size());
    const int line = int(QStringView(m_text).left(at).count(u'\n')) + 1;
    const qsizetype lineStart = at == 0 ? 0 : m_text.lastIndexOf(u'\n', at - 1) + 1;
    return {line, int(at - lineStart) + 1};
}

} // namespace Opbox
