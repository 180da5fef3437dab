// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/httpheaders.h"
#include "base/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <functional>

namespace Opbox {

/** One HTTP request as the engine sees it, independent of the HTTP server library. */
struct HttpRequest
{
    QByteArray method; // upper-case: GET, POST …
    QString path; // percent-decoded path, no query
    QUrlQuery query;
    HttpHeaders headers; // names as received
    QByteArray body;
    QString remoteAddress;
    QHash<QString, QString> params; // route parameters (`:id` → value)

    /** Case-insensitive header lookup; repeated headers are joined with ", ". */
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] QString param(const QString &name) const { return params.value(name); }
};

/** One HTTP response; `json()`/`error()` build the API's standard bodies. */
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    HttpHeaders headers;

    [[nodiscard]] static HttpResponse json(const QJsonObject &object, int status = 200);
    [[nodiscard]] static HttpResponse noContent();
    [[nodiscard]] static HttpResponse html(const QString &page, int status = 200);
    [[nodiscard]] static HttpResponse text(const QByteArray &body, int status = 200);
    /** `{"error": message, "code": code}` plus the error's extra members. */
    [[nodiscard]] static HttpResponse error(int status, const QString &code, const QString &message,
                                            const QJsonObject &extra = {});
    [[nodiscard]] static HttpResponse fromError(const Error &error);
    [[nodiscard]] static int statusFor(Error::Kind kind);
    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
};

/** Sends the response to a request; callable once, from any thread. */
using HttpReply = std::function<void(HttpResponse)>;
/** Handles one request; may reply at once or later (e.g. after a provider call). */
using HttpHandler = std::function<void(HttpRequest, HttpReply)>;

} // namespace Opbox
