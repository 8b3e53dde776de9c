// The summary as an A4 PDF (Cairo + Pango): a title page, then the eight sections flowing across
// pages with a cursor. Everything is laid out first into per-page lists of drawing operations, so
// the page count is known when the pages are drawn ("Page N of M"). The canvas picture and the
// charts are cairo paths; text is Pango (Noto Sans CJK SC), fonts embedded by cairo. All text is
// cleaned on its way into a layout (cairo refuses noncharacters and bad UTF-8 for the whole PDF),
// and each drawing step knows which note it draws, so a step that still fails names it.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "storage/output_file.h"
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"
#include "storage/text_escape.h"

namespace cc::summary {

namespace {

constexpr double kPageW = 595, kPageH = 842, kMargin = 56, kTop = 56, kBottom = kPageH - 64;
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr std::size_t kMaxListItems = 150, kMaxQuestions = 40, kMaxAppendixRows = 400, kMaxEvidencePerInsight = 12;
constexpr const char* kFont = "Noto Sans CJK SC";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kText{0.13, 0.13, 0.13}, kGrey{0.42, 0.42, 0.42}, kGreen{0.10, 0.50, 0.22}, kRed{0.78, 0.16, 0.16},
    kBlue{0.08, 0.40, 0.75}, kRule{0.80, 0.80, 0.80};

Rgb rgb(std::uint32_t c) {
    return {((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0};
}
void setColour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

using LayoutPtr = std::shared_ptr<PangoLayout>;
using Op = std::function<void(cairo_t*)>;

/// A drawing step and what it draws ("note n-…"; empty for the report's own text).
struct Step {
    Op draw;
    std::string what;
};

class Pdf {
public:
    Pdf(const MonthlySummary& s, const std::string& path, Lang lang)
        : s(s), lang(lang), L(labels(lang)), m_path(path), m_file(openOutput(path)) {
        // Cairo writes through the OutputFile, not to a path of its own.
        m_surface = cairo_pdf_surface_create_for_stream(&Pdf::writeBytes, this, kPageW, kPageH);
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS) {
            const std::string why = cairo_status_to_string(cairo_surface_status(m_surface));
            cairo_surface_destroy(m_surface);
            throw SummaryError(message(CC_TEMPLATE("{1}: cannot be written ({2})"), {path, why}));
        }
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE,
                                       documentText(L.title + L.colon + s.boardTitle + " " + s.month.str()).c_str());
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Customer Canvas");
        m_cr = cairo_create(m_surface);
        m_ctx = pango_cairo_create_context(m_cr);
        pango_cairo_context_set_resolution(m_ctx, 72);
        for (int i = 0; i < 2; ++i) {
            m_fonts[i] = pango_font_description_from_string(kFont);
            pango_font_description_set_weight(m_fonts[i], i ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        }
    }
    ~Pdf() {
        m_pages.clear();
        for (auto* f : m_fonts) pango_font_description_free(f);
        g_object_unref(m_ctx);
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }

    const MonthlySummary& s;
    Lang lang;
    const Labels& L;

    // ---- layout primitives -------------------------------------------------------------
    LayoutPtr layout(const std::string& text, double size, bool bold, double width, int maxLines = 0) {
        PangoLayout* l = pango_layout_new(m_ctx);
        pango_font_description_set_absolute_size(m_fonts[bold], size * PANGO_SCALE);
        pango_layout_set_font_description(l, m_fonts[bold]);
        if (width > 0) {
            pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        }
        if (maxLines > 0) {
            pango_layout_set_height(l, -maxLines);
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        }
        const std::string clean = documentText(text);
        pango_layout_set_text(l, clean.data(), static_cast<int>(clean.size()));
        return LayoutPtr(l, g_object_unref);
    }
    static double height(const LayoutPtr& l) {
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return h / static_cast<double>(PANGO_SCALE);
    }
    static double widthOf(const LayoutPtr& l) {
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return w / static_cast<double>(PANGO_SCALE);
    }
    void add(Op op) { m_pages.back().push_back({std::move(op), m_what}); }

    /// While alive, the steps added draw `what` (a note, a link): a failure names it.
    class Drawing {
    public:
        Drawing(Pdf& pdf, std::string what) : m_pdf(pdf), m_saved(std::move(pdf.m_what)) { pdf.m_what = std::move(what); }
        ~Drawing() { m_pdf.m_what = std::move(m_saved); }
        Drawing(const Drawing&) = delete;
        Drawing& operator=(const Drawing&) = delete;

    private:
        Pdf& m_pdf;
        std::string m_saved;
    };
    static std::string noteName(const CitedNote& n) { return message(CC_TEMPLATE("note {1}"), {n.id}); }
    void text(const LayoutPtr& l, double x, double y, Rgb c) {
        add([l, x, y, c](cairo_t* cr) {
            setColour(cr, c);
            cairo_move_to(cr, x, y);
            pango_cairo_show_layout(cr, l.get());
        });
    }
    void newPage() {
        m_pages.emplace_back();
        y = kTop;
    }
    void ensure(double h) {
        if (y + h > kBottom && y > kTop) newPage();
    }
    void para(const std::string& t, double size = 10.5, bool bold = false, Rgb c = kText, double indent = 0, double after = 4) {
        auto l = layout(t, size, bold, kContentW - indent);
        const double h = height(l);
        ensure(h);
        text(l, kMargin + indent, y, c);
        y += h + after;
    }
    void heading(const std::string& t, bool pageBreak = true) {
        if (pageBreak) newPage();
        auto l = layout(t, 18, true, kContentW);
        const double h = height(l);
        ensure(h + 80);
        text(l, kMargin, y, kBlue);
        y += h + 3;
        const double ry = y;
        add([ry](cairo_t* cr) {
            setColour(cr, kBlue);
            cairo_set_line_width(cr, 1.2);
            cairo_move_to(cr, kMargin, ry);
            cairo_line_to(cr, kPageW - kMargin, ry);
            cairo_stroke(cr);
        });
        y += 12;
    }
    void subheading(const std::string& t) {
        auto l = layout(t, 13, true, kContentW);
        const double h = height(l);
        ensure(h + 40);
        y += 6;
        text(l, kMargin, y, kText);
        y += h + 5;
    }

    /// A table with wrapping cells; the header repeats on every page the table spans.
    void table(const std::vector<std::string>& header, const std::vector<double>& widths,
               const std::vector<std::vector<std::string>>& rows, const std::vector<std::string>& rowNames, double size = 8.5) {
        const double pad = 3;
        auto rowLayouts = [&](const std::vector<std::string>& cells, bool bold) {
            std::vector<LayoutPtr> ls;
            double h = 0;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                ls.push_back(layout(truncateUtf8(cells[i], 300), size, bold, widths[i] - 2 * pad));
                h = std::max(h, height(ls.back()));
            }
            return std::make_pair(ls, h + 2 * pad);
        };
        auto drawRow = [&](const std::pair<std::vector<LayoutPtr>, double>& r, bool isHeader) {
            const double rowY = y, rh = r.second;
            std::vector<double> ws = widths;
            add([rowY, rh, ws, isHeader](cairo_t* cr) {
                double x = kMargin;
                for (double w : ws) {
                    cairo_rectangle(cr, x, rowY, w, rh);
                    if (isHeader) {
                        cairo_set_source_rgb(cr, 0.93, 0.94, 0.96);
                        cairo_fill_preserve(cr);
                    }
                    setColour(cr, kRule);
                    cairo_set_line_width(cr, 0.5);
                    cairo_stroke(cr);
                    x += w;
                }
            });
            double x = kMargin;
            for (std::size_t i = 0; i < r.first.size(); ++i) {
                text(r.first[i], x + pad, rowY + pad, kText);
                x += widths[i];
            }
            y += rh;
        };
        const auto head = rowLayouts(header, true);
        ensure(head.second + 30);
        drawRow(head, true);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Drawing drawing(*this, rowNames[i]);
            const auto r = rowLayouts(rows[i], false);
            if (y + r.second > kBottom) {
                newPage();
                drawRow(head, true);
            }
            drawRow(r, false);
        }
        y += 10;
    }

