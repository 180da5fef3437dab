// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Opbox {

/**
 * The application's SVG icons (`:/icons/…`, embedded by the executable): one per connector
 * category, per action and per status. SVG keeps them sharp at any device pixel ratio.
 */
class IconLibrary
{
public:
    /** The icon of a connector category ("CRM", "Project Management" …); a generic plug otherwise. */
    [[nodiscard]] static QIcon category(const QString &category);
    /** The icon of a connector type, by way of its category. */
    [[nodiscard]] static QIcon connectorType(const QString &type);
    /** An action icon by file stem: "run", "stop", "new-connection" … */
    [[nodiscard]] static QIcon action(const QString &name);
    /** CONNECTED / ERROR / DISCONNECTED. */
    [[nodiscard]] static QIcon connectionStatus(const QString &status);
    /** PENDING / RUNNING / COMPLETED / FAILED / CANCELLED. */
    [[nodiscard]] static QIcon runStatus(const QString &status);
    /** The application icon. */
    [[nodiscard]] static QIcon application();
    /** The resource path of a category's icon (for rich text). */
    [[nodiscard]] static QString categoryPath(const QString &category);
};

} // namespace Opbox
