// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/runtime/connectortyperegistry.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString kindName(ConnectorField::Kind kind)
{
    switch (kind) {
    case ConnectorField::Kind::String: return u"string"_s;
    case ConnectorField::Kind::StringList: return u"string[]"_s;
    case ConnectorField::Kind::Boolean: return u"boolean"_s;
    case ConnectorField::Kind::Integer: return u"integer"_s;
    }
    return u"string"_s;
}

ConnectorField secretField(const QString &name, const QString &label, bool required = true)
{
    return ConnectorField{name, label, required, true, ConnectorField::Kind::String, {}, {}, {}};
}

ConnectorField plainField(const QString &name, const QString &label, bool required = true,
                          ConnectorField::Kind kind = ConnectorField::Kind::String, const QString &help = {})
{
    return ConnectorField{name, label, required, false, kind, help, {}, {}};
}

// Values with a documented shape are checked when the connection is saved, not at its first sync.
ConnectorField withPattern(ConnectorField field, const QString &pattern, const QString &hint)
{
    field.pattern = pattern;
    field.patternHint = hint;
    return field;
}

// Every connector honours baseUrl so that it can be pointed at a local fake or a proxy.
ConnectorField baseUrlField()
{
    return plainField(u"baseUrl"_s, QCoreApplication::translate("ConnectorTypeRegistry", "API base URL"), false,
                      ConnectorField::Kind::String,
                      QCoreApplication::translate("ConnectorTypeRegistry", "Leave empty for the provider's own API."));
}

ConnectorField authBaseUrlField()
{
    return plainField(u"authBaseUrl"_s, QCoreApplication::translate("ConnectorTypeRegistry", "OAuth base URL"), false);
}

