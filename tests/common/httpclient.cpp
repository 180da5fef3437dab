// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Opbox::Test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
}

HttpResult HttpClient::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_workspace.isEmpty())
        req.setRawHeader("X-Workspace-Id", m_workspace.toUtf8());
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, buffer);
    buffer->setParent(reply);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = u"timeout"_s;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    if (result.status == 0 && result.networkError.isEmpty())
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

int HttpClient::rawExchange(quint16 port, const QByteArray &bytes, QByteArray *response, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return -1;
    socket.write(bytes);
    socket.flush();
    QByteArray data;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(200)) {
            if (socket.state() != QAbstractSocket::ConnectedState || data.contains("\r\n\r\n"))
                break;
            continue;
        }
        data += socket.readAll();
        const qsizetype headerEnd = data.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const qsizetype cl = data.toLower().indexOf("content-length:");
            if (cl >= 0 && cl < headerEnd) {
                const qsizetype eol = data.indexOf("\r\n", cl);
                const qsizetype len = data.mid(cl + 15, eol - cl - 15).trimmed().toLongLong();
                if (data.size() >= headerEnd + 4 + len)
                    break;
            }
        }
    }
    if (response)
        *response = data;
    if (!data.startsWith("HTTP/"))
        return 0;
    return data.mid(data.indexOf(' ') + 1, 3).toInt();
}

} // namespace Opbox::Test
