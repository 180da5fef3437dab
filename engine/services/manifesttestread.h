// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"
#include "connectors/runtime/connectormanifest.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

class QNetworkAccessManager;

namespace Opbox {

/**
 * Reads a few pages of each stream of a manifest that need not be installed, storing nothing: what
 * a person writing a manifest needs to see whether it works. Per stream at most `MaxPages` pages and
 * `MaxRecords` records, the columns the table writer would infer for them, and the requests made;
 * every credential value is scrubbed from URLs, messages and records before the result leaves.
 */
class ManifestTestRead
{
public:
    static constexpr int MaxPages = 5;
    static constexpr int MaxRecords = 100;

    /** One request the read made. */
    struct Request
    {
        QString method;
        QString url; // scrubbed
        int status = 0; // 0: no HTTP answer (network error, cancelled)
        qint64 ms = 0;
    };

    /** What one stream gave. */
    struct Stream
    {
        QString name;
        QJsonArray records;
        QList<QPair<QString, QString>> columns; // column name, logical type
        QList<Request> requests;
        QString error; // empty when the read worked
    };

    ManifestTestRead(std::shared_ptr<const ConnectorManifest> manifest, QJsonObject credentials, QJsonObject config);

    /** Reads `streams` (empty: every stream) with `network`, which must live on the calling thread. */
    [[nodiscard]] QCoro::Task<QList<Stream>> run(QStringList streams, QNetworkAccessManager *network);

    /** The answer of `POST connector-manifests/test-read`. */
    [[nodiscard]] static QJsonObject toJson(const QList<Stream> &streams);

private:
    [[nodiscard]] QCoro::Task<Stream> readStream(QString name, QNetworkAccessManager *network);
    [[nodiscard]] QString scrub(QString text) const;
    [[nodiscard]] QJsonValue scrubJson(const QJsonValue &value) const;

    std::shared_ptr<const ConnectorManifest> m_manifest;
    QJsonObject m_credentials;
    QJsonObject m_config;
    QStringList m_secrets;
};

} // namespace Opbox
