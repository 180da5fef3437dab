// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"

#include <QGroupBox>
#include <QHash>
#include <QJsonObject>

class QFormLayout;

namespace Opbox {

class ErrorLabel;

/**
 * A connection's provider settings (base URL, subdomain, repositories, company numbers …) as the
 * connector type declares them, filled with the stored values and checked as the user types: a
 * value the connector would refuse is named with the reason before anything is saved.
 */
class ConnectionSettingsForm : public QGroupBox
{
    Q_OBJECT
public:
    ConnectionSettingsForm(const ConnectorTypeEntry &type, const QJsonObject &stored, QWidget *parent);

    /** The editor of a config field, null when the type has no such field. */
    [[nodiscard]] QWidget *editor(const QString &field) const { return m_editors.value(field); }
    /** Why the form cannot be saved (the first problem), empty when it can. */
    [[nodiscard]] QString problem() const { return m_problem; }
    /** The fields that differ from the stored config; a cleared field is null (back to the default). */
    [[nodiscard]] QJsonObject changes() const;
    [[nodiscard]] bool hasFields() const { return !m_editors.isEmpty(); }

Q_SIGNALS:
    void problemChanged(const QString &problem);

private:
    [[nodiscard]] QJsonValue value(const ConnectorFieldEntry &field) const;
    [[nodiscard]] QString check(const ConnectorFieldEntry &field) const;
    void validate();

    const ConnectorTypeEntry &m_type;
    QJsonObject m_stored;
    QFormLayout *m_form;
    ErrorLabel *m_error;
    QHash<QString, QWidget *> m_editors;
    QString m_problem;
};

} // namespace Opbox
