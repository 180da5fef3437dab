// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizard>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Opbox {

class OwnerSession;
class VariantActions;

/**
 * Creates a variant of a connection: name, label, shared or own tables, with a
 * preview of the table names the variant will write; Finish creates it through VariantActions.
 */
class VariantWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { DetailsPageId = 10, ConfirmPageId = 20 };

    VariantWizard(OwnerSession *session, const QString &sourceConnectionId, QWidget *parent = nullptr);

    [[nodiscard]] QString sourceConnectionId() const { return m_sourceId; }
    [[nodiscard]] QString createdConnectionId() const { return m_createdId; }

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *labelEdit() const { return m_label; }
    [[nodiscard]] QCheckBox *ownTablesBox() const { return m_ownTables; }
    [[nodiscard]] QLabel *previewLabel() const { return m_preview; }
    /** The table names the variant will write, as the preview shows them. */
    [[nodiscard]] QStringList previewTables() const;

    /** Creates the variant (once); false with the engine's reason. */
    [[nodiscard]] bool create(QString *error);

private:
    void updatePreview();
    void suggestName();

    VariantActions *m_variants;
    QString m_sourceId;
    QString m_createdId;
    bool m_nameEdited = false;
    QLineEdit *m_name;
    QLineEdit *m_label;
    QCheckBox *m_ownTables;
    QLabel *m_preview;
};

} // namespace Opbox
