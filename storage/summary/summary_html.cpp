// The summary as one self-contained HTML file: inline CSS and SVG, no script, no external request.
// Every piece of board text is escaped, in element content, SVG text and attributes alike.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"
#include "storage/text_escape.h"

namespace cc::summary {

namespace {

/// Board text as HTML text or attribute value: cleaned (documentText), markup characters as
/// entities. The summary makes no links and loads nothing, so text is all board text can be.
std::string esc(std::string_view raw) {
    const std::string s = documentText(raw);
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

const char* kStyle = R"CSS(
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:60em;margin:2em auto;padding:0 1.5em;line-height:1.5}
h1{font-size:1.9em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:.2em}h3{margin-bottom:.3em}
.meta{color:#666}.figures{display:flex;flex-wrap:wrap;gap:1em}
.fig{flex:1 1 10em;border:1px solid #ddd;border-radius:6px;padding:.8em 1em}
.fig .v{font-size:2.2em;font-weight:bold}.fig .l{color:#555}.up{color:#1a7f37}.down{color:#c62828}.same{color:#777}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f3f3f3}.ev{color:#555;font-size:.9em}.badge{font-size:.8em;border-radius:3px;padding:0 .3em;margin-left:.3em}
.b-new{background:#1565c0;color:#fff}.g-strong{background:#2e7d32;color:#fff}.g-moderate{background:#f9a825;color:#222}.g-weak{background:#9e9e9e;color:#fff}.b-cor{background:#2e7d32;color:#fff}.b-con{background:#c62828;color:#fff}
svg{max-width:100%;height:auto}.q{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:.9em;height:.9em;border:1px solid #888;vertical-align:middle;margin-right:.3em}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{page-break-before:always;break-before:page}h2.first{page-break-before:avoid;break-before:avoid}
tr,.q,.fig,svg{page-break-inside:avoid;break-inside:avoid}thead{display:table-header-group}@page{size:A4;margin:15mm}}
)CSS";

struct Html {
    std::string o;
    const MonthlySummary& s;
    Lang lang;
    const Labels& L;

    void badges(bool isNew, bool cor, bool con) {
        if (isNew) o += "<span class=\"badge b-new\">" + esc(L.legendNew) + "</span>";
        if (cor) o += "<span class=\"badge b-cor\">" + esc(L.corroborated) + "</span>";
        if (con) o += "<span class=\"badge b-con\">" + esc(L.contested) + "</span>";
    }
    void evidence(const CitedNote& n) {
        o += "<div class=\"ev\">" + esc(L.source) + L.colon + esc(sourceName(n, lang)) + " \u00B7 " + esc(L.date) + L.colon +
             esc(n.date.empty() ? "\u2014" : n.date) + " \u00B7 " + esc(L.provenance) + L.colon + esc(provenanceLine(n));
        if (!n.provenanceExcerpt.empty()) o += "<br/>\u201C" + esc(truncateUtf8(n.provenanceExcerpt, 240)) + "\u201D";
        o += "</div>";
    }

    void figures() {
        o += "<h2 class=\"first\">" + esc(L.sections[0]) + "</h2>\n<div class=\"figures\">";
        const std::pair<const std::string*, const Figure*> figs[] = {
            {&L.notesOnWall, &s.notesOnWall}, {&L.newNotes, &s.newNotes}, {&L.changedNotes, &s.changedNotes},
            {&L.sourceKindsUsed, &s.sourceKindsUsed}, {&L.corroboratedInsights, &s.corroborated},
            {&L.openContradictions, &s.openContradictions}};
        for (const auto& [name, f] : figs) {
            const int c = f->change();
            o += "<div class=\"fig\"><div class=\"v\">" + std::to_string(f->value) + "</div><div class=\"l\">" + esc(*name) +
                 "</div><div class=\"" + (c > 0 ? "up" : c < 0 ? "down" : "same") + "\">" + signedChange(c) + " " +
                 esc(L.vsLastMonth) + L.parenOpen + std::to_string(f->previous) + L.parenClose + "</div></div>";
        }
        o += "</div>\n";
    }

    void picture() {
        o += "<h2>" + esc(L.sections[1]) + "</h2>\n";
        double x0 = -s.wallWidth / 2, y0 = -s.wallHeight / 2, x1 = s.wallWidth / 2, y1 = s.wallHeight / 2;
        for (const auto& p : s.picture) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
            x1 = std::max(x1, p.x + p.w), y1 = std::max(y1, p.y + p.h);
        }
        if (x1 - x0 < 1) x0 = -500, x1 = 500;
        if (y1 - y0 < 1) y0 = -350, y1 = 350;
        const double W = 900, k = W / (x1 - x0), H = (y1 - y0) * k;
        auto X = [&](double x) { return (x - x0) * k; };
        auto Y = [&](double y) { return (y - y0) * k; };
        o += "<svg viewBox=\"0 0 " + num(W) + " " + num(H) + "\" width=\"" + num(W) +
             "\" height=\"" + num(H) + "\" role=\"img\" aria-label=\"" + esc(L.sections[1]) + "\">";
        o += "<rect x=\"0\" y=\"0\" width=\"" + num(W) + "\" height=\"" + num(H) + "\" fill=\"#fafafa\"/>";
        const double hw = s.wallWidth / 2, hh = s.wallHeight / 2;
        for (int q = 1; q <= 4; ++q) {
            const double qx = (q == 2 || q == 4) ? 0 : -hw, qy = (q == 3 || q == 4) ? 0 : -hh;
            o += "<rect x=\"" + num(X(qx)) + "\" y=\"" + num(Y(qy)) + "\" width=\"" + num(hw * k) + "\" height=\"" + num(hh * k) +
                 "\" fill=\"none\" stroke=\"#bbb\" stroke-width=\"1\"/>";
            o += "<text x=\"" + num(X(qx) + 8) + "\" y=\"" + num(Y(qy) + 20) +
                 "\" font-size=\"15\" font-weight=\"bold\" fill=\"#444\">" + esc(quadrantLabel(s, q, lang)) + "</text>";
        }
        const bool tiny = s.picture.size() > 400;
        for (const auto& p : s.picture) {
            const double w = std::max(p.w * k, 1.5), h = std::max(p.h * k, 1.5);
            o += "<rect x=\"" + num(X(p.x)) + "\" y=\"" + num(Y(p.y)) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
                 "\" fill=\"" + hexColour(p.colour) + "\"";
            if (p.newInMonth) o += " stroke=\"#1565c0\" stroke-width=\"" + std::string(tiny ? "0.8" : "2.5") + "\"";
            else if (!tiny) o += " stroke=\"#999\" stroke-width=\"0.5\"";
            o += tiny ? "/>" : "><title>" + esc(p.title) + "</title></rect>";
            if (!tiny && w >= 40 && h >= 16) {
                const std::size_t chars = static_cast<std::size_t>(std::max(3.0, w / 6.5));
                o += "<text x=\"" + num(X(p.x) + 3) + "\" y=\"" + num(Y(p.y) + 11) + "\" font-size=\"9\" fill=\"#222\">" +
                     esc(truncateUtf8(p.title, chars)) + "</text>";
            }
            if (!tiny && p.contested) o += "<circle cx=\"" + num(X(p.x) + w - 4) + "\" cy=\"" + num(Y(p.y) + 4) + "\" r=\"3\" fill=\"#c62828\"/>";
            else if (!tiny && p.corroborated) o += "<circle cx=\"" + num(X(p.x) + w - 4) + "\" cy=\"" + num(Y(p.y) + 4) + "\" r=\"3\" fill=\"#2e7d32\"/>";
        }
        o += "</svg>\n<p class=\"legend\"><span><span class=\"sw\" style=\"border:2px solid #1565c0\"></span>" + esc(L.legendNew) +
             "</span><span><span class=\"sw\" style=\"background:#2e7d32;border-radius:50%\"></span>" + esc(L.corroborated) +
             "</span><span><span class=\"sw\" style=\"background:#c62828;border-radius:50%\"></span>" + esc(L.contested) + "</span>";
        for (const auto& [key, c] : s.bySource)
            if (c > 0) o += "<span><span class=\"sw\" style=\"background:" + hexColour(sourceColour(key)) + "\"></span>" + esc(sourceName(key, lang)) + "</span>";
        o += "</p>\n";
    }

    void insights() {
        o += "<h2>" + esc(L.sections[2]) + "</h2>\n";
        for (int q : {1, 2, 3, 4, 0}) {
            const auto& v = s.insights[static_cast<std::size_t>(q)];
            if (q == 0 && v.empty()) continue;
            o += "<div class=\"q\"><h3>" + esc(insightGroupTitle(s, q, lang)) + "</h3>";
            if (v.empty()) o += "<p>" + esc(L.noInsights) + "</p>";
            else {
                o += "<ol>";
                for (const auto& in : v) {
                    o += "<li class=\"insight\"><strong>" + esc(in.title) + "</strong>";
                    o += "<span class=\"badge g-" + esc(in.grade) + "\">" + esc(strengthLine(in, lang)) + "</span>";
                    badges(in.newInMonth, false, false);
                    o += "<span class=\"ev\">" + L.parenOpen + esc(stateName(in.state, lang)) + L.listSep + esc(L.votes) + L.colon +
                         std::to_string(in.votes) + L.parenClose + "</span>";
                    if (!in.statement.empty()) o += "<div>" + esc(truncateUtf8(in.statement, 800)) + "</div>";
                    o += "<div class=\"ev\"><b>" + esc(L.strength) + L.colon + "</b>" + esc(reasonsLine(in, lang)) + "</div>";
                    o += "<div class=\"ev\"><b>" + esc(L.evidenceNotes) + L.colon + "</b>" + (in.evidence.empty() ? esc(L.noEvidence) : "") + "</div>";
                    if (!in.evidence.empty()) {
                        o += "<ul class=\"evidence\">";
                        for (const auto& n : in.evidence) {
                            o += "<li>" + esc(noteHeadline(n, 200));
                            badges(false, n.corroborated, n.contested);
                            evidence(n);
                            o += "</li>";
                        }
                        o += "</ul>";
                    }
                    o += "</li>";
                }
                o += "</ol>";
            }
            o += "</div>\n";
        }
    }

    void singleNotes() {
        o += "<h2>" + esc(L.sections[7]) + "</h2>\n<p>" + esc(L.singleNotesIntro) + "</p>\n";
        for (int q = 1; q <= 4; ++q) {
            o += "<div class=\"q\"><h3>" + esc(quadrantLabel(s, q, lang)) + "</h3>";
            const auto& v = s.strongest[static_cast<std::size_t>(q - 1)];
            if (v.empty()) o += "<p>" + esc(L.noNotes) + "</p>";
            else {
                o += "<ol>";
                for (const auto& n : v) {
                    o += "<li><strong>" + esc(noteHeadline(n, 160)) + "</strong>";
                    badges(n.newInMonth, n.corroborated, n.contested);
                    o += "<span class=\"ev\">" + L.parenOpen + esc(L.votes) + L.colon + std::to_string(n.votes) + L.parenClose + "</span>";
                    if (!n.title.empty() && !n.text.empty() && n.text != n.title) o += "<div>" + esc(truncateUtf8(n.text, 400)) + "</div>";
                    evidence(n);
                    o += "</li>";
                }
                o += "</ol>";
            }
            o += "</div>\n";
        }
    }

    void questions() {
        o += "<h2>" + esc(L.sections[3]) + "</h2>\n";
        if (s.questions.empty()) o += "<p>" + esc(L.noQuestions) + "</p>\n";
        int i = 0;
        for (const auto& q : s.questions) {
            o += "<div class=\"q\"><h3>" + esc(L.question) + " " + std::to_string(++i) + (q.label.empty() ? "" : L.colon + esc(q.label)) + "</h3>";
            o += "<p><strong>" + esc(L.sideA) + L.colonMark + "</strong> " + esc(noteHeadline(q.a, 240)) + "</p>";
            evidence(q.a);
            o += "<p><strong>" + esc(L.sideB) + L.colonMark + "</strong> " + esc(noteHeadline(q.b, 240)) + "</p>";
            evidence(q.b);
            o += "<p><strong>" + esc(L.suggestedResearch) + L.colonMark + "</strong> " + esc(joinSources(q.suggestedSources, lang)) + "</p></div>\n";
        }
    }

    void bars(const std::vector<std::tuple<std::string, int, std::uint32_t>>& rows) {
        int maxV = 1;
        for (const auto& r : rows) maxV = std::max(maxV, std::get<1>(r));
        const double rowH = 22, labelW = 220, barW = 380, W = labelW + barW + 60;
        const double H = rowH * static_cast<double>(rows.size()) + 6;
        o += "<svg viewBox=\"0 0 " + num(W) + " " + num(H) + "\" width=\"" + num(W) +
             "\" height=\"" + num(H) + "\">";
        double y = 3;
        for (const auto& [label, v, colour] : rows) {
            const double w = barW * v / maxV;
            o += "<text x=\"" + num(labelW - 6) + "\" y=\"" + num(y + 15) + "\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">" + esc(label) + "</text>";
            o += "<rect x=\"" + num(labelW) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(std::max(w, v > 0 ? 1.5 : 0.0)) +
                 "\" height=\"" + num(rowH - 6) + "\" fill=\"" + hexColour(colour) + "\" stroke=\"#888\" stroke-width=\"0.5\"/>";
            o += "<text x=\"" + num(labelW + w + 5) + "\" y=\"" + num(y + 15) + "\" font-size=\"12\" fill=\"#333\">" + std::to_string(v) + "</text>";
            y += rowH;
        }
        o += "</svg>\n";
    }

    void coverage() {
        o += "<h2>" + esc(L.sections[4]) + "</h2>\n<h3>" + esc(L.bySource) + "</h3>\n";
        std::vector<std::tuple<std::string, int, std::uint32_t>> rows;
        for (const auto& [key, c] : s.bySource) rows.emplace_back(sourceName(key, lang), c, sourceColour(key));
        bars(rows);
        o += "<h3>" + esc(L.dataKind) + "</h3>\n";
        bars({{L.quantitative, s.quantitative, 0x5C8DD6}, {L.qualitative, s.qualitative, 0xE0A040}});
        o += "<h3>" + esc(L.channel) + "</h3>\n";
        bars({{L.direct, s.direct, 0x4CAF50}, {L.indirect, s.indirect, 0x9E9E9E}, {L.internal, s.internal, 0x8E7CC3},
              {L.either, s.eitherChannel, 0xCFCFCF}});
        o += "<h3>" + esc(L.byQuadrant) + "</h3>\n";
        std::vector<std::tuple<std::string, int, std::uint32_t>> qs;
        for (int q = 1; q <= 4; ++q) qs.emplace_back(quadrantLabel(s, q, lang), s.notesByQuadrant[static_cast<std::size_t>(q - 1)], 0x90A4AE);
        bars(qs);
        o += "<ul><li><strong>" + esc(L.unusedThisMonth) + L.colonMark + "</strong> " + esc(joinSources(s.unusedThisMonth, lang)) + "</li>";
        o += "<li><strong>" + esc(L.unusedThreeMonths) + L.colonMark + "</strong> " + esc(joinSources(s.unusedThreeMonths, lang)) + "</li>";
        o += "<li><strong>" + esc(L.thinQuadrants) + L.colonMark + "</strong> " + esc(joinQuadrants(s, s.thinQuadrants, lang)) + "</li>";
        o += "<li><strong>" + esc(L.oneSidedQuadrants) + L.colonMark + "</strong> " + esc(joinQuadrants(s, s.oneSidedQuadrants, lang)) + "</li></ul>\n";
    }

    void changes() {
        o += "<h2>" + esc(L.sections[5]) + "</h2>\n";
        const auto& ch = s.changes;
        if (ch.added.empty() && ch.archived.empty() && ch.deleted.empty() && ch.moved.empty() && ch.linksAdded.empty() && ch.linksRemoved.empty())
            o += "<p>" + esc(L.nothingChanged) + "</p>\n";
        auto list = [&](const std::string& title, const std::vector<CitedNote>& v) {
            if (v.empty()) return;
            o += "<h3>" + esc(title) + L.parenOpen + std::to_string(v.size()) + L.parenClose + "</h3><ul>";
            for (const auto& n : v) o += "<li>" + esc(noteHeadline(n, 160)) + " \u2014 " + esc(quadrantLabel(s, n.quadrant, lang)) + "</li>";
            o += "</ul>\n";
        };
        list(L.added, ch.added);
        list(L.archived, ch.archived);
        list(L.deleted, ch.deleted);
        if (!ch.moved.empty()) {
            o += "<h3>" + esc(L.moved) + L.parenOpen + std::to_string(ch.moved.size()) + L.parenClose + "</h3><ul>";
            for (const auto& m : ch.moved)
                o += "<li>" + esc(noteHeadline(m.note, 160)) + L.colon + esc(quadrantLabel(s, m.from, lang)) + " \u2192 " + esc(quadrantLabel(s, m.to, lang)) + "</li>";
            o += "</ul>\n";
        }
        auto links = [&](const std::string& title, const std::vector<MonthChanges::LinkChange>& v) {
            if (v.empty()) return;
            o += "<h3>" + esc(title) + L.parenOpen + std::to_string(v.size()) + L.parenClose + "</h3><ul>";
            for (const auto& l : v)
                o += "<li>" + esc(truncateUtf8(l.fromTitle, 100)) + " \u2192 " + esc(truncateUtf8(l.toTitle, 100)) + L.parenOpen +
                     esc(linkKindName(l.kind, lang)) + (l.label.empty() ? "" : L.colon + esc(l.label)) + L.parenClose + "</li>";
            o += "</ul>\n";
        };
        links(L.linksAdded, ch.linksAdded);
        links(L.linksRemoved, ch.linksRemoved);
    }

    void appendix() {
        o += "<h2>" + esc(L.sections[6]) + "</h2>\n";
        if (s.appendix.empty()) {
            o += "<p>" + esc(L.noAppendix) + "</p>\n";
            return;
        }
        static constexpr int cols[] = {1, 2, 3, 5, 6, 7, 10, 13, 14};
        o += "<table><thead><tr>";
        for (int c : cols) o += "<th>" + esc(L.columns[static_cast<std::size_t>(c)]) + "</th>";
        o += "</tr></thead><tbody>\n";
        for (const auto& n : s.appendix) {
            const auto r = appendixRow(s, n, lang);
            o += "<tr>";
            for (int c : cols) o += "<td>" + esc(r[static_cast<std::size_t>(c)]) + "</td>";
            o += "</tr>\n";
        }
        o += "</tbody></table>\n";
    }
};

}  // namespace

void writeHtml(const MonthlySummary& s, const std::string& path, Lang lang) {
    const Labels& L = labels(lang);
    Html h{{}, s, lang, L};
    h.o.reserve(1 << 20);
    std::string& o = h.o;
    o += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == Lang::Zh ? "zh" : "en") + "\">\n<head>\n";
    o += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    o += "<title>" + esc(L.title + L.colon + s.boardTitle + " \u2014 " + s.month.str()) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    o += "<h1>" + esc(s.boardTitle) + "</h1>\n<p class=\"meta\">" + esc(L.title) + " \u00B7 " + esc(L.month) + L.colon + esc(s.month.str()) +
         " \u00B7 " + esc(L.generated) + L.colon + esc(s.generated) + "</p>\n";
    if (s.empty) {
        o += "<h2 class=\"first\">" + esc(L.noData) + "</h2>\n<p>" + esc(L.noDataDetail) + "</p>\n";
    } else {
        h.figures();
        h.picture();
        h.insights();
        h.questions();
        h.coverage();
        h.changes();
        h.appendix();
        h.singleNotes();
    }
    o += "</body>\n</html>\n";
    writeWholeFile(path, o);
}

}  // namespace cc::summary
