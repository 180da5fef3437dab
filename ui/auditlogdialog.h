// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace Opbox {

class AuditLogModel;
class OwnerSession;

/**
 * The workspace's audit log: who did what to which connection, when, from where; searchable,
 * filtered by action and period, and exported as CSV.
 */
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    enum Period { AnyTime, Today, LastSevenDays, LastThirtyDays, Between };
    Q_ENUM(Period)

    explicit AuditLogDialog(OwnerSession *session, QWidget *parent = nullptr);
    [[nodiscard]] AuditLogModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QComboBox *actionFilter() const { return m_filter; }
    [[nodiscard]] QComboBox *periodFilter() const { return m_period; }
    [[nodiscard]] QDateEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit *toEdit() const { return m_to; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QLabel *countLabel() const { return m_count; }
    /** Where Export… suggests saving: the Documents folder, named by today's date. */
    [[nodiscard]] static QString defaultExportPath();
    /** Writes the events shown (every match of the filters) to `path`; the status line says how it went. */
    void exportTo(const QString &path);

private:
    void updateCount();
    void applyPeriod();
    void chooseExportFile();

    AuditLogModel *m_model;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QComboBox *m_filter;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTreeView *m_view;
    QPushButton *m_export;
    QLabel *m_count;
};

} // namespace Opbox
