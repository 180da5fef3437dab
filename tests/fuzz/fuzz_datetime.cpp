// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the date-time shapes providers send (ISO-8601, epoch numbers and digit strings, Xero's
// /Date(…)/, HTTP dates) through DateTimeFormat. Whatever parses must write back to canonical text
// that reads as the same instant, and the canonical check must agree with the parser.
#include "connectors/runtime/datetimeformat.h"
#include "fuzzsupport.h"

#include <QLocale>

#include <cstring>

using namespace Qt::StringLiterals;
using namespace Opbox;
using Opbox::Fuzz::check;

namespace {

/** A parsed instant writes back to canonical text that reads as the same millisecond. */
void checkRoundTrip(const QDateTime &when, const QString &input)
{
    check(when.isValid(), "an invalid date-time returned as parsed", input);
    const int year = when.toUTC().date().year();
    const QString iso = DateTimeFormat::toIso(when);
    if (year < 0 || year > 9999)
        return; // outside what ISO-8601 writes with four digits
    check(DateTimeFormat::isCanonical(iso), "toIso() wrote non-canonical text", input + u" → "_s + iso);
    const std::optional<QDateTime> back = DateTimeFormat::parseIso(iso);
    check(back && back->toMSecsSinceEpoch() == when.toMSecsSinceEpoch(), "canonical text reads as another instant",
          input + u" → "_s + iso);
    for (const QStringView format : {u"iso", u"iso_seconds", u"iso_micro", u"epoch_ms", u"epoch_s", u"date"})
        check(!DateTimeFormat::format(when, format).isEmpty(), "a known request format wrote nothing", format.toString());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Opbox::Fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = Opbox::Fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(raw);

    const bool canonical = DateTimeFormat::isCanonical(text);
    check(canonical == DateTimeFormat::isCanonical(QLatin1StringView(raw)) || !QByteArrayView(raw).isValidUtf8()
              || raw.size() != text.size(),
          "the UTF-16 and Latin-1 canonical checks disagree", text);
    if (canonical) {
        const std::optional<QDateTime> parsed = DateTimeFormat::parseIso(text);
        check(parsed.has_value(), "canonical text the parser refuses", text);
        check(DateTimeFormat::toIso(*parsed) == text, "canonical text does not write back unchanged", text);
    }
    if (const auto iso = DateTimeFormat::parseIso(text))
        checkRoundTrip(*iso, text);
    if (const auto any = DateTimeFormat::parse(QJsonValue(text)))
        checkRoundTrip(*any, text);
    if (const auto http = DateTimeFormat::parseHttpDate(text)) {
        check(http->isValid() && http->timeSpec() == Qt::UTC, "an HTTP date not in UTC", text);
        const QString fixdate = QLocale::c().toString(*http, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        const auto back = DateTimeFormat::parseHttpDate(fixdate);
        check(!back || *back == *http, "an HTTP date reads back as another instant", text + u" → "_s + fixdate);
    }
    if (size >= sizeof(double)) {
        double number = 0;
        std::memcpy(&number, data, sizeof number);
        if (const auto epoch = DateTimeFormat::parse(QJsonValue(number)))
            checkRoundTrip(*epoch, QString::number(number, 'g', 17));
    }
    Q_UNUSED(DateTimeFormat::isKnownFormat(text));
    return 0;
}