    /// A horizontal bar chart: label, bar, count.
    void bars(const std::vector<std::tuple<std::string, int, std::uint32_t>>& rows) {
        int maxV = 1;
        for (const auto& r : rows) maxV = std::max(maxV, std::get<1>(r));
        const double rowH = 17, labelW = 170, barW = kContentW - labelW - 40;
        for (const auto& [label, v, colour] : rows) {
            ensure(rowH);
            auto l = layout(label, 9, false, labelW - 8, 1);
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
            text(l, kMargin, y + (rowH - height(l)) / 2, kText);
            const double w = barW * v / maxV, by = y;
            const Rgb c = rgb(colour);
            add([w, by, c, rowH, labelW](cairo_t* cr) {
                cairo_rectangle(cr, kMargin + labelW, by + 3, std::max(w, 0.0), rowH - 6);
                setColour(cr, c);
                cairo_fill_preserve(cr);
                cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
                cairo_set_line_width(cr, 0.4);
                cairo_stroke(cr);
            });
            auto n = layout(std::to_string(v), 9, true, 0);
            text(n, kMargin + labelW + w + 5, y + (rowH - height(n)) / 2, kText);
            y += rowH;
        }
        y += 8;
    }

    // ---- sections ---------------------------------------------------------------------
    void titlePage() {
        newPage();
        y = 250;
        auto t = layout(s.boardTitle, 30, true, kContentW);
        {
            const Drawing drawing(*this, message(CC_TEMPLATE("the board title")));
            text(t, kMargin, y, kText);
        }
        y += height(t) + 12;
        auto sub = layout(L.title, 18, false, kContentW);
        text(sub, kMargin, y, kBlue);
        y += height(sub) + 30;
        auto m = layout(L.month + L.colon + s.month.str(), 16, true, kContentW);
        text(m, kMargin, y, kText);
        y += height(m) + 8;
        auto g = layout(L.generated + L.colon + s.generated, 11, false, kContentW);
        text(g, kMargin, y, kGrey);
        const double ry = 240;
        add([ry](cairo_t* cr) {
            setColour(cr, kBlue);
            cairo_rectangle(cr, kMargin, ry - 40, 60, 6);
            cairo_fill(cr);
        });
    }

