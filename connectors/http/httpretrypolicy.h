// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace Opbox {

/**
 * How long to wait before retrying a request: exponential backoff with jitter, unless the provider
 * says when (`Retry-After` in seconds or as an HTTP date, or a rate-limit reset header).
 */
class HttpRetryPolicy
{
public:
    struct Settings
    {
        int maxRetries = 5; // retries after the first attempt
        int baseDelayMs = 1000; // first backoff; doubles per retry
        int maxDelayMs = 60000; // cap of one backoff step
        qint64 maxWaitMs = 300000; // the longest provider-requested wait we accept before failing
        int timeoutMs = 30000; // per request: no bytes for this long aborts the attempt
    };

    /**
     * Settings from a connection's config: `maxRetries`, `retryBaseMs`, `retryMaxDelayMs`,
     * `maxRetryWaitMs`, `timeoutMs` (numbers or numeric strings). Tests shrink `retryBaseMs` so
     * that retry paths stay fast; users rarely need to touch them.
     */
    [[nodiscard]] static Settings fromConfig(const QJsonObject &config);

    HttpRetryPolicy();
    explicit HttpRetryPolicy(Settings settings);
    [[nodiscard]] const Settings &settings() const { return m_settings; }

    /** The jittered backoff before retry number `retry` (0 = the first retry). */
    [[nodiscard]] qint64 backoffMs(int retry) const;

    /** `Retry-After` as milliseconds from `now`: delta seconds or an HTTP date (never negative). */
    [[nodiscard]] static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);
    /** A reset header as milliseconds from `now`: epoch seconds, or seconds from now. */
    [[nodiscard]] static std::optional<qint64> parseReset(const QByteArray &value, bool epochSeconds, const QDateTime &now);
    /** 429 and the 5xx statuses that mean "try again later". */
    [[nodiscard]] static bool isRetryableStatus(int status);

private:
    Settings m_settings;
};

} // namespace Opbox
