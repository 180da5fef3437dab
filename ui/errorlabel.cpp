// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/errorlabel.h"

namespace Opbox {

ErrorLabel::ErrorLabel(const QString &accessibleName, QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    // Errors often quote the provider: shown as they are, never interpreted as markup.
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleName(accessibleName);
    // The same red in every form, readable on light and dark palettes.
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xc2, 0x45, 0x5a));
    setPalette(p);
    hide();
}

void ErrorLabel::showMessage(const QString &message, QWidget *focus)
{
    setText(message);
    show();
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}

} // namespace Opbox
