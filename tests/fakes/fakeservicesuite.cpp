// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeservicesuite.h"

#include "asanafakeserver.h"
#include "calendlyfakeserver.h"
#include "companieshousefakeserver.h"
#include "docusignfakeserver.h"
#include "firefliesfakeserver.h"
#include "githubfakeserver.h"
#include "hubspotfakeserver.h"
#include "whatsappfakeserver.h"
#include "xerofakeserver.h"
#include "zendeskfakeserver.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Opbox::Fakes {

FakeServiceSuite::FakeServiceSuite(QObject *parent)
    : FakeServiceSuite(Options(), parent)
{
}

FakeServiceSuite::FakeServiceSuite(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_servers.push_back(std::make_unique<HubSpotFakeServer>());
    m_servers.push_back(std::make_unique<AsanaFakeServer>());
    m_servers.push_back(std::make_unique<CalendlyFakeServer>());
    m_servers.push_back(std::make_unique<FirefliesFakeServer>());
    m_servers.push_back(std::make_unique<GitHubFakeServer>());
    m_servers.push_back(std::make_unique<ZendeskFakeServer>());
    m_servers.push_back(std::make_unique<WhatsAppFakeServer>());
    m_servers.push_back(std::make_unique<CompaniesHouseFakeServer>());
    // The OAuth providers: each has its own authorization server (auto-consenting) beside its API host.
    m_servers.push_back(std::make_unique<XeroFakeServer>());
    m_servers.push_back(std::make_unique<DocuSignFakeServer>());
    for (auto &server : m_servers)
        server->setToken(m_options.token);
    seed();
}

FakeServiceSuite::~FakeServiceSuite()
{
    stop();
}

void FakeServiceSuite::seed()
{
    const int n = std::max(1, m_options.records);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto &server : m_servers) {
        if (auto *hubspot = qobject_cast<HubSpotFakeServer *>(server.get())) {
            hubspot->seed(u"contacts"_s, n);
            hubspot->seed(u"companies"_s, n);
            hubspot->seed(u"deals"_s, n);
            hubspot->seed(u"owners"_s, std::max(1, n / 10));
            if (m_options.generatedContacts > 0)
                hubspot->setGeneratedContacts(m_options.generatedContacts);
        } else if (auto *asana = qobject_cast<AsanaFakeServer *>(server.get())) {
            asana->seed(2, 3, std::max(1, n / 6), 5);
        } else if (auto *calendly = qobject_cast<CalendlyFakeServer *>(server.get())) {
            // Half the meetings in the past, half ahead, one a day.
            calendly->seed(5, n, 1, now.addDays(-n / 2));
        } else if (auto *fireflies = qobject_cast<FirefliesFakeServer *>(server.get())) {
            fireflies->seed(n, 4, now.addSecs(-qint64(n) * 3600));
        } else if (auto *github = qobject_cast<GitHubFakeServer *>(server.get())) {
            github->seed(3, std::max(1, n / 3), std::max(1, n / 10), std::max(1, n / 3));
        } else if (auto *zendesk = qobject_cast<ZendeskFakeServer *>(server.get())) {
            zendesk->seed(n, std::max(1, n / 5), std::max(1, n / 10), 3);
        } else if (auto *whatsapp = qobject_cast<WhatsAppFakeServer *>(server.get())) {
            whatsapp->seed(std::max(1, n / 2), 3);
        } else if (auto *registry = qobject_cast<CompaniesHouseFakeServer *>(server.get())) {
            // A watched list of a few companies: a full read stays far below the 600-per-5-minutes limit.
            registry->seed(3, std::max(1, n / 10), std::max(1, n / 2), 4);
        } else if (auto *xero = qobject_cast<XeroFakeServer *>(server.get())) {
            xero->seed(std::max(1, n / 2), n, std::max(1, n / 10));
        } else if (auto *docusign = qobject_cast<DocuSignFakeServer *>(server.get())) {
            docusign->seed(n, std::max(1, n / 10), std::max(1, n / 10));
        }
    }
}

bool FakeServiceSuite::start(QString *error)
{
    for (auto &server : m_servers) {
        if (!server->start()) {
            if (error)
                *error = u"cannot listen on 127.0.0.1 for the %1 fake"_s.arg(server->serviceName());
            stop();
            return false;
        }
    }
    return true;
}

void FakeServiceSuite::stop()
{
    for (auto &server : m_servers)
        server->stop();
}

QList<FakeProviderServer *> FakeServiceSuite::servers() const
{
    QList<FakeProviderServer *> out;
    for (const auto &server : m_servers)
        out.append(server.get());
    return out;
}

FakeProviderServer *FakeServiceSuite::server(const QString &connectorType) const
{
    for (const auto &server : m_servers) {
        if (server->connectorType() == connectorType)
            return server.get();
    }
    return nullptr;
}

QStringList FakeServiceSuite::describe() const
{
    QStringList lines;
    // The config a connection to each fake needs (baseUrl with its version path, the OAuth host,
    // seeded ids) and the credentials it accepts, so that a connection can be made from this line alone.
    for (const auto &server : m_servers)
        lines.append(u"%1 %2 %3 config=%4 credentials=%5"_s.arg(
            server->connectorType(), server->serviceName(), server->baseUrl().toString(),
            QString::fromUtf8(QJsonDocument(server->connectorConfig()).toJson(QJsonDocument::Compact)),
            QString::fromUtf8(QJsonDocument(server->credentials()).toJson(QJsonDocument::Compact))));
    return lines;
}

} // namespace Opbox::Fakes
