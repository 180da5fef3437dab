// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QTreeView;

namespace Opbox {

class ConnectorTypeModel;

/** New connection, step 1: the connector type, grouped by category. */
class ConnectorTypePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConnectorTypePage(QWidget *parent = nullptr);

    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void selectType(const QString &type);
    [[nodiscard]] QTreeView *view() const { return m_view; }

private:
    void updateDescription();
    [[nodiscard]] QString selectedType() const;

    ConnectorTypeModel *m_model;
    QTreeView *m_view;
    QLabel *m_description;
};

} // namespace Opbox
