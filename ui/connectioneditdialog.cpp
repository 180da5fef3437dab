// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectioneditdialog.h"
#include "models/connectionactions.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/ownersession.h"
#include "ui/connectionsettingsform.h"
#include "ui/errorlabel.h"
#include "ui/secretlineedit.h"
#include "ui/uistrings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Opbox {

ConnectionEditDialog::ConnectionEditDialog(OwnerSession *session, const QString &connectionId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_id(connectionId)
    , m_name(new QLineEdit(this))
    , m_concurrency(new QSpinBox(this))
    , m_scheduled(new QCheckBox(tr("Sync a&utomatically"), this))
    , m_frequency(new QComboBox(this))
    , m_error(new ErrorLabel(tr("Why the connection was not saved"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit Connection"));
    // Wide enough that the wrapped hints and reasons read as sentences, not as a column of words.
    setMinimumWidth(fontMetrics().averageCharWidth() * 84);
    const auto connection = ConnectionActions(m_session).facts(m_id);
    const ConnectionFacts c = connection ? *connection : ConnectionFacts();
    m_type = ConnectorCatalog::find(c.type);

    auto *layout = new QVBoxLayout(this);
    auto *nameForm = new QFormLayout;
    m_name->setText(c.name);
    m_name->setMaxLength(200);
    m_name->setAccessibleName(tr("Connection name"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    nameForm->addRow(nameLabel, m_name);
    // Streams and a parent's partitions read side by side: a sync bound by the provider's answer
    // time, not by this computer, gets faster up to the provider's rate limit.
    const QJsonValue stored = c.config.value(u"maxConcurrency"_s);
    m_storedConcurrency = stored.isDouble() ? std::clamp(stored.toInt(), 1, 16) : 4;
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(m_storedConcurrency);
    m_concurrency->setAccessibleName(tr("Streams read at once"));
    m_concurrency->setToolTip(tr("How many streams, and parts of a stream such as the tickets of each project, a "
                                 "sync reads at the same time. 1 reads one request after another."));
    auto *concurrencyLabel = new QLabel(tr("Streams &read at once:"), this);
    concurrencyLabel->setBuddy(m_concurrency);
    nameForm->addRow(concurrencyLabel, m_concurrency);
    m_storedSchedule = c.schedule;
    m_scheduled->setAccessibleName(tr("Sync automatically"));
    m_scheduled->setChecked(c.schedule.value(u"enabled"_s).toBool());
    m_frequency->setAccessibleName(tr("Schedule frequency"));
    for (const QString &f : {u"hourly"_s, u"daily"_s, u"weekly"_s, u"monthly"_s})
        m_frequency->addItem(DisplayFormat::frequency(f), f);
    const int frequency = m_frequency->findData(c.schedule.value(u"frequency"_s).toString(u"daily"_s));
    m_frequency->setCurrentIndex(frequency < 0 ? 1 : frequency);
    m_frequency->setEnabled(m_scheduled->isChecked());
    connect(m_scheduled, &QCheckBox::toggled, m_frequency, &QWidget::setEnabled);
    auto *scheduleRow = new QHBoxLayout;
    scheduleRow->addWidget(m_scheduled);
    scheduleRow->addWidget(m_frequency);
    scheduleRow->addStretch(1);
    nameForm->addRow(tr("Schedule:"), scheduleRow);
    layout->addLayout(nameForm);

    if (m_type && !m_type->isOAuth()) {
        auto *box = new QGroupBox(tr("Replace the credentials"), this);
        auto *form = new QFormLayout(box);
        auto *hint = new QLabel(tr("A field left empty keeps its stored value. New values are encrypted, never shown "
                                   "again, and checked with %1 at the next sync or check.")
                                    .arg(m_type->service),
                                box);
        hint->setWordWrap(true);
        form->addRow(hint);
        for (const ConnectorFieldEntry &field : m_type->credentials) {
            QLineEdit *edit = field.secret ? new SecretLineEdit(box) : new QLineEdit(box);
            const QString label = field.label.isEmpty() ? field.name : field.label;
            edit->setObjectName(u"credential:"_s + field.name);
            edit->setAccessibleName(label);
            // "unchanged" only for what is stored: a required credential that is not must be typed.
            const bool isStored = c.credentialFields.contains(field.name);
            edit->setPlaceholderText(isStored ? tr("unchanged") : field.required ? tr("required") : tr("not stored"));
            if (!field.help.isEmpty())
                edit->setToolTip(field.help);
            auto *fieldLabel = new QLabel(tr("%1:").arg(label), box);
            fieldLabel->setBuddy(edit);
            form->addRow(fieldLabel, edit);
            m_credentials.insert(field.name, edit);
        }
        layout->addWidget(box);
    } else if (m_type) {
        auto *note = new QLabel(tr("This connection signs in to %1 with OAuth: use Authorize to connect it to another "
                                   "account.")
                                    .arg(m_type->service),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    if (m_type && !m_type->config.isEmpty()) {
        m_settings = new ConnectionSettingsForm(*m_type, c.config, this);
        layout->addWidget(m_settings);
        // Save waits until every setting is one the connector accepts; the form says why not.
        connect(m_settings, &ConnectionSettingsForm::problemChanged, this,
                [this](const QString &problem) { m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty()); });
    }
    layout->addWidget(m_error);
    UiStrings::translateButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_settings)
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_settings->problem().isEmpty());
    if (!connection)
        m_error->showMessage(connection.error().message, nullptr);
}

void ConnectionEditDialog::accept()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_error->showMessage(tr("Give the connection a name."), m_name);
        return;
    }
    QJsonObject typed;
    if (m_type) {
        for (const ConnectorFieldEntry &field : m_type->credentials) {
            // Secrets are taken as typed apart from surrounding blanks (a pasted token often has a newline).
            const QString value = m_credentials.value(field.name) ? m_credentials.value(field.name)->text().trimmed() : QString();
            if (!value.isEmpty())
                typed.insert(field.name, value);
        }
    }
    // Fields left empty keep their stored values (a rotated Zendesk token keeps its agent email,
    // a WhatsApp token its app secret).
    if (m_settings && !m_settings->problem().isEmpty()) {
        m_error->showMessage(m_settings->problem(), nullptr);
        return;
    }
    // Settings and credentials in one change: a base URL moved to another host needs the
    // credentials for that host in the same save, and the engine says so when they are missing.
    auto saved = ConnectionActions(m_session).edit(m_id, name, typed, m_settings ? m_settings->changes() : QJsonObject());
    if (!saved) {
        m_error->showMessage(tr("The connection was not saved: %1").arg(saved.error().message), nullptr);
        return;
    }
    if (m_concurrency->value() != m_storedConcurrency) {
        auto set = ConnectionActions(m_session).setMaxConcurrency(m_id, m_concurrency->value());
        if (!set) {
            m_error->showMessage(tr("The connection was not saved: %1").arg(set.error().message), m_concurrency);
            return;
        }
        m_storedConcurrency = m_concurrency->value();
    }
    const ConnectionSchedule schedule{m_scheduled->isChecked(), m_frequency->currentData().toString()};
    if (schedule.enabled != m_storedSchedule.value(u"enabled"_s).toBool()
        || schedule.frequency != m_storedSchedule.value(u"frequency"_s).toString(u"daily"_s)) {
        auto set = ConnectionActions(m_session).setSchedule(m_id, schedule);
        if (!set) {
            m_error->showMessage(tr("The connection was not saved: %1").arg(set.error().message), m_scheduled);
            return;
        }
        m_storedSchedule = QJsonObject{{u"enabled"_s, schedule.enabled}, {u"frequency"_s, schedule.frequency}};
    }
    QDialog::accept();
}

} // namespace Opbox
