// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/providers/zendesk/zendeskconnector.h"

#include "connectors/providers/zendesk/zendeskexportjob.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Opbox {

ZendeskConnector::ZendeskConnector(const std::shared_ptr<const ConnectorManifest> &manifest, ConnectorContext context)
    : DeclarativeConnector(manifest, withApiRoot(std::move(context), manifest->baseUrl))
{
    (void)apiRoot(m_manifest->baseUrl, m_context.config, &m_configProblem);
}

QString ZendeskConnector::apiRoot(const QString &pattern, const QJsonObject &config, QString *problem)
{
    const QString explicitBase = config.value(u"baseUrl"_s).toString().trimmed();
    if (!explicitBase.isEmpty())
        return explicitBase;
    QString subdomain = config.value(u"subdomain"_s).toString().trimmed().toLower();
    // People paste what their browser shows: take the host's first label.
    static const QRegularExpression scheme(u"^[a-z][a-z0-9+.-]*://"_s);
    subdomain.remove(scheme);
    subdomain = subdomain.section(u'/', 0, 0);
    static constexpr QStringView suffix = u".zendesk.com";
    if (subdomain.endsWith(suffix))
        subdomain.chop(suffix.size());
    // One DNS label, so that a typo can never send the credentials to another host.
    static const QRegularExpression label(u"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"_s);
    if (subdomain.isEmpty()) {
        if (problem)
            *problem = tr("Zendesk: the subdomain is missing (config.subdomain, e.g. \"acme\" for acme.zendesk.com).");
        return {};
    }
    if (!label.match(subdomain).hasMatch()) {
        if (problem)
            *problem = tr("Zendesk: \"%1\" is not a Zendesk subdomain (letters, digits and dashes, e.g. \"acme\").")
                           .arg(config.value(u"subdomain"_s).toString().left(64));
        return {};
    }
    QString root = pattern;
    root.replace(u"{subdomain}"_s, subdomain);
    return root;
}

ConnectorContext ZendeskConnector::withApiRoot(ConnectorContext context, const QString &pattern)
{
    const QString root = apiRoot(pattern, context.config, nullptr);
    if (!root.isEmpty())
        context.config.insert(u"baseUrl"_s, root);
    return context;
}

QCoro::Task<Result<void>> ZendeskConnector::check()
{
    if (!m_configProblem.isEmpty())
        co_return Error::configuration(m_configProblem);
    auto task = DeclarativeConnector::check();
    co_return co_await task;
}

QCoro::Task<DiscoverResult> ZendeskConnector::discover()
{
    if (!m_configProblem.isEmpty())
        co_return Error::configuration(m_configProblem);
    auto task = DeclarativeConnector::discover();
    co_return co_await task;
}

QCoro::Task<ReadResult> ZendeskConnector::read(QString stream, QJsonObject state, PageSink *sink)
{
    if (!m_configProblem.isEmpty())
        co_return Error::configuration(m_configProblem);
    const ConnectorManifest::Stream *spec = m_manifest->stream(stream);
    if (spec && sink && ZendeskExportJob::handles(*m_manifest, *spec)) {
        ZendeskExportJob job(*this, *spec, std::move(state), sink);
        auto task = job.run();
        co_return co_await task;
    }
    auto task = DeclarativeConnector::read(std::move(stream), std::move(state), sink);
    co_return co_await task;
}

} // namespace Opbox
