// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QUrl>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QTabWidget;

namespace Opbox {

class ConnectionListModel;
class ConnectionOverviewWidget;
class MemberListModel;
class OwnerSession;
class RunsWidget;
class StreamsWidget;
class TablesWidget;

/**
 * The right-hand side of the main window: the selected connection's header and its tabs
 * (Overview, Streams, Runs, Tables). It follows the connection list model, so changes made
 * anywhere (REST API, a sync worker) show up here.
 */
class ConnectionDetailWidget : public QWidget
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, StreamsTab, RunsTab, TablesTab };
    Q_ENUM(Tab)

    /** The main window's actions that the tabs offer as buttons too. */
    struct Actions
    {
        QAction *runNow = nullptr;
        QAction *stop = nullptr;
        QAction *resetCursor = nullptr;
    };

    ConnectionDetailWidget(OwnerSession *session, ConnectionListModel *connections, MemberListModel *members,
                           const Actions &actions, QWidget *parent = nullptr);

    void setConnectionId(const QString &connectionId);
    [[nodiscard]] QString connectionId() const { return m_connectionId; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] ConnectionOverviewWidget *overview() const { return m_overview; }
    [[nodiscard]] StreamsWidget *streams() const { return m_streams; }
    [[nodiscard]] RunsWidget *runs() const { return m_runs; }
    [[nodiscard]] TablesWidget *tables() const { return m_tables; }
    void setPublicUrlProvider(const std::function<QUrl()> &provider);
    /** Shows a tab by role (a value outside `Tab` is ignored). */
    void showTab(Tab tab);

Q_SIGNALS:
    void errorOccurred(const QString &message);
    void statusMessage(const QString &message);

private:
    void reload();

    OwnerSession *m_session;
    ConnectionListModel *m_connections;
    QString m_connectionId;

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;
    ConnectionOverviewWidget *m_overview;
    StreamsWidget *m_streams;
    RunsWidget *m_runs;
    TablesWidget *m_tables;
};

} // namespace Opbox
