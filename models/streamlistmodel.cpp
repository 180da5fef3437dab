// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/streamlistmodel.h"
#include "connectors/runtime/connector.h"
#include "engine/services/connectionservice.h"
#include "engine/services/connectorservice.h"
#include "engine/services/engine.h"
#include "engine/services/runservice.h"
#include "engine/store/tablecatalogstore.h"
#include "models/displayformat.h"
#include "models/guithread.h"
#include "models/modelslogging.h"
#include "models/ownersession.h"

#include <QFont>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &item : v.toArray())
        out.append(item.toString());
    return out;
}
} // namespace

StreamListModel::StreamListModel(OwnerSession *session, QObject *parent, Details details)
    : TwoLevelItemModel(details == Details::WithSyncDetails ? ColumnCount : CursorColumn + 1, parent)
    , m_session(session)
    , m_syncDetails(details == Details::WithSyncDetails)
{
    RunService *runs = session->engine()->runs();
    connect(runs, &RunService::runFinished, this,
            [this](const QString &, const QString &connectionId, const QString &, const QString &) {
                if (connectionId != m_connectionId)
                    return;
                refreshCursors();
                reloadSyncDetails();
            });
    // A cursor reset announces itself as a change of the connection.
    connect(session->engine()->connections(), &ConnectionService::connectionChanged, this,
            [this](const QString &, const QString &connectionId) {
                if (connectionId == m_connectionId)
                    refreshCursors();
            });
}

StreamListModel::~StreamListModel()
{
    // The task reads through the engine's stores; let it end before they can go away.
    m_task.waitForFinished();
}

void StreamListModel::setConnectionId(const QString &connectionId)
{
    m_connectionId = connectionId;
    ++m_generation; // a discovery still running for the previous connection is ignored
    m_discovering = false;
    m_error.clear();
    QJsonArray streams;
    QStringList selection;
    auto record = m_session->engine()->connections()->record(m_session->caller(), connectionId);
    if (record) {
        for (const auto &v : record->config.value(u"streams"_s).toArray())
            selection.append(v.toString());
        auto specs = m_session->engine()->runs()->streamSpecs(*record);
        if (specs) {
            for (const auto &spec : std::as_const(*specs))
                streams.append(spec.toJson());
        } else {
            m_error = specs.error().message;
        }
    } else if (!connectionId.isEmpty()) {
        m_error = record.error().message;
    }
    m_cursors = readCursors();
    m_tables.clear();
    m_lastSync.clear();
    setStreams(streams);
    reloadSyncDetails();
    // The connection's own selection (config.streams) is what is checked; names the connector no
    // longer has are left out, and a selection with none left means every stream, as in a run.
    QStringList checked;
    const QStringList names = streamNames();
    for (const auto &name : std::as_const(selection)) {
        if (names.contains(name))
            checked.append(name);
    }
    if (!checked.isEmpty())
        setCheckedStreams(checked);
}

void StreamListModel::setConnectorType(const QString &type, const QJsonObject &config)
{
    m_connectionId.clear();
    ++m_generation;
    m_discovering = false;
    m_error.clear();
    m_cursors = {};
    m_tables.clear();
    m_lastSync.clear();
    ++m_detailsGeneration;
    ConnectorContext context;
    context.type = type;
    context.config = config;
    context.cancel = std::make_shared<CancelToken>();
    QJsonArray streams;
    // Building a connector reads its manifest only; no network call happens here.
    if (auto connector = ConnectorFactory::create(std::move(context))) {
        for (const auto &spec : connector->streams())
            streams.append(spec.toJson());
    } else {
        m_error = tr("No connector is available for %1.").arg(type);
    }
    setStreams(streams);
}

void StreamListModel::setStreams(const QJsonArray &streams)
{
    beginResetModel();
    m_streams.clear();
    for (const auto &v : streams)
        m_streams.append(v.toObject());
    // Checked by default: a new selection starts with everything.
    m_checked.assign(streamNames());
    endResetModel();
    Q_EMIT checkedChanged();
}

QJsonObject StreamListModel::readCursors() const
{
    if (m_connectionId.isEmpty())
        return {};
    auto state = m_session->engine()->runs()->syncState(m_session->caller(), m_connectionId);
    if (!state)
        return {};
    return state->value(u"streams"_s).toObject();
}

void StreamListModel::refreshCursors()
{
    const QJsonObject cursors = readCursors();
    if (cursors == m_cursors)
        return;
    m_cursors = cursors;
    if (!m_streams.isEmpty())
        Q_EMIT dataChanged(index(0, CursorColumn), index(int(m_streams.size()) - 1, CursorColumn));
}

