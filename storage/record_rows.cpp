#include "storage/record_rows.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <set>

#include "storage/pg/pg_conn.h"

namespace cc::rows {

namespace {

template <class T>
ColumnKind kindOf() {
    if constexpr (std::is_same_v<T, double>) return ColumnKind::Real;
    else if constexpr (std::is_integral_v<T>) return ColumnKind::Integer;  // bool, int, Millis, colour
    else return ColumnKind::Text;                                           // text and enum words
}

template <class R, class Columns>
std::vector<ColumnInfo> infoOf(Columns columns) {
    std::vector<ColumnInfo> out;
    R r;
    columns(r, [&](const char* name, auto&& field) {
        out.push_back(ColumnInfo{name, kindOf<std::remove_cv_t<std::remove_reference_t<decltype(field)>>>()});
    });
    return out;
}

template <class R, class Columns>
std::vector<std::string> namesOf(Columns columns) {
    std::vector<std::string> out;
    for (auto& c : infoOf<R>(columns)) out.push_back(std::move(c.name));
    return out;
}

std::string join(const std::vector<std::string>& names, const std::string& prefix = {}) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + prefix + n;
    return out;
}

RecordSql makeSql(Dialect d, const char* table, const std::vector<std::string>& names) {
    RecordSql s;
    s.count = names.size();
    s.columns = join(names);
    const bool server = d == Dialect::Postgres;
    // On a server $1 is the board; the columns follow from $2.
    const int first = server ? 2 : 1;
    auto param = [&](std::size_t i) { return (server ? "$" : "?") + std::to_string(first + int(i)); };
    const std::string qualified = server ? std::string("customer_canvas.") + table : std::string(table);
    s.select = "SELECT " + s.columns + " FROM " + qualified;
    std::string values;
    for (std::size_t i = 0; i < names.size(); ++i) values += (i ? ", " : "") + param(i);
    s.insert = "INSERT INTO " + qualified + " (" + (server ? "board, " : "") + s.columns + ") VALUES (" +
               (server ? "$1, " : "") + values + ")";
    std::string sets;
    for (std::size_t i = 1; i < names.size(); ++i) sets += (i > 1 ? ", " : "") + names[i] + " = " + param(i);
    s.update = "UPDATE " + qualified + " SET " + sets + " WHERE " + (server ? "board = $1 AND " : "") + "id = " + param(0);
    s.remove = "DELETE FROM " + qualified + " WHERE " + (server ? "board = $1 AND id = $2" : "id = ?1");
    return s;
}

template <class R, class Columns>
const RecordSql& sqlFor(Dialect d, const char* table, Columns columns) {
    static const RecordSql sqlite = makeSql(Dialect::Sqlite, table, namesOf<R>(columns));
    static const RecordSql server = makeSql(Dialect::Postgres, table, namesOf<R>(columns));
    return d == Dialect::Sqlite ? sqlite : server;
}

auto noteColumnsOf = [](auto& n, auto&& f) { noteColumns(n, f); };
auto linkColumnsOf = [](auto& l, auto&& f) { linkColumns(l, f); };
auto insightColumnsOf = [](auto& i, auto&& f) { insightColumns(i, f); };

// --- SQLite: values as SQLite's storage classes (a flag is 0/1, an enum its word).

struct SqliteBinder {
    SQLite::Statement& st;
    int index = 1;
    void operator()(const char*, const std::string& v) { st.bind(index++, v); }
    void operator()(const char*, bool v) { st.bind(index++, v ? 1 : 0); }
    void operator()(const char*, std::int64_t v) { st.bind(index++, static_cast<int64_t>(v)); }
    void operator()(const char*, std::uint32_t v) { st.bind(index++, static_cast<int64_t>(v)); }
    void operator()(const char*, int v) { st.bind(index++, v); }
    void operator()(const char*, double v) { st.bind(index++, v); }
    template <class E>
    void operator()(const char*, const EnumColumn<E>& e) {
        st.bind(index++, std::string(toString(e.value)));
    }
    template <class V>
    void operator()(const char*, const IdListColumn<V>& c) {
        st.bind(index++, joinIds(c.value));
    }
};

struct SqliteReader {
    SQLite::Statement& st;
    int index;
    void operator()(const char*, std::string& v) { v = st.getColumn(index++).getString(); }
    void operator()(const char*, bool& v) { v = st.getColumn(index++).getInt() != 0; }
    void operator()(const char*, std::int64_t& v) { v = st.getColumn(index++).getInt64(); }
    void operator()(const char*, std::uint32_t& v) { v = static_cast<std::uint32_t>(st.getColumn(index++).getInt64()); }
    void operator()(const char*, int& v) { v = st.getColumn(index++).getInt(); }
    void operator()(const char*, double& v) { v = st.getColumn(index++).getDouble(); }
    template <class E>
    void operator()(const char*, const EnumColumn<E>& e) {
        e.value = e.parse(st.getColumn(index++).getText()).value_or(e.fallback);
    }
    template <class V>
    void operator()(const char*, const IdListColumn<V>& c) {
        c.value = splitIds(st.getColumn(index++).getString());
    }
};

// --- PostgreSQL: every value as text (a flag is true/false, an enum its word).

struct PgParams {
    std::vector<std::optional<std::string>>& out;
    void operator()(const char*, const std::string& v) { out.emplace_back(v); }
    void operator()(const char*, bool v) { out.emplace_back(v ? "true" : "false"); }
    void operator()(const char*, std::int64_t v) { out.emplace_back(pg::num(v)); }
    void operator()(const char*, std::uint32_t v) { out.emplace_back(pg::num(std::int64_t(v))); }
    void operator()(const char*, int v) { out.emplace_back(pg::num(std::int64_t(v))); }
    void operator()(const char*, double v) { out.emplace_back(pg::num(v)); }
    template <class E>
    void operator()(const char*, const EnumColumn<E>& e) {
        out.emplace_back(std::string(toString(e.value)));
    }
    template <class V>
    void operator()(const char*, const IdListColumn<V>& c) {
        out.emplace_back(joinIds(c.value));
    }
};

struct PgReader {
    const pg::Result& r;
    int row;
    int index;
    void operator()(const char*, std::string& v) { v = r.text(row, index++, kMaxFieldBytes); }
    void operator()(const char*, bool& v) { v = r.text(row, index++, 8) == "t"; }
    void operator()(const char*, std::int64_t& v) { v = r.int64(row, index++); }
    void operator()(const char*, std::uint32_t& v) { v = static_cast<std::uint32_t>(r.int64(row, index++)); }
    void operator()(const char*, int& v) { v = static_cast<int>(r.int64(row, index++)); }
    void operator()(const char*, double& v) { v = r.real(row, index++); }
    template <class E>
    void operator()(const char*, const EnumColumn<E>& e) {
        e.value = e.parse(r.text(row, index++, 32)).value_or(e.fallback);
    }
    template <class V>
    void operator()(const char*, const IdListColumn<V>& c) {
        c.value = splitIds(r.text(row, index++, kMaxFieldBytes));
    }
};

}  // namespace

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : "\n") + id;
    return out;
}

