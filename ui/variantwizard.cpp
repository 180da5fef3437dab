// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/variantwizard.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/engine.h"
#include "models/iconlibrary.h"
#include "models/ownersession.h"
#include "engine/sync/tablenamingpolicy.h"
#include "ui/uistrings.h"
#include "ui/variantconfirmpage.h"
#include "ui/variantdetailspage.h"
#include "engine/services/variantservice.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizardPage>

using namespace Qt::StringLiterals;

namespace Opbox {

VariantWizard::VariantWizard(OwnerSession *session, const QString &sourceConnectionId, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_sourceId(sourceConnectionId)
    , m_name(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_ownTables(new QCheckBox(tr("Give the variant its &own tables"), this))
    , m_preview(new QLabel(this))
{
    setWindowTitle(tr("New Variant"));
    setWizardStyle(QWizard::ModernStyle);
    setPixmap(QWizard::LogoPixmap, IconLibrary::action(u"variant"_s).pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnStartPage);

    auto record = session->engine()->connections()->record(session->caller(), sourceConnectionId);
    if (record) {
        m_sourceName = record->name;
        m_sourceType = record->type;
        m_sourceTableBase = record->tableBase;
    }
    m_name->setAccessibleName(tr("Variant name"));
    m_name->setMaxLength(200);
    m_label->setAccessibleName(tr("Variant label"));
    m_label->setPlaceholderText(tr("Empty: the next number in the group"));
    m_label->setMaxLength(64);
    m_ownTables->setAccessibleName(tr("Give the variant its own tables"));
    m_ownTables->setToolTip(tr("By default every variant of a group writes into the same tables."));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_preview->setAccessibleName(tr("Preview of the table names"));

    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &VariantWizard::updatePreview);
    connect(m_label, &QLineEdit::textChanged, this, &VariantWizard::suggestName);
    connect(m_ownTables, &QCheckBox::toggled, this, &VariantWizard::updatePreview);

    setPage(DetailsPageId, new VariantDetailsPage(this));
    setPage(ConfirmPageId, new VariantConfirmPage(this));
    UiStrings::translateWizard(this);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    suggestName();
    resize(620, 460);
}

void VariantWizard::suggestName()
{
    if (!m_nameEdited) {
        const QString base = TableNamingPolicy::stripVariantLabel(m_sourceName);
        const QString label = m_label->text().trimmed();
        m_name->setText(label.isEmpty() ? tr("%1 (variant)").arg(base) : tr("%1 (%2)").arg(base, label));
    }
    updatePreview();
}

QStringList VariantWizard::previewTables() const
{
    QString base;
    if (m_ownTables->isChecked())
        base = TableNamingPolicy::baseFromName(m_name->text().trimmed(), false);
    else if (!m_sourceTableBase.isEmpty())
        base = m_sourceTableBase;
    else
        base = TableNamingPolicy::baseFromName(m_sourceName, true);
    QStringList out;
    for (const QString &stream : ConnectorService::streamNames(m_sourceType))
        out.append(TableNamingPolicy::tableName(base, stream));
    return out;
}

void VariantWizard::updatePreview()
{
    const QStringList tables = previewTables();
    m_preview->setText(tables.isEmpty() ? tr("(the connector's streams)") : tables.join(u'\n'));
}

bool VariantWizard::create(QString *error)
{
    if (!m_createdId.isEmpty())
        return true;
    QJsonObject body{{u"name"_s, m_name->text().trimmed()}};
    const QString label = m_label->text().trimmed();
    if (!label.isEmpty())
        body.insert(u"variantLabel"_s, label);
    if (m_ownTables->isChecked())
        body.insert(u"config"_s, QJsonObject{{u"createOwnTables"_s, true}});
    auto created = m_session->engine()->variants()->create(m_session->caller(), m_sourceId, body);
    if (!created) {
        *error = created.error().message;
        return false;
    }
    // The response carries the new webhook token; it is not kept or shown (reveal it in Overview).
    m_createdId = created->connection.id;
    return true;
}

} // namespace Opbox
