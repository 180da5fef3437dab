// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/schedulepage.h"
#include "ui/newconnectionwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Opbox {

SchedulePage::SchedulePage(QWidget *parent)
    : QWizardPage(parent)
    , m_enabled(new QCheckBox(tr("Sync &automatically"), this))
    , m_frequencies(new QButtonGroup(this))
{
    setTitle(tr("Schedule"));
    setSubTitle(tr("Opbox Pipelines can sync this connection on a schedule. You can always sync by hand."));
    m_enabled->setAccessibleName(tr("Sync automatically"));
    m_enabled->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    const struct
    {
        const char *value;
        const char *text;
    } options[] = {
        {"hourly", QT_TR_NOOP("&Hourly")},
        {"daily", QT_TR_NOOP("&Daily")},
        {"weekly", QT_TR_NOOP("&Weekly")},
        {"monthly", QT_TR_NOOP("&Monthly")},
    };
    auto *indented = new QVBoxLayout;
    indented->setContentsMargins(24, 0, 0, 0);
    for (const auto &o : options) {
        auto *button = new QRadioButton(tr(o.text), this);
        button->setObjectName(QLatin1String(o.value));
        button->setAccessibleName(button->text().remove(u'&'));
        m_frequencies->addButton(button);
        indented->addWidget(button);
        if (qstrcmp(o.value, "daily") == 0)
            button->setChecked(true);
        connect(m_enabled, &QCheckBox::toggled, button, &QWidget::setEnabled);
    }
    layout->addLayout(indented);
    auto *hint = new QLabel(tr("A scheduled run starts when one period has passed since the last scheduled run. "
                               "Incremental streams only fetch what changed."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addSpacing(12);
    layout->addWidget(hint);
    layout->addStretch(1);
}

QRadioButton *SchedulePage::frequencyButton(const QString &frequency) const
{
    for (auto *b : m_frequencies->buttons()) {
        if (b->objectName() == frequency)
            return qobject_cast<QRadioButton *>(b);
    }
    return nullptr;
}

bool SchedulePage::validatePage()
{
    QAbstractButton *checked = m_frequencies->checkedButton();
    if (m_enabled->isChecked() && !checked)
        return false;
    auto *w = static_cast<NewConnectionWizard *>(wizard());
    w->schedule = ConnectionSchedule{m_enabled->isChecked(), checked ? checked->objectName() : u"daily"_s};
    return true;
}

} // namespace Opbox
