// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace Opbox {

/**
 * Reads and writes the TEXT columns that hold JSON: written compact, read leniently (a column
 * that does not hold the expected kind reads as empty, as an unset column does).
 */
namespace JsonColumn {

[[nodiscard]] inline QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

[[nodiscard]] inline QString text(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

[[nodiscard]] inline QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

[[nodiscard]] inline QJsonArray array(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

} // namespace JsonColumn

} // namespace Opbox
