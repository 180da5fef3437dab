// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QTreeView;

namespace Opbox {

class StreamListModel;

/**
 * New connection: the streams the connector offers, with their fields and types, which of them
 * the connection's syncs read (kept as its `config.streams`), and whether the first sync starts
 * right after creation.
 */
class StreamSelectionPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit StreamSelectionPage(QWidget *parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

    [[nodiscard]] StreamListModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QCheckBox *firstSyncBox() const { return m_firstSync; }

private:
    StreamListModel *m_model = nullptr;
    QTreeView *m_view;
    QCheckBox *m_firstSync;
    QString m_builtFor;
};

} // namespace Opbox
