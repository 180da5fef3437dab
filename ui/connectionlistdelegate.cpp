// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionlistdelegate.h"
#include "models/connectionlistmodel.h"

#include <QApplication>
#include <QPainter>

namespace Opbox {

namespace {

bool indented(const QModelIndex &index)
{
    return index.column() == ConnectionListModel::NameColumn && index.data(ConnectionListModel::VariantDepthRole).toInt() > 0;
}

} // namespace

void ConnectionListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!indented(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's background (selection, alternate colour) spans the whole cell; only the content moves in.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    QStyleOptionViewItem content = option;
    content.rect.setLeft(content.rect.left() + indent());
    // A thin guide from the group's first connection to the variant.
    painter->save();
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const int x = option.rect.left() + indent() / 2;
    painter->drawLine(x, option.rect.top(), x, option.rect.center().y());
    painter->drawLine(x, option.rect.center().y(), option.rect.left() + indent() - 3, option.rect.center().y());
    painter->restore();
    QStyledItemDelegate::paint(painter, content, index);
}

QSize ConnectionListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (indented(index))
        size.rwidth() += indent();
    return size;
}

} // namespace Opbox
