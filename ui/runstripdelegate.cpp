// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runstripdelegate.h"
#include "models/connectionlistmodel.h"
#include "models/displayformat.h"
#include "models/recentrunoutcomes.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
constexpr int BoxWidth = 6;
constexpr int BoxHeight = 12;
constexpr int Gap = 2;
constexpr int Margin = 6;

int stripWidth(int count)
{
    return count > 0 ? count * BoxWidth + (count - 1) * Gap + 2 * Margin : 0;
}
} // namespace

RunStripDelegate::RunStripDelegate(RecentRunOutcomes *outcomes, QAbstractItemView *view)
    : ConnectionListDelegate(view)
    , m_outcomes(outcomes)
{
    connect(outcomes, &RecentRunOutcomes::changed, view, [view] { view->viewport()->update(); });
}

QRect RunStripDelegate::boxRect(const QRect &cell, int i, int count)
{
    const int left = cell.right() - stripWidth(count) + Margin + 1;
    return QRect(left + i * (BoxWidth + Gap), cell.center().y() - BoxHeight / 2, BoxWidth, BoxHeight);
}

QColor RunStripDelegate::colour(const QString &status)
{
    if (status == QLatin1String("COMPLETED"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (status == QLatin1String("FAILED"))
        return QColor(0xd0, 0x31, 0x2d);
    if (status == QLatin1String("CANCELLED"))
        return QColor(0x9a, 0x9a, 0x9a);
    return QColor(0x3d, 0x7e, 0xc9); // waiting or running
}

void RunStripDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != ConnectionListModel::NameColumn) {
        ConnectionListDelegate::paint(painter, option, index);
        return;
    }
    const QStringList outcomes = m_outcomes->outcomes(index.data(ConnectionListModel::IdRole).toString());
    // The name gives up the strip's room at its right end; a long name is elided before it.
    QStyleOptionViewItem name = option;
    name.rect.setRight(name.rect.right() - stripWidth(int(outcomes.size())));
    ConnectionListDelegate::paint(painter, name, index);
    if (outcomes.isEmpty())
        return;
    // The strip sits on the row's own background (selection, alternate colour).
    QStyleOptionViewItem background = option;
    background.rect.setLeft(name.rect.right() + 1);
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < outcomes.size(); ++i) {
        painter->fillRect(boxRect(option.rect, i, int(outcomes.size())), colour(outcomes.at(i)));
    }
    painter->restore();
}

QSize RunStripDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = ConnectionListDelegate::sizeHint(option, index);
    if (index.column() == ConnectionListModel::NameColumn)
        size.rwidth() += stripWidth(int(m_outcomes->outcomes(index.data(ConnectionListModel::IdRole).toString()).size()));
    return size;
}

QString RunStripDelegate::stripToolTip(const QModelIndex &index) const
{
    const QStringList outcomes = m_outcomes->outcomes(index.data(ConnectionListModel::IdRole).toString());
    if (outcomes.isEmpty())
        return {};
    QStringList words;
    for (const QString &status : outcomes)
        words.append(DisplayFormat::runStatus(status));
    return tr("Last %n run(s), oldest first: %1", nullptr, int(outcomes.size())).arg(words.join(u", "_s));
}

bool RunStripDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                 const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.column() == ConnectionListModel::NameColumn) {
        const QString text = stripToolTip(index);
        const int count = int(m_outcomes->outcomes(index.data(ConnectionListModel::IdRole).toString()).size());
        if (!text.isEmpty() && event->pos().x() > option.rect.right() - stripWidth(count)) {
            QToolTip::showText(event->globalPos(), text, view);
            return true;
        }
    }
    return ConnectionListDelegate::helpEvent(event, view, option, index);
}

} // namespace Opbox
