// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/services/identityservice.h"
#include "engine/store/database.h"
#include "testengine.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

/**
 * API tokens over HTTP: `GET /api/me/tokens` lists the caller's own tokens without their values,
 * `DELETE /api/me/tokens/:id` revokes one (404 for another user's or an unknown id), a revoked or
 * expired token gets 401, and each use is noted as the token's last use.
 */
class TestApiTokens : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::TestEngine> m_t;
    QString m_ada, m_bob;

    QJsonArray tokensOf(const QString &token)
    {
        return m_t->client(token)->get(u"/api/me/tokens"_s).json().value(u"tokens"_s).toArray();
    }

    /** The id of the listed token whose prefix is the start of `token`. */
    QString idOf(const QString &token)
    {
        for (const auto &v : tokensOf(token)) {
            if (v.toObject().value(u"tokenPrefix"_s).toString() == token.left(8) + u"..."_s)
                return v.toObject().value(u"id"_s).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::pinEnvironment();
        m_t = std::make_unique<Test::TestEngine>();
        QVERIFY(m_t->ok());
        m_ada = m_t->addUser(u"ada@example.com"_s, Role::Owner);
        m_bob = m_t->addUser(u"bob@example.com"_s, Role::Viewer);
        QVERIFY(!m_ada.isEmpty() && !m_bob.isEmpty());
    }

    void listShowsOnlyTheCallersTokensWithoutValues()
    {
        const QString second = *m_t->engine().identity()->createToken(m_t->userId(u"ada@example.com"_s), u"laptop"_s,
                                                                      QDateTime::currentDateTimeUtc().addDays(30));
        const auto r = m_t->client(m_ada)->get(u"/api/me/tokens"_s);
        QCOMPARE(r.status, 200);
        const QJsonArray tokens = r.json().value(u"tokens"_s).toArray();
        QCOMPARE(tokens.size(), 2);
        QVERIFY(!r.body.contains(m_ada.toUtf8()) && !r.body.contains(second.toUtf8()));
        QVERIFY(!r.body.contains(m_bob.left(8).toUtf8()));
        const QJsonObject first = tokens.at(0).toObject();
        QCOMPARE(first.value(u"name"_s).toString(), u"test"_s);
        QCOMPARE(first.value(u"tokenPrefix"_s).toString(), m_ada.left(8) + u"..."_s);
        QVERIFY(first.value(u"expiresAt"_s).isNull());
        QVERIFY(!first.value(u"createdAt"_s).toString().isEmpty());
        // This request is a use of the token: it is noted.
        QVERIFY(!first.value(u"lastUsedAt"_s).toString().isEmpty());
        const QJsonObject laptop = tokens.at(1).toObject();
        QCOMPARE(laptop.value(u"name"_s).toString(), u"laptop"_s);
        QCOMPARE(laptop.value(u"tokenPrefix"_s).toString(), second.left(8) + u"..."_s);
        QVERIFY(laptop.value(u"lastUsedAt"_s).isNull());
        const QDateTime expires = QDateTime::fromString(laptop.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(expires.secsTo(QDateTime::currentDateTimeUtc().addDays(30))) < 120);
        QCOMPARE(m_t->client(second)->get(u"/api/me"_s).status, 200);
        QVERIFY(!tokensOf(m_ada).at(1).toObject().value(u"lastUsedAt"_s).isNull());
        QCOMPARE(tokensOf(m_bob).size(), 1);
    }

    void revokeOwnToken()
    {
        const QString spare = *m_t->engine().identity()->createToken(m_t->userId(u"ada@example.com"_s), u"spare"_s);
        QCOMPARE(m_t->client(spare)->get(u"/api/me"_s).status, 200);
        const QString id = idOf(spare);
        QVERIFY(!id.isEmpty());
        // Another user cannot revoke it, nor learn that it exists.
        const auto foreign = m_t->client(m_bob)->del(u"/api/me/tokens/"_s + id);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(m_t->client(spare)->get(u"/api/me"_s).status, 200);

        const auto revoked = m_t->client(m_ada)->del(u"/api/me/tokens/"_s + id);
        QCOMPARE(revoked.status, 204);
        const auto after = m_t->client(spare)->get(u"/api/me"_s);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.json().value(u"code"_s).toString(), u"UNAUTHORIZED"_s);
        QVERIFY(idOf(spare).isEmpty());
        QCOMPARE(m_t->client(m_ada)->del(u"/api/me/tokens/"_s + id).status, 404);
        QCOMPARE(m_t->client(m_ada)->del(u"/api/me/tokens/cunknown000000000000000000"_s).status, 404);
        // The caller's other tokens keep working.
        QCOMPARE(m_t->client(m_ada)->get(u"/api/me"_s).status, 200);
    }

    void revokingTheTokenInUse()
    {
        const QString self = *m_t->engine().identity()->createToken(m_t->userId(u"bob@example.com"_s), u"self"_s);
        QCOMPARE(m_t->client(self)->del(u"/api/me/tokens/"_s + idOf(self)).status, 204);
        QCOMPARE(m_t->client(self)->get(u"/api/me/tokens"_s).status, 401);
    }

    void expiredToken()
    {
        const QString userId = m_t->userId(u"bob@example.com"_s);
        const QString soon
            = *m_t->engine().identity()->createToken(userId, u"soon"_s, QDateTime::currentDateTimeUtc().addDays(1));
        QCOMPARE(m_t->client(soon)->get(u"/api/me"_s).status, 200);
        const QString past
            = *m_t->engine().identity()->createToken(userId, u"past"_s, QDateTime::currentDateTimeUtc().addSecs(-1));
        const auto r = m_t->client(past)->get(u"/api/me"_s);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.json().value(u"error"_s).toString().contains(u"expired"_s), r.body.constData());
        // Expired tokens are still listed (so they can be recognised and revoked).
        bool listed = false;
        for (const auto &v : tokensOf(m_bob))
            listed = listed || v.toObject().value(u"name"_s).toString() == u"past"_s;
        QVERIFY(listed);
    }
};

QTEST_GUILESS_MAIN(TestApiTokens)
#include "tst_api_tokens.moc"
