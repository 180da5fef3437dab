// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionoverviewwidget.h"
#include "models/connectionactions.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "models/iconlibrary.h"
#include "models/memberlistmodel.h"
#include "models/ownersession.h"
#include "ui/messageview.h"
#include "ui/notifyrecipientsdialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

// Short values do not wrap: QFormLayout sizes wrapped labels for a narrower column than it gives
// them, which cuts their second line off. The free-text status message is a MessageView.
QLabel *valueLabel(QWidget *parent, bool wrap = false)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Names and provider texts are shown as they are, never interpreted as markup.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    label->setFocusPolicy(Qt::NoFocus);
    return label;
}

} // namespace

ConnectionOverviewWidget::ConnectionOverviewWidget(OwnerSession *session, MemberListModel *members, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_actions(new ConnectionActions(session, this))
    , m_members(members)
{
    auto *scroll = new QScrollArea(this);
    // The page scrolls with the wheel and follows the focus; as a Tab stop of its own it would be invisible.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Connection overview"));
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(16, 16, 16, 16);
    m_form = new QFormLayout;
    contentLayout->addLayout(m_form);
    contentLayout->addStretch(1);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // In a narrow pane a long row puts its value under its label instead of scrolling sideways.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setVerticalSpacing(10);

    auto *statusRow = new QWidget(content);
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    m_statusIcon = new QLabel(statusRow);
    m_status = valueLabel(statusRow);
    m_status->setAccessibleName(tr("Connection status"));
    m_check = new QPushButton(IconLibrary::action(u"test"_s), tr("Chec&k Now"), statusRow);
    m_check->setAccessibleName(tr("Check the connection with the provider"));
    m_check->setToolTip(tr("Validate the stored credentials with one cheap call to the provider"));
    statusLayout->addWidget(m_statusIcon);
    statusLayout->addWidget(m_status, 1);
    statusLayout->addWidget(m_check);
    connect(m_check, &QPushButton::clicked, this, &ConnectionOverviewWidget::checkConnection);
    m_form->addRow(tr("Status:"), statusRow);

    m_statusMessage = new MessageView(tr("Status message"), content);
    m_form->addRow(tr("Message:"), m_statusMessage);

    m_type = valueLabel(content);
    m_type->setAccessibleName(tr("Connector type"));
    m_form->addRow(tr("Type:"), m_type);

    m_variant = valueLabel(content);
    m_variant->setAccessibleName(tr("Variant"));
    m_form->addRow(tr("Variant:"), m_variant);

    // A short check box with its meaning in the tooltip: a check box text cannot wrap, and a long
    // one would make the detail pane as wide as the sentence.
    m_enabled = new QCheckBox(tr("&Enabled"), content);
    m_enabled->setAccessibleName(tr("Connection enabled"));
    m_enabled->setToolTip(tr("Scheduled, webhook and run-all syncs may start."));
    m_enabled->setAccessibleDescription(m_enabled->toolTip());
    m_form->addRow(tr("Syncing:"), m_enabled);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating)
            save([this, on](const QString &id) { return m_actions->setEnabled(id, on); });
    });

    auto *scheduleRow = new QWidget(content);
    auto *scheduleLayout = new QHBoxLayout(scheduleRow);
    scheduleLayout->setContentsMargins(0, 0, 0, 0);
    m_scheduled = new QCheckBox(tr("Sync &automatically"), scheduleRow);
    m_scheduled->setAccessibleName(tr("Sync automatically"));
    m_frequency = new QComboBox(scheduleRow);
    m_frequency->setAccessibleName(tr("Schedule frequency"));
    for (const auto &f : {u"hourly"_s, u"daily"_s, u"weekly"_s, u"monthly"_s})
        m_frequency->addItem(DisplayFormat::frequency(f), f);
    scheduleLayout->addWidget(m_scheduled);
    scheduleLayout->addWidget(m_frequency);
    scheduleLayout->addStretch(1);
    m_form->addRow(tr("Schedule:"), scheduleRow);
    auto saveSchedule = [this] {
        if (m_updating)
            return;
        m_frequency->setEnabled(m_scheduled->isChecked());
        const ConnectionSchedule schedule{m_scheduled->isChecked(), m_frequency->currentData().toString()};
        save([this, schedule](const QString &id) { return m_actions->setSchedule(id, schedule); });
    };
    connect(m_scheduled, &QCheckBox::toggled, this, saveSchedule);
    connect(m_frequency, &QComboBox::currentIndexChanged, this, saveSchedule);

    auto *notifyRow = new QWidget(content);
    auto *notifyLayout = new QHBoxLayout(notifyRow);
    notifyLayout->setContentsMargins(0, 0, 0, 0);
    m_notify = valueLabel(notifyRow);
    m_notify->setAccessibleName(tr("Notified people"));
    m_notifyButton = new QPushButton(tr("C&hange…"), notifyRow);
    m_notifyButton->setAccessibleName(tr("Change who is notified"));
    notifyLayout->addWidget(m_notify, 1);
    notifyLayout->addWidget(m_notifyButton, 0, Qt::AlignTop);
    m_form->addRow(tr("Notify:"), notifyRow);
    connect(m_notifyButton, &QPushButton::clicked, this, &ConnectionOverviewWidget::chooseRecipients);

    m_credentials = valueLabel(content);
    m_credentials->setAccessibleName(tr("Stored credentials"));
    m_form->addRow(tr("Credentials:"), m_credentials);

    m_config = valueLabel(content);
    m_config->setAccessibleName(tr("Configuration"));
    m_form->addRow(tr("Configuration:"), m_config);

    auto *webhookRow = new QWidget(content);
    auto *webhookLayout = new QGridLayout(webhookRow);
    webhookLayout->setContentsMargins(0, 0, 0, 0);
    m_reveal = new QPushButton(IconLibrary::action(u"reveal"_s), tr("&Reveal Webhook URL"), webhookRow);
    m_reveal->setAccessibleName(tr("Reveal the webhook URL"));
    m_reveal->setToolTip(tr("Shows the secret URL that starts a sync of this connection; the reveal is audit-logged"));
    m_webhook = new QLineEdit(webhookRow);
    m_webhook->setReadOnly(true);
    m_webhook->setAccessibleName(tr("Webhook URL"));
    m_copy = new QToolButton(webhookRow);
    m_copy->setIcon(IconLibrary::action(u"copy"_s));
    m_copy->setToolTip(tr("Copy the webhook URL"));
    m_copy->setAccessibleName(tr("Copy the webhook URL"));
    m_curl = valueLabel(webhookRow, true);
    m_curl->setAccessibleName(tr("Example call"));
    m_curl->setForegroundRole(QPalette::PlaceholderText);
    webhookLayout->addWidget(m_reveal, 0, 0, 1, 2, Qt::AlignLeft);
    webhookLayout->addWidget(m_webhook, 1, 0);
    webhookLayout->addWidget(m_copy, 1, 1);
    webhookLayout->addWidget(m_curl, 2, 0, 1, 2);
    webhookLayout->setColumnStretch(0, 1);
    m_form->addRow(tr("Webhook:"), webhookRow);
    connect(m_reveal, &QPushButton::clicked, this, &ConnectionOverviewWidget::revealWebhook);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_webhook->text());
        Q_EMIT statusMessage(tr("Webhook URL copied."));
    });

    m_created = valueLabel(content);
    m_created->setAccessibleName(tr("Created and updated"));
    m_form->addRow(tr("Created:"), m_created);

    connect(session, &OwnerSession::callerChanged, this, &ConnectionOverviewWidget::updateEditable);
    connect(members, &QAbstractItemModel::modelReset, this, &ConnectionOverviewWidget::updateNotifyText);
    updateEditable();
}

