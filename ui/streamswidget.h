// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace Opbox {

class OwnerSession;
class StreamListModel;

/**
 * The Streams tab: every stream of the connection with its rows, last sync, sync mode and current
 * cursor, the columns its table holds, its fields and their types, which streams its syncs read (checkboxes, saved by Apply as the
 * connection's `config.streams`), and Discover, which asks the provider without blocking the window.
 */
class StreamsWidget : public QWidget
{
    Q_OBJECT
public:
    StreamsWidget(OwnerSession *session, QAction *resetCursor, QWidget *parent = nullptr);

    void setConnectionId(const QString &connectionId);
    [[nodiscard]] StreamListModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QPushButton *discoverButton() const { return m_discover; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    /** Saves the checked streams as the connection's selection (all checked: no selection). */
    void applySelection();

private:
    void updateSelectionState();
    void fitColumns();

    OwnerSession *m_session;
    StreamListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_discover;
    QPushButton *m_apply;
    QLabel *m_selection;
    QStringList m_savedSelection; // what is checked when the stored selection is shown
    QProgressBar *m_busy;
    QLabel *m_status;
};

} // namespace Opbox
