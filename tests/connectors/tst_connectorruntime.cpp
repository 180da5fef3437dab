// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of the connector runtime's parts: date-times, retry timing, JSON paths, templates,
// Link headers, record normalisation, GraphQL error reading and the embedded manifests.
#include "connectors/http/httpretrypolicy.h"
#include "connectors/providers/fireflies/firefliesconnector.h"
#include "connectors/runtime/connector.h"
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectors/runtime/datetimeformat.h"
#include "connectors/runtime/jsonpath.h"
#include "connectors/runtime/paginator.h"
#include "connectors/runtime/recordnormalizer.h"
#include "connectors/runtime/requesttemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

const QDateTime kNow(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC);

QByteArray minimalManifest(const QString &streamExtra)
{
    // Plain literals on purpose: moc (6.4) loses track of a class after a multi-line raw string.
    const QString head = u"{\"type\":\"X\",\"provider\":\"Example\",\"baseUrl\":\"https://api.example.com\","
                         u"\"auth\":{\"kind\":\"bearer\",\"credential\":\"apiKey\"},\"check\":{\"path\":\"/me\"},"
                         u"\"streams\":[{\"name\":\"items\",\"primaryKey\":[\"id\"],"
                         u"\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"updated\",\"type\":\"datetime\"}],"
                         u"\"request\":{\"path\":\"/items\",\"recordsPath\":\"items\"}"_s;
    return (head + streamExtra + u"}]}"_s).toUtf8();
}

} // namespace

class ConnectorRuntimeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parsesProviderDateTimes_data()
    {
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("canonical") << QJsonValue(u"2024-06-01T10:00:00.000Z"_s) << u"2024-06-01T10:00:00.000Z"_s;
        QTest::newRow("github seconds") << QJsonValue(u"2025-06-02T11:00:00Z"_s) << u"2025-06-02T11:00:00.000Z"_s;
        QTest::newRow("calendly micro") << QJsonValue(u"2019-08-24T14:15:22.123456Z"_s) << u"2019-08-24T14:15:22.123Z"_s;
        QTest::newRow("docusign 7 digits") << QJsonValue(u"2025-06-10T14:00:00.1234567Z"_s) << u"2025-06-10T14:00:00.123Z"_s;
        QTest::newRow("offset") << QJsonValue(u"2025-05-30T12:00:00+02:00"_s) << u"2025-05-30T10:00:00.000Z"_s;
        QTest::newRow("negative offset no colon") << QJsonValue(u"2025-05-30T12:00:00-0130"_s) << u"2025-05-30T13:30:00.000Z"_s;
        QTest::newRow("no zone is UTC") << QJsonValue(u"2025-05-30T12:00:00"_s) << u"2025-05-30T12:00:00.000Z"_s;
        // Wall times that do not exist (spring) or exist twice (autumn) in Europe/Berlin.
        QTest::newRow("no zone in a DST gap") << QJsonValue(u"2026-03-29T02:30:00"_s) << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("no zone in a DST overlap") << QJsonValue(u"2026-10-25T02:30:00"_s) << u"2026-10-25T02:30:00.000Z"_s;
        QTest::newRow("date only") << QJsonValue(u"2025-06-10"_s) << u"2025-06-10T00:00:00.000Z"_s;
        QTest::newRow("epoch ms number") << QJsonValue(1717236000000.0) << u"2024-06-01T10:00:00.000Z"_s;
        QTest::newRow("epoch ms float") << QJsonValue(1717236000123.4) << u"2024-06-01T10:00:00.123Z"_s;
        QTest::newRow("epoch seconds") << QJsonValue(1717236000.0) << u"2024-06-01T10:00:00.000Z"_s;
        QTest::newRow("epoch ms text") << QJsonValue(u"1717236000000"_s) << u"2024-06-01T10:00:00.000Z"_s;
        QTest::newRow("garbage") << QJsonValue(u"not a date"_s) << QString();
        QTest::newRow("bad month") << QJsonValue(u"2024-13-01T00:00:00Z"_s) << QString();
        QTest::newRow("trailing junk") << QJsonValue(u"2024-06-01T10:00:00Zjunk"_s) << QString();
        QTest::newRow("boolean") << QJsonValue(true) << QString();
    }

    void parsesProviderDateTimes()
    {
        QFETCH(QJsonValue, input);
        QFETCH(QString, expected);
        const auto parsed = DateTimeFormat::parse(input);
        QCOMPARE(parsed ? DateTimeFormat::toIso(*parsed) : QString(), expected);
        if (!expected.isEmpty())
            QVERIFY(DateTimeFormat::isCanonical(expected));
    }

    void parsesHttpDates_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("imf-fixdate") << u"Sun, 06 Nov 1994 08:49:37 GMT"_s << u"1994-11-06T08:49:37.000Z"_s;
        QTest::newRow("rfc 850") << u"Sunday, 06-Nov-94 08:49:37 GMT"_s << u"1994-11-06T08:49:37.000Z"_s;
        QTest::newRow("rfc 850 this century") << u"Sunday, 29-Mar-26 02:30:00 GMT"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("asctime") << u"Sun Nov  6 08:49:37 1994"_s << u"1994-11-06T08:49:37.000Z"_s;
        // 02:30 does not exist in Europe/Berlin on these days; in GMT it does.
        QTest::newRow("imf-fixdate in a DST gap") << u"Sun, 29 Mar 2026 02:30:00 GMT"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("asctime in a DST gap") << u"Sun Mar 29 02:30:00 2026"_s << u"2026-03-29T02:30:00.000Z"_s;
        QTest::newRow("imf-fixdate in a DST overlap") << u"Sun, 25 Oct 2026 02:30:00 GMT"_s << u"2026-10-25T02:30:00.000Z"_s;
        QTest::newRow("not GMT") << u"Sun, 06 Nov 1994 08:49:37 CET"_s << QString();
        QTest::newRow("bad time") << u"Sun, 06 Nov 1994 25:49:37 GMT"_s << QString();
        QTest::newRow("no weekday") << u"06 Nov 1994 08:49:37 GMT"_s << QString();
        QTest::newRow("seconds") << u"120"_s << QString();
    }

    void parsesHttpDates()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto parsed = DateTimeFormat::parseHttpDate(input);
        QCOMPARE(parsed ? DateTimeFormat::toIso(*parsed) : QString(), expected);
    }

    void formatsCursorsForRequests()
    {
        const QDateTime when(QDate(2025, 6, 1), QTime(0, 0, 5, 250), Qt::UTC);
        QCOMPARE(DateTimeFormat::format(when, u"iso"), u"2025-06-01T00:00:05.250Z"_s);
        QCOMPARE(DateTimeFormat::format(when, u"iso_seconds"), u"2025-06-01T00:00:05Z"_s);
        QCOMPARE(DateTimeFormat::format(when, u"iso_micro"), u"2025-06-01T00:00:05.250000Z"_s);
        QCOMPARE(DateTimeFormat::format(when, u"epoch_ms"), u"1748736005250"_s);
        QCOMPARE(DateTimeFormat::format(when, u"epoch_s"), u"1748736005"_s);
        QCOMPARE(DateTimeFormat::format(when, u"date"), u"2025-06-01"_s);
        QVERIFY(!DateTimeFormat::isCanonical(u"2025-06-01T00:00:05Z"));
        // Days the calendar does not have are not canonical, in either text form.
        QVERIFY(DateTimeFormat::isCanonical(u"2024-02-29T10:00:00.000Z"));
        QVERIFY(!DateTimeFormat::isCanonical(u"2024-06-31T10:00:00.000Z"));
        QVERIFY(!DateTimeFormat::isCanonical(QLatin1StringView("2023-02-29T10:00:00.000Z")));
    }

    void readsRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("fraction") << QByteArray(" 1.5 ") << qint64(1500);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(0);
        QTest::newRow("imf date") << QByteArray("Sun, 01 Jun 2025 10:00:30 GMT") << qint64(30000);
        QTest::newRow("rfc 850 date") << QByteArray("Sunday, 01-Jun-25 10:01:00 GMT") << qint64(60000);
        QTest::newRow("asctime") << QByteArray("Sun Jun  1 10:00:10 2025") << qint64(10000);
        QTest::newRow("past date") << QByteArray("Sun, 01 Jun 2025 09:00:00 GMT") << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void readsRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expected);
        QCOMPARE(HttpRetryPolicy::parseRetryAfter(header, kNow).value_or(-1), expected);
    }

    void readsResetHeaders()
    {
        const qint64 epoch = kNow.toSecsSinceEpoch() + 30;
        QCOMPARE(HttpRetryPolicy::parseReset(QByteArray::number(epoch), true, kNow).value_or(-1), 31000);
        QCOMPARE(HttpRetryPolicy::parseReset("42", false, kNow).value_or(-1), 42000);
        QCOMPARE(HttpRetryPolicy::parseReset(QByteArray::number(kNow.toSecsSinceEpoch() - 100), true, kNow).value_or(-1), 0);
        QVERIFY(!HttpRetryPolicy::parseReset("x", true, kNow));
    }

    void backsOffExponentiallyWithJitter()
    {
        HttpRetryPolicy::Settings settings;
        settings.baseDelayMs = 100;
        settings.maxDelayMs = 1000;
        const HttpRetryPolicy policy(settings);
        for (int i = 0; i < 50; ++i) {
            const qint64 first = policy.backoffMs(0);
            QVERIFY(first >= 50 && first <= 100);
            const qint64 third = policy.backoffMs(2);
            QVERIFY(third >= 200 && third <= 400);
            const qint64 capped = policy.backoffMs(10);
            QVERIFY(capped >= 500 && capped <= 1000);
        }
        QVERIFY(HttpRetryPolicy::isRetryableStatus(429));
        QVERIFY(HttpRetryPolicy::isRetryableStatus(503));
        QVERIFY(!HttpRetryPolicy::isRetryableStatus(404));
        QVERIFY(!HttpRetryPolicy::isRetryableStatus(501));
    }

    void readsRetrySettingsFromConfig()
    {
        const auto s = HttpRetryPolicy::fromConfig({{u"retryBaseMs"_s, u"5"_s}, {u"maxRetries"_s, 2}, {u"timeoutMs"_s, 700}});
        QCOMPARE(s.baseDelayMs, 5);
        QCOMPARE(s.maxRetries, 2);
        QCOMPARE(s.timeoutMs, 700);
        const auto defaults = HttpRetryPolicy::fromConfig({});
        QCOMPARE(defaults.maxRetries, 5);
        QCOMPARE(defaults.baseDelayMs, 1000);
        QCOMPARE(HttpRetryPolicy::fromConfig({{u"maxRetries"_s, 1000}}).maxRetries, 20);
    }

    void walksJsonPaths()
    {
        const QJsonObject doc
            = QJsonDocument::fromJson(R"({"paging":{"next":{"after":"abc"}},"errors":[{"message":"boom"}]})").object();
        QCOMPARE(JsonPath::value(QJsonValue(doc), u"paging.next.after").toString(), u"abc"_s);
        QCOMPARE(JsonPath::value(QJsonValue(doc), u"errors.0.message").toString(), u"boom"_s);
        QVERIFY(JsonPath::value(QJsonValue(doc), u"errors.1.message").isUndefined());
        QVERIFY(JsonPath::value(QJsonValue(doc), u"paging.next.after.deeper").isUndefined());
        QCOMPARE(JsonPath::value(QJsonValue(doc), u"").toObject(), doc);
        QJsonObject body;
        QVERIFY(JsonPath::set(body, u"variables.skip", 50));
        QCOMPARE(body.value(u"variables"_s).toObject().value(u"skip"_s).toInt(), 50);
        QJsonObject blocked{{u"a"_s, 1}};
        QVERIFY(!JsonPath::set(blocked, u"a.b", 2));
    }

    void expandsTemplates()
    {
        const QList<StreamField> fields{
            {u"id"_s, u"string"_s}, {u"properties.email"_s, u"string"_s}, {u"properties.name"_s, u"string"_s}};
        TemplateScope scope;
        scope.cursor = QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC);
        scope.slice = QJsonObject{{u"full_name"_s, u"acme/widgets"_s},
                                  {u"uri"_s, u"https://api.calendly.com/scheduled_events/ABC/"_s},
                                  {u"name"_s, u"a b?c#d"_s},
                                  {u"bad"_s, u"../../admin"_s}};
        scope.config = QJsonObject{{u"workspaceGid"_s, u"1201"_s}};
        scope.fields = &fields;
        using T = RequestTemplate::Target;
        QCOMPARE(RequestTemplate::expand(u"/repos/${slice.full_name}/issues"_s, scope, T::Path)->value,
                 u"/repos/acme/widgets/issues"_s);
        QCOMPARE(RequestTemplate::expand(u"/x/${slice.name}"_s, scope, T::Path)->value, u"/x/a%20b%3Fc%23d"_s);
        QVERIFY(!RequestTemplate::expand(u"/x/${slice.bad}"_s, scope, T::Path).ok());
        QCOMPARE(RequestTemplate::expand(u"/e/${slice.uri|last_segment}"_s, scope, T::Path)->value, u"/e/ABC"_s);
        QCOMPARE(RequestTemplate::expand(u"${cursor:epoch_ms}"_s, scope, T::Query)->value, u"1748736000000"_s);
        QCOMPARE(RequestTemplate::expand(u"${config.workspaceGid}"_s, scope, T::Query)->value, u"1201"_s);
        QCOMPARE(RequestTemplate::expand(u"${fields:properties}"_s, scope, T::Query)->value, u"email,name"_s);
        QVERIFY(RequestTemplate::expand(u"${config.nothing}"_s, scope, T::Query)->missing);
        QVERIFY(!RequestTemplate::expand(u"${what.is.this}"_s, scope, T::Query).ok());
        QVERIFY(!RequestTemplate::expand(u"${cursor:weird}"_s, scope, T::Query).ok());

        QJsonValue body
            = QJsonDocument::fromJson(
                  R"({"query":"query { x { y } }","variables":{"from":"${cursor}","none":"${context.absent}"},"properties":"${fields:properties:list}"})")
                  .object();
        QVERIFY(RequestTemplate::expandJson(body, scope).ok());
        const QJsonObject o = body.toObject();
        QCOMPARE(o.value(u"query"_s).toString(), u"query { x { y } }"_s); // GraphQL braces are left alone
        QCOMPARE(o.value(u"variables"_s).toObject(), (QJsonObject{{u"from"_s, u"2025-06-01T00:00:00.000Z"_s}}));
        QCOMPARE(o.value(u"properties"_s).toArray(), (QJsonArray{u"email"_s, u"name"_s}));
    }

    void readsLinkHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("next");
        QTest::newRow("github") << QByteArray(
            R"(<https://api.github.com/repositories/1/issues?page=2>; rel="prev", <https://api.github.com/repositories/1/issues?page=4>; rel="next", <https://api.github.com/repositories/1/issues?page=9>; rel="last")")
                                << u"https://api.github.com/repositories/1/issues?page=4"_s;
        QTest::newRow("no next") << QByteArray(R"(<https://x/?page=1>; rel="first", <https://x/?page=3>; rel="prev")")
                                 << QString();
        QTest::newRow("several rels") << QByteArray(R"(<https://x/?after=Y2Q>; rel="next last")") << u"https://x/?after=Y2Q"_s;
        QTest::newRow("unquoted") << QByteArray(R"(<https://x/?page=2>; rel=next)") << u"https://x/?page=2"_s;
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void readsLinkHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, next);
        QCOMPARE(Paginator::nextLink(header).toString(), next);
    }

    void normalisesRecords()
    {
        auto manifest = ConnectorManifest::parse(minimalManifest({}));
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        const RecordNormalizer normalizer(manifest->streams.first());
        QJsonObject record{{u"id"_s, u"1"_s}, {u"updated"_s, u"2024-06-01T12:00:00+02:00"_s}};
        QVERIFY(normalizer.normalize(record).ok());
        QCOMPARE(record.value(u"updated"_s).toString(), u"2024-06-01T10:00:00.000Z"_s);
        QJsonObject empty{{u"id"_s, 7}, {u"updated"_s, u""_s}};
        QVERIFY(normalizer.normalize(empty).ok());
        QVERIFY(empty.value(u"updated"_s).isNull());
        QJsonObject noKey{{u"updated"_s, u"2024-06-01T12:00:00Z"_s}};
        const auto keyless = normalizer.normalize(noKey);
        QVERIFY(!keyless.ok());
        QCOMPARE(keyless.error().kind, Error::Kind::Malformed);
        QVERIFY(keyless.error().message.contains(u"primary key 'id'"_s));
        QJsonObject badDate{{u"id"_s, u"2"_s}, {u"updated"_s, QJsonObject()}};
        const auto undated = normalizer.normalize(badDate);
        QVERIFY(!undated.ok());
        QVERIFY(undated.error().message.contains(u"'updated'"_s));
    }

    void normalisesHubSpotDatesOnly()
    {
        QFile file(u":/connectors/hubspot/manifest.json"_s);
        QVERIFY(ConnectorManifest::forType(u"CRM_PLATFORM"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto manifest = ConnectorManifest::parse(file.readAll());
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        const RecordNormalizer normalizer(*manifest->stream(u"contacts"_s));
        QJsonObject record
            = QJsonDocument::fromJson(
                  R"({"id":"51234","properties":{"numemployees":"12","annualrevenue":"1000.5","hs_email_optout":"false","email":"42",
                "createdate":"1717236000000","hs_object_id":"51234","lastmodifieddate":"","phone":"n/a"},
                "createdAt":"2025-02-03T10:11:12.345Z","updatedAt":"2025-06-01T08:00:00Z","archived":false})")
                  .object();
        QVERIFY(normalizer.normalize(record).ok());
        const QJsonObject p = record.value(u"properties"_s).toObject();
        // Declared date-times become ISO-8601 UTC, every other value stays as received,
        // although the manifest declares numemployees an integer and hs_email_optout a boolean.
        QCOMPARE(p.value(u"numemployees"_s), QJsonValue(u"12"_s));
        QCOMPARE(p.value(u"annualrevenue"_s), QJsonValue(u"1000.5"_s));
        QCOMPARE(p.value(u"hs_email_optout"_s), QJsonValue(u"false"_s));
        QCOMPARE(p.value(u"email"_s), QJsonValue(u"42"_s));
        QCOMPARE(p.value(u"hs_object_id"_s), QJsonValue(u"51234"_s));
        QCOMPARE(p.value(u"phone"_s), QJsonValue(u"n/a"_s));
        QCOMPARE(p.value(u"createdate"_s), QJsonValue(u"2024-06-01T10:00:00.000Z"_s));
        QVERIFY(p.value(u"lastmodifieddate"_s).isNull());
        QCOMPARE(record.value(u"updatedAt"_s), QJsonValue(u"2025-06-01T08:00:00.000Z"_s));
        QCOMPARE(record.value(u"archived"_s), QJsonValue(false));
    }

    void rejectsBrokenManifests_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown key") << minimalManifest(u",\"colour\":\"red\""_s) << u"unknown key 'colour'"_s;
        QTest::newRow("bad pagination") << minimalManifest(
                                               u",\"request\":{\"path\":\"/items\",\"pagination\":{\"kind\":\"scroll\"}}"_s)
                                               .replace("\"request\":{\"path\":\"/items\",\"recordsPath\":\"items\"},", "")
                                        << u"pagination kind 'scroll' is unknown"_s;
        QTest::newRow("cursor not a datetime") << minimalManifest(u",\"incremental\":{\"cursorField\":\"id\"}"_s)
                                               << u"cursor field 'id' must be a declared datetime field"_s;
        QTest::newRow("unknown parent") << minimalManifest(u",\"slices\":{\"parent\":\"nothing\"}"_s)
                                        << u"parent stream 'nothing' is not declared"_s;
        QTest::newRow("stop without order") << minimalManifest(
            u",\"incremental\":{\"cursorField\":\"updated\",\"stopWhenOlder\":true}"_s)
                                            << u"stopWhenOlder needs a request in descending order"_s;
        QTest::newRow("not json") << QByteArray("{") << u"not a JSON object"_s;
    }

    void rejectsBrokenManifests()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        const auto parsed = ConnectorManifest::parse(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(problem), qPrintable(parsed.error().message));
    }

    void embeddedManifestsMatchTheContract_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("streams");
        QTest::newRow("CRM_PLATFORM") << u"CRM_PLATFORM"_s << QStringList{u"contacts"_s, u"companies"_s, u"deals"_s, u"owners"_s};
        QTest::newRow("PROJECT_MGMT") << u"PROJECT_MGMT"_s << QStringList{u"workspaces"_s, u"projects"_s, u"users"_s, u"tasks"_s};
        QTest::newRow("SCHEDULING") << u"SCHEDULING"_s << QStringList{u"event_types"_s, u"scheduled_events"_s, u"invitees"_s};
        QTest::newRow("MEETINGS") << u"MEETINGS"_s << QStringList{u"transcripts"_s, u"users"_s};
        QTest::newRow("DEVELOPMENT") << u"DEVELOPMENT"_s
                                     << QStringList{u"repositories"_s, u"issues"_s, u"pull_requests"_s, u"commits"_s};
    }

    void embeddedManifestsMatchTheContract()
    {
        QFETCH(QString, type);
        QFETCH(QStringList, streams);
        QVERIFY(ConnectorFactory::isAvailable(type));
        const auto manifest = ConnectorManifest::forType(type);
        QVERIFY(manifest);
        QStringList names;
        for (const auto &stream : manifest->streams)
            names.append(stream.name);
        QCOMPARE(names, streams);
        // The credential and config names the manifest reads are the ones the type registry asks for.
        const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(type);
        QVERIFY(info);
        QStringList credentialNames;
        for (const auto &field : info->credentials)
            credentialNames.append(field.name);
        QVERIFY2(credentialNames.contains(manifest->auth.credential), qPrintable(manifest->auth.credential));
        QStringList configNames;
        for (const auto &field : info->config)
            configNames.append(field.name);
        for (const auto &stream : manifest->streams) {
            if (!stream.slices.config.isEmpty())
                QVERIFY2(configNames.contains(stream.slices.config), qPrintable(stream.slices.config));
        }
        ConnectorContext context;
        context.type = type;
        auto connector = ConnectorFactory::create(context);
        QVERIFY(connector);
        QCOMPARE(connector->streams().size(), streams.size());
        for (const auto &spec : connector->streams()) {
            QVERIFY(!spec.fields.isEmpty());
            QVERIFY(!spec.primaryKey.isEmpty());
            QCOMPARE(spec.supportedSyncModes.contains(u"incremental"_s), !spec.cursorField.isEmpty());
        }
    }

    void unknownTypesHaveNoConnector()
    {
        ConnectorContext context;
        context.type = u"NOPE"_s;
        QVERIFY(!ConnectorFactory::create(context));
        QVERIFY(!ConnectorFactory::isAvailable(u"crm_platform"_s)); // exact type names only
    }

    void readsGraphQlErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<int>("kind");
        using V = ProviderHttpClient::Verdict::Kind;
        const int none = -1;
        QTest::newRow("data") << QByteArray(R"({"data":{"users":[]}})") << 200 << int(V::Pass) << qint64(-1) << none;
        QTest::newRow("not json") << QByteArray("<html>") << 502 << int(V::Pass) << qint64(-1) << none;
        QTest::newRow("rate limited in 200") << QByteArray(
            R"({"data":null,"errors":[{"message":"Too many","code":"too_many_requests","extensions":{"code":"too_many_requests","status":429,"metadata":{"retryAfter":1748772030000}}}]})")
                                             << 200 << int(V::Retry) << qint64(30000) << none;
        QTest::newRow("auth failed") << QByteArray(
            R"({"errors":[{"message":"Invalid API key","extensions":{"code":"auth_failed","status":401}}]})")
                                     << 200 << int(V::Fail) << qint64(-1) << int(Error::Kind::Configuration);
        QTest::newRow("invalid arguments") << QByteArray(
            R"({"data":null,"errors":[{"message":"Invalid argument(s) were provided","code":"invalid_arguments","extensions":{"status":400}}]})")
                                           << 200 << int(V::Fail) << qint64(-1) << int(Error::Kind::Upstream);
        QTest::newRow("server error") << QByteArray(R"({"errors":[{"message":"oops","extensions":{"status":500}}]})") << 500
                                      << int(V::Retry) << qint64(-1) << none;
        QTest::newRow("partial data is refused") << QByteArray(
            R"({"data":{"transcripts":[{"id":"1"}]},"errors":[{"message":"field failed","extensions":{"code":"INTERNAL","status":400}}]})")
                                                 << 200 << int(V::Fail) << qint64(-1) << int(Error::Kind::Upstream);
    }

    void readsGraphQlErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, verdict);
        QFETCH(qint64, retryAfterMs);
        QFETCH(int, kind);
        HttpExchange exchange;
        exchange.status = status;
        exchange.body = body;
        exchange.url = QUrl(u"https://api.fireflies.ai/graphql"_s);
        const auto v = FirefliesConnector::inspect(exchange, u"Fireflies"_s, kNow);
        QCOMPARE(int(v.kind), verdict);
        QCOMPARE(v.retryAfterMs, retryAfterMs);
        if (kind >= 0) {
            QCOMPARE(int(v.error.kind), kind);
            QVERIFY(v.error.message.contains(u"POST /graphql"_s));
        }
    }

    void pagingPathsInsideTheRecords_data()
    {
        QTest::addColumn<QString>("tokenPath");
        QTest::addColumn<QString>("recordsPath");
        QTest::addColumn<bool>("inside");
        // The page parser hands paging the response without its records: a paging path into them
        // makes the read take the whole body instead.
        QTest::newRow("beside the records") << u"paging.next.after"_s << u"results"_s << false;
        QTest::newRow("into the records") << u"results.99.id"_s << u"results"_s << true;
        QTest::newRow("the records themselves") << u"results"_s << u"results"_s << false;
        QTest::newRow("prefix of another key") << u"resultsMeta.next"_s << u"results"_s << false;
        QTest::newRow("into a root list") << u"0.id"_s << QString() << true;
        QTest::newRow("deeper records") << u"data.items.0.cursor"_s << u"data.items"_s << true;
        QTest::newRow("sibling of deeper records") << u"data.next"_s << u"data.items"_s << false;
    }

    void pagingPathsInsideTheRecords()
    {
        QFETCH(QString, tokenPath);
        QFETCH(QString, recordsPath);
        QFETCH(bool, inside);
        ConnectorManifest::Pagination spec;
        spec.kind = ConnectorManifest::Pagination::Kind::Cursor;
        spec.tokenPath = JsonPath::split(tokenPath);
        QCOMPARE(Paginator(spec, 0).readsInside(JsonPath::split(recordsPath)), inside);
        ConnectorManifest::Pagination more;
        more.kind = ConnectorManifest::Pagination::Kind::Cursor;
        more.morePath = JsonPath::split(tokenPath);
        QCOMPARE(Paginator(more, 0).readsInside(JsonPath::split(recordsPath)), inside);
    }

    void refusesPagesThatLeaveTheOrigin()
    {
        const auto manifest = ConnectorManifest::forType(u"DEVELOPMENT"_s);
        ProviderHttpClient client(manifest, {}, {}, nullptr, nullptr);
        ConnectorManifest::Pagination spec;
        spec.kind = ConnectorManifest::Pagination::Kind::LinkHeader;
        const Paginator paginator(spec, 0);
        HttpExchange exchange;
        exchange.url = QUrl(u"https://api.github.com/user/repos"_s);
        exchange.headers = {{"Link", R"(<https://evil.example.com/steal?page=2>; rel="next")"}};
        auto step = paginator.next({}, exchange, {}, 30, client);
        QVERIFY(!step.ok());
        QCOMPARE(step.error().kind, Error::Kind::Malformed);
        QVERIFY2(step.error().message.contains(u"another host"_s), qPrintable(step.error().message));
        exchange.headers = {{"Link", R"(<https://api.github.com/user/repos?page=2>; rel="next")"}};
        step = paginator.next({}, exchange, {}, 30, client);
        QVERIFY(step.ok());
        QCOMPARE(step->next.nextUrl.toString(), u"https://api.github.com/user/repos?page=2"_s);
        exchange.url = step->next.nextUrl;
        step = paginator.next(step->next, exchange, {}, 30, client);
        QVERIFY(!step.ok());
        QVERIFY(step.error().message.contains(u"repeats"_s)); // a loop is refused, not followed forever
    }

    void docuSignPollingLimitsAreRateLimits_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("throttled");
        // DocuSign sends these codes with HTTP 400, as {"errorCode": …, "message": …}.
        QTest::newRow("hourly invocations, said in both")
            << 400
            << QByteArray(
                   R"({"errorCode":"HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED","message":"The maximum number of hourly API invocations has been exceeded."})")
            << true;
        QTest::newRow("hourly invocations, code only")
            << 400 << QByteArray(R"({"errorCode":"HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED","message":"Request rejected."})")
            << true;
        QTest::newRow("hourly polling")
            << 400 << QByteArray(R"({"errorCode":"HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED","message":"Request rejected."})")
            << true;
        QTest::newRow("burst polling")
            << 400 << QByteArray(R"({"errorCode":"BURST_ENVELOPE_POLLING_LIMIT_EXCEEDED","message":"Request rejected."})")
            << true;
        QTest::newRow("an ordinary 400")
            << 400
            << QByteArray(
                   R"({"errorCode":"INVALID_REQUEST_PARAMETER","message":"The request contained at least one invalid parameter."})")
            << false;
        QTest::newRow("429") << 429 << QByteArray("{}") << true;
    }
    void docuSignPollingLimitsAreRateLimits()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, throttled);
        ProviderHttpClient client(ConnectorManifest::forType(u"DOC_SIGNING"_s), {}, {}, nullptr, nullptr);
        HttpExchange exchange;
        exchange.status = status;
        exchange.body = body;
        QCOMPARE(client.isThrottled(exchange), throttled);
    }

    void gitHubSecondaryLimitsWaitAMinute()
    {
        // GitHub: no retry-after and remaining above 0 → wait at least a minute, then back
        // off exponentially (continuing while limited can get the integration banned).
        ProviderHttpClient github(ConnectorManifest::forType(u"DEVELOPMENT"_s), {}, {}, nullptr, nullptr);
        QVERIFY(github.throttledBackoffMs(0) >= 60000);
        QVERIFY(github.throttledBackoffMs(1) >= 120000);
        QVERIFY(github.throttledBackoffMs(2) >= 240000);
        // Providers without such a rule keep the ordinary backoff.
        ProviderHttpClient hubspot(ConnectorManifest::forType(u"CRM_PLATFORM"_s), {}, {}, nullptr, nullptr);
        QVERIFY(hubspot.throttledBackoffMs(0) < 60000);
        QCOMPARE(hubspot.throttledBackoffMs(0) <= hubspot.policy().settings().maxDelayMs, true);
    }

    void offsetPagingFollowsTheTotal_data()
    {
        QTest::addColumn<QJsonValue>("total");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("records");
        QTest::addColumn<bool>("done");
        // The provider caps its pages below our 100 (Companies House officers: 35) but says how many.
        QTest::newRow("short page, more to come") << QJsonValue(120) << 0 << 35 << false;
        QTest::newRow("short page reaches the total") << QJsonValue(120) << 105 << 15 << true;
        QTest::newRow("total as text (DocuSign)") << QJsonValue(u"250"_s) << 100 << 100 << false;
        QTest::newRow("text total reached") << QJsonValue(u"250"_s) << 200 << 50 << true;
        QTest::newRow("empty page ends even below the total") << QJsonValue(120) << 35 << 0 << true;
        QTest::newRow("no total: a short page ends") << QJsonValue() << 0 << 35 << true;
        QTest::newRow("no total: a full page goes on") << QJsonValue() << 0 << 100 << false;
    }
    void offsetPagingFollowsTheTotal()
    {
        QFETCH(QJsonValue, total);
        QFETCH(int, offset);
        QFETCH(int, records);
        QFETCH(bool, done);
        ProviderHttpClient client(ConnectorManifest::forType(u"REGISTRY"_s), {}, {}, nullptr, nullptr);
        ConnectorManifest::Pagination spec;
        spec.kind = ConnectorManifest::Pagination::Kind::Offset;
        spec.offsetParam = u"start_index"_s;
        spec.pageSize = 100;
        spec.totalPath = {u"total_results"_s};
        const Paginator paginator(spec, 0);
        PageCursor at;
        at.offset = offset;
        QJsonObject root{{u"items"_s, QJsonArray()}};
        if (!total.isNull())
            root.insert(u"total_results"_s, total);
        const auto step = paginator.next(at, HttpExchange{}, root, records, client);
        QVERIFY(step.ok());
        QCOMPARE(step->done, done);
        if (!done)
            QCOMPARE(step->next.offset, qint64(offset + records));
    }

    void nextLinksGoOnPastEmptyPages()
    {
        // WhatsApp filters results after paging: a page may be empty while paging.next is there.
        ProviderHttpClient client(ConnectorManifest::forType(u"MESSAGING"_s), {}, {}, nullptr, nullptr);
        ConnectorManifest::Pagination spec;
        spec.kind = ConnectorManifest::Pagination::Kind::NextUrl;
        spec.urlPath = {u"paging"_s, u"next"_s};
        spec.morePath = {u"meta"_s, u"has_more"_s};
        const Paginator paginator(spec, 0);
        HttpExchange exchange;
        exchange.url = QUrl(u"https://graph.facebook.com/v21.0/1/message_templates"_s);
        PageCursor at;
        for (int page = 1; page <= 30; ++page) {
            const QString next = u"https://graph.facebook.com/v21.0/1/message_templates?after=p%1"_s.arg(page);
            const QJsonObject root{{u"data"_s, QJsonArray()}, {u"paging"_s, QJsonObject{{u"next"_s, next}}}};
            const auto step = paginator.next(at, exchange, root, 0, client);
            QVERIFY(step.ok());
            if (step->done) {
                // Endless empty pages still end: after 20 in a row.
                QCOMPARE(page, 20);
                break;
            }
            QCOMPARE(step->next.nextUrl.toString(), next);
            at = step->next;
            exchange.url = step->next.nextUrl;
        }
        QCOMPARE(at.emptyPages, 19);
        // A page with records resets the count; a has-more flag that says false ends at once.
        const QJsonObject full{{u"data"_s, QJsonArray{1}},
                               {u"paging"_s, QJsonObject{{u"next"_s, u"https://graph.facebook.com/v21.0/1/x?after=z"_s}}}};
        auto step = paginator.next(at, exchange, full, 1, client);
        QVERIFY(step.ok());
        QVERIFY(!step->done);
        QCOMPARE(step->next.emptyPages, 0);
        QJsonObject last = full;
        last.insert(u"meta"_s, QJsonObject{{u"has_more"_s, false}});
        step = paginator.next(at, exchange, last, 1, client);
        QVERIFY(step.ok());
        QVERIFY(step->done);
    }
};

QTEST_GUILESS_MAIN(ConnectorRuntimeTest)
#include "tst_connectorruntime.moc"
