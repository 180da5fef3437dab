// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/api/httptypes.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Opbox {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

HttpResponse HttpResponse::html(const QString &page, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = page.toUtf8();
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    return r;
}

HttpResponse HttpResponse::text(const QByteArray &body, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"error"_s, message);
    body.insert(u"code"_s, code);
    return json(body, status);
}

int HttpResponse::statusFor(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Invalid: return 400;
    case Error::Kind::Unauthorized: return 401;
    case Error::Kind::Forbidden: return 403;
    case Error::Kind::NotFound: return 404;
    case Error::Kind::Conflict: return 409;
    case Error::Kind::TooLarge: return 413;
    case Error::Kind::RateLimited: return 429;
    case Error::Kind::Unavailable: return 503;
    case Error::Kind::Upstream: return 502;
    case Error::Kind::Internal: return 500;
    case Error::Kind::Configuration: return 409;
    case Error::Kind::Malformed: return 502;
    case Error::Kind::Cancelled: return 503;
    }
    return 500;
}

HttpResponse HttpResponse::fromError(const Error &e)
{
    return error(statusFor(e.kind), e.code, e.message, e.extra);
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

} // namespace Opbox