    void figures() {
        heading(L.sections[0]);
        const std::pair<const std::string*, const Figure*> figs[] = {
            {&L.notesOnWall, &s.notesOnWall}, {&L.newNotes, &s.newNotes}, {&L.changedNotes, &s.changedNotes},
            {&L.sourceKindsUsed, &s.sourceKindsUsed}, {&L.corroboratedInsights, &s.corroborated},
            {&L.openContradictions, &s.openContradictions}};
        const double gap = 12, boxW = (kContentW - 2 * gap) / 3, boxH = 100;
        for (int i = 0; i < 6; ++i) {
            const double bx = kMargin + (i % 3) * (boxW + gap), by = y + (i / 3) * (boxH + gap);
            add([bx, by, boxW, boxH](cairo_t* cr) {
                cairo_set_source_rgb(cr, 0.97, 0.97, 0.98);
                cairo_rectangle(cr, bx, by, boxW, boxH);
                cairo_fill_preserve(cr);
                setColour(cr, kRule);
                cairo_set_line_width(cr, 0.8);
                cairo_stroke(cr);
            });
            const Figure& f = *figs[i].second;
            auto v = layout(std::to_string(f.value), 30, true, boxW - 20);
            text(v, bx + 10, by + 8, kText);
            auto lbl = layout(*figs[i].first, 10, false, boxW - 20, 2);
            text(lbl, bx + 10, by + 52, kGrey);
            const int c = f.change();
            auto ch = layout(signedChange(c) + " " + L.vsLastMonth + L.parenOpen + std::to_string(f.previous) + L.parenClose, 10, true, boxW - 20, 1);
            text(ch, bx + 10, by + 78, c > 0 ? kGreen : c < 0 ? kRed : kGrey);
        }
        y += 2 * boxH + gap + 16;
    }

