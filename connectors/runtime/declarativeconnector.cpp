// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/declarativeconnector.h"

#include "connectors/connectorslogging.h"
#include "connectors/http/formencoding.h"
#include "connectors/oauth/oauthprofile.h"
#include "connectors/oauth/oauthtokenprovider.h"
#include "connectors/runtime/jsonpath.h"
#include "connectors/runtime/streamreadjob.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

ConnectorContext withCancelToken(ConnectorContext context)
{
    if (!context.cancel)
        context.cancel = std::make_shared<CancelToken>();
    return context;
}

} // namespace

DeclarativeConnector::DeclarativeConnector(std::shared_ptr<const ConnectorManifest> manifest, ConnectorContext context)
    : m_manifest(std::move(manifest))
    , m_context(withCancelToken(std::move(context)))
    , m_ownNetwork(m_context.network ? nullptr : std::make_unique<QNetworkAccessManager>())
    , m_client(m_manifest, m_context.credentials, m_context.config, m_context.network ? m_context.network : m_ownNetwork.get(),
               m_context.cancel)
{
    // OAuth connector types get their bearer token from a provider that refreshes and persists it.
    if (auto profile = OAuthProfile::forType(m_context.type)) {
        m_client.setTokenProvider(std::make_shared<OAuthTokenProvider>(
            std::move(profile), m_context.credentials, m_context.config,
            m_context.network ? m_context.network : m_ownNetwork.get(), m_context.credentialsStore));
    }
}

DeclarativeConnector::~DeclarativeConnector() = default;

QList<StreamSpec> DeclarativeConnector::streams() const
{
    QList<StreamSpec> out;
    for (const auto &stream : m_manifest->streams)
        out.append(stream.spec());
    return out;
}

int DeclarativeConnector::configuredPageSize() const
{
    const QJsonValue v = m_context.config.value(u"pageSize"_s);
    if (v.isDouble())
        return std::max(0, v.toInt());
    if (v.isString())
        return std::max(0, v.toString().toInt());
    return 0;
}

Error DeclarativeConnector::malformed(const QByteArray &method, const QUrl &url, const QString &problem) const
{
    return Error::malformed(m_client.scrub(tr("%1 returned malformed data for %2: %3")
                                               .arg(m_manifest->provider, ProviderHttpClient::describe(method, url), problem)));
}

Result<HttpCall> DeclarativeConnector::buildCall(const ConnectorManifest::Request &request, const TemplateScope &scope,
                                                 const QJsonObject &extraQuery, const Paginator *paginator,
                                                 const PageCursor &cursor) const
{
    HttpCall call;
    call.method = request.method;
    call.minIntervalMs = request.minIntervalMs;
    call.acceptStatuses = request.emptyStatuses;

    QJsonObject body;
    if (request.body.isObject()) {
        QJsonValue expanded = request.body;
        if (Result<void> done = RequestTemplate::expandJson(expanded, scope); !done)
            return done.error();
        body = expanded.toObject();
    }

    QList<QPair<QString, QString>> query;
    const auto addQuery = [&](const QJsonObject &items) -> Result<void> {
        for (auto it = items.begin(); it != items.end(); ++it) {
            const auto e = RequestTemplate::expand(it->toString(), scope, RequestTemplate::Target::Query);
            if (!e)
                return e.error();
            if (!e->missing)
                query.append({it.key(), e->value});
        }
        return {};
    };
    if (Result<void> added = addQuery(request.query); !added)
        return added.error();
    if (Result<void> added = addQuery(extraQuery); !added)
        return added.error();
    for (auto it = request.headers.begin(); it != request.headers.end(); ++it) {
        const auto e = RequestTemplate::expand(it->toString(), scope, RequestTemplate::Target::Query);
        if (!e)
            return e.error();
        if (!e->missing)
            call.headers.append({it.key().toLatin1(), e->value.toUtf8()});
    }
    if (paginator)
        paginator->inject(cursor, query, body);

    if (cursor.nextUrl.isValid()) {
        // Next-page URLs are followed as given: they already carry every parameter.
        call.url = cursor.nextUrl;
    } else {
        const auto path = RequestTemplate::expand(request.path, scope, RequestTemplate::Target::Path);
        if (!path)
            return path.error();
        if (path->missing)
            return Error::configuration(tr("the path %1 refers to a value that is empty").arg(request.path));
        call.url = m_client.urlFor(path->value, FormEncoding::encodeToString(query));
    }
    if (request.body.isObject())
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return call;
}

QCoro::Task<Result<void>> DeclarativeConnector::ensureContext(std::shared_ptr<CancelToken> stop)
{
    // Streams read at once ask together: one request, the others wait for its answer.
    while (m_contextLoading)
        co_await m_contextReady.wait();
    if (!m_manifest->context || m_contextLoaded)
        co_return Result<void>();
    m_contextLoading = true;
    auto loading = loadContext(std::move(stop));
    Result<void> loaded = co_await loading;
    m_contextLoading = false;
    m_contextReady.notifyAll();
    co_return loaded;
}

