// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QUrl>

namespace Opbox {

/**
 * The read-only field that shows the OAuth redirect URI to register with the provider, in the one
 * spelling the app authorizes with (providers compare redirect URIs exactly).
 */
class RedirectUriEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit RedirectUriEdit(QWidget *parent = nullptr);

    /** Shows the callback of connector `type` under `publicUrl` (empty when either is unknown). */
    void showFor(const QUrl &publicUrl, const QString &type);
    /** The form label for this field (with its mnemonic). */
    [[nodiscard]] static QString labelText();
};

} // namespace Opbox