    void picture() {
        heading(L.sections[1]);
        double x0 = -s.wallWidth / 2, y0 = -s.wallHeight / 2, x1 = s.wallWidth / 2, y1 = s.wallHeight / 2;
        for (const auto& p : s.picture) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
            x1 = std::max(x1, p.x + p.w), y1 = std::max(y1, p.y + p.h);
        }
        if (x1 - x0 < 1) x0 = -500, x1 = 500;
        if (y1 - y0 < 1) y0 = -350, y1 = 350;
        double k = kContentW / (x1 - x0);
        k = std::min(k, 520 / (y1 - y0));
        const double W = (x1 - x0) * k, H = (y1 - y0) * k;
        const double ox = kMargin + (kContentW - W) / 2, oy = y;
        const double hw = s.wallWidth / 2, hh = s.wallHeight / 2;
        const MonthlySummary* sp = &s;
        add([=](cairo_t* cr) {
            cairo_set_source_rgb(cr, 0.98, 0.98, 0.98);
            cairo_rectangle(cr, ox, oy, W, H);
            cairo_fill(cr);
            cairo_set_line_width(cr, 0.8);
            setColour(cr, kRule);
            for (int q = 1; q <= 4; ++q) {
                const double qx = (q == 2 || q == 4) ? 0 : -hw, qy = (q == 3 || q == 4) ? 0 : -hh;
                cairo_rectangle(cr, ox + (qx - x0) * k, oy + (qy - y0) * k, hw * k, hh * k);
            }
            cairo_stroke(cr);
            const bool tiny = sp->picture.size() > 400;
            for (const auto& p : sp->picture) {
                const double px = ox + (p.x - x0) * k, py = oy + (p.y - y0) * k;
                const double pw = std::max(p.w * k, 0.8), ph = std::max(p.h * k, 0.8);
                cairo_rectangle(cr, px, py, pw, ph);
                setColour(cr, rgb(p.colour));
                if (p.newInMonth || !tiny) {
                    cairo_fill_preserve(cr);
                    if (p.newInMonth) {
                        setColour(cr, kBlue);
                        cairo_set_line_width(cr, tiny ? 0.5 : 1.6);
                    } else {
                        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
                        cairo_set_line_width(cr, 0.3);
                    }
                    cairo_stroke(cr);
                } else {
                    cairo_fill(cr);
                }
                if (!tiny && (p.contested || p.corroborated)) {
                    setColour(cr, p.contested ? kRed : kGreen);
                    cairo_arc(cr, px + pw - 2.5, py + 2.5, 1.8, 0, 6.2832);
                    cairo_fill(cr);
                }
            }
        });
        // Quadrant titles, and the note titles when notes are big enough to carry them.
        for (int q = 1; q <= 4; ++q) {
            const double qx = (q == 2 || q == 4) ? 0 : -hw, qy = (q == 3 || q == 4) ? 0 : -hh;
            const Drawing drawing(*this, message(CC_TEMPLATE("the title of quadrant {1}"), {std::to_string(q)}));
            auto l = layout(quadrantLabel(s, q, lang), 10, true, hw * k - 8, 1);
            text(l, ox + (qx - x0) * k + 4, oy + (qy - y0) * k + 3, kText);
        }
        if (s.picture.size() <= 400) {
            for (const auto& p : s.picture) {
                const double pw = p.w * k, ph = p.h * k;
                if (pw < 30 || ph < 10) continue;
                const Drawing drawing(*this, message(CC_TEMPLATE("the note “{1}”"), {documentText(truncateUtf8(p.title, 40))}));
                auto l = layout(p.title, std::min(6.0, ph / 2.2), false, pw - 3, std::max(1, static_cast<int>(ph / 8)));
                text(l, ox + (p.x - x0) * k + 1.5, oy + (p.y - y0) * k + 1.5, kText);
            }
        }
        y += H + 10;
        // Legend.
        std::vector<std::pair<std::string, std::uint32_t>> items;
        for (const auto& [key, c] : s.bySource)
            if (c > 0) items.emplace_back(sourceName(key, lang), sourceColour(key));
        double lx = kMargin;
        auto legendItem = [&](const std::string& label, const std::function<void(cairo_t*, double, double)>& swatch) {
            auto l = layout(label, 8.5, false, 0);
            const double w = 14 + widthOf(l) + 12;
            if (lx + w > kPageW - kMargin) {
                lx = kMargin;
                y += 14;
            }
            ensure(14);
            const double sx = lx, sy = y;
            add([swatch, sx, sy](cairo_t* cr) { swatch(cr, sx, sy + 2); });
            text(l, lx + 14, y, kText);
            lx += w;
        };
        legendItem(L.legendNew, [](cairo_t* cr, double x, double yy) {
            cairo_rectangle(cr, x, yy, 9, 9);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
            setColour(cr, kBlue);
            cairo_set_line_width(cr, 1.6);
            cairo_stroke(cr);
        });
        legendItem(L.corroborated, [](cairo_t* cr, double x, double yy) {
            setColour(cr, kGreen);
            cairo_arc(cr, x + 4.5, yy + 4.5, 3.5, 0, 6.2832);
            cairo_fill(cr);
        });
        legendItem(L.contested, [](cairo_t* cr, double x, double yy) {
            setColour(cr, kRed);
            cairo_arc(cr, x + 4.5, yy + 4.5, 3.5, 0, 6.2832);
            cairo_fill(cr);
        });
        for (const auto& [name, colour] : items) {
            const Rgb c = rgb(colour);
            legendItem(name, [c](cairo_t* cr, double x, double yy) {
                cairo_rectangle(cr, x, yy, 9, 9);
                setColour(cr, c);
                cairo_fill_preserve(cr);
                cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
                cairo_set_line_width(cr, 0.4);
                cairo_stroke(cr);
            });
        }
        y += 20;
    }

