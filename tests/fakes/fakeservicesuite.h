// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakeproviderserver.h"

#include <QList>
#include <QObject>
#include <memory>
#include <vector>

namespace Opbox::Fakes {

/**
 * Every provider fake at once, seeded with demo data: what `opbox-fake-services`, `--demo` and
 * end-to-end tests start. A new fake joins by adding one line to the constructor.
 */
class FakeServiceSuite : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString token = QStringLiteral("opbox-fake-token");
        int records = 250; // seeded per main stream, so every stream spans several pages
        qint64 generatedContacts = 0; // > 0: HubSpot contacts generated on the fly (benchmark)
    };

    explicit FakeServiceSuite(QObject *parent = nullptr);
    explicit FakeServiceSuite(const Options &options, QObject *parent = nullptr);
    ~FakeServiceSuite() override;

    /** Starts every fake; false (with the failing service in `error`) when one cannot listen. */
    bool start(QString *error = nullptr);
    void stop();
    [[nodiscard]] QList<FakeProviderServer *> servers() const;
    /** The fake of a connector type (CRM_PLATFORM …), or nullptr. */
    [[nodiscard]] FakeProviderServer *server(const QString &connectorType) const;
    /** "<TYPE> <service> <baseUrl>" per fake, the lines opbox-fake-services prints. */
    [[nodiscard]] QStringList describe() const;

private:
    void seed();

    Options m_options;
    std::vector<std::unique_ptr<FakeProviderServer>> m_servers;
};

} // namespace Opbox::Fakes
