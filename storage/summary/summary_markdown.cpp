// The summary as Markdown for wikis and mail: headings, tables, bullet lists.
#include <algorithm>

#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"
#include "storage/text_escape.h"

namespace cc::summary {

namespace {

/// Board text as Markdown that renders as exactly that text: nothing a person typed becomes a
/// link, an image, HTML, emphasis, a heading or list, or breaks out of a table cell. Characters
/// with a meaning anywhere are backslash-escaped (brackets, parentheses, ! for images, emphasis,
/// code, pipes), < > & become entities (no HTML, no <http://...> autolinks), and what GitHub
/// links without brackets (http://, www., e-mail addresses) is broken up by escaping its : . @.
/// A leading character that would start a block (# > - + = 1.) is escaped too. Line breaks
/// become <br> in a table cell and spaces elsewhere.
std::string md(std::string_view raw, bool cell = false) {
    const std::string s = documentText(raw);
    std::string out;
    out.reserve(s.size() + 16);
    // Leading blanks would make an indented code block on a continuation line.
    std::size_t i = s.find_first_not_of(" \t");
    if (i == std::string::npos) return {};
    // "12." at the start would number a list.
    std::size_t afterDigits = i;
    while (afterDigits < s.size() && s[afterDigits] >= '0' && s[afterDigits] <= '9') ++afterDigits;
    const auto isWww = [&](std::size_t dot) {
        if (dot < 3) return false;
        for (std::size_t k = dot - 3; k < dot; ++k)
            if (s[k] != 'w' && s[k] != 'W') return false;
        return true;
    };
    for (const std::size_t first = i; i < s.size(); ++i) {
        const char c = s[i];
        const bool atStart = i == first;
        switch (c) {
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '&': out += "&amp;"; continue;
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
                [[fallthrough]];
            case '\n': out += cell ? "<br>" : " "; continue;
            case '\\': case '`': case '*': case '_': case '[': case ']': case '(': case ')': case '!':
            case '|': case '~': case '#': case '{': case '}': case '@':
                out += '\\';
                out += c;
                continue;
            case ':':
                if (s.compare(i, 3, "://") == 0) out += '\\';
                break;
            case '.':
                if (i == afterDigits && afterDigits > first) out += '\\';
                else if (isWww(i)) out += '\\';
                break;
            case '-': case '+': case '=':
                if (atStart) out += '\\';
                break;
            default: break;
        }
        out += c;
    }
    return out;
}

void tableRow(std::string& out, const std::vector<std::string>& cells) {
    out += "|";
    for (const auto& c : cells) out += " " + md(c, true) + " |";
    out += "\n";
}

void tableHeader(std::string& out, const std::vector<std::string>& cells) {
    tableRow(out, cells);
    out += "|";
    for (std::size_t i = 0; i < cells.size(); ++i) out += " --- |";
    out += "\n";
}

std::string evidence(const CitedNote& n, Lang lang) {
    const Labels& L = labels(lang);
    std::string e = L.source + L.colon + md(sourceName(n, lang)) + L.clauseSep + L.date + L.colon + md(n.date.empty() ? "\u2014" : n.date) +
                    L.clauseSep + L.provenance + L.colon + md(provenanceLine(n));
    return e;
}

std::string flags(const CitedNote& n, Lang lang) {
    const Labels& L = labels(lang);
    std::string f;
    if (n.newInMonth) f += " \U0001F195 " + L.legendNew;
    if (n.corroborated) f += " \u2714 " + L.corroborated;
    if (n.contested) f += " \u26A0 " + L.contested;
    return f;
}

}  // namespace

void writeMarkdown(const MonthlySummary& s, const std::string& path, Lang lang) {
    const Labels& L = labels(lang);
    std::string o;
    o += "# " + L.title + L.colon + md(s.boardTitle) + " \u2014 " + s.month.str() + "\n\n";
    o += "- " + L.board + L.colon + md(s.boardTitle) + "\n";
    o += "- " + L.month + L.colon + s.month.str() + "\n";
    o += "- " + L.generated + L.colon + md(s.generated) + "\n\n";
    if (s.empty) {
        o += "**" + L.noData + "**\n\n" + L.noDataDetail + "\n";
        writeWholeFile(path, o);
        return;
    }

    // 1. Headline figures.
    o += "## " + L.sections[0] + "\n\n";
    tableHeader(o, {L.figure, L.value, L.previous, L.change});
    const std::pair<const std::string*, const Figure*> figs[] = {
        {&L.notesOnWall, &s.notesOnWall}, {&L.newNotes, &s.newNotes}, {&L.changedNotes, &s.changedNotes},
        {&L.sourceKindsUsed, &s.sourceKindsUsed}, {&L.corroboratedInsights, &s.corroborated},
        {&L.openContradictions, &s.openContradictions}};
    for (const auto& [name, f] : figs)
        tableRow(o, {*name, std::to_string(f->value), std::to_string(f->previous), signedChange(f->change())});
    o += "\n";

    // 2. The canvas, as a list of notes per quadrant.
    o += "## " + L.sections[1] + "\n\n";
    for (int q = 1; q <= 4; ++q) {
        o += "### " + md(quadrantLabel(s, q, lang)) + L.parenOpen + std::to_string(s.notesByQuadrant[static_cast<std::size_t>(q - 1)]) +
             " " + L.notesCount + L.parenClose + "\n\n";
        const auto& qi = s.quadrants[static_cast<std::size_t>(q - 1)];
        if (!qi.description.empty()) o += "_" + md(qi.description) + "_\n\n";
        // The picture's notes whose centre lies in this quadrant (wall centred on 0,0).
        int n = 0;
        for (const auto& p : s.picture) {
            const double cx = p.x + p.w / 2, cy = p.y + p.h / 2;
            const int pq = cy < 0 ? (cx < 0 ? 1 : 2) : (cx < 0 ? 3 : 4);
            if (pq != q) continue;
            ++n;
            std::string line = "- " + (p.newInMonth ? "**" + md(truncateUtf8(p.title, 120)) + "**" + L.parenOpen + L.legendNew + L.parenClose
                                                    : md(truncateUtf8(p.title, 120)));
            if (p.corroborated) line += " \u2714 " + L.corroborated;
            if (p.contested) line += " \u26A0 " + L.contested;
            o += line + "\n";
        }
        if (n == 0) o += L.noNotes + "\n";
        o += "\n";
    }

    // 3. The insights per quadrant, strongest first, each with its evidence; then those in no quadrant yet.
    o += "## " + L.sections[2] + "\n\n";
    for (int q : {1, 2, 3, 4, 0}) {
        const auto& v = s.insights[static_cast<std::size_t>(q)];
        if (q == 0 && v.empty()) continue;
        o += "### " + md(insightGroupTitle(s, q, lang)) + "\n\n";
        if (v.empty()) o += L.noInsights + "\n";
        int i = 0;
        for (const auto& in : v) {
            o += std::to_string(++i) + ". **" + md(truncateUtf8(in.title, 160)) + "**" + L.parenOpen + md(gradeName(in.grade, lang)) + L.listSep +
                 md(stateName(in.state, lang)) + L.listSep + L.votes + L.colon + std::to_string(in.votes) + L.parenClose +
                 (in.newInMonth ? " \U0001F195 " + L.legendNew : "") + "\n";
            if (!in.statement.empty()) o += "   " + md(truncateUtf8(in.statement, 600)) + "\n";
            o += "   - **" + L.strength + L.colonMark + "** " + md(strengthLine(in, lang)) + L.colon + md(reasonsLine(in, lang)) + "\n";
            o += "   - **" + L.evidenceNotes + L.colonMark + "**" + (in.evidence.empty() ? " " + L.noEvidence : "") + "\n";
            for (const auto& n : in.evidence) o += "     - " + md(noteHeadline(n, 160)) + flags(n, lang) + L.parenOpen + evidence(n, lang) + L.parenClose + "\n";
        }
        o += "\n";
    }

    // 4. Open questions.
    o += "## " + L.sections[3] + "\n\n";
    if (s.questions.empty()) o += L.noQuestions + "\n\n";
    int qn = 0;
    for (const auto& oq : s.questions) {
        o += "### " + L.question + " " + std::to_string(++qn) + (oq.label.empty() ? "" : L.colon + md(oq.label)) + "\n\n";
        o += "- **" + L.sideA + L.colonMark + "** " + md(noteHeadline(oq.a, 200)) + L.parenOpen + evidence(oq.a, lang) + L.parenClose + "\n";
        o += "- **" + L.sideB + L.colonMark + "** " + md(noteHeadline(oq.b, 200)) + L.parenOpen + evidence(oq.b, lang) + L.parenClose + "\n";
        o += "- **" + L.suggestedResearch + L.colonMark + "** " + md(joinSources(oq.suggestedSources, lang)) + "\n\n";
    }

    // 5. Source coverage.
    o += "## " + L.sections[4] + "\n\n";
    o += "### " + L.bySource + "\n\n";
    int maxCount = 1;
    for (const auto& [k, c] : s.bySource) maxCount = std::max(maxCount, c);
    tableHeader(o, {L.source, L.count, ""});
    for (const auto& [k, c] : s.bySource) {
        std::string bar;
        const int len = c == 0 ? 0 : std::max(1, c * 20 / maxCount);
        for (int i = 0; i < len; ++i) bar += "\u2588";
        tableRow(o, {sourceName(k, lang), std::to_string(c), bar});
    }
    o += "\n### " + L.dataKind + " / " + L.channel + "\n\n";
    tableHeader(o, {L.kind, L.count});
    tableRow(o, {L.quantitative, std::to_string(s.quantitative)});
    tableRow(o, {L.qualitative, std::to_string(s.qualitative)});
    tableRow(o, {L.direct, std::to_string(s.direct)});
    tableRow(o, {L.indirect, std::to_string(s.indirect)});
    tableRow(o, {L.internal, std::to_string(s.internal)});
    tableRow(o, {L.either, std::to_string(s.eitherChannel)});
    o += "\n### " + L.byQuadrant + "\n\n";
    tableHeader(o, {L.quadrant, L.count});
    for (int q = 1; q <= 4; ++q) tableRow(o, {quadrantLabel(s, q, lang), std::to_string(s.notesByQuadrant[static_cast<std::size_t>(q - 1)])});
    o += "\n";
    o += "- **" + L.unusedThisMonth + L.colonMark + "** " + md(joinSources(s.unusedThisMonth, lang)) + "\n";
    o += "- **" + L.unusedThreeMonths + L.colonMark + "** " + md(joinSources(s.unusedThreeMonths, lang)) + "\n";
    o += "- **" + L.thinQuadrants + L.colonMark + "** " + md(joinQuadrants(s, s.thinQuadrants, lang)) + "\n";
    o += "- **" + L.oneSidedQuadrants + L.colonMark + "** " + md(joinQuadrants(s, s.oneSidedQuadrants, lang)) + "\n\n";

    // 6. What changed.
    o += "## " + L.sections[5] + "\n\n";
    const auto& ch = s.changes;
    if (ch.added.empty() && ch.archived.empty() && ch.deleted.empty() && ch.moved.empty() && ch.linksAdded.empty() &&
        ch.linksRemoved.empty())
        o += L.nothingChanged + "\n\n";
    auto noteList = [&](const std::string& title, const std::vector<CitedNote>& v) {
        if (v.empty()) return;
        o += "### " + title + L.parenOpen + std::to_string(v.size()) + L.parenClose + "\n\n";
        for (const auto& n : v) o += "- " + md(noteHeadline(n, 120)) + " \u2014 " + md(quadrantLabel(s, n.quadrant, lang)) + "\n";
        o += "\n";
    };
    noteList(L.added, ch.added);
    noteList(L.archived, ch.archived);
    noteList(L.deleted, ch.deleted);
    if (!ch.moved.empty()) {
        o += "### " + L.moved + L.parenOpen + std::to_string(ch.moved.size()) + L.parenClose + "\n\n";
        for (const auto& m : ch.moved)
            o += "- " + md(noteHeadline(m.note, 120)) + L.colon + md(quadrantLabel(s, m.from, lang)) + " \u2192 " +
                 md(quadrantLabel(s, m.to, lang)) + "\n";
        o += "\n";
    }
    auto linkList = [&](const std::string& title, const std::vector<MonthChanges::LinkChange>& v) {
        if (v.empty()) return;
        o += "### " + title + L.parenOpen + std::to_string(v.size()) + L.parenClose + "\n\n";
        for (const auto& l : v)
            o += "- " + md(truncateUtf8(l.fromTitle, 80)) + " \u2192 " + md(truncateUtf8(l.toTitle, 80)) + L.parenOpen +
                 md(linkKindName(l.kind, lang)) + (l.label.empty() ? "" : L.colon + md(l.label)) + L.parenClose + "\n";
        o += "\n";
    };
    linkList(L.linksAdded, ch.linksAdded);
    linkList(L.linksRemoved, ch.linksRemoved);

    // 7. Appendix.
    o += "## " + L.sections[6] + "\n\n";
    if (s.appendix.empty()) {
        o += L.noAppendix + "\n";
    } else {
        tableHeader(o, {L.columns[0], L.columns[1], L.columns[2], L.columns[3], L.columns[5], L.columns[6], L.columns[7],
                        L.columns[10], L.columns[13], L.columns[14]});
        for (const auto& n : s.appendix) {
            const auto r = appendixRow(s, n, lang);
            tableRow(o, {r[0], r[1], r[2], r[3], r[5], r[6], r[7], r[10], r[13], r[14]});
        }
    }

    // 8. Appendix: the strongest single notes per quadrant that no insight cites.
    o += "\n## " + L.sections[7] + "\n\n" + L.singleNotesIntro + "\n\n";
    for (int q = 1; q <= 4; ++q) {
        o += "### " + md(quadrantLabel(s, q, lang)) + "\n\n";
        const auto& v = s.strongest[static_cast<std::size_t>(q - 1)];
        if (v.empty()) o += L.noNotes + "\n";
        int i = 0;
        for (const auto& n : v) {
            o += std::to_string(++i) + ". **" + md(noteHeadline(n, 120)) + "**" + flags(n, lang) + L.parenOpen + L.votes + L.colon +
                 std::to_string(n.votes) + L.parenClose + "\n";
            if (!n.title.empty() && !n.text.empty() && n.text != n.title) o += "   " + md(truncateUtf8(n.text, 300)) + "\n";
            o += "   " + evidence(n, lang) + "\n";
        }
        o += "\n";
    }
    writeWholeFile(path, o);
}

}  // namespace cc::summary
