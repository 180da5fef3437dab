// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Opbox {

class ErrorLabel;

class ApiServerController;
class OwnerSession;

/**
 * Settings: the API server (on/off, port, public URL), concurrent sync workers, where the master
 * key lives, and the owner's own notification preferences.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(OwnerSession *session, ApiServerController *api, QWidget *parent = nullptr);

    void accept() override;

    [[nodiscard]] QCheckBox *apiEnabledBox() const { return m_apiEnabled; }
    [[nodiscard]] QSpinBox *portBox() const { return m_port; }
    [[nodiscard]] QLineEdit *publicUrlEdit() const { return m_publicUrl; }
    [[nodiscard]] QSpinBox *workersBox() const { return m_workers; }
    [[nodiscard]] QCheckBox *notifySuccessBox() const { return m_onSuccess; }
    [[nodiscard]] QCheckBox *notifyFailureBox() const { return m_onFailure; }

private:
    void updateState();

    OwnerSession *m_session;
    ApiServerController *m_api;
    QCheckBox *m_apiEnabled;
    QSpinBox *m_port;
    QLineEdit *m_publicUrl;
    QLabel *m_apiState;
    QSpinBox *m_workers;
    QCheckBox *m_onSuccess;
    QCheckBox *m_onFailure;
    ErrorLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Opbox
