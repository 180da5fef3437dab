// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Opbox::Test {

/** One HTTP answer as a test sees it. */
struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

/** A blocking HTTP client for tests (a nested event loop with a timeout), speaking to 127.0.0.1. */
class HttpClient
{
public:
    explicit HttpClient(QUrl base);
    void setToken(const QString &token) { m_token = token; }
    void setWorkspace(const QString &workspaceId) { m_workspace = workspaceId; }

    [[nodiscard]] HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                                     const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    [[nodiscard]] HttpResult get(const QString &path) { return request("GET", path); }
    [[nodiscard]] HttpResult post(const QString &path, const QJsonObject &body) { return send("POST", path, body); }
    [[nodiscard]] HttpResult put(const QString &path, const QJsonObject &body) { return send("PUT", path, body); }
    [[nodiscard]] HttpResult patch(const QString &path, const QJsonObject &body) { return send("PATCH", path, body); }
    [[nodiscard]] HttpResult del(const QString &path) { return request("DELETE", path); }
    [[nodiscard]] HttpResult send(const QByteArray &method, const QString &path, const QJsonObject &body);

    /** Sends raw bytes over a TCP socket and returns the status line's code (for malformed HTTP). */
    [[nodiscard]] static int rawExchange(quint16 port, const QByteArray &bytes, QByteArray *response = nullptr,
                                         int timeoutMs = 5000);

    [[nodiscard]] QUrl base() const { return m_base; }

private:
    QUrl m_base;
    QString m_token;
    QString m_workspace;
    QNetworkAccessManager m_nam;
};

} // namespace Opbox::Test
