// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/connectorcatalog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLineEdit;

namespace Opbox {

/**
 * The credentials and configuration a test read uses, as a form generated from the manifest being
 * written: one row per declared field (its label, required mark and description; secrets masked;
 * placeholders by kind). Values typed stay while the manifest changes around them.
 */
class ConnectorBuilderForm : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectorBuilderForm(QWidget *parent = nullptr);

    /** Rebuilds the rows when the declared fields differ from the ones shown. */
    void setFields(const QList<ConnectorFieldEntry> &credentials, const QList<ConnectorFieldEntry> &config);
    [[nodiscard]] QJsonObject credentials() const;
    [[nodiscard]] QJsonObject config() const;
    /** The editor of `credentials.<name>` or `config.<name>`, nullptr when not declared. */
    [[nodiscard]] QLineEdit *editor(const QString &key) const { return m_editors.value(key); }

private:
    void rebuild(QGroupBox *group, QFormLayout *form, const QList<ConnectorFieldEntry> &fields, const QString &prefix);
    [[nodiscard]] QJsonObject values(const QList<ConnectorFieldEntry> &fields, const QString &prefix) const;
    [[nodiscard]] static QStringList signature(const QList<ConnectorFieldEntry> &fields);

    QGroupBox *m_credentialsGroup;
    QGroupBox *m_configGroup;
    QFormLayout *m_credentialsForm;
    QFormLayout *m_configForm;
    QList<ConnectorFieldEntry> m_credentials;
    QList<ConnectorFieldEntry> m_config;
    QHash<QString, QLineEdit *> m_editors;
    QHash<QString, QString> m_typed; // values by key, kept across rebuilds
};

} // namespace Opbox
