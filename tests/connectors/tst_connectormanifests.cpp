// SPDX-License-Identifier: GPL-3.0-or-later
// Connector types as data: the built-in manifests against the schema and today's connector types,
// the schema validator itself, and every kind of bad manifest at its JSON pointer.
#include "connectors/runtime/connectormanifest.h"
#include "connectors/runtime/connectortyperegistry.h"
#include "connectors/runtime/jsonschemavalidator.h"
#include "connectors/runtime/manifestvalidator.h"
#include "connectors/runtime/recordnormalizer.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Opbox;

namespace {

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject example(const QString &name)
{
    return readObject(QStringLiteral(OPBOX_SOURCE_DIR) + u"/connectors/examples/"_s + name + u".json"_s);
}

QJsonObject withValue(QJsonObject document, const QString &pointer, const QJsonValue &value)
{
    // Sets (or with an undefined value removes) the member at a simple JSON pointer.
    const QStringList parts = pointer.mid(1).split(u'/');
    std::function<QJsonValue(QJsonValue, qsizetype)> set = [&](QJsonValue current, qsizetype i) -> QJsonValue {
        const QString &key = parts.at(i);
        const bool last = i == parts.size() - 1;
        if (current.isArray()) {
            QJsonArray a = current.toArray();
            const int index = key.toInt();
            a.replace(index, last ? value : set(a.at(index), i + 1));
            return a;
        }
        QJsonObject o = current.toObject();
        if (last && value.isUndefined())
            o.remove(key);
        else
            o.insert(key, last ? value : set(o.value(key), i + 1));
        return o;
    };
    return set(document, 0).toObject();
}

bool hasIssue(const QList<ManifestIssue> &issues, const QString &path, const QString &text)
{
    for (const auto &issue : issues) {
        if (issue.path == path && issue.message.contains(text))
            return true;
    }
    return false;
}

QString describe(const QList<ManifestIssue> &issues)
{
    QStringList lines;
    for (const auto &issue : issues)
        lines.append(issue.path + u": "_s + issue.message);
    return lines.join(u'\n');
}

} // namespace

class ConnectorManifestsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedTypesEqualTheCapturedOnes()
    {
        // Captured from GET connector-types before the types moved into the manifests.
        const QJsonArray captured
            = readObject(QStringLiteral(OPBOX_SOURCE_DIR) + u"/tests/connectors/data/connector-types-builtin.json"_s)
                  .value(u"connectorTypes"_s)
                  .toArray();
        QCOMPARE(captured.size(), 10);
        QJsonArray generated;
        for (const auto &info : ConnectorTypeRegistry::all()) {
            if (!info.builtin)
                continue;
            QJsonObject o = info.toJson();
            QCOMPARE(o.value(u"source"_s).toString(), u"builtin"_s);
            QVERIFY(!o.value(u"version"_s).toString().isEmpty());
            o.remove(u"source"_s);
            o.remove(u"version"_s);
            generated.append(o);
        }
        QCOMPARE(generated, captured);
    }

    void schemaUsesOnlyWhatTheValidatorChecks()
    {
        const JsonSchemaValidator validator(ManifestValidator::schema());
        QVERIFY(!ManifestValidator::schema().isEmpty());
        QCOMPARE(ManifestValidator::schema().value(u"$schema"_s).toString(), u"https://json-schema.org/draft/2020-12/schema"_s);
        QVERIFY2(validator.unsupportedKeywords().isEmpty(), qPrintable(describe(validator.unsupportedKeywords())));
    }

    void everyKeyOfTheSchemaIsDocumented()
    {
        QFile doc(QStringLiteral(OPBOX_SOURCE_DIR) + u"/connectors/MANIFEST.md"_s);
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const QJsonObject schema = ManifestValidator::schema();
        QStringList keys = schema.value(u"properties"_s).toObject().keys();
        const QJsonObject defs = schema.value(u"$defs"_s).toObject();
        for (auto it = defs.begin(); it != defs.end(); ++it)
            keys += it->toObject().value(u"properties"_s).toObject().keys();
        QStringList missing;
        for (const QString &key : std::as_const(keys)) {
            if (!text.contains(u'`' + key + u'`'))
                missing.append(key);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    }

    void everyBuiltinValidatesAgainstTheSchema_data()
    {
        QTest::addColumn<QString>("path");
        (void)ConnectorTypeRegistry::all(); // registers the embedded resources
        QDirIterator it(u":/connectors"_s, {u"manifest.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path)) << path;
            ++count;
        }
        QVERIFY(count == 10);
    }

    void everyBuiltinValidatesAgainstTheSchema()
    {
        QFETCH(QString, path);
        const QJsonObject document = readObject(path);
        QVERIFY(!document.isEmpty());
        const JsonSchemaValidator validator(ManifestValidator::schema());
        const auto issues = validator.validate(document);
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
        const auto outcome = ManifestValidator::validate(document, ManifestValidator::Origin::Builtin);
        QVERIFY2(outcome.valid(), qPrintable(describe(outcome.issues)));
        QVERIFY(ConnectorTypeRegistry::isBuiltin(outcome.manifest->type));
    }

    void implementationChoosesTheCpp()
    {
        QCOMPARE(ConnectorManifest::forType(u"SUPPORT"_s)->implementation, u"zendesk"_s);
        QCOMPARE(ConnectorManifest::forType(u"MESSAGING"_s)->implementation, u"whatsapp"_s);
        QCOMPARE(ConnectorManifest::forType(u"MEETINGS"_s)->implementation, u"fireflies"_s);
        QCOMPARE(ConnectorManifest::forType(u"CRM_PLATFORM"_s)->implementation, u"declarative"_s);
        QVERIFY(ConnectorFactory::webhookDecoder(u"MESSAGING"_s));
        QVERIFY(!ConnectorFactory::webhookDecoder(u"SUPPORT"_s));
    }

    void examplesAreValidUserManifests_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("streams");
        QTest::newRow("pipedrive") << u"pipedrive"_s << u"PIPEDRIVE"_s
                                   << QStringList{u"persons"_s, u"organizations"_s, u"deals"_s, u"activities"_s};
        QTest::newRow("stripe") << u"stripe"_s << u"STRIPE"_s
                                << QStringList{u"customers"_s, u"charges"_s, u"invoices"_s, u"subscriptions"_s};
    }

    void examplesAreValidUserManifests()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QStringList, streams);
        const auto outcome = ManifestValidator::validate(example(name), ManifestValidator::Origin::User);
        QVERIFY2(outcome.valid(), qPrintable(describe(outcome.issues)));
        QCOMPARE(outcome.manifest->type, type);
        QStringList names;
        for (const auto &s : outcome.manifest->streams)
            names.append(s.name);
        QCOMPARE(names, streams);
    }

    void rejectsBadManifests_data()
    {
        QTest::addColumn<QJsonObject>("document");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QJsonObject good = example(u"pipedrive"_s);
        QTest::newRow("unknown key, with the key meant")
            << withValue(good, u"/streams/0/request/recordPath"_s, u"data"_s) << u"/streams/0/request/recordPath"_s
            << u"write 'recordsPath' instead"_s;
        QTest::newRow("unknown key at the top")
            << withValue(good, u"/colour"_s, u"red"_s) << u"/colour"_s << u"unknown key 'colour': remove it"_s;
        QTest::newRow("wrong type") << withValue(good, u"/streams/1/primaryKey"_s, u"id"_s) << u"/streams/1/primaryKey"_s
                                    << u"must be an array"_s;
        QTest::newRow("integer in quotes") << withValue(good, u"/streams/0/request/pagination/pageSize"_s, u"100"_s)
                                           << u"/streams/0/request/pagination/pageSize"_s << u"an integer, without quotes"_s;
        QTest::newRow("template names no config field")
            << withValue(good, u"/streams/2/request/query/owner"_s, u"${config.ownerId}"_s) << u"/streams/2/request/query/owner"_s
            << u"config field 'ownerId', which is not declared: add it to 'config' or write one of baseUrl"_s;
        QTest::newRow("unknown template") << withValue(good, u"/check/query/x"_s, u"${secrets.api_token}"_s)
                                          << u"/check/query/x"_s << u"template ${secrets.api_token} is unknown"_s;
        QTest::newRow("slice template without slices")
            << withValue(good, u"/streams/3/request/path"_s, u"/deals/${slice.id}/activities"_s) << u"/streams/3/request/path"_s
            << u"needs slices"_s;
        QTest::newRow("pagination without stop condition")
            << withValue(withValue(good, u"/streams/0/request/pagination"_s,
                                   QJsonObject{{u"kind"_s, u"offset"_s}, {u"offsetParam"_s, u"start"_s}}),
                         u"/streams/0/request/pagination/pageSizeParam"_s, QJsonValue(QJsonValue::Undefined))
            << u"/streams/0/request/pagination"_s << u"no stop condition: add 'pageSize'"_s;
        QTest::newRow("cursor pagination without token")
            << withValue(good, u"/streams/0/request/pagination/tokenPath"_s, QJsonValue(QJsonValue::Undefined))
            << u"/streams/0/request/pagination"_s << u"no stop condition: add 'tokenPath'"_s;
        QTest::newRow("undeclared credential") << withValue(good, u"/auth/credential"_s, u"apiToken"_s) << u"/auth/credential"_s
                                               << u"credential 'apiToken' is not declared in 'credentials'"_s;
        QTest::newRow("built-in type") << withValue(good, u"/type"_s, u"CRM_PLATFORM"_s) << u"/type"_s
                                       << u"is a built-in connector type"_s;
        QTest::newRow("type shape") << withValue(good, u"/type"_s, u"pipedrive"_s) << u"/type"_s << u"upper-case letters"_s;
        QTest::newRow("C++ implementation") << withValue(good, u"/implementation"_s, u"zendesk"_s) << u"/implementation"_s
                                            << u"cannot choose C++ code"_s;
        QTest::newRow("local file as base URL")
            << withValue(good, u"/baseUrl"_s, u"file:///etc/passwd"_s) << u"/baseUrl"_s << u"http or https URL"_s;
        QTest::newRow("credentials in the base URL")
            << withValue(good, u"/baseUrl"_s, u"https://user:pw@api.pipedrive.com/api/v2"_s) << u"/baseUrl"_s
            << u"http or https URL"_s;
        QTest::newRow("relative path") << withValue(good, u"/streams/0/request/path"_s, u"persons"_s)
                                       << u"/streams/0/request/path"_s << u"starting with '/'"_s;
        QTest::newRow("cursor field not a date-time")
            << withValue(good, u"/streams/0/incremental/cursorField"_s, u"name"_s) << u"/streams/0/incremental/cursorField"_s
            << u"must be a declared datetime field"_s;
        QTest::newRow("missing required") << withValue(good, u"/version"_s, QJsonValue(QJsonValue::Undefined)) << u"/version"_s
                                          << u"'version' is required"_s;
        QTest::newRow("field kind") << withValue(good, u"/credentials/0/kind"_s, u"password"_s) << u"/credentials/0/kind"_s
                                    << u"write one of string, url, email, array"_s;
        QTest::newRow("format on a text field") << withValue(good, u"/streams/0/fields/1/format"_s, u"yyyy-MM-dd"_s)
                                                << u"/streams/0/fields/1/format"_s << u"only for datetime fields"_s;
        QTest::newRow("format that cannot be read") << withValue(good, u"/streams/0/fields/7/format"_s, u"qqq"_s)
                                                    << u"/streams/0/fields/7/format"_s << u"cannot be read back"_s;
        QTest::newRow("unknown parent") << withValue(good, u"/streams/3/slices"_s, QJsonObject{{u"parent"_s, u"dealz"_s}})
                                        << u"/streams/3/slices/parent"_s << u"parent stream 'dealz' is not declared"_s;
    }

    void rejectsBadManifests()
    {
        QFETCH(QJsonObject, document);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto outcome = ManifestValidator::validate(document, ManifestValidator::Origin::User);
        QVERIFY(!outcome.valid());
        QVERIFY(!outcome.manifest);
        QVERIFY2(hasIssue(outcome.issues, path, message), qPrintable(describe(outcome.issues)));
    }

    void readsDeclaredDateTimeFormats()
    {
        // Pipedrive's API v1 writes "2024-01-04 10:44:11" (UTC, no zone): a declared format reads it.
        const QJsonObject document = withValue(
            example(u"pipedrive"_s), u"/streams/0/fields/7"_s,
            QJsonObject{{u"name"_s, u"update_time"_s}, {u"type"_s, u"datetime"_s}, {u"format"_s, u"yyyy-MM-dd HH:mm:ss"_s}});
        const auto outcome = ManifestValidator::validate(document, ManifestValidator::Origin::User);
        QVERIFY2(outcome.valid(), qPrintable(describe(outcome.issues)));
        const RecordNormalizer normalizer(*outcome.manifest->stream(u"persons"_s));
        QJsonObject record{
            {u"id"_s, 1}, {u"update_time"_s, u"2024-01-04 10:44:11"_s}, {u"add_time"_s, u"2024-01-01T08:00:00+01:00"_s}};
        QVERIFY(normalizer.normalize(record).ok());
        QCOMPARE(record.value(u"update_time"_s).toString(), u"2024-01-04T10:44:11.000Z"_s);
        QCOMPARE(record.value(u"add_time"_s).toString(), u"2024-01-01T07:00:00.000Z"_s); // no format: the usual shapes
        QJsonObject other{{u"id"_s, 2}, {u"update_time"_s, u"04.01.2024"_s}};
        const auto refused = normalizer.normalize(other);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"in the format yyyy-MM-dd HH:mm:ss"_s), qPrintable(refused.error().message));
    }

    void rejectsWhatIsNoJsonObject_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << QByteArray("{\"type\":") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"must be a JSON object"_s;
    }

    void rejectsWhatIsNoJsonObject()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto outcome = ManifestValidator::validate(json, ManifestValidator::Origin::User);
        QVERIFY(!outcome.valid());
        QCOMPARE(outcome.issues.size(), 1);
        QCOMPARE(outcome.issues.first().path, QString());
        QVERIFY2(outcome.issues.first().message.contains(message), qPrintable(outcome.issues.first().message));
    }

    void userTypesComeAndGo()
    {
        const auto outcome = ManifestValidator::validate(example(u"stripe"_s), ManifestValidator::Origin::User);
        QVERIFY(outcome.valid());
        const auto manifest = std::make_shared<const ConnectorManifest>(*outcome.manifest);
        QVERIFY(!ConnectorTypeRegistry::find(u"STRIPE"_s));
        QVERIFY(ConnectorTypeRegistry::putUser(manifest, outcome.document));
        const ConnectorTypeInfo *info = ConnectorTypeRegistry::find(u"STRIPE"_s);
        QVERIFY(info);
        QCOMPARE(info->toJson().value(u"source"_s).toString(), u"user"_s);
        QCOMPARE(info->credentials.first().name, u"secretKey"_s);
        QCOMPARE(ConnectorTypeRegistry::typeNames().last(), u"STRIPE"_s);
        QVERIFY(ConnectorFactory::isAvailable(u"STRIPE"_s));
        QCOMPARE(ConnectorTypeRegistry::document(u"STRIPE"_s), outcome.document);
        // A user manifest never replaces a built-in one.
        auto builtinCopy = std::make_shared<ConnectorManifest>(*manifest);
        builtinCopy->type = u"CRM_PLATFORM"_s;
        QVERIFY(!ConnectorTypeRegistry::putUser(builtinCopy, {}));
        QVERIFY(!ConnectorTypeRegistry::removeUser(u"CRM_PLATFORM"_s));
        QVERIFY(ConnectorTypeRegistry::removeUser(u"STRIPE"_s));
        QVERIFY(!ConnectorTypeRegistry::find(u"STRIPE"_s));
        QCOMPARE(info->type, u"STRIPE"_s); // a pointer handed out earlier stays valid
    }
};

QTEST_GUILESS_MAIN(ConnectorManifestsTest)
#include "tst_connectormanifests.moc"
