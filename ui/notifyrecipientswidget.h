// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListView;
class QRadioButton;

namespace Opbox {

class MemberListModel;
class OwnerSession;

/**
 * Chooses who hears about a connection's runs: everyone in the workspace (the default, an empty
 * `notifyUserIds`) or only the checked members.
 */
class NotifyRecipientsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit NotifyRecipientsWidget(OwnerSession *session, QWidget *parent = nullptr);

    /** Empty means "all members". */
    void setUserIds(const QStringList &userIds);
    [[nodiscard]] QStringList userIds() const;
    /** "Only these people" with nobody checked is not a valid choice. */
    [[nodiscard]] bool isValid() const;
    [[nodiscard]] bool allMembers() const;
    [[nodiscard]] MemberListModel *model() const { return m_model; }
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] QRadioButton *allButton() const { return m_all; }
    [[nodiscard]] QRadioButton *someButton() const { return m_some; }

Q_SIGNALS:
    void changed();

private:
    MemberListModel *m_model;
    QRadioButton *m_all;
    QRadioButton *m_some;
    QListView *m_view;
};

} // namespace Opbox
