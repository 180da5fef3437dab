// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"

#include <QHash>
#include <QWizardPage>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace Opbox {

class ErrorLabel;

/**
 * New connection, step 2: a form generated from the connector type's field spec — the name,
 * every credential field (secrets masked, with a show toggle) and the configuration fields.
 */
class CredentialsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CredentialsPage(QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void cleanupPage() override;
    [[nodiscard]] int nextId() const override;

    /** The editor of a field: "name", "credential:<field>" or "config:<field>". */
    [[nodiscard]] QWidget *editor(const QString &key) const { return m_editors.value(key); }
    /** Where to get the credentials: a link to the provider's documentation (null without one). */
    [[nodiscard]] QLabel *documentationLabel() const { return m_documentation; }

private:
    void rebuild(const ConnectorTypeEntry *type);
    QWidget *addField(QFormLayout *form, const ConnectorFieldEntry &field, const QString &key);
    [[nodiscard]] QString text(const QString &key) const;
    /** Gives the labels of both forms one width, so that their fields line up. */
    void alignLabels();

    const ConnectorTypeEntry *m_builtFor = nullptr;
    QLineEdit *m_name;
    QGroupBox *m_credentialsBox;
    QFormLayout *m_credentialsForm;
    QGroupBox *m_configBox;
    QFormLayout *m_configForm;
    ErrorLabel *m_error;
    QLabel *m_documentation = nullptr;
    QHash<QString, QWidget *> m_editors;
};

} // namespace Opbox