    std::string evidence(const CitedNote& n) {
        return L.source + L.colon + sourceName(n, lang) + " \u00B7 " + L.date + L.colon + (n.date.empty() ? "\u2014" : n.date) +
               " \u00B7 " + L.provenance + L.colon + provenanceLine(n);
    }
    std::string marks(const CitedNote& n) {
        std::string m;
        if (n.newInMonth) m += "  [" + L.legendNew + "]";
        if (n.corroborated) m += "  [" + L.corroborated + "]";
        if (n.contested) m += "  [" + L.contested + "]";
        return m;
    }

    static std::string insightName(const CitedInsight& i) { return message(CC_TEMPLATE("insight {1}"), {i.id}); }
    static Rgb gradeColour(const std::string& grade) { return grade == "strong" ? kGreen : grade == "moderate" ? Rgb{0.72, 0.50, 0.05} : kGrey; }

    /// Section 3: per quadrant (then those in no quadrant yet) the insights, strongest first,
    /// each with its strength in words and its evidence notes.
    void insights() {
        heading(L.sections[2]);
        for (int q : {1, 2, 3, 4, 0}) {
            const auto& v = s.insights[static_cast<std::size_t>(q)];
            if (q == 0 && v.empty()) continue;
            ensure(v.empty() ? 50 : 130);  // the heading with its first insight, not alone at a page's foot
            subheading(insightGroupTitle(s, q, lang));
            if (v.empty()) para(L.noInsights, 10, false, kGrey);
            int i = 0;
            for (const auto& in : v) {
                if (static_cast<std::size_t>(i) == kMaxListItems) {
                    para(moreLabel(lang, v.size() - kMaxListItems), 9.5, false, kGrey);
                    break;
                }
                const Drawing drawing(*this, insightName(in));
                ensure(70);
                para(std::to_string(++i) + ". " + truncateUtf8(in.title, 200) + (in.newInMonth ? "  [" + L.legendNew + "]" : ""), 11.5, true, kText, 0, 1);
                para(L.strength + L.colon + strengthLine(in, lang) + L.clauseSep + stateName(in.state, lang) + L.clauseSep + L.votes + L.colon +
                         std::to_string(in.votes),
                     9.5, true, gradeColour(in.grade), 14, 1);
                para(reasonsLine(in, lang), 8.5, false, kGrey, 14, 2);
                if (!in.statement.empty()) para(truncateUtf8(in.statement, 600), 9.5, false, kText, 14, 3);
                para(L.evidenceNotes + L.colon + (in.evidence.empty() ? L.noEvidence : ""), 9, true, kText, 14, 1);
                std::size_t shown = 0;
                for (const auto& n : in.evidence) {
                    if (shown == kMaxEvidencePerInsight) {
                        para(moreLabel(lang, in.evidence.size() - shown), 8.5, false, kGrey, 24, 1);
                        break;
                    }
                    ++shown;
                    const Drawing noteDrawing(*this, noteName(n));
                    para("\u2022 " + noteHeadline(n, 200) + marks(n), 9, false, kText, 24, 0);
                    para(evidence(n), 8, false, kGrey, 32, 2);
                }
                y += 8;
            }
        }
    }