void StreamListModel::reloadSyncDetails()
{
    const quint64 generation = ++m_detailsGeneration;
    if (!m_syncDetails || m_connectionId.isEmpty())
        return;
    // The last completed run that read each stream; runs come newest first.
    m_lastSync.clear();
    if (auto page = m_session->engine()->runs()->list(m_session->caller(), m_connectionId, 100, 0)) {
        for (const RunRecord &run : std::as_const(page->runs)) {
            if (run.status != QLatin1String("COMPLETED"))
                continue;
            for (const QString &stream : run.streams) {
                if (!m_lastSync.contains(stream))
                    m_lastSync.insert(stream, run.completedAt);
            }
        }
    }
    // Counting rows is bulk database work: on a pool thread, which the Database gives its own connection.
    WorkspaceDataStore *data = m_session->engine()->workspaceData();
    const Caller caller = m_session->caller();
    const QString connectionId = m_connectionId;
    QPointer<StreamListModel> self(this);
    m_task = QtConcurrent::run([self, data, caller, connectionId, generation] {
        const TableCatalogStore catalog(data);
        QHash<QString, StreamTable> tables;
        auto list = catalog.tables(caller, connectionId);
        if (!list)
            qCWarning(lcModels) << "cannot read the table catalog:" << list.error().message;
        for (const TableRecord &t : list ? *list : QList<TableRecord>()) {
            StreamTable table;
            table.rows = t.rows;
            if (auto columns = catalog.columns(caller, t.table)) {
                for (const ColumnRecord &c : std::as_const(*columns)) {
                    // The bookkeeping columns every Opbox table has are not fields of the stream.
                    if (c.name.startsWith(u"_opbox_"_s))
                        continue;
                    table.columns.append(c.name);
                    table.columnOfField.insert(c.field, c.name);
                }
            }
            tables.insert(t.stream, table);
        }
        GuiThread::deliver(self, [generation, tables](StreamListModel *model) { model->applySyncDetails(generation, tables); });
    });
}

void StreamListModel::applySyncDetails(quint64 generation, const QHash<QString, StreamTable> &tables)
{
    if (generation != m_detailsGeneration)
        return;
    m_tables = tables;
    if (!m_streams.isEmpty())
        Q_EMIT dataChanged(index(0, RowsColumn), index(int(m_streams.size()) - 1, ColumnsColumn));
    Q_EMIT syncDetailsLoaded();
}

QVariant StreamListModel::syncDetail(const QString &stream, int column, int role) const
{
    const auto table = m_tables.constFind(stream);
    const bool hasTable = table != m_tables.cend();
    if (role == Qt::TextAlignmentRole && column == RowsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (column == LastSyncColumn)
            return m_lastSync.value(stream);
        if (column == ColumnsColumn && hasTable)
            return table->columns.join(u'\n');
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case RowsColumn: return hasTable ? DisplayFormat::count(table->rows) : QString();
    case LastSyncColumn: {
        const QString at = m_lastSync.value(stream);
        return at.isEmpty() ? tr("Never") : DisplayFormat::dateTime(at);
    }
    case ColumnsColumn:
        if (!hasTable)
            return tr("No table yet");
        return tr("%n column(s)", nullptr, int(table->columns.size()));
    default: return {};
    }
}

void StreamListModel::discover()
{
    if (m_connectionId.isEmpty() || m_discovering)
        return;
    m_discovering = true;
    const quint64 generation = m_generation;
    Q_EMIT discoverStarted();
    // The provider is asked on the ConnectorService's thread; the answer comes back to this thread.
    m_session->engine()->connectorService()->discover(
        m_session->caller(), m_connectionId, this, [this, generation](Result<QList<StreamSpec>> result) {
            if (generation != m_generation)
                return;
            m_discovering = false;
            if (!result) {
                Q_EMIT discoverFinished(false, result.error().message);
                return;
            }
            const QStringList checked = checkedStreams();
            QJsonArray streams;
            for (const StreamSpec &spec : std::as_const(*result))
                streams.append(spec.toJson());
            setStreams(streams);
            if (m_checkable)
                setCheckedStreams(checked);
            Q_EMIT discoverFinished(true, tr("%n stream(s) found.", nullptr, int(m_streams.size())));
        });
}

void StreamListModel::setCheckable(bool checkable)
{
    if (checkable == m_checkable)
        return;
    beginResetModel();
    m_checkable = checkable;
    endResetModel();
}

QStringList StreamListModel::checkedStreams() const
{
    return m_checked.among(streamNames());
}

void StreamListModel::setCheckedStreams(const QStringList &streams)
{
    m_checked.assign(streams);
    if (!m_streams.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_streams.size()) - 1, 0), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

QStringList StreamListModel::streamNames() const
{
    QStringList out;
    for (const auto &s : m_streams)
        out.append(s.value(u"name"_s).toString());
    return out;
}

QString StreamListModel::cursor(const QString &stream) const
{
    return m_cursors.value(stream).toObject().value(u"cursor"_s).toString();
}

