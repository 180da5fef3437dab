// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/manifesteditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Opbox {

/** The margin beside the editor that shows its line numbers and problem marks. */
class ManifestLineNumbers : public QWidget
{
public:
    explicit ManifestLineNumbers(ManifestEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    [[nodiscard]] QSize sizeHint() const override { return {m_editor->lineNumberWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    ManifestEditor *m_editor;
};

namespace {

QColor problemColor()
{
    return QColor(0xc0, 0x1c, 0x28);
}

} // namespace

ManifestEditor::ManifestEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new ManifestLineNumbers(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tab moves on to the next control (no keyboard trap); Return keeps the indentation instead.
    setTabChangesFocus(true);
    setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 2);
    setAccessibleName(tr("Manifest"));
    setAccessibleDescription(tr("The connector manifest as JSON; lines with problems are marked"));
    connect(this, &QPlainTextEdit::blockCountChanged, this, &ManifestEditor::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &ManifestEditor::updateLineNumbers);
    updateMargins();
}

int ManifestEditor::lineNumberWidth() const
{
    const int digits = std::max(3, int(QString::number(std::max(1, blockCount())).size()));
    return 14 + fontMetrics().horizontalAdvance(u'9') * digits;
}

void ManifestEditor::updateMargins()
{
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
}

void ManifestEditor::updateLineNumbers(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
}

void ManifestEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberWidth(), r.height()));
}

void ManifestEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int height = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const bool problem = m_problems.contains(line);
            if (problem) {
                painter.fillRect(QRect(0, top, 4, height), problemColor());
                QFont bold = font();
                bold.setBold(true);
                painter.setFont(bold);
                painter.setPen(problemColor());
            } else {
                painter.setFont(font());
                painter.setPen(palette().color(QPalette::PlaceholderText));
            }
            painter.drawText(0, top, m_lineNumbers->width() - 6, height, Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top = bottom;
    }
}

void ManifestEditor::setProblemLines(const QMap<int, QString> &problems)
{
    m_problems = problems;
    updateMarks();
    m_lineNumbers->update();
}

void ManifestEditor::updateMarks()
{
    QList<QTextEdit::ExtraSelection> marks;
    QColor background = problemColor();
    background.setAlpha(36);
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection line;
        line.format.setBackground(background);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        marks.append(line);
        QTextEdit::ExtraSelection text;
        text.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        text.format.setUnderlineColor(problemColor());
        text.cursor = QTextCursor(block);
        text.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        marks.append(text);
    }
    setExtraSelections(marks);
}

void ManifestEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::clamp(column - 1, 0, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

void ManifestEditor::replaceText(const QString &text)
{
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    moveCursor(QTextCursor::Start);
}

void ManifestEditor::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        const QString line = textCursor().block().text();
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == u' ' || line.at(indent) == u'\t'))
            ++indent;
        textCursor().insertText(u'\n' + line.left(indent));
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool ManifestEditor::viewportEvent(QEvent *event)
{
    // The problem of a marked line as its tooltip, where the pointer rests.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = cursorForPosition(help->pos()).blockNumber() + 1;
        if (m_problems.contains(line)) {
            QToolTip::showText(help->globalPos(), m_problems.value(line), this);
            return true;
        }
        QToolTip::hideText();
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace Opbox
