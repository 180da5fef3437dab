// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/ids.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <atomic>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace Opbox::Ids {

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        throw std::runtime_error("the system random number generator failed");
    return out;
}

QString newId()
{
    // Time prefix keeps ids roughly sortable by creation (as cuid does); a counter and
    // random tail make them unique across threads and processes.
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    static std::atomic<quint32> counter{0};
    auto base36 = [](quint64 v, int width) {
        QString s(width, u'0');
        for (int i = width - 1; i >= 0; --i) {
            s[i] = QLatin1Char(digits[v % 36]);
            v /= 36;
        }
        return s;
    };
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint32 count = counter.fetch_add(1) % (36u * 36u * 36u * 36u);
    const QByteArray rnd = randomBytes(8);
    quint64 r = 0;
    for (char c : rnd)
        r = (r << 8) | quint8(c);
    // 1 + 8 (time) + 4 (counter) + 12 (random) = 25 characters.
    return u"c"_s + base36(ms, 8) + base36(count, 4) + base36(r, 12);
}

bool looksLikeId(const QString &id)
{
    static const QRegularExpression re(u"^c[0-9a-z]{24}$"_s);
    return re.match(id).hasMatch();
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString iso(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QString isoNow()
{
    return iso(QDateTime::currentDateTimeUtc());
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    return sameBytes(sha256(given), sha256(expected)) && !expected.isEmpty();
}

} // namespace Opbox::Ids
