// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

namespace Opbox {

/** A line edit for a secret: masked, kept out of input-method predictions, with a show/hide toggle. */
class SecretLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit SecretLineEdit(QWidget *parent = nullptr);
};

} // namespace Opbox
