// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/recordbatch.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <vector>

namespace Opbox {

/**
 * Checks and normalises the records of one stream before they leave the connector: every record is
 * an object with its primary key and declared date-times become ISO-8601 UTC with milliseconds; every
 * other value stays as received. Records already in shape are not copied.
 */
class RecordNormalizer
{
    Q_DECLARE_TR_FUNCTIONS(RecordNormalizer)
public:
    explicit RecordNormalizer(const ConnectorManifest::Stream &stream);

    /** Normalises `record` in place; a Malformed error saying why when the record cannot be trusted. */
    [[nodiscard]] Result<void> normalize(QJsonObject &record) const;
    /** The same for record `row` of a page read into a batch. */
    [[nodiscard]] Result<void> normalize(RecordBatch &batch, qsizetype row) const;

private:
    enum class Action { None, DateTime };
    struct Node
    {
        Action action = Action::None;
        QString key; // the field's name in its parent object
        QLatin1StringView keyView; // the same, for lookups that need no conversion (empty when not Latin-1)
        QByteArray keyLatin1; // keeps keyView's bytes
        QString path;
        std::vector<Node> children;
        QString format; // DateTime: the declared text format, or empty for the shapes DateTimeFormat knows
    };
    [[nodiscard]] Result<void> apply(QJsonObject &object, const Node &node, bool *changed) const;
    [[nodiscard]] Result<void> transform(const QJsonValue &in, const Node &leaf, QJsonValue *out) const;
    static void finish(Node &node);
    void collect(const Node &node, const QStringList &above);

    struct Leaf
    {
        QStringList segments;
        Node node; // its action and path (copied: the tree may move with the normaliser)
    };

    Node m_root;
    std::vector<Leaf> m_leaves; // every node with an action, for records in a batch
    QList<QStringList> m_primaryKey;
};

} // namespace Opbox
