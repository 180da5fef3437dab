// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QPlainTextEdit>

namespace Opbox {

/**
 * The Connector Builder's JSON editor: a fixed-width text with line numbers, the lines that have
 * problems marked (in the margin and underlined, the problem as the line's tooltip), and Return
 * keeping the indentation of the line it breaks.
 */
class ManifestEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ManifestEditor(QWidget *parent = nullptr);

    /** Marks these 1-based lines, each with what is wrong there; an empty map clears the marks. */
    void setProblemLines(const QMap<int, QString> &problems);
    [[nodiscard]] QList<int> problemLines() const { return m_problems.keys(); }
    /** Moves the cursor to a 1-based line and column and shows it. */
    void goTo(int line, int column);
    /** Replaces the whole text as one edit, so that Undo brings the previous text back. */
    void replaceText(const QString &text);
    [[nodiscard]] QWidget *lineNumberArea() const { return m_lineNumbers; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class ManifestLineNumbers;
    [[nodiscard]] int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent *event);
    void updateMargins();
    void updateLineNumbers(const QRect &rect, int dy);
    void updateMarks();

    QWidget *m_lineNumbers;
    QMap<int, QString> m_problems;
};

} // namespace Opbox