QString ConnectionOverviewWidget::connectionId() const
{
    return m_connection.value(u"id"_s).toString();
}

void ConnectionOverviewWidget::setConnection(const QJsonObject &c)
{
    // A revealed secret stays on screen only for the connection it belongs to.
    if (c.value(u"id"_s).toString() != m_connection.value(u"id"_s).toString()) {
        m_webhook->clear();
        m_webhook->hide();
        m_copy->hide();
        m_curl->hide();
        m_reveal->show();
    }
    m_connection = c;
    m_updating = true;
    const QString status = c.value(u"status"_s).toString();
    m_statusIcon->setPixmap(IconLibrary::connectionStatus(status).pixmap(16, 16));
    m_status->setText(DisplayFormat::connectionStatus(status));
    const QString message = c.value(u"statusMessage"_s).toString();
    m_statusMessage->setText(message.isEmpty() ? tr("—") : message);

    const ConnectorTypeEntry *info = ConnectorCatalog::find(c.value(u"type"_s).toString());
    m_type->setText(
        info ? tr("%1 (%2, %3)").arg(DisplayFormat::typeName(info->name), info->service, DisplayFormat::authType(info->authType))
             : c.value(u"type"_s).toString());

    const QString label = c.value(u"variantLabel"_s).toString();
    m_variant->setText(label.isEmpty() ? tr("None (not part of a variant group)") : tr("Label \"%1\"").arg(label));

    m_enabled->setChecked(c.value(u"enabled"_s).toBool(true));
    const QJsonObject schedule = c.value(u"schedule"_s).toObject();
    m_scheduled->setChecked(schedule.value(u"enabled"_s).toBool());
    const int f = m_frequency->findData(schedule.value(u"frequency"_s).toString(u"daily"_s));
    m_frequency->setCurrentIndex(f < 0 ? 1 : f);
    m_frequency->setEnabled(m_scheduled->isChecked() && m_scheduled->isEnabled());

    QStringList creds;
    for (const auto &v : c.value(u"credentialFields"_s).toArray()) {
        QString labelText = v.toString();
        if (info) {
            for (const auto &field : info->credentials) {
                if (field.name == labelText)
                    labelText = field.label;
            }
        }
        creds.append(tr("%1: stored, encrypted").arg(labelText));
    }
    m_credentials->setText(creds.isEmpty() ? tr("None stored") : creds.join(u'\n'));

    QStringList config;
    const QJsonObject cfg = c.value(u"config"_s).toObject();
    for (auto it = cfg.begin(); it != cfg.end(); ++it) {
        QString value;
        if (it.value().isArray()) {
            QStringList items;
            for (const auto &item : it.value().toArray())
                items.append(item.toVariant().toString());
            value = items.join(u", "_s);
        } else {
            value = it.value().toVariant().toString();
        }
        QString name = it.key();
        if (info) {
            for (const auto &field : info->config) {
                if (field.name == name)
                    name = field.label;
            }
        }
        config.append(tr("%1: %2").arg(name, value));
    }
    m_config->setText(config.isEmpty() ? tr("Defaults") : config.join(u'\n'));
    m_created->setText(tr("%1 (last changed %2)")
                           .arg(DisplayFormat::dateTime(c.value(u"createdAt"_s).toString()),
                                DisplayFormat::dateTime(c.value(u"updatedAt"_s).toString())));
    updateNotifyText();
    updateEditable();
    m_updating = false;
}

