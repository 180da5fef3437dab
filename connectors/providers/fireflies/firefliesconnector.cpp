// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/fireflies/firefliesconnector.h"

#include "connectors/runtime/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Opbox {

FirefliesConnector::FirefliesConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context)
    : DeclarativeConnector(std::move(manifest), std::move(context))
{
    const QString provider = m_manifest->provider;
    m_client.setInspector(
        [provider](const HttpExchange &exchange) { return inspect(exchange, provider, QDateTime::currentDateTimeUtc()); });
}

ProviderHttpClient::Verdict FirefliesConnector::inspect(const HttpExchange &exchange, const QString &provider,
                                                        const QDateTime &now)
{
    using Verdict = ProviderHttpClient::Verdict;
    Verdict verdict;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange.body);
    if (!doc.isObject())
        return verdict; // not GraphQL: status codes and the malformed-body check decide
    const QJsonArray errors = doc.object().value(u"errors"_s).toArray();
    if (errors.isEmpty())
        return verdict;
    const QJsonObject first = errors.first().toObject();
    QString code = first.value(u"code"_s).toString();
    if (code.isEmpty())
        code = JsonPath::value(QJsonValue(first), u"extensions.code").toString();
    const int status = JsonPath::value(QJsonValue(first), u"extensions.status").toInt(exchange.status);
    QString message = first.value(u"message"_s).toString().simplified();
    if (message.size() > 300)
        message = message.left(300) + u"…"_s;
    const QString what = ProviderHttpClient::describe("POST", exchange.url);
    const QString detail = code.isEmpty() ? message : u"%1: %2"_s.arg(code, message);

    if (code == u"too_many_requests" || status == 429) {
        verdict.kind = Verdict::Kind::Retry;
        verdict.reason = detail;
        // Fireflies gives the moment to retry as epoch milliseconds, not as a number of seconds.
        const QJsonValue retryAfter = JsonPath::value(QJsonValue(first), u"extensions.metadata.retryAfter");
        if (retryAfter.isDouble())
            verdict.retryAfterMs = std::max<qint64>(0, qint64(retryAfter.toDouble()) - now.toMSecsSinceEpoch());
        return verdict;
    }
    if (code == u"auth_failed" || code == u"account_cancelled" || code == u"forbidden" || status == 401 || status == 403) {
        verdict.kind = Verdict::Kind::Fail;
        verdict.error = Error::configuration(
            tr("%1 refused the credentials (%2: %3). Check the API key and its permissions.").arg(provider, what, detail));
        return verdict;
    }
    if (status >= 500) {
        verdict.kind = Verdict::Kind::Retry;
        verdict.reason = detail;
        return verdict;
    }
    verdict.kind = Verdict::Kind::Fail;
    verdict.error = Error::upstream(tr("%1 refused %2 (%3)").arg(provider, what, detail));
    return verdict;
}

} // namespace Opbox
