// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notifyrecipientswidget.h"
#include "models/memberlistmodel.h"

#include <QButtonGroup>
#include <QListView>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Opbox {

NotifyRecipientsWidget::NotifyRecipientsWidget(OwnerSession *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new MemberListModel(session, this))
    , m_all(new QRadioButton(tr("&All workspace members (each filtered by their own preferences)"), this))
    , m_some(new QRadioButton(tr("&Only these people:"), this))
    , m_view(new QListView(this))
{
    m_all->setAccessibleName(tr("Notify all workspace members"));
    m_some->setAccessibleName(tr("Notify only the checked people"));
    m_view->setAccessibleName(tr("Workspace members"));
    m_view->setModel(m_model);
    m_view->setEnabled(false);
    auto *group = new QButtonGroup(this);
    group->addButton(m_all);
    group->addButton(m_some);
    m_all->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_all);
    layout->addWidget(m_some);
    layout->addWidget(m_view, 1);

    connect(m_some, &QRadioButton::toggled, m_view, &QWidget::setEnabled);
    connect(m_some, &QRadioButton::toggled, this, &NotifyRecipientsWidget::changed);
    connect(m_model, &MemberListModel::checkedChanged, this, &NotifyRecipientsWidget::changed);
}

void NotifyRecipientsWidget::setUserIds(const QStringList &userIds)
{
    m_model->setCheckedUserIds(userIds);
    (userIds.isEmpty() ? m_all : m_some)->setChecked(true);
}

QStringList NotifyRecipientsWidget::userIds() const
{
    return m_all->isChecked() ? QStringList() : m_model->checkedUserIds();
}

bool NotifyRecipientsWidget::allMembers() const
{
    return m_all->isChecked();
}

bool NotifyRecipientsWidget::isValid() const
{
    return m_all->isChecked() || !m_model->checkedUserIds().isEmpty();
}

} // namespace Opbox
