// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QTimer>
#include <QTreeView>

namespace Opbox {

class ConnectionListModel;
class ConnectionSortProxy;

/**
 * The main window's connection list: sorted and filtered with variants under their group's first
 * connection, columns as wide as their texts in any language (unless the user sized them), and
 * the column widths and sort order kept between starts.
 */
class ConnectionListView : public QTreeView
{
    Q_OBJECT
public:
    ConnectionListView(ConnectionListModel *connections, QWidget *parent);

    [[nodiscard]] ConnectionSortProxy *proxy() const { return m_proxy; }
    /** Column widths, order and the sort column as the user left them (QSettings). */
    void restoreLayout();
    void saveLayout() const;

private:
    void fitColumns();

    ConnectionListModel *m_connections;
    ConnectionSortProxy *m_proxy;
    QTimer m_fitTimer;
    QSet<int> m_userSized; // columns the user gave a width
    bool m_fitting = false;
};

} // namespace Opbox
