// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Opbox::Test {

/**
 * Opens an OAuth `authorizeUrl` the way a browser does and returns the provider's redirect after
 * consent without following it (the fakes' authorization servers consent at once), so that a test
 * can hand its `code` and `state` to the exchange or the callback. Empty when there was none
 * within 20 s.
 */
[[nodiscard]] QUrl consentRedirect(const QString &authorizeUrl);

} // namespace Opbox::Test