int StreamListModel::groupCount() const
{
    return int(m_streams.size());
}

int StreamListModel::itemCount(int group) const
{
    return int(m_streams.at(group).value(u"fields"_s).toArray().size());
}

QVariant StreamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isStream = isGroup(index);
    const QJsonObject &s = m_streams.at(groupOf(index));
    const QString streamName = s.value(u"name"_s).toString();
    const QStringList modes = strings(s.value(u"supportedSyncModes"_s));
    const bool incremental = modes.contains(u"incremental"_s);
    const QString cursorField = s.value(u"cursorField"_s).toString();
    const QStringList primaryKey = strings(s.value(u"primaryKey"_s));

    switch (role) {
    case StreamNameRole: return streamName;
    case IsStreamRole: return isStream;
    case CursorRole: return cursor(streamName);
    case IncrementalRole: return incremental;
    case StreamRole: return s;
    case RowCountRole: return m_tables.contains(streamName) ? QVariant(m_tables.value(streamName).rows) : QVariant();
    case LastSyncRole: return m_lastSync.value(streamName);
    case TableColumnsRole: return m_tables.value(streamName).columns;
    default: break;
    }

    if (isStream) {
        switch (index.column()) {
        case NameColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
                return streamName;
            if (role == Qt::CheckStateRole && m_checkable)
                return m_checked.state(streamName);
            if (role == Qt::FontRole) {
                QFont f;
                f.setBold(true);
                return f;
            }
            if (role == Qt::ToolTipRole) {
                const QString parent = s.value(u"parent"_s).toString();
                return parent.isEmpty() ? QString() : tr("Read for each record of \"%1\"").arg(parent);
            }
            return {};
        case DetailColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
                if (incremental && !cursorField.isEmpty())
                    return tr("Incremental on %1").arg(cursorField);
                return incremental ? tr("Incremental") : tr("Full refresh");
            }
            if (role == Qt::ToolTipRole)
                return primaryKey.isEmpty() ? QString() : tr("Primary key: %1").arg(primaryKey.join(u", "_s));
            return {};
        case CursorColumn:
            if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
                const QString c = cursor(streamName);
                if (!c.isEmpty()) {
                    const QString formatted = DisplayFormat::dateTime(c);
                    return formatted.isEmpty() ? c : formatted;
                }
                if (m_connectionId.isEmpty())
                    return QString();
                return incremental ? tr("Not synced yet") : tr("Re-read every sync");
            }
            if (role == Qt::ToolTipRole)
                return cursor(streamName);
            return {};
        default: return syncDetail(streamName, index.column(), role);
        }
    }

    const QJsonObject field = s.value(u"fields"_s).toArray().at(index.row()).toObject();
    const QString fieldName = field.value(u"name"_s).toString();
    if (role == FieldNameRole)
        return fieldName;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn: return fieldName;
    case DetailColumn: return DisplayFormat::fieldType(field.value(u"type"_s).toString());
    case CursorColumn: {
        QStringList tags;
        if (primaryKey.contains(fieldName))
            tags.append(tr("primary key"));
        if (fieldName == cursorField)
            tags.append(tr("cursor field"));
        return tags.join(u", "_s);
    }
    case ColumnsColumn: {
        const auto table = m_tables.constFind(streamName);
        if (table == m_tables.cend())
            return QString();
        const QString column = table->columnOfField.value(fieldName);
        return column.isEmpty() ? tr("not in the table") : column;
    }
    default: return {};
    }
}

bool StreamListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_checkable || role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || !isGroup(index)
        || index.column() != NameColumn)
        return false;
    const QString name = m_streams.at(index.row()).value(u"name"_s).toString();
    if (m_checked.set(name, value.toInt() == Qt::Checked)) {
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        Q_EMIT checkedChanged();
    }
    return true;
}

Qt::ItemFlags StreamListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isGroup(index))
        return f | Qt::ItemNeverHasChildren;
    if (m_checkable && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant StreamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Stream or field");
    case DetailColumn: return tr("Sync mode or type");
    case CursorColumn: return tr("Cursor");
    case RowsColumn: return tr("Rows");
    case LastSyncColumn: return tr("Last synced");
    case ColumnsColumn: return tr("Table column");
    default: return {};
    }
}

QHash<int, QByteArray> StreamListModel::roleNames() const
{
    auto names = TwoLevelItemModel::roleNames();
    names.insert(StreamNameRole, "stream");
    names.insert(FieldNameRole, "field");
    names.insert(IsStreamRole, "isStream");
    names.insert(CursorRole, "cursor");
    names.insert(IncrementalRole, "incremental");
    names.insert(StreamRole, "streamObject");
    names.insert(RowCountRole, "rowCount");
    names.insert(LastSyncRole, "lastSync");
    names.insert(TableColumnsRole, "tableColumns");
    return names;
}

} // namespace Opbox
