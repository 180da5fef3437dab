// SPDX-License-Identifier: GPL-3.0-or-later
// The account-wide request budget: who shares a gate, how it spaces requests and holds pauses, how
// it keeps a declared rate, and two HTTP clients on one HubSpot account against the fake.
#include "connectors/http/providerhttpclient.h"
#include "connectors/http/ratelimitgate.h"
#include "connectors/runtime/connectormanifest.h"
#include "hubspotfakeserver.h"
#include "ratewindowfake.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

/** A clock that only moves when the test says so. */
class ManualClock
{
public:
    [[nodiscard]] RateLimitGate::Now now() const
    {
        return [at = m_at] { return *at; };
    }
    void advance(qint64 ms) { *m_at += std::chrono::milliseconds(ms); }

private:
    std::shared_ptr<RateLimitGate::Clock::time_point> m_at = std::make_shared<RateLimitGate::Clock::time_point>();
};

} // namespace

class RateLimitGateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void accountKey_data()
    {
        QTest::addColumn<QString>("urlA");
        QTest::addColumn<QJsonObject>("credentialsA");
        QTest::addColumn<QJsonObject>("configA");
        QTest::addColumn<QString>("urlB");
        QTest::addColumn<QJsonObject>("credentialsB");
        QTest::addColumn<QJsonObject>("configB");
        QTest::addColumn<bool>("same");
        const QJsonObject key{{u"apiKey"_s, u"pat-1"_s}};
        const QJsonObject oauth{{u"client_id"_s, u"app"_s},
                                {u"access_token"_s, u"a1"_s},
                                {u"refresh_token"_s, u"r1"_s},
                                {u"expires_at"_s, u"2026-01-01T00:00:00Z"_s}};
        QJsonObject rotated = oauth;
        rotated[u"access_token"_s] = u"a2"_s;
        rotated[u"refresh_token"_s] = u"r2"_s;
        rotated[u"expires_at"_s] = u"2026-01-01T01:00:00Z"_s;
        const QString hub = u"https://api.hubapi.com"_s;
        const QString xero = u"https://api.xero.com/api.xro/2.0"_s;
        QTest::newRow("same key") << hub << key << QJsonObject() << hub << key << QJsonObject() << true;
        QTest::newRow("other key") << hub << key << QJsonObject() << hub << QJsonObject{{u"apiKey"_s, u"pat-2"_s}}
                                   << QJsonObject() << false;
        QTest::newRow("other host") << hub << key << QJsonObject() << u"https://eu1.hubapi.com"_s << key << QJsonObject()
                                    << false;
        QTest::newRow("path does not matter")
            << xero << oauth << QJsonObject() << u"https://api.xero.com/connections"_s << oauth << QJsonObject() << true;
        QTest::newRow("rotated tokens, same account")
            << xero << oauth << QJsonObject() << xero << rotated << QJsonObject() << true;
        QTest::newRow("other tenant") << xero << oauth << QJsonObject{{u"tenantId"_s, u"t1"_s}} << xero << oauth
                                      << QJsonObject{{u"tenantId"_s, u"t2"_s}} << false;
        QTest::newRow("other settings, same account")
            << hub << key << QJsonObject{{u"retryBaseMs"_s, 5}} << hub << key << QJsonObject() << true;
    }

    void accountKey()
    {
        QFETCH(QString, urlA);
        QFETCH(QJsonObject, credentialsA);
        QFETCH(QJsonObject, configA);
        QFETCH(QString, urlB);
        QFETCH(QJsonObject, credentialsB);
        QFETCH(QJsonObject, configB);
        QFETCH(bool, same);
        const QByteArray a = RateLimitGate::accountKey(QUrl(urlA), credentialsA, configA);
        const QByteArray b = RateLimitGate::accountKey(QUrl(urlB), credentialsB, configB);
        QCOMPARE(a == b, same);
        QVERIFY(!a.contains("pat-1")); // a digest, never the credential
        QCOMPARE(RateLimitGate::forAccount(a) == RateLimitGate::forAccount(b), same);
    }

    void oneGatePerAccountWhileHeld()
    {
        const QByteArray key = RateLimitGate::accountKey(QUrl(u"https://api.github.com"_s), {{u"token"_s, u"ghp_x"_s}}, {});
        auto first = RateLimitGate::forAccount(key);
        first->pauseFor(60000);
        QCOMPARE(RateLimitGate::forAccount(key), first);
        std::weak_ptr<RateLimitGate> weak = first;
        first.reset();
        QVERIFY(weak.expired()); // the registry does not keep gates alive
        QCOMPARE(RateLimitGate::forAccount(key)->pausedForMs(), 0);
    }

    void spacesRequestsOfTheAccount()
    {
        ManualClock clock;
        RateLimitGate gate(clock.now());
        QCOMPARE(gate.reserve(200), 0);
        QCOMPARE(gate.reserve(200), 200);
        QCOMPARE(gate.reserve(200), 400);
        QCOMPARE(gate.reserve(0), 0); // unspaced requests do not queue behind spaced ones
        clock.advance(50);
        QCOMPARE(gate.reserve(200), 550); // behind the three slots already taken
        clock.advance(1000);
        QCOMPARE(gate.reserve(200), 0);
    }

    void pauseHoldsEveryRequest()
    {
        ManualClock clock;
        RateLimitGate gate(clock.now());
        gate.pauseFor(500);
        gate.pauseFor(100); // a shorter pause never cuts a longer one
        QCOMPARE(gate.pausedForMs(), 500);
        QCOMPARE(gate.reserve(0), 500);
        QCOMPARE(gate.reserve(1000), 500); // the first slot starts after the pause
        QCOMPARE(gate.reserve(1000), 1500);
        clock.advance(499);
        QCOMPARE(gate.pausedForMs(), 1);
        clock.advance(1);
        QCOMPARE(gate.pausedForMs(), 0);
        QCOMPARE(gate.reserve(0), 0);
        gate.pauseFor(200); // a later pause counts from now
        QCOMPARE(gate.reserve(0), 200);
    }

    void clientsOnOneAccountShareARetryAfter()
    {
        Fakes::HubSpotFakeServer hubspot;
        QVERIFY(hubspot.start());
        QNetworkAccessManager network;
        auto manifest = ConnectorManifest::forType(u"CRM_PLATFORM"_s);
        QVERIFY(manifest);
        const QJsonObject config{{u"baseUrl"_s, hubspot.baseUrl().toString()}};
        ProviderHttpClient first(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        ProviderHttpClient second(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        auto gate = RateLimitGate::forAccount(RateLimitGate::accountKey(hubspot.baseUrl(), hubspot.credentials(), config));
        QCOMPARE(gate->pausedForMs(), 0);

        hubspot.rateLimitNext(1, u"1"_s);
        HttpCall call;
        call.url = first.urlFor(u"/crm/v3/objects/contacts"_s, u"limit=1"_s);
        auto firstSend = first.send(call, nullptr);
        // The first client meets the 429 and its Retry-After becomes the account's pause.
        QTRY_VERIFY_WITH_TIMEOUT(gate->pausedForMs() > 0, 5000);
        QCOMPARE(hubspot.requestCount(), 1);

        QElapsedTimer timer;
        timer.start();
        auto secondSend = second.send(call, nullptr);
        const Result<HttpExchange> secondResult = QCoro::waitFor(std::move(secondSend));
        const qint64 waited = timer.elapsed();
        QVERIFY2(secondResult.ok(), qPrintable(secondResult.ok() ? QString() : secondResult.error().message));
        // Without the shared gate the second client would have gone at once and met a 429 of its own.
        QVERIFY2(waited >= 600, QByteArray::number(waited).constData());
        const Result<HttpExchange> firstResult = QCoro::waitFor(std::move(firstSend));
        QVERIFY2(firstResult.ok(), qPrintable(firstResult.ok() ? QString() : firstResult.error().message));
        QCOMPARE(hubspot.requestCount(), 3); // the 429, the first client's retry, the second client's request
    }

    void clientsOnOneAccountShareTheSpacing()
    {
        Fakes::HubSpotFakeServer hubspot;
        QVERIFY(hubspot.start());
        QNetworkAccessManager network;
        auto manifest = ConnectorManifest::forType(u"CRM_PLATFORM"_s);
        const QJsonObject config{{u"baseUrl"_s, hubspot.baseUrl().toString()}};
        ProviderHttpClient first(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        ProviderHttpClient second(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        HttpCall call;
        call.url = first.urlFor(u"/crm/v3/objects/contacts"_s, u"limit=1"_s);
        call.minIntervalMs = 150; // as HubSpot's search endpoint asks per account
        QElapsedTimer timer;
        timer.start();
        std::vector<QCoro::Task<Result<HttpExchange>>> sends;
        for (int i = 0; i < 3; ++i) {
            sends.push_back(first.send(call, nullptr));
            sends.push_back(second.send(call, nullptr));
        }
        for (auto &send : sends) {
            const Result<HttpExchange> result = QCoro::waitFor(std::move(send));
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        }
        // Six requests 150 ms apart on one account: the last goes 750 ms after the first. Spaced per
        // client instead, it would have gone after 300 ms.
        QVERIFY2(timer.elapsed() >= 700, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(hubspot.requestCount(), 6);
    }

    void declaredRateIsASlidingWindow()
    {
        ManualClock clock;
        RateLimitGate gate(clock.now());
        gate.declareRate(3, 1000);
        gate.declareRate(10, 1000); // a looser declaration of another client changes nothing
        std::vector<RateLimitGate::Slot> inFlight;
        for (int i = 0; i < 3; ++i) {
            inFlight.push_back(gate.take(0));
            QCOMPARE(inFlight.back().waitMs(), 0);
        }
        clock.advance(200);
        inFlight.erase(inFlight.begin()); // the first answer arrives: its place is free a window later
        RateLimitGate::Slot fourth = gate.take(0);
        QCOMPARE(fourth.waitMs(), 1000);
        clock.advance(300);
        inFlight.clear(); // two more answers at 500 ms
        RateLimitGate::Slot fifth = gate.take(0);
        QCOMPARE(fifth.waitMs(), 1000); // free at 1500 ms
        RateLimitGate::Slot sixth = gate.take(0);
        QCOMPARE(sixth.waitMs(), 1000);
        // Every place in flight: the request looks again until an answer frees one.
        RateLimitGate::Slot seventh = gate.take(0);
        QCOMPARE(seventh.waitMs(), RateLimitGate::WaitingPollMs);
        QCOMPARE(gate.remainingMs(seventh), RateLimitGate::WaitingPollMs);
        clock.advance(100);
        fourth = RateLimitGate::Slot(); // let go at 1200 ms, answered at 600: free a window after 1200
        QCOMPARE(gate.remainingMs(seventh), 1600);
    }

    void announcedRemainingIsSharedByRequestsInFlight()
    {
        ManualClock clock;
        RateLimitGate gate(clock.now());
        std::vector<RateLimitGate::Slot> inFlight;
        for (int i = 0; i < 3; ++i)
            inFlight.push_back(gate.take(0));
        // One answer says 3 are left until the reset in 1 s; the two others in flight spend two of them.
        gate.noteRemaining(3, 1000);
        inFlight.erase(inFlight.begin());
        RateLimitGate::Slot last = gate.take(0);
        QCOMPARE(last.waitMs(), 0);
        QCOMPARE(gate.take(0).waitMs(), 1000); // nothing left: the next waits for the reset
        clock.advance(1000);
        QCOMPARE(gate.take(0).waitMs(), 0); // a new window, not known to be short
    }

    void anOlderAnswerArrivingLateDoesNotRaiseTheBudget()
    {
        ManualClock clock;
        RateLimitGate gate(clock.now());
        // Two requests read at once: the provider counted the first (2 left), then the second
        // (1 left), but the second one's answer arrives first.
        RateLimitGate::Slot first = gate.take(0);
        RateLimitGate::Slot second = gate.take(0);
        gate.noteRemaining(1, 1000);
        second = RateLimitGate::Slot();
        clock.advance(10);
        gate.noteRemaining(2, 990);
        first = RateLimitGate::Slot();
        // One request is left until the reset: never two let go at once.
        std::vector<RateLimitGate::Slot> next;
        int withoutWaiting = 0;
        for (int i = 0; i < 2; ++i) {
            next.push_back(gate.take(0));
            if (next.back().waitMs() == 0)
                ++withoutWaiting;
        }
        QVERIFY2(withoutWaiting <= 1, qPrintable(QString::number(withoutWaiting)));
        QCOMPARE(next.back().waitMs(), 990);
        // An answer of a window that has ended says nothing about the one after it.
        next.clear();
        clock.advance(990);
        gate.noteRemaining(5, 1000);
        clock.advance(10);
        gate.noteRemaining(9, -1);
        QCOMPARE(gate.take(0).waitMs(), 0);
    }

    void declaredRateSharedByTwoClients_data()
    {
        QTest::addColumn<bool>("declared");
        QTest::newRow("the provider's API: no 429") << true;
        QTest::newRow("an API root of the connection's own: the burst meets 429s") << false;
    }

    void declaredRateSharedByTwoClients()
    {
        QFETCH(bool, declared);
        // Two variants of one connection: the same account, the same budget.
        Fakes::RateWindowFake<Fakes::HubSpotFakeServer> hubspot;
        QVERIFY(hubspot.start());
        hubspot.setRateWindow(5, 1000);
        hubspot.setDelay(20);
        auto manifest = std::make_shared<ConnectorManifest>(*ConnectorManifest::forType(u"CRM_PLATFORM"_s));
        manifest->rateLimit.maxRequests = 5;
        manifest->rateLimit.perSeconds = 1;
        // The rate is the provider's own API's: it holds where the manifest's API root is used, and
        // not for a root the connection chose itself.
        QNetworkAccessManager network;
        QJsonObject config{{u"retryBaseMs"_s, 5}};
        if (declared)
            manifest->baseUrl = hubspot.baseUrl().toString();
        else
            config.insert(u"baseUrl"_s, hubspot.baseUrl().toString());
        ProviderHttpClient first(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        ProviderHttpClient second(manifest, hubspot.credentials(), config, &network, std::make_shared<CancelToken>());
        HttpCall call;
        call.url = first.urlFor(u"/crm/v3/objects/contacts"_s, u"limit=1"_s);
        QElapsedTimer timer;
        timer.start();
        std::vector<QCoro::Task<Result<HttpExchange>>> sends;
        for (int i = 0; i < 6; ++i) {
            sends.push_back(first.send(call, nullptr));
            sends.push_back(second.send(call, nullptr));
        }
        for (auto &send : sends) {
            const Result<HttpExchange> result = QCoro::waitFor(std::move(send));
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        }
        QCOMPARE(hubspot.served(), 12);
        if (declared) {
            QCOMPARE(hubspot.refusals(), 0);
            // Twelve requests at five per second: the last two wait for the second window to pass.
            QVERIFY2(timer.elapsed() >= 2000, QByteArray::number(timer.elapsed()).constData());
        } else {
            QVERIFY(hubspot.refusals() > 0);
        }
    }
};

QTEST_GUILESS_MAIN(RateLimitGateTest)
#include "tst_ratelimitgate.moc"
