// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/connectionsettingsform.h"
#include "ui/errorlabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

namespace {

QString labelOf(const ConnectorFieldEntry &field)
{
    return field.label.isEmpty() ? field.name : field.label;
}

bool isUrl(const ConnectorFieldEntry &field)
{
    return field.declaredKind == u"url"_s || field.name == u"baseUrl"_s || field.name == u"authBaseUrl"_s;
}

QStringList listOf(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            values.append(part.trimmed());
    }
    return values;
}

} // namespace

ConnectionSettingsForm::ConnectionSettingsForm(const ConnectorTypeEntry &type, const QJsonObject &stored, QWidget *parent)
    : QGroupBox(tr("Settings"), parent)
    , m_type(type)
    , m_stored(stored)
    , m_form(new QFormLayout)
    , m_error(new ErrorLabel(tr("Problem with the settings"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    // Room for a reason of three lines from the start: the dialog does not jump while the user types.
    m_error->setMinimumHeight(3 * fontMetrics().lineSpacing());
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_error->show();
    for (const ConnectorFieldEntry &field : type.config) {
        const QJsonValue current = stored.value(field.name);
        QWidget *editor = nullptr;
        switch (field.kind) {
        case ConnectorFieldEntry::Kind::Boolean: {
            auto *box = new QCheckBox(this);
            box->setChecked(current.toBool());
            connect(box, &QCheckBox::toggled, this, &ConnectionSettingsForm::validate);
            editor = box;
            break;
        }
        case ConnectorFieldEntry::Kind::Integer: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, 1000000);
            spin->setValue(current.toInt());
            connect(spin, &QSpinBox::valueChanged, this, &ConnectionSettingsForm::validate);
            editor = spin;
            break;
        }
        case ConnectorFieldEntry::Kind::String:
        case ConnectorFieldEntry::Kind::StringList: {
            auto *line = new QLineEdit(this);
            line->setClearButtonEnabled(true);
            if (current.isArray()) {
                QStringList items;
                for (const QJsonValue &v : current.toArray())
                    items.append(v.toString());
                line->setText(items.join(u", "_s));
            } else {
                line->setText(current.toString());
            }
            if (field.kind == ConnectorFieldEntry::Kind::StringList)
                line->setPlaceholderText(tr("Several values, separated by commas"));
            else if (isUrl(field))
                line->setPlaceholderText(tr("https://… (leave empty for the provider's own service)"));
            else if (!field.required)
                line->setPlaceholderText(tr("Optional"));
            connect(line, &QLineEdit::textChanged, this, &ConnectionSettingsForm::validate);
            editor = line;
            break;
        }
        }
        editor->setObjectName(u"config:"_s + field.name);
        editor->setAccessibleName(labelOf(field));
        if (!field.help.isEmpty())
            editor->setToolTip(field.help);
        // The connector's labels are shown as they are, never as markup.
        auto *label = new QLabel(field.required ? tr("%1 *:").arg(labelOf(field)) : tr("%1:").arg(labelOf(field)), this);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(editor);
        m_form->addRow(label, editor);
        m_editors.insert(field.name, editor);
    }
    validate();
}

QJsonValue ConnectionSettingsForm::value(const ConnectorFieldEntry &field) const
{
    QWidget *editor = m_editors.value(field.name);
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked();
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return spin->value();
    const QString text = qobject_cast<QLineEdit *>(editor)->text().trimmed();
    if (text.isEmpty())
        return QJsonValue::Null;
    if (field.kind == ConnectorFieldEntry::Kind::StringList)
        return QJsonArray::fromStringList(listOf(text));
    return text;
}

QString ConnectionSettingsForm::check(const ConnectorFieldEntry &field) const
{
    auto *line = qobject_cast<QLineEdit *>(m_editors.value(field.name));
    if (!line)
        return {};
    const QString text = line->text().trimmed();
    const QString label = labelOf(field);
    if (text.isEmpty())
        return field.required ? tr("\"%1\" is required.").arg(label) : QString();
    if (isUrl(field)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
            return tr("\"%1\" must be an http:// or https:// address.").arg(label);
    }
    if (!field.pattern.isEmpty()) {
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(field.pattern));
        const QStringList values = field.kind == ConnectorFieldEntry::Kind::StringList ? listOf(text) : QStringList{text};
        for (const QString &v : values) {
            if (!pattern.match(v).hasMatch())
                return tr("\"%1\": \"%2\" is not %3.")
                    .arg(label, v.left(64), field.patternHint.isEmpty() ? tr("in the expected form") : field.patternHint);
        }
    }
    return {};
}

void ConnectionSettingsForm::validate()
{
    QString problem;
    for (const ConnectorFieldEntry &field : m_type.config) {
        problem = check(field);
        if (!problem.isEmpty())
            break;
    }
    m_error->setText(problem);
    if (problem != m_problem) {
        m_problem = problem;
        Q_EMIT problemChanged(problem);
    }
}

QJsonObject ConnectionSettingsForm::changes() const
{
    QJsonObject out;
    for (const ConnectorFieldEntry &field : m_type.config) {
        const QJsonValue now = value(field);
        const QJsonValue before = m_stored.value(field.name);
        const bool wasEmpty = before.isUndefined() || before.isNull() || (before.isString() && before.toString().isEmpty());
        if (now.isNull() ? !wasEmpty : now != before)
            out.insert(field.name, now);
    }
    return out;
}

} // namespace Opbox
