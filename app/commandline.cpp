// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"
#include "engine/security/caller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("CommandLine", s);
}

QString usage()
{
    return tr("Usage:\n"
              "  opbox-pipelines                      start the desktop application\n"
              "  opbox-pipelines --server [options]   run headless: API server, scheduler, workers\n"
              "      --listen HOST:PORT   address to serve on (default 127.0.0.1:8787)\n"
              "      --data-dir DIR       data directory (default: $OPBOX_DATA_DIR, else the user's data dir)\n"
              "      --public-url URL     base of webhook and OAuth redirect URLs (default http://HOST:PORT)\n"
              "      --workers N          concurrent sync runs (default 4)\n"
              "      --demo               also start the sandbox services and a demo workspace\n"
              "      --allow-private-hosts  let connections reach loopback, private and link-local addresses\n"
              "                           (also env OPBOX_ALLOW_PRIVATE_HOSTS=1; needed for local test services)\n"
              "  opbox-pipelines token create --user EMAIL [--name NAME] [--role OWNER|ADMIN|MEMBER|VIEWER]\n"
              "                               [--workspace NAME] [--data-dir DIR]\n"
              "                               [--expires-in DAYS]\n"
              "                                       create user/workspace/membership if missing, print a new API token\n"
              "  opbox-pipelines token list [--user EMAIL] [--data-dir DIR]\n"
              "                                       one line per token: id, user, name, first 8 characters,\n"
              "                                       created, last used, expires\n"
              "  opbox-pipelines token revoke ID [--data-dir DIR]\n"
              "                                       revoke a token (exit 1 for an unknown id)\n"
              "  opbox-pipelines key rotate [--data-dir DIR]\n"
              "                                       with the server stopped: a new master key, every secret\n"
              "                                       re-encrypted under it\n"
              "  opbox-pipelines --version | --help\n"
              "\n"
              "Exit codes: 0 ok, 1 runtime failure, 2 usage error.\n");
}

bool parseListen(const QString &value, CommandLine &out)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = value.left(colon);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == u"localhost"_s)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return false;
    out.listenAddress = address;
    out.listenHost = host == u"localhost"_s ? u"127.0.0.1"_s : host;
    out.listenPort = quint16(port);
    out.listenGiven = true;
    return true;
}
} // namespace

