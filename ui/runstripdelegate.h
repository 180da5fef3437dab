// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/connectionlistdelegate.h"

#include <QColor>

class QAbstractItemView;

namespace Opbox {

class RecentRunOutcomes;

/**
 * The connection list's delegate with a strip of the connection's last runs at the right end of
 * its name: one small box per run, oldest on the left, coloured by how it ended.
 */
class RunStripDelegate : public ConnectionListDelegate
{
    Q_OBJECT
public:
    RunStripDelegate(RecentRunOutcomes *outcomes, QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /** Over the strip, the tooltip lists the runs' outcomes in words. */
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
    /** "Last 2 runs, oldest first: Completed, Failed"; empty when the connection has not run. */
    [[nodiscard]] QString stripToolTip(const QModelIndex &index) const;

    /** The box of run `i` (0 = oldest) of `count` in a name cell at `cell`. */
    [[nodiscard]] static QRect boxRect(const QRect &cell, int i, int count);
    [[nodiscard]] static QColor colour(const QString &status);

private:
    RecentRunOutcomes *m_outcomes;
};

} // namespace Opbox
