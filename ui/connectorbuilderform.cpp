// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectorbuilderform.h"
#include "ui/secretlineedit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectorBuilderForm::ConnectorBuilderForm(QWidget *parent)
    : QWidget(parent)
    , m_credentialsGroup(new QGroupBox(tr("Credentials"), this))
    , m_configGroup(new QGroupBox(tr("Configuration"), this))
    , m_credentialsForm(new QFormLayout(m_credentialsGroup))
    , m_configForm(new QFormLayout(m_configGroup))
{
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("The test read uses these values; they are not stored. The fields are the ones the "
                               "manifest declares under \"credentials\" and \"config\"."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_credentialsGroup);
    layout->addWidget(m_configGroup);
    layout->addStretch(1);
    for (QFormLayout *form : {m_credentialsForm, m_configForm})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    rebuild(m_credentialsGroup, m_credentialsForm, {}, u"credentials"_s);
    rebuild(m_configGroup, m_configForm, {}, u"config"_s);
}

QStringList ConnectorBuilderForm::signature(const QList<ConnectorFieldEntry> &fields)
{
    QStringList out;
    for (const ConnectorFieldEntry &f : fields)
        out.append(
            QStringList{f.name, f.label, f.help, f.declaredKind, f.required ? u"1"_s : u"0"_s, f.secret ? u"1"_s : u"0"_s}.join(
                u'\x1f'));
    return out;
}

void ConnectorBuilderForm::setFields(const QList<ConnectorFieldEntry> &credentials, const QList<ConnectorFieldEntry> &config)
{
    if (signature(credentials) != signature(m_credentials)) {
        m_credentials = credentials;
        rebuild(m_credentialsGroup, m_credentialsForm, m_credentials, u"credentials"_s);
    }
    if (signature(config) != signature(m_config)) {
        m_config = config;
        rebuild(m_configGroup, m_configForm, m_config, u"config"_s);
    }
}

void ConnectorBuilderForm::rebuild(QGroupBox *group, QFormLayout *form, const QList<ConnectorFieldEntry> &fields,
                                   const QString &prefix)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
    for (auto it = m_editors.begin(); it != m_editors.end();) {
        if (it.key().startsWith(prefix + u'.'))
            it = m_editors.erase(it);
        else
            ++it;
    }
    if (fields.isEmpty()) {
        form->addRow(new QLabel(tr("The manifest declares no fields here."), group));
        return;
    }
    for (const ConnectorFieldEntry &field : fields) {
        const QString key = prefix + u'.' + field.name;
        QLineEdit *line = field.secret ? new SecretLineEdit(group) : new QLineEdit(group);
        line->setObjectName(key);
        line->setText(m_typed.value(key));
        if (field.declaredKind == u"url")
            line->setPlaceholderText(tr("https://…"));
        else if (field.declaredKind == u"email")
            line->setPlaceholderText(tr("name@example.com"));
        else if (field.declaredKind == u"array")
            line->setPlaceholderText(tr("values separated by commas"));
        else if (!field.required)
            line->setPlaceholderText(tr("optional"));
        line->setToolTip(field.help);
        line->setAccessibleName(field.label);
        line->setAccessibleDescription(field.help);
        connect(line, &QLineEdit::textEdited, this, [this, key](const QString &text) { m_typed.insert(key, text); });
        // A manifest's label is plain text: an & in it is no mnemonic.
        QString text = field.label;
        text.replace(u'&', u"&&"_s);
        auto *label = new QLabel(field.required ? tr("%1 *").arg(text) : text, group);
        label->setBuddy(line);
        label->setToolTip(field.help);
        form->addRow(label, line);
        m_editors.insert(key, line);
    }
}

QJsonObject ConnectorBuilderForm::values(const QList<ConnectorFieldEntry> &fields, const QString &prefix) const
{
    QJsonObject out;
    for (const ConnectorFieldEntry &field : fields) {
        const QLineEdit *line = m_editors.value(prefix + u'.' + field.name);
        const QString text = line ? line->text().trimmed() : QString();
        if (text.isEmpty())
            continue;
        if (field.declaredKind == u"array") {
            QJsonArray items;
            for (const QString &item : text.split(u',', Qt::SkipEmptyParts))
                items.append(item.trimmed());
            out.insert(field.name, items);
        } else {
            out.insert(field.name, text);
        }
    }
    return out;
}

QJsonObject ConnectorBuilderForm::credentials() const
{
    return values(m_credentials, u"credentials"_s);
}

QJsonObject ConnectorBuilderForm::config() const
{
    return values(m_config, u"config"_s);
}

} // namespace Opbox