    /// Section 8: the strongest single notes per quadrant that no insight cites.
    void singleNotes() {
        heading(L.sections[7]);
        para(L.singleNotesIntro, 10, false, kGrey, 0, 6);
        for (int q = 1; q <= 4; ++q) {
            subheading(quadrantLabel(s, q, lang));
            const auto& v = s.strongest[static_cast<std::size_t>(q - 1)];
            if (v.empty()) para(L.noNotes, 10, false, kGrey);
            int i = 0;
            for (const auto& n : v) {
                const Drawing drawing(*this, noteName(n));
                para(std::to_string(++i) + ". " + noteHeadline(n, 200) + marks(n) + " " + L.parenOpen + L.votes + L.colon + std::to_string(n.votes) + L.parenClose,
                     10.5, true, kText, 0, 2);
                if (!n.title.empty() && !n.text.empty() && n.text != n.title) para(truncateUtf8(n.text, 500), 9.5, false, kText, 14, 2);
                para(evidence(n), 8.5, false, kGrey, 14, 2);
                if (!n.provenanceExcerpt.empty()) para("\u201C" + truncateUtf8(n.provenanceExcerpt, 300) + "\u201D", 8.5, false, kGrey, 14, 2);
                y += 6;
            }
        }
    }

    void questions() {
        heading(L.sections[3]);
        if (s.questions.empty()) para(L.noQuestions, 10.5, false, kGrey);
        int i = 0;
        for (const auto& q : s.questions) {
            if (static_cast<std::size_t>(i) == kMaxQuestions) {
                para(moreLabel(lang, s.questions.size() - kMaxQuestions), 9.5, false, kGrey);
                break;
            }
            {
                const Drawing drawing(*this, message(CC_TEMPLATE("link {1}"), {q.linkId}));
                subheading(L.question + " " + std::to_string(++i) + (q.label.empty() ? "" : L.colon + q.label));
            }
            for (const auto& [side, n] : {std::pair{&L.sideA, &q.a}, std::pair{&L.sideB, &q.b}}) {
                const Drawing drawing(*this, noteName(*n));
                para(*side + L.colon + noteHeadline(*n, 300), 10.5, false, kText, 0, 1);
                para(evidence(*n), 8.5, false, kGrey, 14, 4);
            }
            para(L.suggestedResearch + L.colon + joinSources(q.suggestedSources, lang), 10, true, kBlue, 0, 8);
        }
    }

    void coverage() {
        heading(L.sections[4]);
        subheading(L.bySource);
        std::vector<std::tuple<std::string, int, std::uint32_t>> rows;
        for (const auto& [key, c] : s.bySource) rows.emplace_back(sourceName(key, lang), c, sourceColour(key));
        bars(rows);
        subheading(L.dataKind);
        bars({{L.quantitative, s.quantitative, 0x5C8DD6}, {L.qualitative, s.qualitative, 0xE0A040}});
        subheading(L.channel);
        bars({{L.direct, s.direct, 0x4CAF50}, {L.indirect, s.indirect, 0x9E9E9E}, {L.internal, s.internal, 0x8E7CC3},
              {L.either, s.eitherChannel, 0xCFCFCF}});
        subheading(L.byQuadrant);
        std::vector<std::tuple<std::string, int, std::uint32_t>> qs;
        for (int q = 1; q <= 4; ++q) qs.emplace_back(quadrantLabel(s, q, lang), s.notesByQuadrant[static_cast<std::size_t>(q - 1)], 0x90A4AE);
        bars(qs);
        para(L.unusedThisMonth + L.colon + joinSources(s.unusedThisMonth, lang), 10);
        para(L.unusedThreeMonths + L.colon + joinSources(s.unusedThreeMonths, lang), 10);
        para(L.thinQuadrants + L.colon + joinQuadrants(s, s.thinQuadrants, lang), 10);
        para(L.oneSidedQuadrants + L.colon + joinQuadrants(s, s.oneSidedQuadrants, lang), 10);
    }

