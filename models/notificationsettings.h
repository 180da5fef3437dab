// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

namespace Opbox {

class OwnerSession;

/** The desktop owner's choice of which finished syncs notify them, read and saved through the engine. */
class NotificationSettings
{
public:
    explicit NotificationSettings(OwnerSession *session);

    [[nodiscard]] bool onSuccess() const;
    [[nodiscard]] bool onFailure() const;
    [[nodiscard]] Result<void> save(bool onSuccess, bool onFailure);

private:
    OwnerSession *m_session;
};

} // namespace Opbox
