// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QRadioButton;

namespace Opbox {

/** New connection: whether and how often the connection syncs by itself. */
class SchedulePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SchedulePage(QWidget *parent = nullptr);

    [[nodiscard]] bool validatePage() override;
    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }
    [[nodiscard]] QRadioButton *frequencyButton(const QString &frequency) const;

private:
    QCheckBox *m_enabled;
    QButtonGroup *m_frequencies;
};

} // namespace Opbox