QList<ConnectorTypeInfo> buildRegistry()
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("ConnectorTypeRegistry", s); };
    using K = ConnectorField::Kind;
    QList<ConnectorTypeInfo> types;
    types.append({u"CRM_PLATFORM"_s,
                  u"CRM Platform"_s,
                  u"CRM"_s,
                  u"HubSpot CRM v3"_s,
                  u"api_key"_s,
                  {secretField(u"apiKey"_s, tr("Private app token"))},
                  {baseUrlField()}});
    types.append({u"ACCOUNTING"_s,
                  u"Accounting Software"_s,
                  u"Accounting"_s,
                  u"Xero Accounting"_s,
                  u"oauth2"_s,
                  {plainField(u"client_id"_s, tr("Client ID")), secretField(u"client_secret"_s, tr("Client secret"))},
                  {plainField(u"tenantId"_s, tr("Tenant ID (discovered)"), false), baseUrlField(), authBaseUrlField()}});
    types.append({u"PROJECT_MGMT"_s,
                  u"Project Management"_s,
                  u"Project Management"_s,
                  u"Asana"_s,
                  u"api_key"_s,
                  {secretField(u"accessToken"_s, tr("Personal access token"))},
                  {plainField(u"workspaceGid"_s, tr("Workspace GID (empty: every workspace)"), false), baseUrlField()}});
    types.append({u"SCHEDULING"_s,
                  u"Scheduling Platform"_s,
                  u"Scheduling"_s,
                  u"Calendly v2"_s,
                  u"api_key"_s,
                  {secretField(u"accessToken"_s, tr("Personal access token"))},
                  {baseUrlField()}});
    types.append(
        {u"DOC_SIGNING"_s,
         u"Document Signing"_s,
         u"Documents"_s,
         u"DocuSign eSignature v2.1"_s,
         u"oauth2"_s,
         {plainField(u"client_id"_s, tr("Integration key (client ID)")), secretField(u"client_secret"_s, tr("Secret key"))},
         {plainField(u"accountId"_s, tr("Account ID (discovered)"), false), baseUrlField(), authBaseUrlField()}});
    types.append({u"MEETINGS"_s,
                  u"Meeting Transcription"_s,
                  u"Meetings"_s,
                  u"Fireflies.ai GraphQL"_s,
                  u"api_key"_s,
                  {secretField(u"apiKey"_s, tr("API key"))},
                  {baseUrlField()}});
    types.append({u"SUPPORT"_s,
                  u"Customer Support"_s,
                  u"Support"_s,
                  u"Zendesk Support"_s,
                  u"basic"_s,
                  {plainField(u"email"_s, tr("Agent email")), secretField(u"apiToken"_s, tr("API token"))},
                  {plainField(u"subdomain"_s, tr("Subdomain (<subdomain>.zendesk.com)")), baseUrlField()}});
    types.append({u"MESSAGING"_s,
                  u"WhatsApp Messaging"_s,
                  u"Messaging"_s,
                  u"WhatsApp Business Cloud"_s,
                  u"api_key"_s,
                  {secretField(u"accessToken"_s, tr("System-user access token")),
                   secretField(u"appSecret"_s, tr("App secret (for inbound webhooks)"), false),
                   secretField(u"verifyToken"_s, tr("Webhook verify token"), false)},
                  {plainField(u"wabaId"_s, tr("WhatsApp Business Account ID")), baseUrlField()}});
    types.append({u"REGISTRY"_s,
                  u"Registry Service"_s,
                  u"Registry"_s,
                  u"UK Companies House"_s,
                  u"api_key"_s,
                  {secretField(u"apiKey"_s, tr("API key"))},
                  {withPattern(plainField(u"companyNumbers"_s, tr("Company numbers"), true, K::StringList), u"[A-Za-z0-9]{8}"_s,
                               tr("a company number (8 letters or digits, e.g. 00445790 or SC123456)")),
                   baseUrlField()}});
    types.append({u"DEVELOPMENT"_s,
                  u"Development"_s,
                  u"Development"_s,
                  u"GitHub REST"_s,
                  u"api_key"_s,
                  {secretField(u"token"_s, tr("Access token"))},
                  {withPattern(plainField(u"repositories"_s, tr("Repositories (owner/name; empty: all of the token's)"), false,
                                          K::StringList),
                               u"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+"_s, tr("owner/name (e.g. octocat/hello-world)")),
                   baseUrlField()}});
    return types;
}

} // namespace

QJsonObject ConnectorField::toJson() const
{
    QJsonObject o{
        {u"name"_s, name}, {u"label"_s, label}, {u"required"_s, required}, {u"secret"_s, secret}, {u"type"_s, kindName(kind)}};
    if (!help.isEmpty())
        o.insert(u"help"_s, help);
    return o;
}

QJsonObject ConnectorTypeInfo::toJson() const
{
    QJsonArray creds;
    for (const auto &f : credentials)
        creds.append(f.toJson());
    QJsonArray conf;
    for (const auto &f : config)
        conf.append(f.toJson());
    return QJsonObject{{u"type"_s, type},         {u"name"_s, name},         {u"category"_s, category}, {u"service"_s, service},
                       {u"authType"_s, authType}, {u"credentials"_s, creds}, {u"config"_s, conf}};
}

const QList<ConnectorTypeInfo> &ConnectorTypeRegistry::all()
{
    static const QList<ConnectorTypeInfo> types = buildRegistry();
    return types;
}

const ConnectorTypeInfo *ConnectorTypeRegistry::find(const QString &type)
{
    for (const auto &info : all()) {
        if (info.type == type)
            return &info;
    }
    return nullptr;
}

const ConnectorTypeInfo *ConnectorTypeRegistry::findLoose(const QString &type)
{
    QString normal = type.toUpper();
    normal.replace(u'-', u'_');
    return find(normal);
}

QStringList ConnectorTypeRegistry::typeNames()
{
    QStringList names;
    for (const auto &info : all())
        names.append(info.type);
    return names;
}

} // namespace Opbox
