// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthconsent.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Opbox::Test {

QUrl consentRedirect(const QString &authorizeUrl)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(authorizeUrl, QUrl::StrictMode));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(20000);
    loop.exec();
    const QUrl location(QString::fromUtf8(reply->rawHeader("Location")), QUrl::StrictMode);
    reply->deleteLater();
    return location;
}

} // namespace Opbox::Test
