// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/variantwizard.h"
#include "models/iconlibrary.h"
#include "models/variantactions.h"
#include "ui/variantconfirmpage.h"
#include "ui/variantdetailspage.h"
#include "ui/wizardlook.h"

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
    , m_variants(new VariantActions(session, sourceConnectionId, this))
    , m_sourceId(sourceConnectionId)
    , m_name(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_ownTables(new QCheckBox(tr("Give the variant its &own tables"), this))
    , m_preview(new QLabel(this))
{
    WizardLook::apply(this, tr("New Variant"), IconLibrary::action(u"variant"_s));

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
    setButtonText(QWizard::FinishButton, tr("&Create"));
    suggestName();
    resize(620, 460);
}

void VariantWizard::suggestName()
{
    if (!m_nameEdited) {
        const QString base = m_variants->baseName();
        const QString label = m_label->text().trimmed();
        m_name->setText(label.isEmpty() ? tr("%1 (variant)").arg(base) : tr("%1 (%2)").arg(base, label));
    }
    updatePreview();
}

QStringList VariantWizard::previewTables() const
{
    return m_variants->previewTables(m_name->text().trimmed(), m_ownTables->isChecked());
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
    auto created
        = m_variants->create(VariantDraft{m_name->text().trimmed(), m_label->text().trimmed(), m_ownTables->isChecked()});
    if (!created) {
        *error = created.error().message;
        return false;
    }
    m_createdId = *created;
    return true;
}

} // namespace Opbox
