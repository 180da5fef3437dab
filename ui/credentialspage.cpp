// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/credentialspage.h"
#include "models/connectorcatalog.h"
#include "models/displayformat.h"
#include "ui/errorlabel.h"
#include "ui/newconnectionwizard.h"
#include "ui/redirecturiedit.h"
#include "ui/secretlineedit.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (QString part : text.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (!part.isEmpty())
            out.append(part);
    }
    return out;
}

bool isUrlField(const QString &name)
{
    return name == u"baseUrl"_s || name == u"authBaseUrl"_s;
}

} // namespace

CredentialsPage::CredentialsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit(this))
    , m_credentialsBox(new QGroupBox(tr("Credentials"), this))
    , m_credentialsForm(new QFormLayout(m_credentialsBox))
    , m_configBox(new QGroupBox(tr("Settings"), this))
    , m_configForm(new QFormLayout(m_configBox))
    , m_error(new ErrorLabel(tr("Problem with the form"), this))
{
    setTitle(tr("Credentials"));
    m_name->setAccessibleName(tr("Connection name"));
    m_name->setMaxLength(200);
    m_name->setClearButtonEnabled(true);
    m_editors.insert(u"name"_s, m_name);
    connect(m_name, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);

    auto *nameForm = new QFormLayout;
    // Not "&Name": Alt+N is the wizard's Next.
    auto *nameLabel = new QLabel(tr("N&ame:"), this);
    nameLabel->setBuddy(m_name);
    nameForm->addRow(nameLabel, m_name);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(nameForm);
    contentLayout->addWidget(m_credentialsBox);
    contentLayout->addWidget(m_configBox);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    // The form scrolls to the focused field by itself; as a Tab stop the area would be invisible.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Connection details form"));
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
}

void CredentialsPage::initializePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    rebuild(w->connectorType());
}

void CredentialsPage::cleanupPage()
{
    // Going back keeps what was typed for this type; the type page resets it when the type changes.
}

void CredentialsPage::rebuild(const ConnectorTypeEntry *type)
{
    if (!type || type == m_builtFor)
        return;
    m_builtFor = type;
    auto clear = [](QFormLayout *form) {
        while (form->rowCount() > 0)
            form->removeRow(0);
    };
    clear(m_credentialsForm);
    clear(m_configForm);
    m_editors.clear();
    m_editors.insert(u"name"_s, m_name);

    setSubTitle(type->isOAuth()
                    ? tr("Enter the OAuth app credentials you registered with %1.").arg(type->service)
                    : tr("Enter the credentials for %1. Secrets are encrypted and never shown again.").arg(type->service));
    m_name->setText(DisplayFormat::typeName(type->name));
    m_name->selectAll();

    for (const ConnectorFieldEntry &field : type->credentials)
        addField(m_credentialsForm, field, u"credential:"_s + field.name);
    m_documentation = nullptr;
    if (!type->documentationUrl.isEmpty()) {
        // Below the fields, so that Tab goes from one field to the next: the one place that says
        // where the token comes from and which permissions (scopes) it needs.
        m_documentation = new QLabel(this);
        m_documentation->setObjectName(u"documentationLink"_s);
        m_documentation->setTextFormat(Qt::RichText);
        m_documentation->setWordWrap(true);
        m_documentation->setOpenExternalLinks(true);
        m_documentation->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        m_documentation->setText(
            tr("Where to get them, and which permissions (scopes) they need: <a href=\"%1\">%2 documentation</a>")
                .arg(type->documentationUrl.toHtmlEscaped(), type->service.toHtmlEscaped()));
        m_documentation->setToolTip(type->documentationUrl);
        m_documentation->setAccessibleName(tr("Where to get the credentials"));
        m_credentialsForm->addRow(m_documentation);
    }
    if (type->isOAuth()) {
        // The provider only sends the browser back to a redirect URI registered with the app.
        auto *redirect = new RedirectUriEdit(this);
        redirect->setObjectName(u"oauth:redirectUri"_s);
        redirect->showFor(static_cast<NewConnectionWizard *>(wizard())->publicUrl(), type->type);
        auto *label = new QLabel(RedirectUriEdit::labelText(), this);
        label->setBuddy(redirect);
        m_credentialsForm->addRow(label, redirect);
        m_editors.insert(redirect->objectName(), redirect);
    }
    for (const ConnectorFieldEntry &field : type->config)
        addField(m_configForm, field, u"config:"_s + field.name);
    m_configBox->setVisible(!type->config.isEmpty());
    alignLabels();
    m_error->hide();
    Q_EMIT completeChanged();
}

