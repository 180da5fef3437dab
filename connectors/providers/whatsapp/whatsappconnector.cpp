// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/whatsapp/whatsappconnector.h"

#include "connectors/connectorslogging.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Graph API error codes: which mean a rate limit, a refused credential or a passing failure.
bool isRateLimitCode(qint64 code)
{
    switch (code) {
    case 4: // application request limit
    case 17: // user request limit
    case 32: // page request limit
    case 613: // calls within one hour exceeded
    case 80007: // WhatsApp Business Account rate limit
    case 80008:
    case 130429: // throughput
        return true;
    default: return false;
    }
}

bool isCredentialCode(qint64 code)
{
    return code == 190 || code == 102 || code == 10 || (code >= 200 && code <= 299);
}

bool isTemporaryCode(qint64 code)
{
    return code == 1 || code == 2; // unknown / temporary service errors
}

} // namespace

WhatsAppConnector::WhatsAppConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context)
    : DeclarativeConnector(std::move(manifest), std::move(context))
{
    const QString provider = m_manifest->provider;
    m_client.setInspector([provider](const HttpExchange &exchange) { return inspect(exchange, provider); });
}

ProviderHttpClient::Verdict WhatsAppConnector::inspect(const HttpExchange &exchange, const QString &provider)
{
    using Verdict = ProviderHttpClient::Verdict;
    Verdict verdict;
    if (exchange.status < 400)
        return verdict;
    const QJsonObject error = QJsonDocument::fromJson(exchange.body).object().value(u"error"_s).toObject();
    if (error.isEmpty())
        return verdict; // not a Graph error body: the status decides
    const qint64 code = error.value(u"code"_s).toInteger(-1);
    QString message = error.value(u"message"_s).toString().simplified();
    if (message.size() > 300)
        message = message.left(300) + u"…"_s;
    const QString what = ProviderHttpClient::describe("GET", exchange.url);
    const QString detail = u"HTTP %1, code %2: %3"_s.arg(exchange.status).arg(code).arg(message);
    if (isRateLimitCode(code) || isTemporaryCode(code) || exchange.status == 429 || exchange.status >= 500) {
        // Graph names no moment to retry at: the backoff decides.
        verdict.kind = Verdict::Kind::Retry;
        verdict.reason = detail;
        return verdict;
    }
    if (isCredentialCode(code) || error.value(u"type"_s).toString() == u"OAuthException"_s) {
        verdict.kind = Verdict::Kind::Fail;
        verdict.error = Error::configuration(
            tr("%1 refused the credentials (%2: %3). Check the access token and its permissions.").arg(provider, what, detail));
        return verdict;
    }
    verdict.kind = Verdict::Kind::Fail;
    verdict.error = Error::upstream(tr("%1 refused %2 (%3)").arg(provider, what, detail));
    return verdict;
}

QCoro::Task<ReadResult> WhatsAppConnector::read(QString stream, QJsonObject state, PageSink *sink)
{
    const ConnectorManifest::Stream *spec = m_manifest->stream(stream);
    if (spec && spec->request.path.isEmpty()) {
        // Meta pushes these to the webhook; there is nothing to ask for. Reporting success with no
        // page leaves the stored state and the webhook's rows alone.
        qCDebug(lcConnectors) << m_manifest->provider << stream << "arrives by webhook; nothing to read";
        co_return qint64(0);
    }
    auto task = DeclarativeConnector::read(std::move(stream), std::move(state), sink);
    co_return co_await task;
}

} // namespace Opbox
