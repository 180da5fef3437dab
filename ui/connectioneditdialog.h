// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLineEdit;

namespace Opbox {

class ErrorLabel;
class OwnerSession;

/**
 * Renames a connection and replaces its credentials, as after rotating an API key. OAuth
 * connections sign in again through Authorize instead, so they only get the name here.
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

    /** Saves through the engine; the dialog stays open with the engine's reason when it refuses. */
    void accept() override;

private:
    OwnerSession *m_session;
    QString m_id;
    const ConnectorTypeEntry *m_type = nullptr;
    QLineEdit *m_name;
    QHash<QString, QLineEdit *> m_credentials;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Opbox
