// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;

namespace Opbox {

class NotifyRecipientsWidget;
class OwnerSession;

/** Asks who is notified about a connection's runs (all members, or a chosen few). */
class NotifyRecipientsDialog : public QDialog
{
    Q_OBJECT
public:
    NotifyRecipientsDialog(OwnerSession *session, const QStringList &current, QWidget *parent = nullptr);
    /** Empty means "all members". */
    [[nodiscard]] QStringList userIds() const;

private:
    NotifyRecipientsWidget *m_widget;
    QDialogButtonBox *m_buttons;
};

} // namespace Opbox
