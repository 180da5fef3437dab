// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/notificationsdialog.h"
#include "models/iconlibrary.h"
#include "models/notificationlistmodel.h"
#include "ui/uistrings.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

NotificationsDialog::NotificationsDialog(NotificationListModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_view(new QListView(this))
{
    setWindowTitle(tr("Notifications"));
    setWindowIcon(IconLibrary::action(u"notifications"_s));
    m_view->setModel(model);
    m_view->setAccessibleName(tr("Notifications"));
    m_view->setIconSize(QSize(20, 20));
    m_view->setSpacing(4);
    m_view->setWordWrap(true);
    m_view->setUniformItemSizes(false);
    m_view->setAlternatingRowColors(true);

    auto *empty = new QLabel(tr("No notifications. Completed and failed syncs are reported here."), this);
    empty->setForegroundRole(QPalette::PlaceholderText);
    auto updateEmpty = [this, empty] { empty->setVisible(m_model->rowCount() == 0); };
    connect(model, &QAbstractItemModel::rowsInserted, this, updateEmpty);
    connect(model, &QAbstractItemModel::rowsRemoved, this, updateEmpty);
    updateEmpty();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    UiStrings::translateButtons(buttons);
    QPushButton *markAll = buttons->addButton(tr("Mark &all as read"), QDialogButtonBox::ActionRole);
    markAll->setAccessibleName(tr("Mark all as read"));
    connect(markAll, &QPushButton::clicked, model, &NotificationListModel::markAllRead);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        m_model->markRead(index.data(NotificationListModel::IdRole).toString());
        Q_EMIT connectionRequested(index.data(NotificationListModel::ConnectionIdRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(520, 480);
}

} // namespace Opbox