    void changes() {
        heading(L.sections[5]);
        const auto& ch = s.changes;
        if (ch.added.empty() && ch.archived.empty() && ch.deleted.empty() && ch.moved.empty() && ch.linksAdded.empty() && ch.linksRemoved.empty())
            para(L.nothingChanged, 10.5, false, kGrey);
        auto list = [&](const std::string& title, const std::vector<CitedNote>& v) {
            if (v.empty()) return;
            subheading(title + L.parenOpen + std::to_string(v.size()) + L.parenClose);
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i == kMaxListItems) {
                    para(moreLabel(lang, v.size() - i), 9.5, false, kGrey, 8, 1);
                    break;
                }
                const auto& n = v[i];
                const Drawing drawing(*this, noteName(n));
                para("\u2022 " + noteHeadline(n, 160) + " \u2014 " + quadrantLabel(s, n.quadrant, lang), 9.5, false, kText, 8, 1);
            }
        };
        list(L.added, ch.added);
        list(L.archived, ch.archived);
        list(L.deleted, ch.deleted);
        if (!ch.moved.empty()) {
            subheading(L.moved + L.parenOpen + std::to_string(ch.moved.size()) + L.parenClose);
            for (std::size_t i = 0; i < ch.moved.size(); ++i) {
                if (i == kMaxListItems) {
                    para(moreLabel(lang, ch.moved.size() - i), 9.5, false, kGrey, 8, 1);
                    break;
                }
                const auto& m = ch.moved[i];
                const Drawing drawing(*this, noteName(m.note));
                para("\u2022 " + noteHeadline(m.note, 160) + L.colon + quadrantLabel(s, m.from, lang) + " \u2192 " + quadrantLabel(s, m.to, lang),
                     9.5, false, kText, 8, 1);
            }
        }
        auto links = [&](const std::string& title, const std::vector<MonthChanges::LinkChange>& v) {
            if (v.empty()) return;
            subheading(title + L.parenOpen + std::to_string(v.size()) + L.parenClose);
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i == kMaxListItems) {
                    para(moreLabel(lang, v.size() - i), 9.5, false, kGrey, 8, 1);
                    break;
                }
                const auto& l = v[i];
                const Drawing drawing(*this, "link " + l.id);
                para("\u2022 " + truncateUtf8(l.fromTitle, 80) + " \u2192 " + truncateUtf8(l.toTitle, 80) + L.parenOpen + linkKindName(l.kind, lang) +
                         (l.label.empty() ? "" : L.colon + l.label) + L.parenClose,
                     9.5, false, kText, 8, 1);
            }
        };
        links(L.linksAdded, ch.linksAdded);
        links(L.linksRemoved, ch.linksRemoved);
    }

    void appendix() {
        heading(L.sections[6]);
        if (s.appendix.empty()) {
            para(L.noAppendix, 10.5, false, kGrey);
            return;
        }
        // quadrant, title/text, source name, date, author, new/changed, provenance
        std::vector<std::vector<std::string>> rows;
        std::vector<std::string> names;
        rows.reserve(s.appendix.size());
        for (const auto& n : s.appendix) {
            if (rows.size() == kMaxAppendixRows) break;
            std::string note = n.title.empty() ? n.text : n.title + (n.text.empty() ? "" : "\n" + n.text);
            std::string prov = provenanceLine(n);
            if (!n.provenanceExcerpt.empty()) prov += "\n\u201C" + truncateUtf8(n.provenanceExcerpt, 120) + "\u201D";
            rows.push_back({quadrantLabel(s, n.quadrant, lang), truncateUtf8(note, 300), sourceName(n, lang), n.date, n.author,
                            n.newInMonth ? L.isNew : L.isChanged, prov});
            names.push_back(noteName(n));
        }
        table({L.columns[1], L.columns[3], L.columns[5], L.columns[6], L.columns[7], L.columns[10], L.columns[13]},
              {62, 150, 60, 52, 45, 36, 78}, rows, names, 7.5);
        if (s.appendix.size() > rows.size()) para(moreLabel(lang, s.appendix.size() - rows.size()), 9.5, false, kGrey);
    }

    void emptyMonth() {
        newPage();
        y = kTop + 40;
        para(L.noData, 20, true, kText, 0, 12);
        para(L.noDataDetail, 11, false, kGrey);
    }

    // ---- output ------------------------------------------------------------------------
    /// Throws when drawing `what` has put cairo in an error state (which sticks: the first failure
    /// is the one to name).
    void failed(const std::string& what) {
        const cairo_status_t st = cairo_status(m_cr);
        if (st == CAIRO_STATUS_SUCCESS) return;
        throw SummaryError(what.empty() ? message(CC_TEMPLATE("{1}: cannot be written ({2})"), {m_path, cairo_status_to_string(st)})
                                        : message(CC_TEMPLATE("{1}: {2} cannot be drawn ({3})"), {m_path, what, cairo_status_to_string(st)}));
    }
    void finish() {
        const int total = static_cast<int>(m_pages.size());
        for (int i = 0; i < total; ++i) {
            for (const Step& step : m_pages[static_cast<std::size_t>(i)]) {
                step.draw(m_cr);
                failed(step.what);
            }
            auto f = layout(pageLabel(lang, i + 1, total), 8.5, false, kContentW);
            pango_layout_set_alignment(f.get(), PANGO_ALIGN_CENTER);
            setColour(m_cr, kGrey);
            cairo_move_to(m_cr, kMargin, kPageH - 38);
            pango_cairo_show_layout(m_cr, f.get());
            if (i > 0) {
                auto hd = layout(s.boardTitle + " \u00B7 " + s.month.str(), 8, false, kContentW, 1);
                cairo_move_to(m_cr, kMargin, 28);
                pango_cairo_show_layout(m_cr, hd.get());
                failed(message(CC_TEMPLATE("the board title")));
            }
            cairo_show_page(m_cr);
            m_pages[static_cast<std::size_t>(i)].clear();
        }
        cairo_surface_finish(m_surface);
        if (!m_writeError.empty()) throw SummaryError(m_writeError);
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS || cairo_status(m_cr) != CAIRO_STATUS_SUCCESS) {
            const cairo_status_t st = cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS ? cairo_surface_status(m_surface) : cairo_status(m_cr);
            throw SummaryError(message(CC_TEMPLATE("{1}: cannot be written ({2})"), {m_path, cairo_status_to_string(st)}));
        }
        try {
            m_file->commit();
        } catch (const OutputFileError& e) {
            throw SummaryError(e.what());
        }
    }

    double y = kTop;

