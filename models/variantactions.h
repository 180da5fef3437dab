// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QObject>
#include <QStringList>

namespace Opbox {

class OwnerSession;

/** A variant the user has described but not created yet. */
struct VariantDraft
{
    QString name;
    /** Empty: the next number in the group. */
    QString label;
    /** Write into its own tables instead of the group's shared ones. */
    bool ownTables = false;
};

/**
 * Connection variants as the GUI creates them: the source connection's facts, the table names a
 * variant will write (the engine's naming rules), and the creation itself with the session's Caller.
 */
class VariantActions : public QObject
{
    Q_OBJECT
public:
    explicit VariantActions(OwnerSession *session, const QString &sourceConnectionId, QObject *parent = nullptr);

    [[nodiscard]] QString sourceName() const { return m_sourceName; }
    /** The source's name without its variant label ("Sales (EU)" → "Sales"). */
    [[nodiscard]] QString baseName() const;
    /** The tables a variant named `name` will write, one per stream of the source's connector. */
    [[nodiscard]] QStringList previewTables(const QString &name, bool ownTables) const;
    /** Creates the variant; the id of the new connection. */
    [[nodiscard]] Result<QString> create(const VariantDraft &draft);

private:
    OwnerSession *m_session;
    QString m_sourceId;
    QString m_sourceName;
    QString m_sourceType;
    QString m_sourceTableBase;
};

} // namespace Opbox
