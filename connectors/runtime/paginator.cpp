// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/paginator.h"

#include "connectors/runtime/jsonpath.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

using Kind = ConnectorManifest::Pagination::Kind;

Paginator::Paginator(const ConnectorManifest::Pagination &spec, int pageSize)
    : m_spec(spec)
    , m_pageSize(spec.pageSize)
{
    if (pageSize > 0 && m_spec.pageSize > 0)
        m_pageSize = std::min(pageSize, std::max(m_spec.maxPageSize, 1));
}

void Paginator::inject(const PageCursor &cursor, QList<QPair<QString, QString>> &query, QJsonObject &body) const
{
    if (m_pageSize > 0) {
        if (!m_spec.pageSizeParam.isEmpty())
            query.append({m_spec.pageSizeParam, QString::number(m_pageSize)});
        if (!m_spec.pageSizeBodyPath.isEmpty())
            JsonPath::set(body, m_spec.pageSizeBodyPath, m_pageSize);
    }
    switch (m_spec.kind) {
    case Kind::Cursor:
        if (!cursor.token.isEmpty()) {
            if (!m_spec.tokenParam.isEmpty())
                query.append({m_spec.tokenParam, cursor.token});
            if (!m_spec.tokenBodyPath.isEmpty())
                JsonPath::set(body, m_spec.tokenBodyPath, cursor.token);
        }
        break;
    case Kind::Offset:
        if (!m_spec.offsetParam.isEmpty())
            query.append({m_spec.offsetParam, QString::number(cursor.offset)});
        if (!m_spec.offsetBodyPath.isEmpty())
            JsonPath::set(body, m_spec.offsetBodyPath, double(cursor.offset));
        break;
    case Kind::PageNumber:
        query.append({m_spec.pageParam, QString::number(cursor.page > 0 ? cursor.page : m_spec.startPage)});
        break;
    case Kind::None:
    case Kind::NextUrl:
    case Kind::LinkHeader: break;
    }
}

QUrl Paginator::nextLink(const QByteArray &linkHeader)
{
    // <https://…?page=2>; rel="next", <https://…?page=5>; rel="last"
    const QString header = QString::fromUtf8(linkHeader);
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype open = header.indexOf(u'<', pos);
        if (open < 0)
            break;
        const qsizetype close = header.indexOf(u'>', open);
        if (close < 0)
            break;
        const QString target = header.mid(open + 1, close - open - 1).trimmed();
        qsizetype end = header.indexOf(u'<', close);
        if (end < 0)
            end = header.size();
        const QString params = header.mid(close + 1, end - close - 1);
        for (const auto &param : QStringView(params).split(u';')) {
            const auto trimmed = param.trimmed();
            if (!trimmed.startsWith(u"rel", Qt::CaseInsensitive))
                continue;
            QString value = trimmed.mid(trimmed.indexOf(u'=') + 1).trimmed().toString();
            if (value.endsWith(u','))
                value.chop(1);
            value.remove(u'"');
            for (const auto &rel : QStringView(value).split(u' ', Qt::SkipEmptyParts)) {
                if (rel.compare(u"next", Qt::CaseInsensitive) == 0)
                    return QUrl(target, QUrl::StrictMode);
            }
        }
        pos = close + 1;
    }
    return {};
}

bool Paginator::readsInside(const QStringList &records) const
{
    for (const QStringList *path : {&m_spec.tokenPath, &m_spec.urlPath, &m_spec.totalPath, &m_spec.morePath}) {
        if (!path->isEmpty() && path->size() > records.size() && path->mid(0, records.size()) == records)
            return true;
    }
    return false;
}

std::optional<qint64> Paginator::totalOf(const QJsonValue &root) const
{
    if (m_spec.totalPath.isEmpty())
        return std::nullopt;
    const QJsonValue v = JsonPath::value(root, m_spec.totalPath);
    // DocuSign sends its counts as text ("totalSetSize": "250").
    bool ok = v.isDouble();
    const qint64 total = ok ? v.toInteger(-1) : v.toString().trimmed().toLongLong(&ok);
    if (!ok || total < 0)
        return std::nullopt;
    return total;
}

bool Paginator::saysNoMore(const QJsonValue &root) const
{
    if (m_spec.morePath.isEmpty())
        return false;
    const QJsonValue v = JsonPath::value(root, m_spec.morePath);
    return v.isBool() && !v.toBool();
}

Result<Paginator::Step> Paginator::next(const PageCursor &current, const HttpExchange &exchange, const QJsonValue &root,
                                        qsizetype recordCount, const ProviderHttpClient &client) const
{
    Step step;
    step.next = current;
    step.next.resultsInQuery = current.resultsInQuery + recordCount;
    switch (m_spec.kind) {
    case Kind::None: step.done = true; break;
    case Kind::Cursor: {
        const QJsonValue token = JsonPath::value(root, m_spec.tokenPath);
        if (token.isUndefined() || token.isNull() || (token.isString() && token.toString().isEmpty())) {
            step.done = true;
            break;
        }
        if (!token.isString() && !token.isDouble())
            return Error::malformed(tr("the next-page token is neither text nor a number"));
        step.next.token = token.isString() ? token.toString() : QString::number(token.toInteger());
        if (step.next.token == current.token)
            return Error::malformed(tr("the next-page token repeats the current one"));
        if (recordCount == 0) {
            // A cursor that keeps coming back with empty pages would page forever.
            step.done = true;
        }
        if (saysNoMore(root))
            step.done = true;
        break;
    }
    case Kind::NextUrl:
    case Kind::LinkHeader: {
        QUrl next;
        if (m_spec.kind == Kind::LinkHeader) {
            next = nextLink(exchange.header("link"));
        } else {
            const QJsonValue v = JsonPath::value(root, m_spec.urlPath);
            if (v.isString() && !v.toString().isEmpty())
                next = QUrl(v.toString(), QUrl::StrictMode);
            else if (!v.isUndefined() && !v.isNull() && !v.isString())
                return Error::malformed(tr("the next-page URL is not text"));
        }
        if (next.isEmpty()) {
            step.done = true;
            break;
        }
        if (next.isRelative())
            next = exchange.url.resolved(next);
        if (!client.isSameOrigin(next))
            return Error::malformed(tr("the next-page URL points to another host (%1)").arg(next.host()));
        if (next == current.nextUrl || next == exchange.url)
            return Error::malformed(tr("the next-page URL repeats the current one"));
        step.next.nextUrl = next;
        // Only a missing link ends the paging: results filtered by the provider can leave a page
        // short or even empty (WhatsApp, GitHub). Endless empty pages still end, as a safeguard.
        step.next.emptyPages = recordCount == 0 ? current.emptyPages + 1 : 0;
        if (step.next.emptyPages >= MaxEmptyPages || saysNoMore(root))
            step.done = true;
        break;
    }
    case Kind::Offset: {
        const std::optional<qint64> total = totalOf(root);
        step.next.offset = current.offset + recordCount;
        // With a total, a short page does not end the paging (the provider may cap the page size
        // below ours); without one, it does.
        if (recordCount == 0 || (total ? step.next.offset >= *total : recordCount < m_pageSize))
            step.done = true;
        break;
    }
    case Kind::PageNumber:
        if (recordCount < m_pageSize) {
            step.done = true;
            break;
        }
        step.next.page = (current.page > 0 ? current.page : m_spec.startPage) + 1;
        break;
    }
    if (!step.done && m_spec.maxResults > 0 && step.next.resultsInQuery + m_pageSize > m_spec.maxResults)
        step.capReached = true;
    return step;
}

} // namespace Opbox
