// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorbuilderactions.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTreeWidget;

namespace Opbox {

class ErrorLabel;
class TestReadRecordModel;

/**
 * What a test read gave, one stream at a time: its records in a table, the columns the table
 * writer would infer, the requests made (method, URL without credentials, status, time) and the
 * stream's error.
 */
class ConnectorBuilderTestReadWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectorBuilderTestReadWidget(QWidget *parent = nullptr);

    void setResults(const QList<TestReadStreamResult> &streams);
    void clear();

    [[nodiscard]] QComboBox *streamChooser() const { return m_stream; }
    [[nodiscard]] QTableView *recordView() const { return m_records; }
    [[nodiscard]] TestReadRecordModel *recordModel() const { return m_model; }
    [[nodiscard]] QTreeWidget *columnList() const { return m_columns; }
    [[nodiscard]] QTreeWidget *requestLog() const { return m_requests; }
    [[nodiscard]] ErrorLabel *errorLabel() const { return m_error; }

private:
    void showStream(int index);

    QList<TestReadStreamResult> m_streams;
    QComboBox *m_stream;
    QLabel *m_summary;
    ErrorLabel *m_error;
    TestReadRecordModel *m_model;
    QTableView *m_records;
    QTreeWidget *m_columns;
    QTreeWidget *m_requests;
};

} // namespace Opbox
