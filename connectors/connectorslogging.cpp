// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectors/connectorslogging.h"

Q_LOGGING_CATEGORY(lcConnectors, "opbox.connectors", QtInfoMsg)
