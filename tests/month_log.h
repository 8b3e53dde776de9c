#pragma once
// A board whose months are known: change sets with the times a test chooses, and the monthly
// summary of any month from them (replayed as the exporter does). Shared by the summary tests
// of the model and of the writers.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "canvas/board_factory.h"
#include "canvas/geometry.h"
#include "canvas/replay.h"
#include "canvas/summary.h"

namespace cc::test {

/// Noon (UTC) of a day, in milliseconds.
inline Millis at(int year, int month, int day) {
    using namespace std::chrono;
    const sys_days d = year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                      std::chrono::day{static_cast<unsigned>(day)}};
    return duration_cast<milliseconds>(d.time_since_epoch()).count() + 12 * 3600 * 1000;
}

/// Builds a board's change log with the times a test chooses.
struct Log {
    std::vector<ChangeSet> sets;
    std::unique_ptr<Document> doc;

    explicit Log(Millis created, const std::string& title = "Retail 零售") {
        BoardInfo b = makeBoard(title);
        b.created = created;
        ChangeSet cs;
        cs.time = created;
        cs.board = std::make_pair(BoardInfo{}, b);
        sets.push_back(cs);
        doc = std::make_unique<Document>(b);
    }
    void commit(ChangeSet cs, Millis t) {
        cs.time = t;
        doc->apply(cs);
        sets.push_back(std::move(cs));
    }
    Note make(const std::string& text, const std::string& source, int q, Millis t, const std::string& date, int votes = 0) {
        Note n;
        n.id = newId("n");
        n.text = text;
        n.source = source;
        n.data = SourceKinds::builtin().find(source)->data;
        n.customerInitiated = SourceKinds::builtin().find(source)->customerInitiated;
        n.dateGathered = date;
        n.author = "tester";
        n.created = n.updated = t;
        n.votes = votes;
        n.w = kNoteWidth;
        n.h = kNoteHeight;
        const Rect r = quadrantRect(doc->board(), q);
        const std::size_t i = doc->notes().size();
        n.x = r.x + 50 + 260.0 * static_cast<double>(i % 5);
        n.y = r.y + kQuadrantHeader + 10 + 170.0 * static_cast<double>((i / 5) % 4);
        n.quadrant = q;
        return n;
    }
    std::string add(const std::string& text, const std::string& source, int q, Millis t, const std::string& date, int votes = 0,
                    Provenance prov = {}) {
        Note n = make(text, source, q, t, date, votes);
        n.provenance = std::move(prov);
        ChangeSet cs;
        cs.notes.added.push_back(n);
        commit(cs, t);
        return n.id;
    }
    void update(const std::string& id, Millis t, const std::function<void(Note&)>& f) {
        Note after = *doc->note(id);
        f(after);
        after.updated = t;
        after.quadrant = quadrantOf(after);
        ChangeSet cs;
        cs.notes.updated.emplace_back(*doc->note(id), after);
        commit(cs, t);
    }
    std::string link(const std::string& a, const std::string& b, LinkKind k, Millis t, const std::string& label = {}) {
        Link l;
        l.id = newId("l");
        l.from = a;
        l.to = b;
        l.kind = k;
        l.label = label;
        l.created = t;
        ChangeSet cs;
        cs.links.added.push_back(l);
        commit(cs, t);
        return l.id;
    }
    std::string insight(const std::string& title, const std::vector<std::string>& notes, int q, Millis t,
                        InsightState state = InsightState::Draft, int votes = 0, const std::string& statement = {}) {
        Insight i;
        i.id = newId("i");
        i.title = title;
        i.statement = statement;
        i.quadrant = q;
        i.notes = notes;
        i.author = "tester";
        i.created = i.updated = t;
        i.votes = votes;
        i.state = state;
        ChangeSet cs;
        cs.insights.added.push_back(i);
        commit(cs, t);
        return i.id;
    }
    void updateInsight(const std::string& id, Millis t, const std::function<void(Insight&)>& f) {
        Insight after = *doc->insight(id);
        f(after);
        after.updated = t;
        ChangeSet cs;
        cs.insights.updated.emplace_back(*doc->insight(id), after);
        commit(cs, t);
    }
    void remove(const std::string& id, Millis t) {
        ChangeSet cs;
        for (const auto& linkId : doc->linksOf(id)) cs.links.removed.push_back(*doc->link(linkId));
        cs.notes.removed.push_back(*doc->note(id));
        commit(cs, t);
    }
    /// The summary of month m; the insights' reasons worded through each of `wordings` (as summaryOfBoard does).
    MonthlySummary summary(const Month& m, const std::vector<const Wording*>& wordings = {}) const {
        auto end = boardAt(sets, m.end());
        auto prev = boardAt(sets, m.previous().end());
        std::vector<ChangeSet> inMonth;
        for (const auto& cs : sets)
            if (cs.time >= m.start() && cs.time < m.end()) inMonth.push_back(cs);
        return summarise(*end, *prev, m, inMonth, at(2026, 12, 1), wordings);
    }
};

}  // namespace cc::test
