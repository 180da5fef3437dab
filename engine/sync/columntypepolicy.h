// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectors/runtime/recordbatch.h"

#include <QString>
#include <optional>

namespace Opbox {

/** The logical column types of Opbox tables, kept in the catalog. */
enum class LogicalType { Boolean, Integer, Real, Date, DateTime, Text, Json };

/**
 * Type inference and monotonic widening for Opbox table columns: the smallest type a
 * value fits, and the join of two types, so that a value of a new kind widens its column instead of
 * failing the run (BOOLEAN → INTEGER → REAL → TEXT, DATE → DATETIME → TEXT, anything mixed → TEXT).
 */
class ColumnTypePolicy
{
public:
    /** The smallest logical type that holds `field`'s value; nullopt for null (no evidence). */
    [[nodiscard]] static std::optional<LogicalType> infer(const RecordBatch &batch, const RecordBatch::Field &field);
    /** `number` as an exact 64-bit integer, if it is one. */
    [[nodiscard]] static std::optional<qint64> integral(double number);
    /** The smallest type that holds values of both types; `join(a, b) == join(b, a)`. */
    [[nodiscard]] static LogicalType join(LogicalType a, LogicalType b);

    [[nodiscard]] static QString name(LogicalType type);
    [[nodiscard]] static std::optional<LogicalType> parse(const QString &name);

    /**
     * The text a boolean or number is stored as in a TEXT column (`true`, `42`, `2.5`); strings and
     * JSON text are stored as the batch holds them.
     */
    [[nodiscard]] static QString toText(const RecordBatch::Field &scalar);
};

} // namespace Opbox
