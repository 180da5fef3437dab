// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QTreeView;

namespace Opbox {

class AuditLogModel;
class OwnerSession;

/** The workspace's audit log: who did what, when, from where; filterable by action. */
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditLogDialog(OwnerSession *session, QWidget *parent = nullptr);
    [[nodiscard]] AuditLogModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }

private:
    void updateCount();

    AuditLogModel *m_model;
    QComboBox *m_filter;
    QTreeView *m_view;
    QLabel *m_count;
};

} // namespace Opbox
