// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the REST API's request path: ApiRouter with every controller over a real engine in a
// temporary data directory (no sockets, no sync workers; provider calls go to a closed local port).
// An input is
//   <caller digit 0-4: none, viewer, member, admin, owner><METHOD> <target>\n<Name: value\n…>\n<body>
// where `{c}` and `{r}` in the target and body stand for an existing connection and run. Every
// request must get one well-formed answer: never 500, an error envelope for every error, and no
// stored secret in any response.
#include "engine/security/vault.h"
#include "fuzzsupport.h"
#include "testengine.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QUrl>

#include <atomic>
#include <filesystem>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Opbox::Fuzz::check;

namespace {

struct Fixture
{
    std::unique_ptr<Test::TestEngine> engine;
    QString tokens[5]; // by caller digit; none for 0
    QString connectionId;
    QString runId;
    QByteArray canary; // the stored API key: no answer may contain it
};

Fixture *fixture = nullptr;

/** Sends one request through the router and waits briefly for its answer (some answer later). */
std::optional<HttpResponse> send(HttpRequest request, int waitMs = 40)
{
    struct Answer
    {
        std::atomic<bool> claimed{false};
        std::atomic<bool> done{false};
        HttpResponse response;
    };
    auto answer = std::make_shared<Answer>();
    // Some routes answer later, from a service thread.
    fixture->engine->api()->router().dispatch(std::move(request), [answer](HttpResponse response) {
        if (answer->claimed.exchange(true))
            Opbox::Fuzz::fail("a request was answered twice");
        answer->response = std::move(response);
        answer->done.store(true, std::memory_order_release);
    });
    const QDeadlineTimer deadline(waitMs);
    while (!answer->done.load(std::memory_order_acquire) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!answer->done.load(std::memory_order_acquire))
        return std::nullopt;
    return answer->response;
}

HttpRequest request(const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.remoteAddress = u"127.0.0.1"_s;
    if (!token.isEmpty())
        r.headers.emplaceBack("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty()) {
        r.headers.emplaceBack("Content-Type", "application/json");
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return r;
}

/** A connection with a stored API key, and a pending run of it. */
void createConnection()
{
    const QString owner = fixture->tokens[4];
    const auto created
        = send(request("POST", u"/api/pipelines/connections"_s, owner,
                       QJsonObject{{u"name"_s, u"Fuzzed CRM"_s},
                                   {u"type"_s, u"CRM_PLATFORM"_s},
                                   {u"credentials"_s, QJsonObject{{u"apiKey"_s, QString::fromLatin1(fixture->canary)}}}}));
    check(created && created->status == 201, "the fixture's connection was not created");
    fixture->connectionId = QJsonDocument::fromJson(created->body).object().value(u"id"_s).toString();
    const auto run = send(request("POST", u"/api/pipelines/connections/%1/runs"_s.arg(fixture->connectionId), owner));
    check(run && run->status < 300, "the fixture's run was not created", run ? QString::fromUtf8(run->body) : QString());
    const QJsonObject runJson = QJsonDocument::fromJson(run->body).object();
    fixture->runId = runJson.value(u"id"_s).toString(runJson.value(u"runId"_s).toString());
}

QByteArray substitute(QByteArray text)
{
    return text.replace("{c}", fixture->connectionId.toLatin1()).replace("{r}", fixture->runId.toLatin1());
}

/** The input as a request; nullopt when its first line is not `METHOD target`. */
std::optional<HttpRequest> parse(const QByteArray &input, int *caller)
{
    if (input.isEmpty())
        return std::nullopt;
    *caller = int(unsigned(uchar(input.at(0)) - uchar('0')) % 5);
    const qsizetype lineEnd = input.indexOf('\n');
    const QByteArray line = input.mid(1, lineEnd < 0 ? -1 : lineEnd - 1);
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    HttpRequest r;
    r.method = line.left(space).toUpper();
    const QByteArray target = substitute(line.mid(space + 1));
    const qsizetype question = target.indexOf('?');
    r.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (question >= 0)
        r.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
    r.remoteAddress = u"127.0.0.1"_s;
    qsizetype pos = lineEnd < 0 ? input.size() : lineEnd + 1;
    while (pos < input.size()) {
        qsizetype end = input.indexOf('\n', pos);
        if (end < 0)
            end = input.size();
        const QByteArray header = input.mid(pos, end - pos);
        pos = end + 1;
        if (header.isEmpty())
            break;
        const qsizetype colon = header.indexOf(':');
        if (colon > 0)
            r.headers.emplaceBack(header.left(colon), header.mid(colon + 1).trimmed());
    }
    if (pos < input.size())
        r.body = substitute(input.mid(pos));
    if (*caller != 0 && r.header("Authorization").isEmpty())
        r.headers.emplaceBack("Authorization", "Bearer " + fixture->tokens[*caller].toUtf8());
    return r;
}

void checkResponse(const HttpRequest &request, const HttpResponse &response)
{
    const QString what = QString::fromLatin1(request.method) + u' ' + request.path + u" → "_s + QString::number(response.status)
        + u' ' + QString::fromUtf8(response.body.left(300));
    check(response.status >= 200 && response.status <= 599, "a status outside 200–599", what);
    check(response.status != 500, "an internal error (500) for a request", what);
    check(!response.body.contains(fixture->canary), "a stored secret in a response", what);
    if (response.status >= 400) {
        const QJsonObject envelope = QJsonDocument::fromJson(response.body).object();
        check(envelope.value(u"error"_s).isString() && envelope.value(u"code"_s).isString()
                  && !envelope.value(u"error"_s).toString().isEmpty(),
              "an error without the error envelope", what);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Opbox::Fuzz::startApplication(argc, argv);
    Test::pinEnvironment();
    // Provider calls (connection tests, checks, OAuth exchanges) go to a port nobody listens on.
    QTcpServer closed;
    check(closed.listen(QHostAddress::LocalHost, 0), "no local port for the closed proxy");
    const quint16 port = closed.serverPort();
    closed.close();
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, port));

    fixture = new Fixture;
    fixture->engine = std::make_unique<Test::TestEngine>(false);
    check(fixture->engine->ok(), "the engine did not open");
    const char *emails[] = {nullptr, "viewer@fuzz.test", "member@fuzz.test", "admin@fuzz.test", "owner@fuzz.test"};
    const Role roles[] = {Role::Viewer, Role::Viewer, Role::Member, Role::Admin, Role::Owner};
    for (int i = 1; i < 5; ++i) {
        fixture->tokens[i] = fixture->engine->addUser(QString::fromLatin1(emails[i]), roles[i]);
        check(!fixture->tokens[i].isEmpty(), "a fixture user was not created");
    }
    fixture->canary = "fuzz-canary-" + Vault::generateKey().toHex();
    createConnection();
    return 0;
}

/**
 * libFuzzer ends a run that found nothing with exit(0). By then the engine's service threads still
 * run, and exit() would destroy Qt's global state under them; closing the engine from an exit
 * handler cannot work either, as part of that state is gone first. So the first handler to run
 * removes the temporary data directory and ends the process at once. It is registered with the
 * first input, after libFuzzer has read its flags and dictionary (whose errors exit non-zero);
 * crashes, leaks and timeouts end the process without exit handlers.
 */
void endWithoutTeardown()
{
    static const std::string dataDir = fixture->engine->dataDir().toStdString();
    std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(dataDir, ignored);
        std::fflush(nullptr);
        std::_Exit(0);
    });
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool registered = (endWithoutTeardown(), true);
    Q_UNUSED(registered);
    int caller = 0;
    const std::optional<HttpRequest> r = parse(Opbox::Fuzz::bytes(data, size), &caller);
    if (!r)
        return 0;
    const std::optional<HttpResponse> response = send(*r);
    // OPBOX_FUZZ_TRACE=1 shows what an input did (replaying a crash or a seed).
    static const bool trace = qEnvironmentVariableIsSet("OPBOX_FUZZ_TRACE");
    if (trace)
        std::fprintf(stderr, "%s %s → %s\n", r->method.constData(), qPrintable(r->path),
                     response ? QByteArray::number(response->status).append(' ').append(response->body.left(200)).constData()
                              : "no answer yet");
    if (response)
        checkResponse(*r, *response);
    // A deleted fixture connection comes back, so that later inputs still reach its routes.
    if (response && response->status == 204 && r->method == "DELETE" && r->path.contains(fixture->connectionId))
        createConnection();
    return 0;
}
