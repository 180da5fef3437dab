// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace Opbox {

/**
 * Why an engine or connector operation refused or failed; the API maps `kind` to an HTTP status and
 * the engine decides by it what a failed read means for the connection.
 */
struct Error
{
    enum class Kind {
        Invalid, // 400: a field is wrong; message names it
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404
        Conflict, // 409
        TooLarge, // 413
        RateLimited, // 429
        Unavailable, // 503: a dependency (provider, disk) is not there right now, or retries ran out
        Upstream, // 502: the provider answered with an error we pass on
        Internal, // 500: our fault; the message is generic, details go to the log
        Configuration, // 409: a provider refused the credentials, permissions or configuration: the user must act
        Malformed, // 502: a provider answered something we cannot read
        Cancelled, // 503: the caller asked the operation to stop
    };
    Kind kind = Kind::Internal;
    QString code; // machine code, e.g. VALIDATION_ERROR
    QString message; // human-readable, never a secret, never SQL
    QJsonObject extra; // extra members for the error body (e.g. runId)

    [[nodiscard]] static Error invalid(const QString &message, const QString &code = QStringLiteral("VALIDATION_ERROR"))
    {
        return {Kind::Invalid, code, message, {}};
    }
    [[nodiscard]] static Error forbidden(const QString &message)
    {
        return {Kind::Forbidden, QStringLiteral("FORBIDDEN"), message, {}};
    }
    [[nodiscard]] static Error notFound(const QString &message)
    {
        return {Kind::NotFound, QStringLiteral("NOT_FOUND"), message, {}};
    }
    [[nodiscard]] static Error conflict(const QString &message, const QString &code = QStringLiteral("CONFLICT"))
    {
        return {Kind::Conflict, code, message, {}};
    }
    [[nodiscard]] static Error internal(const QString &message = QStringLiteral("internal error"))
    {
        return {Kind::Internal, QStringLiteral("INTERNAL"), message, {}};
    }

    // What a connector reports; the message names the provider, the request and the problem.
    [[nodiscard]] static Error configuration(const QString &message)
    {
        return {Kind::Configuration, QStringLiteral("PROVIDER_REFUSED"), message, {}};
    }
    [[nodiscard]] static Error unavailable(const QString &message)
    {
        return {Kind::Unavailable, QStringLiteral("PROVIDER_UNAVAILABLE"), message, {}};
    }
    [[nodiscard]] static Error upstream(const QString &message)
    {
        return {Kind::Upstream, QStringLiteral("PROVIDER_ERROR"), message, {}};
    }
    [[nodiscard]] static Error malformed(const QString &message)
    {
        return {Kind::Malformed, QStringLiteral("PROVIDER_MALFORMED"), message, {}};
    }
    [[nodiscard]] static Error cancelled(const QString &message)
    {
        return {Kind::Cancelled, QStringLiteral("CANCELLED"), message, {}};
    }
    /**
     * The provider answered, but does not let this account read what was asked for (a role that
     * may not list users, a repository the token cannot see, a feature the plan lacks): the
     * credentials work, the rest of the account can still be read.
     */
    [[nodiscard]] static Error notPermitted(const QString &message)
    {
        return {Kind::Configuration, QString(NotPermittedCode), message, {}};
    }
    [[nodiscard]] bool isNotPermitted() const { return kind == Kind::Configuration && code == NotPermittedCode; }
    static constexpr QLatin1StringView NotPermittedCode{"PROVIDER_NOT_PERMITTED"};
};

/** A value or an Error; the engine's return type wherever something can be refused. */
template<typename T> class [[nodiscard]] Result
{
public:
    /** An empty result is an error until assigned (QCoro::waitFor needs a default constructor). */
    Result()
        : m_data(std::in_place_index<1>, Error::internal(QStringLiteral("no result")))
    {
    }
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

private:
    std::variant<T, Error> m_data;
};

/** The value-less Result: success or an Error. */
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }
    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace Opbox
