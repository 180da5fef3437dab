// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/modelslogging.h"

Q_LOGGING_CATEGORY(lcModels, "opbox.models", QtInfoMsg)
