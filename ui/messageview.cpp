// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/messageview.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace Opbox {

MessageView::MessageView(const QString &accessibleName, QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setAccessibleName(accessibleName);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Looks like the labels around it; a click or Tab reaches it to select and copy.
    viewport()->setAutoFillBackground(false);
    setFocusPolicy(Qt::StrongFocus);
    setTabChangesFocus(true);
    document()->setDocumentMargin(0);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageView::fitHeight);
}

void MessageView::setText(const QString &text)
{
    setPlainText(text);
    fitHeight();
}

QSize MessageView::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), height()};
}

QSize MessageView::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 10, height()};
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    fitHeight();
}

void MessageView::fitHeight()
{
    // A plain-text document counts its height in lines; every wrapped line is as tall as the font.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    const int wanted
        = lines * fontMetrics().lineSpacing() + 2 * frameWidth() + contentsMargins().top() + contentsMargins().bottom() + 2;
    if (wanted != height()) {
        setFixedHeight(wanted);
        updateGeometry();
    }
}

} // namespace Opbox
