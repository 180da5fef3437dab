// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectorbuildertestreadwidget.h"
#include "models/testreadrecordmodel.h"
#include "ui/errorlabel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectorBuilderTestReadWidget::ConnectorBuilderTestReadWidget(QWidget *parent)
    : QWidget(parent)
    , m_stream(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_error(new ErrorLabel(tr("Why the stream could not be read"), this))
    , m_model(new TestReadRecordModel(this))
    , m_records(new QTableView(this))
    , m_columns(new QTreeWidget(this))
    , m_requests(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *streamLabel = new QLabel(tr("Strea&m:"), this);
    streamLabel->setBuddy(m_stream);
    m_stream->setObjectName(u"testReadStream"_s);
    m_stream->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(streamLabel);
    top->addWidget(m_stream);
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    layout->addLayout(top);
    m_error->setObjectName(u"testReadError"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_error);

    m_records->setObjectName(u"testReadRecords"_s);
    m_records->setModel(m_model);
    m_records->setAccessibleName(tr("Records"));
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->horizontalHeader()->setDefaultSectionSize(140);
    m_records->verticalHeader()->setDefaultSectionSize(m_records->fontMetrics().height() + 8);

    m_columns->setObjectName(u"testReadColumns"_s);
    m_columns->setAccessibleName(tr("Inferred columns"));
    m_columns->setHeaderLabels({tr("Column"), tr("Type")});
    m_columns->setRootIsDecorated(false);
    m_columns->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_requests->setObjectName(u"testReadRequests"_s);
    m_requests->setAccessibleName(tr("Request log"));
    m_requests->setHeaderLabels({tr("Method"), tr("Status"), tr("ms"), tr("URL")});
    m_requests->setRootIsDecorated(false);
    for (int c = 0; c < 3; ++c)
        m_requests->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    auto *details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(m_columns);
    details->addWidget(m_requests);
    details->setStretchFactor(0, 1);
    details->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_records);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_stream, &QComboBox::currentIndexChanged, this, &ConnectorBuilderTestReadWidget::showStream);
    clear();
}

void ConnectorBuilderTestReadWidget::clear()
{
    setResults({});
    m_summary->setText(tr("Press Test read to read a few pages of each stream (nothing is stored)."));
}

void ConnectorBuilderTestReadWidget::setResults(const QList<TestReadStreamResult> &streams)
{
    m_streams = streams;
    const QSignalBlocker block(m_stream);
    m_stream->clear();
    for (const TestReadStreamResult &s : streams)
        m_stream->addItem(s.error.isEmpty() ? s.name : tr("%1 (failed)").arg(s.name));
    m_stream->setEnabled(!streams.isEmpty());
    showStream(streams.isEmpty() ? -1 : 0);
}

void ConnectorBuilderTestReadWidget::showStream(int index)
{
    m_columns->clear();
    m_requests->clear();
    if (index < 0 || index >= m_streams.size()) {
        m_model->clear();
        m_error->hide();
        m_summary->clear();
        return;
    }
    const TestReadStreamResult &s = m_streams.at(index);
    m_model->setRecords(s.records, s.columns);
    for (const auto &[name, type] : s.columns)
        m_columns->addTopLevelItem(new QTreeWidgetItem(QStringList{name, type}));
    for (const TestReadRequestLog &r : s.requests) {
        auto *item = new QTreeWidgetItem(
            QStringList{r.method, r.status ? QString::number(r.status) : tr("no answer"), QString::number(r.ms), r.url});
        item->setToolTip(3, r.url);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        m_requests->addTopLevelItem(item);
    }
    m_summary->setText(tr("%n record(s)", nullptr, int(s.records.size())) + u" · "_s
                       + tr("%n request(s)", nullptr, int(s.requests.size())));
    if (s.error.isEmpty())
        m_error->hide();
    else
        m_error->showMessage(s.error);
}

} // namespace Opbox
