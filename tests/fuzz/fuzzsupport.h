// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QString>

#include "samejson.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The entry points libFuzzer calls (it brings main()).
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace Opbox::Fuzz {

/** The application object Qt's plugins, event loops and locale lookups need, created once per process. */
inline void startApplication(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    Q_UNUSED(app);
    // Millions of inputs: the invariants are checked, log lines would only slow the run down.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
}

/** The input as bytes (no copy: the view lives as long as the call). */
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/** A broken invariant: libFuzzer records the input that led here as a crash. */
[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.toUtf8().constData());
    std::abort();
}

inline void check(bool condition, const char *what, const QString &detail = {})
{
    if (!condition)
        fail(what, detail);
}

using Opbox::Test::sameJson;

} // namespace Opbox::Fuzz