QString CommandLine::resolvedDataDir() const
{
    if (!dataDir.isEmpty())
        return dataDir;
    const QString env = qEnvironmentVariable("OPBOX_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine cl;
    cl.helpText = usage();
    QStringList args = arguments;
    const bool token = args.size() >= 2 && args.at(1) == u"token"_s;
    const bool key = args.size() >= 2 && args.at(1) == u"key"_s;
    QString subcommand;
    if (token) {
        subcommand = args.size() >= 3 ? args.at(2) : QString();
        if (subcommand != u"create"_s && subcommand != u"list"_s && subcommand != u"revoke"_s) {
            cl.error = tr("unknown token command (expected: token create|list|revoke)");
            return cl;
        }
        args.remove(1, 2);
    } else if (key) {
        if (args.size() < 3 || args.at(2) != u"rotate"_s) {
            cl.error = tr("unknown key command (expected: key rotate)");
            return cl;
        }
        args.remove(1, 2);
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(u"help"_s);
    const QCommandLineOption helpShort(u"h"_s);
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption server(u"server"_s);
    const QCommandLineOption listen(u"listen"_s, {}, u"HOST:PORT"_s);
    const QCommandLineOption dataDir(u"data-dir"_s, {}, u"DIR"_s);
    const QCommandLineOption publicUrl(u"public-url"_s, {}, u"URL"_s);
    const QCommandLineOption workers(u"workers"_s, {}, u"N"_s);
    const QCommandLineOption demo(u"demo"_s);
    const QCommandLineOption allowPrivateHosts(u"allow-private-hosts"_s);
    const QCommandLineOption user(u"user"_s, {}, u"EMAIL"_s);
    const QCommandLineOption name(u"name"_s, {}, u"NAME"_s);
    const QCommandLineOption role(u"role"_s, {}, u"ROLE"_s);
    const QCommandLineOption workspace(u"workspace"_s, {}, u"NAME"_s);
    const QCommandLineOption expiresIn(u"expires-in"_s, {}, u"DAYS"_s);
    if (token && subcommand == u"create"_s)
        parser.addOptions({help, helpShort, user, name, role, workspace, expiresIn, dataDir});
    else if (token && subcommand == u"list"_s)
        parser.addOptions({help, helpShort, user, dataDir});
    else if (token || key)
        parser.addOptions({help, helpShort, dataDir});
    else
        parser.addOptions({help, helpShort, version, server, listen, dataDir, publicUrl, workers, demo, allowPrivateHosts});
    if (!parser.parse(args)) {
        cl.error = parser.errorText();
        return cl;
    }
    QStringList positional = parser.positionalArguments();
    if (token && subcommand == u"revoke"_s && !positional.isEmpty())
        cl.tokenId = positional.takeFirst();
    if (!positional.isEmpty()) {
        cl.error = tr("unexpected argument: %1").arg(positional.constFirst());
        return cl;
    }
    if (parser.isSet(help) || parser.isSet(helpShort)) {
        cl.mode = Mode::Help;
        return cl;
    }
    if (parser.isSet(dataDir)) {
        cl.dataDir = parser.value(dataDir);
        if (cl.dataDir.isEmpty()) {
            cl.error = tr("--data-dir needs a directory");
            return cl;
        }
    }
    if (key) {
        cl.mode = Mode::KeyRotate;
        return cl;
    }
    if (token && subcommand == u"revoke"_s) {
        cl.mode = Mode::TokenRevoke;
        if (cl.tokenId.trimmed().isEmpty())
            cl.error = tr("token revoke needs the id of a token (see token list)");
        return cl;
    }
    if (token && subcommand == u"list"_s) {
        cl.mode = Mode::TokenList;
        cl.user = parser.value(user).trimmed();
        if (parser.isSet(user) && !cl.user.contains(u'@'))
            cl.error = tr("--user: \"%1\" is not an email address").arg(cl.user);
        return cl;
    }
    if (token) {
        cl.mode = Mode::TokenCreate;
        if (parser.isSet(expiresIn)) {
            bool ok = false;
            cl.expiresInDays = parser.value(expiresIn).toInt(&ok);
            if (!ok || cl.expiresInDays < 1 || cl.expiresInDays > 3650) {
                cl.error = tr("--expires-in: \"%1\" is not a number of days from 1 to 3650").arg(parser.value(expiresIn));
                return cl;
            }
        }
        cl.user = parser.value(user).trimmed();
        if (cl.user.isEmpty()) {
            cl.error = tr("token create needs --user EMAIL");
            return cl;
        }
        if (!cl.user.contains(u'@')) {
            cl.error = tr("--user: \"%1\" is not an email address").arg(cl.user);
            return cl;
        }
        cl.name = parser.value(name);
        if (parser.isSet(role)) {
            const auto r = parseRole(parser.value(role));
            if (!r) {
                cl.error = tr("--role: \"%1\" is not one of OWNER, ADMIN, MEMBER, VIEWER").arg(parser.value(role));
                return cl;
            }
            cl.role = roleName(*r);
        }
        if (parser.isSet(workspace)) {
            cl.workspace = parser.value(workspace).trimmed();
            if (cl.workspace.isEmpty()) {
                cl.error = tr("--workspace needs a name");
                return cl;
            }
        }
        return cl;
    }
    if (parser.isSet(version)) {
        cl.mode = Mode::Version;
        return cl;
    }
    cl.mode = parser.isSet(server) ? Mode::Server : Mode::Gui;
    cl.demo = parser.isSet(demo);
    cl.allowPrivateHosts = parser.isSet(allowPrivateHosts) || qEnvironmentVariable("OPBOX_ALLOW_PRIVATE_HOSTS") == u"1"_s;
    if (parser.isSet(listen) && !parseListen(parser.value(listen), cl)) {
        cl.error = tr("--listen: \"%1\" is not HOST:PORT (for example 127.0.0.1:8787)").arg(parser.value(listen));
        return cl;
    }
    if (parser.isSet(workers)) {
        bool ok = false;
        cl.workers = parser.value(workers).toInt(&ok);
        if (!ok || cl.workers < 1 || cl.workers > 64) {
            cl.error = tr("--workers: \"%1\" is not a number from 1 to 64").arg(parser.value(workers));
            return cl;
        }
    }
    if (parser.isSet(publicUrl)) {
        const QUrl url(parser.value(publicUrl), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
            cl.error = tr("--public-url: \"%1\" is not an http(s) URL").arg(parser.value(publicUrl));
            return cl;
        }
        cl.publicUrl = url.adjusted(QUrl::StripTrailingSlash);
    }
    return cl;
}

} // namespace Opbox
