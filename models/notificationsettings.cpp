// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/notificationsettings.h"
#include "engine/services/engine.h"
#include "engine/services/identityservice.h"
#include "models/ownersession.h"

using namespace Qt::StringLiterals;

namespace Opbox {

NotificationSettings::NotificationSettings(OwnerSession *session)
    : m_session(session)
{
}

bool NotificationSettings::onSuccess() const
{
    return m_session->engine()->identity()->preferences(m_session->userId()).onSuccess;
}

bool NotificationSettings::onFailure() const
{
    return m_session->engine()->identity()->preferences(m_session->userId()).onFailure;
}

Result<void> NotificationSettings::save(bool onSuccess, bool onFailure)
{
    auto saved = m_session->engine()->identity()->setNotificationPreferences(m_session->caller(),
                                                                             NotificationPreferencesChange{onSuccess, onFailure});
    if (!saved)
        return saved.error();
    return {};
}

} // namespace Opbox
