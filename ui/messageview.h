// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Opbox {

/**
 * A provider's or the engine's message shown in full: plain text, wrapped anywhere a long URL
 * needs it, as tall as its text, and selectable and copyable with the mouse and the keyboard.
 */
class MessageView : public QPlainTextEdit
{
    Q_OBJECT
public:
    MessageView(const QString &accessibleName, QWidget *parent);

    void setText(const QString &text);
    [[nodiscard]] QString text() const { return toPlainText(); }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
};

} // namespace Opbox
