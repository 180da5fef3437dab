// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/secretlineedit.h"
#include "models/iconlibrary.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace Opbox {

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    // A pasted token must not end up in an input method's learned words.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    auto *reveal = addAction(IconLibrary::action(u"reveal"_s), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show or hide the value"));
    connect(reveal, &QAction::toggled, this, [this](bool on) { setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
}

} // namespace Opbox
