#pragma once
// Page geometry to paragraphs, for the PDF importer: words (as poppler finds them, in its reading
// order) into lines, running headers, footers and page numbers out, lines into paragraphs.
// Pure functions on plain data, so that the rules can be tested without a PDF.

#include <string>
#include <vector>

namespace cc::import::detail {

/// One word on a page. Coordinates in points, y growing downwards, in the word's own reading frame
/// (for rotated text, the frame turned so that its lines run left to right; see rotation).
struct PdfWord {
    std::string text;         ///< UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double fontSize = 0;
    double firstGlyphWidth = 0;  ///< width of the first glyph (what must fit for a CJK line to go on)
    bool spaceAfter = false;  ///< the word is followed by a space on its line
    int rotation = 0;         ///< 0..3, quarter turns clockwise
};

/// One line of text.
struct PdfLine {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double fontSize = 0;
    int rotation = 0;
    double firstWordWidth = 0;  ///< the width of what would have had to fit at the end of the line above
    double textStart = 0;       ///< x where the text starts after a list marker (x0 without one)
    bool listMarker = false;    ///< the line starts with a bullet or a number such as "3." or "(b)"
    int tableRow = -1;          ///< in a table: the row (numbered per page), else -1
    int tableCell = -1;         ///< in a table: the cell of the row, left to right
};

/// The lines of one page in reading order.
struct PdfPage {
    int number = 0;  ///< 1-based
    double width = 0, height = 0;
    std::vector<PdfLine> lines;
};

/// A paragraph: where it starts and its lines as they stand.
struct PdfParagraph {
    int page = 0;
    std::vector<std::string> lines;
    bool bulleted = false;  ///< a list item whose first line starts with a bullet ("•") and a space
    /// A table row: for each line, whether it starts another cell of the row (cells are joined
    /// with " | ", the lines of one cell as wrapped text); empty for a paragraph.
    std::vector<bool> newCell;
};

/// Groups the words of a page (in poppler's order) into lines in reading order. poppler's own order
/// is kept inside a line; the page is read by recursive XY cuts: the widest horizontal or vertical
/// band of white space splits a region (top before bottom, left before right), so that columns
/// are read one after the other. A vertical cut needs white space at least an em wide with at least
/// four ems of text on either side (a bullet and its text are not two columns). A region that
/// splits into columns of which one is narrower than twelve ems, and into rows of white space
/// running across the columns, is a table: read row by row, each row's cells left to right.
std::vector<PdfLine> groupWordsIntoLines(const std::vector<PdfWord>& words);

/// Removes running headers and footers (a line near the top or bottom of the page that recurs, up to
/// its numbers, on most pages, or that begins or ends with a number going up with the pages), bare
/// page numbers ("7", "- 7 -", "Page 7 of 12", "第 7 页") and the lines of a table of contents
/// (dot leaders and a page number).
void dropHeadersAndFooters(std::vector<PdfPage>& pages);

/// Whether a line says nothing but a page number.
bool isPageNumber(const std::string& line);

/// Groups the lines of all pages into paragraphs: a paragraph ends at a larger gap than between its
/// lines, a change of font size, an indented first line, a list marker, a line that ends short of
/// the column although the next word would have fitted, or a move to another column or page that
/// does not carry a sentence on.
std::vector<PdfParagraph> buildParagraphs(const std::vector<PdfPage>& pages);

}  // namespace cc::import::detail