private:
    static std::unique_ptr<OutputFile> openOutput(const std::string& path) {
        try {
            return std::make_unique<OutputFile>(path);
        } catch (const OutputFileError& e) {
            throw SummaryError(e.what());
        }
    }
    static cairo_status_t writeBytes(void* self, const unsigned char* data, unsigned int length) {
        Pdf& pdf = *static_cast<Pdf*>(self);
        if (!pdf.m_writeError.empty()) return CAIRO_STATUS_WRITE_ERROR;
        try {
            pdf.m_file->write(std::string_view(reinterpret_cast<const char*>(data), length));
        } catch (const OutputFileError& e) {
            pdf.m_writeError = e.what();  // cairo only knows "error while writing to output stream"
            return CAIRO_STATUS_WRITE_ERROR;
        }
        return CAIRO_STATUS_SUCCESS;
    }

    std::string m_path;
    std::unique_ptr<OutputFile> m_file;
    std::string m_writeError;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
    PangoContext* m_ctx = nullptr;
    PangoFontDescription* m_fonts[2] = {nullptr, nullptr};
    std::vector<std::vector<Step>> m_pages;
    std::string m_what;  ///< what the steps being added draw (Drawing)
};

}  // namespace

void writePdf(const MonthlySummary& s, const std::string& path, Lang lang) {
    Pdf pdf(s, path, lang);
    pdf.titlePage();
    if (s.empty) {
        pdf.emptyMonth();
    } else {
        pdf.figures();
        pdf.picture();
        pdf.insights();
        pdf.questions();
        pdf.coverage();
        pdf.changes();
        pdf.appendix();
        pdf.singleNotes();
    }
    pdf.finish();
}

}  // namespace cc::summary
