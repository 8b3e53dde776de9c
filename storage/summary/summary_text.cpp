#include "storage/summary/summary_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "storage/output_file.h"
#include "canvas/source_kinds.h"

namespace cc::summary {

namespace {

Labels makeEn() {
    Labels l;
    l.title = "Monthly board summary";
    l.board = "Board";
    l.month = "Month";
    l.generated = "Generated";
    l.noData = "No data for this month";
    l.noDataDetail = "The board had no notes at the end of this month and nothing changed during it.";
    l.sections = {"1. Headline figures", "2. The canvas", "3. Strongest insights", "4. Open questions",
                  "5. Source coverage", "6. What changed", "7. Appendix: new and changed notes"};
    l.notesOnWall = "Notes on the wall";
    l.newNotes = "New this month";
    l.changedNotes = "Changed this month";
    l.sourceKindsUsed = "Source kinds used";
    l.corroboratedInsights = "Corroborated insights";
    l.openContradictions = "Open contradictions";
    l.figure = "Figure";
    l.value = "Value";
    l.previous = "Last month";
    l.change = "Change";
    l.vsLastMonth = "vs. last month";
    l.legendNew = "New this month";
    l.corroborated = "Corroborated";
    l.contested = "Contested";
    l.quadrant = "Quadrant";
    l.notesCount = "notes";
    l.noNotes = "No notes.";
    l.source = "Source";
    l.date = "Date";
    l.provenance = "Provenance";
    l.votes = "Votes";
    l.author = "Author";
    l.segment = "Segment";
    l.score = "Score";
    l.sideA = "One side";
    l.sideB = "The other side";
    l.suggestedResearch = "Suggested research";
    l.noQuestions = "No open contradictions.";
    l.question = "Question";
    l.bySource = "Notes by source kind";
    l.dataKind = "Quantitative vs. qualitative";
    l.channel = "Direct vs. indirect";
    l.quantitative = "Quantitative";
    l.qualitative = "Qualitative";
    l.direct = "Direct";
    l.indirect = "Indirect";
    l.internal = "Internal";
    l.either = "Either channel";
    l.byQuadrant = "Notes by quadrant";
    l.unusedThisMonth = "Source kinds unused this month";
    l.unusedThreeMonths = "Source kinds unused in three months";
    l.thinQuadrants = "Thin quadrants";
    l.oneSidedQuadrants = "One-sided quadrants";
    l.none = "None";
    l.added = "Added";
    l.archived = "Archived";
    l.deleted = "Deleted";
    l.moved = "Moved between quadrants";
    l.linksAdded = "Links added";
    l.linksRemoved = "Links removed";
    l.nothingChanged = "Nothing changed since last month.";
    l.from = "from";
    l.to = "to";
    l.link = "Link";
    l.isNew = "new";
    l.isChanged = "changed";
    l.yes = "yes";
    l.no = "no";
    l.noAppendix = "No notes were added or changed this month.";
    l.columns = {"id", "quadrant", "title", "text", "source", "source name", "date gathered", "author",
                 "segment", "votes", "new or changed", "corroborated", "contested", "provenance file",
                 "provenance location", "provenance excerpt"};
    l.kind = "Kind";
    l.count = "Notes";
    return l;
}

Labels makeZh() {
    Labels l;
    l.title = "月度董事会摘要";
    l.board = "看板";
    l.month = "月份";
    l.generated = "生成时间";
    l.noData = "本月没有数据";
    l.noDataDetail = "本月底看板上没有便签，本月也没有任何变化。";
    l.sections = {"一、关键数据", "二、画布全貌", "三、最有力的洞察", "四、待解决的问题",
                  "五、来源覆盖", "六、本月变化", "七、附录：新增和修改的便签"};
    l.notesOnWall = "墙上便签";
    l.newNotes = "本月新增";
    l.changedNotes = "本月修改";
    l.sourceKindsUsed = "使用的来源类型";
    l.corroboratedInsights = "已佐证的洞察";
    l.openContradictions = "未解决的矛盾";
    l.figure = "指标";
    l.value = "数值";
    l.previous = "上月";
    l.change = "变化";
    l.vsLastMonth = "较上月";
    l.legendNew = "本月新增";
    l.corroborated = "已佐证";
    l.contested = "有争议";
    l.quadrant = "象限";
    l.notesCount = "条便签";
    l.noNotes = "没有便签。";
    l.source = "来源";
    l.date = "日期";
    l.provenance = "出处";
    l.votes = "票数";
    l.author = "作者";
    l.segment = "客户群";
    l.score = "得分";
    l.sideA = "一方";
    l.sideB = "另一方";
    l.suggestedResearch = "建议的研究";
    l.noQuestions = "没有未解决的矛盾。";
    l.question = "问题";
    l.bySource = "按来源类型的便签数";
    l.dataKind = "定量与定性";
    l.channel = "直接与间接";
    l.quantitative = "定量";
    l.qualitative = "定性";
    l.direct = "直接";
    l.indirect = "间接";
    l.internal = "内部";
    l.either = "渠道不限";
    l.byQuadrant = "各象限便签数";
    l.unusedThisMonth = "本月未使用的来源类型";
    l.unusedThreeMonths = "三个月内未使用的来源类型";
    l.thinQuadrants = "便签较少的象限";
    l.oneSidedQuadrants = "数据单一的象限";
    l.none = "无";
    l.added = "新增";
    l.archived = "归档";
    l.deleted = "删除";
    l.moved = "在象限间移动";
    l.linksAdded = "新增连线";
    l.linksRemoved = "删除连线";
    l.nothingChanged = "与上月相比没有变化。";
    l.from = "从";
    l.to = "到";
    l.link = "连线";
    l.isNew = "新增";
    l.isChanged = "修改";
    l.yes = "是";
    l.no = "否";
    l.noAppendix = "本月没有新增或修改的便签。";
    l.columns = {"编号", "象限", "标题", "内容", "来源", "来源名称", "收集日期", "作者",
                 "客户群", "票数", "新增或修改", "已佐证", "有争议", "出处文件", "出处位置", "出处摘录"};
    l.kind = "类型";
    l.count = "便签数";
    return l;
}

}  // namespace

const Labels& labels(Lang lang) {
    static const Labels en = makeEn();
    static const Labels zh = makeZh();
    return lang == Lang::Zh ? zh : en;
}

std::string signedChange(int change) {
    if (change > 0) return "+" + std::to_string(change);
    if (change < 0) return "\u2212" + std::to_string(-static_cast<long long>(change));
    return "\u00B10";
}

std::string moreLabel(Lang lang, std::size_t n) {
    if (lang == Lang::Zh) return "……另有 " + std::to_string(n) + " 项（完整列表见 CSV 和 JSON 导出）";
    return "\u2026 and " + std::to_string(n) + " more (the full list is in the CSV and JSON exports)";
}

std::string pageLabel(Lang lang, int page, int pages) {
    if (lang == Lang::Zh) return "第 " + std::to_string(page) + " 页，共 " + std::to_string(pages) + " 页";
    return "Page " + std::to_string(page) + " of " + std::to_string(pages);
}

std::string sourceName(std::string_view key, Lang lang) {
    if (const SourceKind* k = SourceKinds::builtin().find(key)) return lang == Lang::Zh ? k->chinese : k->english;
    return std::string(key);
}

std::string sourceName(const CitedNote& n, Lang lang) {
    const std::string& name = lang == Lang::Zh ? n.sourceNameZh : n.sourceName;
    if (!name.empty()) return name;
    return sourceName(n.source, lang);
}

std::string quadrantTitle(const MonthlySummary& s, int q, Lang lang) {
    if (q >= 1 && q <= 4 && !s.quadrants[static_cast<std::size_t>(q - 1)].title.empty())
        return s.quadrants[static_cast<std::size_t>(q - 1)].title;
    if (q >= 1 && q <= 4) return labels(lang).quadrant + " " + std::to_string(q);
    return "\u2014";
}

std::string quadrantLabel(const MonthlySummary& s, int q, Lang lang) {
    if (q < 1 || q > 4) return "\u2014";
    return (lang == Lang::Zh ? "象限" : "Q") + std::to_string(q) + " " + quadrantTitle(s, q, lang);
}

std::string truncateUtf8(std::string_view s, std::size_t maxChars) {
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        if (chars == maxChars) return std::string(s.substr(0, i)) + "\u2026";
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        i += len;
        ++chars;
    }
    return std::string(s);
}

