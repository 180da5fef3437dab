// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace Opbox {

class OwnerSession;

/**
 * The outcomes (COMPLETED, FAILED, …) of each connection's last runs, oldest first, for the
 * connection list's strip: read once per connection when first asked, again when one of its runs
 * is queued or finishes.
 */
class RecentRunOutcomes : public QObject
{
    Q_OBJECT
public:
    static constexpr int Count = 10;

    explicit RecentRunOutcomes(OwnerSession *session, QObject *parent = nullptr);

    /** Up to Count statuses, oldest first; empty when the connection has not run. */
    [[nodiscard]] QStringList outcomes(const QString &connectionId) const;

Q_SIGNALS:
    void changed(const QString &connectionId);

private:
    void forget(const QString &connectionId);

    OwnerSession *m_session;
    mutable QHash<QString, QStringList> m_outcomes;
};

} // namespace Opbox
