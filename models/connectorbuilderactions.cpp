// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/connectorbuilderactions.h"
#include "engine/services/connectormanifestservice.h"
#include "engine/services/engine.h"
#include "models/guithread.h"
#include "models/jsonpointerlocator.h"
#include "models/ownersession.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

// Resources of a static library are registered only when asked for (outside any namespace).
static void initTemplateResources()
{
    Q_INIT_RESOURCE(opbox_connector_templates);
}

namespace Opbox {

namespace {

QList<ConnectorFieldEntry> fieldsOf(const QJsonValue &value)
{
    QList<ConnectorFieldEntry> out;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(u"name"_s).toString();
        if (name.isEmpty())
            continue;
        ConnectorFieldEntry field;
        field.name = name;
        field.label = o.value(u"label"_s).toString(name);
        field.required = o.value(u"required"_s).toBool(true);
        field.secret = o.value(u"secret"_s).toBool(false);
        field.help = o.value(u"description"_s).toString();
        field.declaredKind = o.value(u"kind"_s).toString(u"string"_s);
        field.kind = field.declaredKind == u"array" ? ConnectorFieldEntry::Kind::StringList : ConnectorFieldEntry::Kind::String;
        out.append(field);
    }
    return out;
}

TestReadStreamResult resultOf(const ManifestTestRead::Stream &stream)
{
    TestReadStreamResult out{stream.name, stream.records, stream.columns, {}, stream.error};
    for (const ManifestTestRead::Request &r : stream.requests)
        out.requests.append({r.method, r.url, r.status, r.ms});
    return out;
}

} // namespace

ConnectorBuilderActions::ConnectorBuilderActions(OwnerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session->engine()->connectorManifests(), &ConnectorManifestService::manifestsChanged, this,
            &ConnectorBuilderActions::typesChanged);
}

QList<ConnectorTemplate> ConnectorBuilderActions::templates()
{
    return {{u"bearer-rest"_s, tr("REST API with a bearer token (minimal)")},
            {u"pipedrive"_s, tr("Pipedrive (API token in the query, cursor pages)")},
            {u"stripe"_s, tr("Stripe (bearer secret key, starting_after pages)")}};
}

QString ConnectorBuilderActions::templateText(const QString &id)
{
    initTemplateResources();
    const QList<ConnectorTemplate> known = templates();
    if (std::none_of(known.begin(), known.end(), [&id](const ConnectorTemplate &t) { return t.id == id; }))
        return {};
    QFile file(u":/connector-templates/"_s + id + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Result<QStringList> ConnectorBuilderActions::installedTypes() const
{
    auto entries = m_session->engine()->connectorManifests()->list(m_session->caller());
    if (!entries)
        return entries.error();
    QStringList out;
    for (const auto &e : *entries) {
        if (!e.builtin && e.valid)
            out.append(e.type);
    }
    out.sort();
    return out;
}

Result<QString> ConnectorBuilderActions::installedText(const QString &type) const
{
    auto document = m_session->engine()->connectorManifests()->get(m_session->caller(), type);
    if (!document)
        return document.error();
    return QString::fromUtf8(QJsonDocument(*document).toJson(QJsonDocument::Indented));
}

void ConnectorBuilderActions::check(const QString &text, QObject *context, CheckDone done)
{
    ConnectorManifestService *service = m_session->engine()->connectorManifests();
    const Caller caller = m_session->caller();
    const QPointer<QObject> target(context);
    // Parsing, locating and validating all happen off the GUI thread, so typing never waits on them.
    (void)QtConcurrent::run([text, service, caller, target, done = std::move(done)] {
        ManifestCheck check;
        QJsonParseError error{};
        const QByteArray utf8 = text.toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
        auto locator = std::make_shared<const JsonPointerLocator>(text);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            const bool syntax = error.error != QJsonParseError::NoError;
            const auto [line, column] = locator->lineAndColumn(syntax ? QString::fromUtf8(utf8.left(error.offset)).size() : 0);
            check.problems.append({QString(),
                                   syntax ? tr("not valid JSON here: %1").arg(error.errorString())
                                          : tr("a manifest is a JSON object: write { … } around its keys"),
                                   line, column});
            GuiThread::deliver(target, [check, done](QObject *) { done(check); });
            return;
        }
        check.parsed = true;
        check.document = doc.object();
        check.type = check.document.value(u"type"_s).toString();
        check.credentials = fieldsOf(check.document.value(u"credentials"_s));
        check.config = fieldsOf(check.document.value(u"config"_s));
        for (const QJsonValue &s : check.document.value(u"streams"_s).toArray()) {
            if (const QString name = s.toObject().value(u"name"_s).toString(); !name.isEmpty())
                check.streams.append(name);
        }
        const QJsonObject document = check.document;
        service->validateAsync(caller, document, nullptr,
                               [check, locator, target, done](Result<ConnectorManifestService::Validation> r) mutable {
                                   if (!r) {
                                       check.problems.append({QString(), r.error().message, 1, 1});
                                   } else {
                                       for (const ManifestIssue &issue : r->errors) {
                                           const auto [line, column] = locator->lineAndColumn(locator->position(issue.path));
                                           check.problems.append({issue.path, issue.message, line, column});
                                       }
                                   }
                                   GuiThread::deliver(target, [check, done](QObject *) { done(check); });
                               });
    });
}

void ConnectorBuilderActions::testRead(const QJsonObject &manifest, const QJsonObject &credentials, const QJsonObject &config,
                                       QObject *context, TestReadDone done)
{
    const QPointer<QObject> target(context);
    ConnectorManifestService *service = m_session->engine()->connectorManifests();
    const Caller caller = m_session->caller();
    const ConnectorManifestService::TestReadRequest request{manifest, credentials, config, {}};
    auto answer = [target, done = std::move(done)](Result<QList<ManifestTestRead::Stream>> r) {
        Result<QList<TestReadStreamResult>> out = Error::internal();
        if (!r) {
            out = r.error();
        } else {
            QList<TestReadStreamResult> streams;
            for (const auto &s : *r)
                streams.append(resultOf(s));
            out = streams;
        }
        GuiThread::deliver(target, [out, done](QObject *) { done(out); });
    };
    // The service validates the manifest before it reads: that happens off the GUI thread too.
    (void)QtConcurrent::run([service, caller, request, answer] { service->testRead(caller, request, nullptr, answer); });
}

Result<void> ConnectorBuilderActions::install(const QJsonObject &manifest)
{
    const QString type = manifest.value(u"type"_s).toString();
    auto installed = m_session->engine()->connectorManifests()->install(m_session->caller(), type, manifest);
    if (!installed)
        return installed.error();
    return {};
}

bool ConnectorBuilderActions::canTestRead() const
{
    return m_session->isAdmin();
}

bool ConnectorBuilderActions::canInstall() const
{
    return m_session->caller().atLeast(Role::Owner);
}

} // namespace Opbox