std::vector<std::string> splitIds(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string RecordSql::columnsOf(const char* alias) const {
    std::string out;
    std::size_t start = 0;
    while (start < columns.size()) {
        std::size_t end = columns.find(", ", start);
        if (end == std::string::npos) end = columns.size();
        out += (out.empty() ? "" : ", ") + std::string(alias) + "." + columns.substr(start, end - start);
        start = end + 2;
    }
    return out;
}

const std::vector<ColumnInfo>& noteColumnInfo() {
    static const std::vector<ColumnInfo> info = infoOf<Note>(noteColumnsOf);
    return info;
}

const std::vector<ColumnInfo>& linkColumnInfo() {
    static const std::vector<ColumnInfo> info = infoOf<Link>(linkColumnsOf);
    return info;
}

const std::vector<ColumnInfo>& insightColumnInfo() {
    static const std::vector<ColumnInfo> info = infoOf<Insight>(insightColumnsOf);
    return info;
}

const RecordSql& insightSql(Dialect d) { return sqlFor<Insight>(d, "insight", insightColumnsOf); }

const std::string& insightsCitingSql(Dialect d) {
    // The evidence is one id a line: a note is cited when "\n<id>\n" is in "\n<notes>\n".
    static const std::string sqlite = insightSql(Dialect::Sqlite).select +
                                      " WHERE instr(char(10) || notes || char(10), char(10) || ?1 || char(10)) > 0";
    static const std::string server = insightSql(Dialect::Postgres).select +
                                      " WHERE board = $1 AND strpos(E'\\n' || notes || E'\\n', E'\\n' || $2 || E'\\n') > 0";
    return d == Dialect::Sqlite ? sqlite : server;
}

void bind(SQLite::Statement& st, const Insight& i) { insightColumns(i, SqliteBinder{st}); }

Insight insightFromRow(SQLite::Statement& st, int first) {
    Insight i;
    insightColumns(i, SqliteReader{st, first});
    return i;
}

std::vector<std::optional<std::string>> params(const std::string& board, const Insight& i) {
    std::vector<std::optional<std::string>> out;
    out.reserve(insightSql(Dialect::Postgres).count + 1);
    out.emplace_back(board);
    insightColumns(i, PgParams{out});
    return out;
}

Insight insightFromRow(const pg::Result& r, int row, int first) {
    Insight i;
    insightColumns(i, PgReader{r, row, first});
    return i;
}

const RecordSql& noteSql(Dialect d) { return sqlFor<Note>(d, "note", noteColumnsOf); }
const RecordSql& linkSql(Dialect d) { return sqlFor<Link>(d, "link", linkColumnsOf); }

void bind(SQLite::Statement& st, const Note& n) { noteColumns(n, SqliteBinder{st}); }
void bind(SQLite::Statement& st, const Link& l) { linkColumns(l, SqliteBinder{st}); }

Note noteFromRow(SQLite::Statement& st, int first) {
    Note n;
    noteColumns(n, SqliteReader{st, first});
    return n;
}

Link linkFromRow(SQLite::Statement& st, int first) {
    Link l;
    linkColumns(l, SqliteReader{st, first});
    return l;
}

std::vector<std::optional<std::string>> params(const std::string& board, const Note& n) {
    std::vector<std::optional<std::string>> out;
    out.reserve(noteSql(Dialect::Postgres).count + 1);
    out.emplace_back(board);
    noteColumns(n, PgParams{out});
    return out;
}

std::vector<std::optional<std::string>> params(const std::string& board, const Link& l) {
    std::vector<std::optional<std::string>> out;
    out.reserve(linkSql(Dialect::Postgres).count + 1);
    out.emplace_back(board);
    linkColumns(l, PgParams{out});
    return out;
}

Note noteFromRow(const pg::Result& r, int row, int first) {
    Note n;
    noteColumns(n, PgReader{r, row, first});
    return n;
}

Link linkFromRow(const pg::Result& r, int row, int first) {
    Link l;
    linkColumns(l, PgReader{r, row, first});
    return l;
}

std::optional<ChangeSet> writeChangeSet(RecordWriter& w, const ChangeSet& cs) {
    std::optional<ChangeSet> widened;
    if (!cs.notes.removed.empty()) {
        std::set<std::string> removing, readded;
        for (const auto& l : cs.links.removed) removing.insert(l.id);
        for (const auto& n : cs.notes.added) readded.insert(n.id);  // a replace keeps its links
        for (const auto& n : cs.notes.removed) {
            if (readded.count(n.id)) continue;
            for (Link& l : w.linksOf(n.id)) {
                if (!removing.insert(l.id).second) continue;
                if (!widened) widened = cs;
                widened->links.removed.push_back(std::move(l));
            }
        }
    }
    // Insights others made to cite a note this change removes drop it, as the editor's own do.
    if (!cs.notes.removed.empty()) {
        std::set<std::string> gone, changing;
        for (const auto& n : cs.notes.removed) gone.insert(n.id);
        for (const auto& n : cs.notes.added) gone.erase(n.id);
        for (const auto& i : cs.insights.removed) changing.insert(i.id);
        for (const auto& [before, after] : cs.insights.updated) changing.insert(after.id);
        for (const auto& id : gone) {
            for (Insight& stored : w.insightsCiting(id)) {
                if (!changing.insert(stored.id).second) continue;
                Insight after = stored;
                std::erase_if(after.notes, [&](const std::string& n) { return gone.count(n) > 0; });
                if (!widened) widened = cs;
                widened->insights.updated.emplace_back(std::move(stored), std::move(after));
            }
        }
    }
    for (const auto& l : (widened ? *widened : cs).links.removed) w.removeLink(l);
    for (const auto& i : cs.insights.removed) w.removeInsight(i);
    for (const auto& n : cs.notes.removed) w.removeNote(n);
    for (const auto& n : cs.notes.added) w.addNote(n);
    for (const auto& [before, after] : cs.notes.updated) w.changeNote(before, after);
    for (const auto& l : cs.links.added) w.addLink(l);
    for (const auto& [before, after] : cs.links.updated) w.changeLink(after);
    for (const auto& i : cs.insights.added) w.addInsight(i);
    for (const auto& [before, after] : (widened ? *widened : cs).insights.updated) w.changeInsight(after);
    if (cs.board) w.writeBoard(cs.board->second);
    return widened;
}

void writeBoardRow(SQLite::Database& db, const BoardInfo& b) {
    SQLite::Statement st(db,
                         "INSERT INTO board (singleton, id, title, template, created, wall_width, wall_height) "
                         "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET id = excluded.id, "
                         "title = excluded.title, template = excluded.template, created = excluded.created, "
                         "wall_width = excluded.wall_width, wall_height = excluded.wall_height");
    st.bind(1, b.id);
    st.bind(2, b.title);
    st.bind(3, b.templateKey);
    st.bind(4, static_cast<int64_t>(b.created));
    st.bind(5, b.wallWidth);
    st.bind(6, b.wallHeight);
    st.exec();
    SQLite::Statement q(db,
                        "INSERT INTO quadrant (idx, title, description) VALUES (?, ?, ?) ON CONFLICT (idx) "
                        "DO UPDATE SET title = excluded.title, description = excluded.description");
    for (const auto& quad : b.quadrants) {
        q.bind(1, quad.index);
        q.bind(2, quad.title);
        q.bind(3, quad.description);
        q.exec();
        q.reset();
    }
}

}  // namespace cc::rows
