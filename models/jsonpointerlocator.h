// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Opbox {

/**
 * Where the values of a JSON text are: the position of every JSON pointer in the text as written,
 * so that a problem reported at a pointer can be shown on the line a person typed it. An object
 * member is found at its key, an array element at its first character.
 */
class JsonPointerLocator
{
public:
    /** Reads `text` (well-formed JSON); a malformed text yields what was found before the fault. */
    explicit JsonPointerLocator(QString text);

    /**
     * The position of `pointer`, or of its longest prefix that exists (a missing key is shown where
     * its object is); 0 for the root.
     */
    [[nodiscard]] qsizetype position(const QString &pointer) const;
    /** The 1-based line and column of a position in the text. */
    [[nodiscard]] QPair<int, int> lineAndColumn(qsizetype position) const;

private:
    void value(const QString &pointer);
    [[nodiscard]] QString string();
    void skipSpace();

    QString m_text;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_positions;
};

} // namespace Opbox
