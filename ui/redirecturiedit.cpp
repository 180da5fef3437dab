// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/redirecturiedit.h"
#include "models/oauthactions.h"

namespace Opbox {

RedirectUriEdit::RedirectUriEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setReadOnly(true);
    setAccessibleName(tr("Redirect URI"));
    setToolTip(tr("Register this address as the redirect URI of your OAuth app at the provider."));
}

void RedirectUriEdit::showFor(const QUrl &publicUrl, const QString &type)
{
    setText(type.isEmpty() || !publicUrl.isValid() ? QString() : OAuthActions::redirectUri(publicUrl, type).toString());
}

QString RedirectUriEdit::labelText()
{
    return tr("&Redirect URI:");
}

} // namespace Opbox
