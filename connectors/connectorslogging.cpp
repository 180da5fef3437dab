// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorslogging.h"

Q_LOGGING_CATEGORY(lcConnectors, "opbox.connectors", QtInfoMsg)