QWidget *CredentialsPage::addField(QFormLayout *form, const ConnectorFieldEntry &field, const QString &key)
{
    QWidget *editor = nullptr;
    switch (field.kind) {
    case ConnectorFieldEntry::Kind::Boolean: {
        auto *box = new QCheckBox(this);
        editor = box;
        break;
    }
    case ConnectorFieldEntry::Kind::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(0, 1000000);
        editor = spin;
        break;
    }
    case ConnectorFieldEntry::Kind::String:
    case ConnectorFieldEntry::Kind::StringList: {
        QLineEdit *line = field.secret ? new SecretLineEdit(this) : new QLineEdit(this);
        line->setClearButtonEnabled(!field.secret);
        if (field.kind == ConnectorFieldEntry::Kind::StringList)
            line->setPlaceholderText(tr("Several values, separated by commas"));
        else if (isUrlField(field.name))
            line->setPlaceholderText(tr("https://… (leave empty for the provider's own service)"));
        else if (!field.required)
            line->setPlaceholderText(tr("Optional"));
        connect(line, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        editor = line;
        break;
    }
    }
    editor->setObjectName(key);
    QString labelText = field.label.isEmpty() ? field.name : field.label;
    editor->setAccessibleName(labelText);
    if (!field.help.isEmpty()) {
        editor->setToolTip(field.help);
        editor->setAccessibleDescription(field.help);
    }
    auto *label = new QLabel(field.required ? tr("%1 *:").arg(labelText) : tr("%1:").arg(labelText), this);
    // Labels come from the connector's spec: plain text, whatever characters they hold.
    label->setTextFormat(Qt::PlainText);
    label->setBuddy(editor);
    form->addRow(label, editor);
    m_editors.insert(key, editor);
    return editor;
}

void CredentialsPage::alignLabels()
{
    QList<QWidget *> labels;
    for (QFormLayout *form : {m_credentialsForm, m_configForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
                labels.append(item->widget());
        }
    }
    int width = 0;
    for (QWidget *label : std::as_const(labels))
        width = std::max(width, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(width);
}

int CredentialsPage::nextId() const
{
    // An OAuth app's client id and secret cannot be tested before the user signs in.
    if (m_builtFor && m_builtFor->isOAuth())
        return NewConnectionWizard::SchedulePageId;
    return NewConnectionWizard::TestPageId;
}

QString CredentialsPage::text(const QString &key) const
{
    if (auto *line = qobject_cast<QLineEdit *>(m_editors.value(key)))
        return line->text().trimmed();
    return {};
}

bool CredentialsPage::isComplete() const
{
    if (!m_builtFor || m_name->text().trimmed().isEmpty())
        return false;
    for (const auto &field : m_builtFor->credentials) {
        if (field.required && text(u"credential:"_s + field.name).isEmpty())
            return false;
    }
    for (const auto &field : m_builtFor->config) {
        if (field.required
            && (field.kind == ConnectorFieldEntry::Kind::String || field.kind == ConnectorFieldEntry::Kind::StringList)
            && text(u"config:"_s + field.name).isEmpty())
            return false;
    }
    return true;
}

bool CredentialsPage::validatePage()
{
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    const ConnectorTypeEntry *type = m_builtFor;
    if (!type)
        return false;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_error->showMessage(tr("Give the connection a name."), m_name);
        return false;
    }
    QJsonObject credentials;
    for (const auto &field : type->credentials) {
        const QString key = u"credential:"_s + field.name;
        // Secrets are taken as typed apart from surrounding blanks (a pasted token often has a newline).
        const QString value = text(key);
        if (value.isEmpty()) {
            if (field.required) {
                m_error->showMessage(tr("\"%1\" is required.").arg(field.label), m_editors.value(key));
                return false;
            }
            continue;
        }
        credentials.insert(field.name, value);
    }
    QJsonObject config;
    for (const auto &field : type->config) {
        const QString key = u"config:"_s + field.name;
        QWidget *editor = m_editors.value(key);
        switch (field.kind) {
        case ConnectorFieldEntry::Kind::Boolean:
            if (auto *box = qobject_cast<QCheckBox *>(editor); box && box->isChecked())
                config.insert(field.name, true);
            break;
        case ConnectorFieldEntry::Kind::Integer:
            if (auto *spin = qobject_cast<QSpinBox *>(editor); spin && spin->value() != 0)
                config.insert(field.name, spin->value());
            break;
        case ConnectorFieldEntry::Kind::StringList: {
            const QStringList items = splitList(text(key));
            if (items.isEmpty()) {
                if (field.required) {
                    m_error->showMessage(tr("\"%1\" needs at least one value.").arg(field.label), editor);
                    return false;
                }
                break;
            }
            config.insert(field.name, QJsonArray::fromStringList(items));
            break;
        }
        case ConnectorFieldEntry::Kind::String: {
            const QString value = text(key);
            if (value.isEmpty()) {
                if (field.required) {
                    m_error->showMessage(tr("\"%1\" is required.").arg(field.label), editor);
                    return false;
                }
                break;
            }
            if (isUrlField(field.name)) {
                const QUrl url(value, QUrl::StrictMode);
                if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
                    m_error->showMessage(tr("\"%1\" must be an http:// or https:// address.").arg(field.label), editor);
                    return false;
                }
            }
            config.insert(field.name, value);
            break;
        }
        }
    }
    // The engine's own validation is the final word; its message names the field.
    if (auto ok = ConnectorCatalog::validate(type->type, credentials, config); !ok) {
        m_error->showMessage(ok.error().message, nullptr);
        return false;
    }
    m_error->hide();
    w->name = name;
    w->credentials = credentials;
    w->config = config;
    return true;
}

} // namespace Opbox
