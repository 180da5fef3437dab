// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Opbox {

/**
 * New connection: tests the credentials with the provider before anything is saved. The test runs
 * on the ConnectorService's thread; this page shows the provider's own answer when it comes.
 */
class ConnectionTestPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectionTestPage(QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

    [[nodiscard]] bool isTesting() const { return m_testing; }
    [[nodiscard]] bool succeeded() const { return m_success; }
    [[nodiscard]] QLabel *resultLabel() const { return m_result; }
    [[nodiscard]] QCheckBox *skipBox() const { return m_skip; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void testFinished(bool success, const QString &message);

private:
    void runTest();

    bool m_testing = false;
    bool m_success = false;
    quint64 m_attempt = 0;
    QLabel *m_icon;
    QLabel *m_result;
    QProgressBar *m_busy;
    QPushButton *m_retry;
    QCheckBox *m_skip;
};

} // namespace Opbox
