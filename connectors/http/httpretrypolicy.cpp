// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/http/httpretrypolicy.h"

#include "connectors/runtime/datetimeformat.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

std::optional<qint64> configNumber(const QJsonObject &config, const QString &key)
{
    const QJsonValue v = config.value(key);
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

} // namespace

HttpRetryPolicy::Settings HttpRetryPolicy::fromConfig(const QJsonObject &config)
{
    Settings s;
    if (const auto v = configNumber(config, u"maxRetries"_s))
        s.maxRetries = int(std::clamp<qint64>(*v, 0, 20));
    if (const auto v = configNumber(config, u"retryBaseMs"_s))
        s.baseDelayMs = int(std::clamp<qint64>(*v, 0, 600000));
    if (const auto v = configNumber(config, u"retryMaxDelayMs"_s))
        s.maxDelayMs = int(std::clamp<qint64>(*v, 0, 3600000));
    if (const auto v = configNumber(config, u"maxRetryWaitMs"_s))
        s.maxWaitMs = std::clamp<qint64>(*v, 0, 86400000);
    if (const auto v = configNumber(config, u"timeoutMs"_s))
        s.timeoutMs = int(std::clamp<qint64>(*v, 100, 3600000));
    s.maxDelayMs = std::max(s.maxDelayMs, s.baseDelayMs);
    return s;
}

HttpRetryPolicy::HttpRetryPolicy()
    : m_settings(Settings())
{
}

HttpRetryPolicy::HttpRetryPolicy(Settings settings)
    : m_settings(settings)
{
}

qint64 HttpRetryPolicy::backoffMs(int retry) const
{
    const double exponential = double(m_settings.baseDelayMs) * std::pow(2.0, std::clamp(retry, 0, 30));
    const double capped = std::min(exponential, double(m_settings.maxDelayMs));
    // "Equal jitter": half fixed, half random, so that parallel syncs hitting one provider spread out
    // while the wait still grows with every retry.
    const double jittered = capped / 2.0 + QRandomGenerator::global()->generateDouble() * capped / 2.0;
    return qint64(jittered);
}

std::optional<qint64> HttpRetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds))
            return std::nullopt;
        return qint64(std::max(0.0, seconds) * 1000.0);
    }
    const auto when = DateTimeFormat::parseHttpDate(QString::fromLatin1(trimmed));
    if (!when)
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(*when));
}

std::optional<qint64> HttpRetryPolicy::parseReset(const QByteArray &value, bool epochSeconds, const QDateTime &now)
{
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    if (!epochSeconds)
        return n * 1000;
    // Epoch reset times have one-second resolution; wait to the end of that second.
    return std::max<qint64>(0, n * 1000 - now.toMSecsSinceEpoch() + 1000);
}

bool HttpRetryPolicy::isRetryableStatus(int status)
{
    return status == 429 || status == 408 || status == 500 || status == 502 || status == 503 || status == 504
        || (status >= 520 && status <= 529);
}

} // namespace Opbox
