// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/enginelogging.h"

Q_LOGGING_CATEGORY(lcEngine, "opbox.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "opbox.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVault, "opbox.vault", QtInfoMsg)
