// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordbatch.h"

#include <QJsonValue>
#include <QString>
#include <optional>

namespace Opbox {

/** The logical column types of Opbox tables (DESIGN §12), kept in the catalog. */
enum class LogicalType { Boolean, Integer, Real, Date, DateTime, Text, Json };

/**
 * Type inference and monotonic widening for Opbox table columns (DESIGN §12): the smallest type a
 * value fits, and the join of two types, so that a value of a new kind widens its column instead of
 * failing the run (BOOLEAN → INTEGER → REAL → TEXT, DATE → DATETIME → TEXT, anything mixed → TEXT).
 */
class ColumnTypePolicy
{
public:
    /** The smallest logical type that holds `value`; nullopt for null/undefined (no evidence). */
    [[nodiscard]] static std::optional<LogicalType> infer(const QJsonValue &value);
    /** The same for a field of a record batch (without building a QJsonValue for it). */
    [[nodiscard]] static std::optional<LogicalType> infer(const RecordBatch &batch, const RecordBatch::Field &field);
    /** `number` as an exact 64-bit integer, if it is one. */
    [[nodiscard]] static std::optional<qint64> integral(double number);
    /** The smallest type that holds values of both types; `join(a, b) == join(b, a)`. */
    [[nodiscard]] static LogicalType join(LogicalType a, LogicalType b);

    [[nodiscard]] static QString name(LogicalType type);
    [[nodiscard]] static std::optional<LogicalType> parse(const QString &name);

    /** `YYYY-MM-DD` with a valid month and day. */
    [[nodiscard]] static bool isIsoDate(const QString &s);
    /** `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:]MM]` (a space instead of `T` is accepted). */
    [[nodiscard]] static bool isIsoDateTime(const QString &s);

    /** The text a value is stored as in a TEXT column: strings as they are, JSON for the rest. */
    [[nodiscard]] static QString toText(const QJsonValue &value);
};

} // namespace Opbox