void ConnectionOverviewWidget::updateNotifyText()
{
    const QJsonArray ids = m_connection.value(u"notifyUserIds"_s).toArray();
    if (ids.isEmpty()) {
        m_notify->setText(tr("All workspace members (filtered by their preferences)"));
        return;
    }
    QStringList names;
    for (const auto &v : ids)
        names.append(m_members->displayName(v.toString()));
    m_notify->setText(names.join(u'\n'));
}

void ConnectionOverviewWidget::updateEditable()
{
    // The engine decides (ADMIN or OWNER may edit); the widgets only avoid offering what would be refused.
    const bool canEdit = m_session->isAdmin() && !m_connection.isEmpty();
    m_enabled->setEnabled(canEdit);
    m_scheduled->setEnabled(canEdit);
    m_frequency->setEnabled(canEdit && m_scheduled->isChecked());
    m_notifyButton->setEnabled(canEdit);
    m_check->setEnabled(canEdit && m_checkingId.isEmpty());
    m_reveal->setEnabled(canEdit);
}

void ConnectionOverviewWidget::revealWebhook()
{
    const QString id = connectionId();
    const QUrl base = m_publicUrl ? m_publicUrl() : QUrl();
    auto revealed = m_actions->revealWebhook(id, base);
    if (!revealed) {
        Q_EMIT errorOccurred(revealed.error().message);
        return;
    }
    m_webhook->setText(revealed->url);
    m_curl->setText(revealed->curlExample);
    m_reveal->hide();
    m_webhook->show();
    m_copy->show();
    m_curl->show();
    m_webhook->setFocus();
    m_webhook->selectAll();
}

void ConnectionOverviewWidget::checkConnection()
{
    const QString id = connectionId();
    if (id.isEmpty() || !m_checkingId.isEmpty())
        return;
    m_checkingId = id;
    updateEditable();
    m_check->setText(tr("Checking…"));
    // The provider is asked on the ConnectorService's thread; the window stays responsive.
    m_actions->check(id, this, [this, id](Result<ProviderAnswer> result) {
        m_checkingId.clear();
        m_check->setText(tr("Chec&k Now"));
        updateEditable();
        if (!result) {
            Q_EMIT errorOccurred(result.error().message);
            return;
        }
        const QString message = result->message;
        Q_EMIT statusMessage(result->success ? tr("Connection works: %1").arg(message)
                                             : tr("Connection check failed: %1").arg(message));
    });
}

void ConnectionOverviewWidget::save(const std::function<Result<void>(const QString &connectionId)> &change)
{
    const QString id = connectionId();
    if (id.isEmpty())
        return;
    auto result = change(id);
    if (!result) {
        Q_EMIT errorOccurred(result.error().message);
        // Show what is really stored again.
        setConnection(m_connection);
    }
}

void ConnectionOverviewWidget::chooseRecipients()
{
    QStringList current;
    for (const auto &v : m_connection.value(u"notifyUserIds"_s).toArray())
        current.append(v.toString());
    NotifyRecipientsDialog dialog(m_session, current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList ids = dialog.userIds();
    save([this, ids](const QString &id) { return m_actions->setNotifyUserIds(id, ids); });
}

} // namespace Opbox
