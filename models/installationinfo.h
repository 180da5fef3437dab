// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Opbox {

class Engine;

/** Where this installation keeps its data and its master key, for the About box, Settings and status bar. */
class InstallationInfo
{
public:
    [[nodiscard]] static QString dataDir(const Engine *engine);
    /** "system keychain", "file …/master.key" …, translated; "locked" before the vault is open. */
    [[nodiscard]] static QString keyStoreDescription(const Engine *engine);
};

} // namespace Opbox
