// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Opbox {

/** The error line of a form, wizard page or dialog: wrapped, in the error colour, hidden until shown. */
class ErrorLabel : public QLabel
{
    Q_OBJECT
public:
    /** `accessibleName` says what the line reports ("Why the reset failed"), already translated. */
    ErrorLabel(const QString &accessibleName, QWidget *parent);
    /** Shows `message` and moves the focus to the field it is about (when given). */
    void showMessage(const QString &message, QWidget *focus = nullptr);
};

} // namespace Opbox
