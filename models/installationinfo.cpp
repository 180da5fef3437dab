// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/installationinfo.h"
#include "engine/services/engine.h"

namespace Opbox {

QString InstallationInfo::dataDir(const Engine *engine)
{
    return engine->dataDir();
}

QString InstallationInfo::keyStoreDescription(const Engine *engine)
{
    return engine->keyStoreDescription();
}

} // namespace Opbox
