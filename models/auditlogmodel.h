// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "models/jsontablemodel.h"

#include <QDate>
#include <QHash>

namespace Opbox {

class OwnerSession;

/**
 * The workspace's audit log, newest first, fetched a page at a time as the view
 * scrolls; new events appear at the top as the engine records them. Actors and targets read by
 * name, details as "key: value" text. A search text or a date range is applied to the whole trail
 * (read in pages and kept in memory), so the rows shown are every match, not the matches among
 * the pages scrolled to.
 */
class AuditLogModel : public JsonTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, DetailsColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole + 1, ActionRole, TargetIdRole, EventRole };
    Q_ENUM(Role)

    static constexpr int PageSize = 100;

    explicit AuditLogModel(OwnerSession *session, QObject *parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void fetchMore(const QModelIndex &parent) override;

    /** Only events with this action code (empty: all). */
    void setActionFilter(const QString &action);
    [[nodiscard]] QString actionFilter() const { return m_action; }
    /** Only events whose shown texts (who, action, target, details) contain `text`, case-insensitively. */
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchText() const { return m_search; }
    /** Only events on these local days, both included; an invalid date leaves that side open. */
    void setDateRange(const QDate &from, const QDate &to);
    /** Writes every event matching the filters as CSV (UTC ISO times, the shown texts); the rows written. */
    [[nodiscard]] Result<qint64> exportCsv(const QString &path);
    /** "key: value; …" with changes as "from → to"; never raw JSON. */
    [[nodiscard]] static QString readableDetails(const QJsonObject &details);
    /** The total number of events matching the filter, as of the last fetch. */
    using JsonTableModel::total;
    /** Empty when the log could be read, else why not (e.g. a role below ADMIN). */
    [[nodiscard]] QString errorString() const { return m_error; }

    void reload();

private:
    [[nodiscard]] QString columnTitle(int column) const override;
    void fetchNewest();
    [[nodiscard]] bool isNarrowed() const { return !m_search.isEmpty() || m_from.isValid() || m_to.isValid(); }
    void readNames();
    [[nodiscard]] QList<QJsonObject> scanMatches();
    [[nodiscard]] QString text(const QJsonObject &event, int column) const;

    OwnerSession *m_session;
    QString m_action;
    QString m_search;
    QDate m_from;
    QDate m_to;
    QString m_error;
    QHash<QString, QString> m_userNames; // user id → name (or e-mail)
    QHash<QString, QString> m_connectionNames; // connection id → name
};

} // namespace Opbox
