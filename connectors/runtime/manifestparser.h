// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/manifestreader.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Opbox {

/**
 * Builds a ConnectorManifest from its JSON, one named step per part of the format (auth, rate
 * limit, context, requests with their pagination, streams with their fields, incremental cursor,
 * slices and filters), then checks what spans streams (parents, cycles, cursor templates).
 * connectors/MANIFEST.md describes the format.
 */
class ManifestParser
{
public:
    /** The manifest in `json`, or an Invalid error naming the first problem. */
    [[nodiscard]] Result<ConnectorManifest> parse(const QByteArray &json);
    [[nodiscard]] Result<ConnectorManifest> parse(const QJsonObject &root);
    /** Every problem the last parse found, at its JSON pointer. */
    [[nodiscard]] const QList<ManifestIssue> &issues() const { return m_reader.issues(); }

private:
    using Manifest = ConnectorManifest;

    void readTop(const QJsonObject &root, Manifest &m);
    /** What the product shows about the type: names, auth type, credential and config field specs. */
    void readSpec(const QJsonObject &root, Manifest &m);
    [[nodiscard]] QList<ConnectorField> readFieldSpecs(const QJsonObject &root, const QString &key);
    void readAuth(const QJsonObject &auth, Manifest::Auth &a);
    void readRateLimit(const QJsonObject &rate, Manifest::RateLimit &limit);
    void readContext(const QJsonObject &ctx, Manifest &m);
    [[nodiscard]] Manifest::Request readRequest(const QJsonObject &o, const QString &where);
    [[nodiscard]] Manifest::Pagination readPagination(const QJsonObject &o, const QString &where);
    [[nodiscard]] Manifest::Order readOrder(const QJsonObject &o, const QString &where);
    [[nodiscard]] QList<StreamField> readFields(const QJsonObject &o, const QString &where);
    [[nodiscard]] Manifest::Stream readStream(const QJsonObject &so, const QString &where, const QString &name);
    [[nodiscard]] Manifest::Incremental readIncremental(const QJsonObject &io, const QString &where, const Manifest::Stream &s);
    [[nodiscard]] Manifest::Slices readSlices(const QJsonObject &sl, const QString &where, const Manifest::Stream &s);
    void readFilters(const QJsonObject &so, const QString &where, Manifest::Stream &s);
    /** What a single stream cannot show: declared parents, no parent cycle, cursor templates only when incremental. */
    void checkStreams(const Manifest &m);
    /** An incremental stream that never sends or filters by its cursor would re-read everything as if incremental. */
    void checkCursorUse(const Manifest::Stream &s, const QString &where);

    ManifestReader m_reader;
    QHash<QString, QString> m_formats; // the stream being read: field name -> declared date-time format
};

} // namespace Opbox