std::string noteHeadline(const CitedNote& n, std::size_t maxChars) {
    std::string t = n.title.empty() ? n.text : n.title;
    for (char& c : t)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return truncateUtf8(t, maxChars);
}

std::uint32_t sourceColour(std::string_view key) {
    if (const SourceKind* k = SourceKinds::builtin().find(key)) return k->colour;
    return 0xF2F2F2;
}

std::string hexColour(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string linkKindName(const std::string& kind, Lang lang) {
    if (lang != Lang::Zh) return kind;
    if (kind == "supports") return "支持";
    if (kind == "conflicts") return "矛盾";
    if (kind == "relates") return "相关";
    return kind;
}

std::string joinSources(const std::vector<std::string>& keys, Lang lang, std::string_view sep) {
    if (keys.empty()) return labels(lang).none;
    std::string out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i) out += sep;
        out += sourceName(keys[i], lang);
    }
    return out;
}

std::string joinQuadrants(const MonthlySummary& s, const std::vector<int>& qs, Lang lang, std::string_view sep) {
    if (qs.empty()) return labels(lang).none;
    std::string out;
    for (std::size_t i = 0; i < qs.size(); ++i) {
        if (i) out += sep;
        out += quadrantLabel(s, qs[i], lang);
    }
    return out;
}

std::vector<std::string> appendixRow(const MonthlySummary& s, const CitedNote& n, Lang lang) {
    const Labels& L = labels(lang);
    return {n.id, quadrantLabel(s, n.quadrant, lang), n.title, n.text, n.source, sourceName(n, lang), n.date,
            n.author, n.segment, std::to_string(n.votes), n.newInMonth ? L.isNew : L.isChanged,
            n.corroborated ? L.yes : L.no, n.contested ? L.yes : L.no, n.provenanceFile, n.provenanceLocation,
            n.provenanceExcerpt};
}

std::string provenanceLine(const CitedNote& n) {
    if (n.provenanceFile.empty() && n.provenanceLocation.empty()) return "\u2014";
    if (n.provenanceLocation.empty()) return n.provenanceFile;
    if (n.provenanceFile.empty()) return n.provenanceLocation;
    return n.provenanceFile + " \u00B7 " + n.provenanceLocation;
}

void writeWholeFile(const std::string& path, std::string_view bytes) {
    try {
        writeOutputFile(path, bytes);
    } catch (const OutputFileError& e) {
        throw SummaryError(e.what());
    }
}

}  // namespace cc::summary