QCoro::Task<Result<void>> DeclarativeConnector::loadContext(std::shared_ptr<CancelToken> stop)
{
    const auto &context = *m_manifest->context;
    TemplateScope scope;
    scope.config = m_context.config;
    const Result<HttpCall> call = buildCall(context.request, scope, {}, nullptr, {});
    if (!call)
        co_return call.error();
    // Tasks are created in their own statement and awaited by name throughout the connectors: GCC 12
    // destroys by-value arguments of a coroutine called inside a co_await expression twice.
    auto sending = m_client.send(*call, std::move(stop));
    const Result<HttpExchange> exchange = co_await sending;
    if (!exchange)
        co_return exchange.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(exchange->body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        co_return malformed(call->method, call->url, tr("invalid JSON (%1)").arg(parseError.errorString()));
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    QJsonObject values;
    for (const auto &[name, path] : context.values) {
        const QJsonValue v = JsonPath::value(root, path);
        if (!v.isString() || v.toString().isEmpty())
            co_return malformed(call->method, call->url, tr("'%1' is missing").arg(path.join(u'.')));
        values.insert(name, v);
    }
    m_contextValues = values;
    m_contextLoaded = true;
    co_return Result<void>();
}

QCoro::Task<Result<void>> DeclarativeConnector::probe()
{
    TemplateScope scope;
    scope.config = m_context.config;
    Result<HttpCall> call = buildCall(m_manifest->check, scope, {}, nullptr, {});
    if (!call)
        co_return call.error();
    // A check answers a person waiting in a dialog: retry a little, not for minutes.
    call->maxRetries = std::min(2, m_client.policy().settings().maxRetries);
    auto sending = m_client.send(*call, nullptr);
    const Result<HttpExchange> exchange = co_await sending;
    if (!exchange)
        co_return exchange.error();
    QJsonParseError parseError;
    QJsonDocument::fromJson(exchange->body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        co_return malformed(call->method, call->url, tr("invalid JSON (%1)").arg(parseError.errorString()));
    co_return Result<void>();
}

QCoro::Task<Result<void>> DeclarativeConnector::check()
{
    auto probing = probe();
    const Result<void> probed = co_await probing;
    // The provider answered that this account may not read the check's resource (a non-admin and
    // DocuSign's users): the credentials work, and discovery tells which streams are readable.
    if (!probed && probed.error().isNotPermitted()) {
        qCInfo(lcConnectors).noquote() << m_manifest->provider
                                       << "check: the credentials work; the check request is not permitted";
        co_return Result<void>();
    }
    co_return probed;
}

QCoro::Task<Result<void>> DeclarativeConnector::probeStream(const ConnectorManifest::Stream &stream)
{
    auto contextTask = ensureContext(nullptr);
    if (const Result<void> context = co_await contextTask; !context)
        co_return context.error();
    TemplateScope scope;
    scope.config = m_context.config;
    scope.context = m_contextValues;
    scope.fields = &stream.fields;
    Result<HttpCall> call = buildCall(stream.request, scope, {}, nullptr, {});
    if (!call)
        co_return Result<void>(); // a request that needs more than the config is the read's to judge
    call->maxRetries = std::min(2, m_client.policy().settings().maxRetries);
    auto sending = m_client.send(*call, nullptr);
    const Result<HttpExchange> exchange = co_await sending;
    if (!exchange)
        co_return exchange.error();
    co_return Result<void>();
}

QCoro::Task<DiscoverResult> DeclarativeConnector::discover()
{
    auto checking = check();
    if (const Result<void> checked = co_await checking; !checked)
        co_return checked.error();
    QList<StreamSpec> out = streams();
    for (StreamSpec &spec : out) {
        const ConnectorManifest::Stream *stream = m_manifest->stream(spec.name);
        // A stream read per parent record or config value may be refused for one of them only: its read says which.
        if (!stream || !stream->slices.parent.isEmpty() || !stream->slices.config.isEmpty())
            continue;
        auto probing = probeStream(*stream);
        const Result<void> readable = co_await probing;
        if (!readable && readable.error().isNotPermitted()) {
            spec.available = false;
            spec.reason = readable.error().message;
        } else if (!readable) {
            qCInfo(lcConnectors).noquote() << m_manifest->provider << "discover: probing" << spec.name << "failed;"
                                           << "the read will tell";
        }
    }
    co_return out;
}

QCoro::Task<ReadResult> DeclarativeConnector::read(QString stream, QJsonObject state, PageSink *sink)
{
    const ConnectorManifest::Stream *spec = m_manifest->stream(stream);
    if (!spec)
        co_return Error::configuration(tr("%1 has no stream named '%2'").arg(m_manifest->provider, stream));
    if (!sink)
        co_return Error::configuration(tr("no page sink given"));
    StreamReadJob job(*this, *spec, std::move(state), sink);
    co_return co_await job.run();
}

} // namespace Opbox
