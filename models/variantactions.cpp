// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/variantactions.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/engine.h"
#include "engine/services/variantservice.h"
#include "engine/sync/tablenamingpolicy.h"
#include "models/ownersession.h"

using namespace Qt::StringLiterals;

namespace Opbox {

VariantActions::VariantActions(OwnerSession *session, const QString &sourceConnectionId, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sourceId(sourceConnectionId)
{
    auto record = session->engine()->connections()->record(session->caller(), sourceConnectionId);
    if (record) {
        m_sourceName = record->name;
        m_sourceType = record->type;
        m_sourceTableBase = record->tableBase;
    }
}

QString VariantActions::baseName() const
{
    return TableNamingPolicy::stripVariantLabel(m_sourceName);
}

QStringList VariantActions::previewTables(const QString &name, bool ownTables) const
{
    QString base;
    if (ownTables)
        base = TableNamingPolicy::baseFromName(name, false);
    else if (!m_sourceTableBase.isEmpty())
        base = m_sourceTableBase;
    else
        base = TableNamingPolicy::baseFromName(m_sourceName, true);
    QStringList out;
    for (const QString &stream : ConnectorService::streamNames(m_sourceType))
        out.append(TableNamingPolicy::tableName(base, stream));
    return out;
}

Result<QString> VariantActions::create(const VariantDraft &draft)
{
    VariantRequest request;
    request.name = draft.name;
    if (!draft.label.isEmpty())
        request.label = draft.label;
    if (draft.ownTables)
        request.config.insert(u"createOwnTables"_s, true);
    auto created = m_session->engine()->variants()->create(m_session->caller(), m_sourceId, request);
    if (!created)
        return created.error();
    // The new webhook token is not kept or shown (reveal it in Overview).
    return created->connection.id;
}

} // namespace Opbox
