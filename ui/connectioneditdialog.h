// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace Opbox {

class ConnectionSettingsForm;
class ErrorLabel;
class OwnerSession;

/**
 * Renames a connection, replaces its credentials, as after rotating an API key, changes its
 * provider settings (base URL, subdomain, repositories …) and sets how many streams its runs read
 * at once. OAuth connections sign in again through Authorize instead, so
 * they get no credential fields here.
 */
class ConnectionEditDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionEditDialog(OwnerSession *session, const QString &connectionId, QWidget *parent = nullptr);

    [[nodiscard]] QString connectionId() const { return m_id; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    /** The editor of a credential field (null for OAuth connections). */
    [[nodiscard]] QLineEdit *credentialEdit(const QString &field) const { return m_credentials.value(field); }
    [[nodiscard]] ErrorLabel *errorLabel() const { return m_error; }
    /** How many streams and partitions a run reads at once (config.maxConcurrency). */
    [[nodiscard]] QSpinBox *concurrencyEdit() const { return m_concurrency; }
    [[nodiscard]] QCheckBox *scheduleBox() const { return m_scheduled; }
    [[nodiscard]] QComboBox *frequencyBox() const { return m_frequency; }
    /** The provider settings (null when the connector type has none). */
    [[nodiscard]] ConnectionSettingsForm *settingsForm() const { return m_settings; }

    /** Saves through the engine; the dialog stays open with the engine's reason when it refuses. */
    void accept() override;

private:
    OwnerSession *m_session;
    QString m_id;
    const ConnectorTypeEntry *m_type = nullptr;
    QLineEdit *m_name;
    QHash<QString, QLineEdit *> m_credentials;
    QSpinBox *m_concurrency;
    int m_storedConcurrency = 4;
    ConnectionSettingsForm *m_settings = nullptr;
    QCheckBox *m_scheduled;
    QComboBox *m_frequency;
    QJsonObject m_storedSchedule;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Opbox
