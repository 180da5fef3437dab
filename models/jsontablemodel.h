// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace Opbox {

/**
 * A table of the engine's JSON objects, one a row, for the models that list them (connections,
 * runs, audit events, Opbox tables): row and column counts, header titles, finding a row by its
 * key, updating a row in place and appending the pages that a view fetches as it scrolls.
 */
class JsonTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;

    /** The row whose key field (given by the model) is `key`, -1 when absent. */
    [[nodiscard]] int rowOf(const QString &key) const;

protected:
    JsonTableModel(int columnCount, QString keyField, QObject *parent);

    /** The title of a column; empty for an unknown section. */
    [[nodiscard]] virtual QString columnTitle(int column) const = 0;

    [[nodiscard]] const QList<QJsonObject> &rows() const { return m_rows; }
    /** The object of a row, empty outside the table. */
    [[nodiscard]] QJsonObject rowObject(int row) const;
    /** Replaces every row; `total` is how many the engine has (more than `rows` when paged). */
    void resetRows(const QList<QJsonObject> &rows, qint64 total = 0);
    /** Replaces one row, telling views only when it differs; false when it was the same. */
    bool updateRow(int row, const QJsonObject &object);
    void insertRowObject(int row, const QJsonObject &object);
    void removeRowObject(int row);
    /** Puts newer objects on top (they are newest first, as the engine lists them). */
    void prependRows(const QList<QJsonObject> &fresh, qint64 total);
    /** Appends a page read after the last row; an empty page means there is no more. */
    void appendPage(const QList<QJsonObject> &page, qint64 total);
    /** True while rows are inserted: views may call fetchMore() from the insert signals. */
    [[nodiscard]] bool isInserting() const { return m_inserting; }
    [[nodiscard]] qint64 total() const { return m_total; }
    void setTotal(qint64 total) { m_total = total; }

private:
    int m_columnCount;
    QString m_keyField;
    QList<QJsonObject> m_rows;
    qint64 m_total = 0;
    bool m_inserting = false;
};

} // namespace Opbox
