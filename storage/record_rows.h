#pragma once
// The one home of how records become table rows and back, for every store: the columns of each
// record kind (in one list per kind), the SQL text each dialect (a SQLite board file, a team
// server) writes and reads them with, the row <-> record mapping for each dialect, and the one
// order in which a change set's records are written. A new field of a note is one line in
// noteColumns() (plus its column in each dialect's schema: migrations.cpp, pg/pg_schema.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "canvas/change_set.h"
#include "canvas/model.h"

namespace SQLite {
class Database;
class Statement;
}

namespace cc::pg {
class Result;
}

namespace cc::rows {

/// An enum field as stored: its word (toString), read back with `parse`, else `fallback` (the
/// record guard cannot see what an unknown word meant, so it reads as the usual kind).
template <class E>
struct EnumColumn {
    E& value;
    std::optional<std::remove_const_t<E>> (*parse)(std::string_view);
    std::remove_const_t<E> fallback;
};
template <class E>
EnumColumn<E> enumColumn(E& value, std::optional<std::remove_const_t<E>> (*parse)(std::string_view),
                         std::remove_const_t<E> fallback) {
    return {value, parse, fallback};
}

/// A list of record ids kept in one text column, one id a line (an id holds no line break: the
/// document refuses one in an insight's evidence).
template <class V>
struct IdListColumn {
    V& value;
};
std::string joinIds(const std::vector<std::string>& ids);
std::vector<std::string> splitIds(std::string_view text);

/// Calls `column(name, field)` for each column of a note's row, in column order (`N` is Note or
/// const Note). A field is std::string, bool, Millis, std::uint32_t, int, double or an EnumColumn;
/// a note's tags are rows of a table of their own (note_tag).
template <class N, class F>
void noteColumns(N& n, F&& column) {
    column("id", n.id);
    column("text", n.text);
    column("source", n.source);
    column("data", enumColumn(n.data, dataKindFromString, DataKind::Qualitative));
    column("customer_initiated", n.customerInitiated);
    column("date_gathered", n.dateGathered);
    column("author", n.author);
    column("created", n.created);
    column("updated", n.updated);
    column("segment", n.segment);
    column("prov_file", n.provenance.file);
    column("prov_location", n.provenance.location);
    column("prov_excerpt", n.provenance.excerpt);
    column("colour", n.colour);
    column("votes", n.votes);
    column("state", enumColumn(n.state, noteStateFromString, NoteState::Pinned));
    column("quadrant", n.quadrant);
    column("x", n.x);
    column("y", n.y);
    column("w", n.w);
    column("h", n.h);
}

/// The same for a link's row.
template <class L, class F>
void linkColumns(L& l, F&& column) {
    column("id", l.id);
    column("from_id", l.from);
    column("to_id", l.to);
    column("kind", enumColumn(l.kind, linkKindFromString, LinkKind::Relates));
    column("label", l.label);
    column("author", l.author);
    column("created", l.created);
}

/// The same for an insight's row; its evidence is one column (see IdListColumn).
template <class I, class F>
void insightColumns(I& i, F&& column) {
    column("id", i.id);
    column("title", i.title);
    column("statement", i.statement);
    column("quadrant", i.quadrant);
    column("notes", IdListColumn<std::remove_reference_t<decltype((i.notes))>>{i.notes});
    column("author", i.author);
    column("created", i.created);
    column("updated", i.updated);
    column("votes", i.votes);
    column("state", enumColumn(i.state, insightStateFromString, InsightState::Draft));
}

/// What a column holds, as far as a store's checks care.
enum class ColumnKind { Text, Integer, Real };
struct ColumnInfo {
    std::string name;
    ColumnKind kind;
};
/// The columns of a note's row and of a link's row, in order (from noteColumns / linkColumns).
const std::vector<ColumnInfo>& noteColumnInfo();
const std::vector<ColumnInfo>& linkColumnInfo();
const std::vector<ColumnInfo>& insightColumnInfo();

/// Where a store keeps its rows.
enum class Dialect {
    Sqlite,    ///< a board file: one board per file, `?N` parameters
    Postgres,  ///< a team server: every row keyed by its board's name (parameter $1), `$N` parameters
};

/// The SQL text of one record kind in one dialect, made from its column list.
struct RecordSql {
    std::string columns;  ///< "id, text, ..." in column order
    std::string select;   ///< SELECT <columns> FROM <table> (add WHERE ...; Postgres: `WHERE board = $1 ...`)
    std::string insert;   ///< inserts one row: parameters as bind() / params() set them
    std::string update;   ///< updates one row by id (same parameters); 0 rows changed: it is gone
    std::string remove;   ///< deletes one row by id (Sqlite: ?1 = id; Postgres: $1 = board, $2 = id)
    /// The column list with each name prefixed by `alias.` (for joins).
    std::string columnsOf(const char* alias) const;
    std::size_t count = 0;  ///< columns in a row
};
const RecordSql& noteSql(Dialect d);
const RecordSql& linkSql(Dialect d);
const RecordSql& insightSql(Dialect d);
/// SELECT of the insights whose evidence holds one note (Sqlite: ?1 = the note's id; Postgres:
/// $1 = board, $2 = the note's id).
const std::string& insightsCitingSql(Dialect d);

// SQLite rows: parameters ?1..?N in column order; a row read from column `first` on.
void bind(SQLite::Statement& st, const Note& n);
void bind(SQLite::Statement& st, const Link& l);
Note noteFromRow(SQLite::Statement& st, int first = 0);
Link linkFromRow(SQLite::Statement& st, int first = 0);
void bind(SQLite::Statement& st, const Insight& i);
Insight insightFromRow(SQLite::Statement& st, int first = 0);

// Server rows: parameters $1 = board, $2..$N+1 the columns; text longer than kMaxFieldBytes is
// refused (the record guard cuts what is longer than a record may hold).
inline constexpr std::size_t kMaxFieldBytes = 16u << 20;
std::vector<std::optional<std::string>> params(const std::string& board, const Note& n);
std::vector<std::optional<std::string>> params(const std::string& board, const Link& l);
Note noteFromRow(const pg::Result& r, int row, int first = 0);
Link linkFromRow(const pg::Result& r, int row, int first = 0);
std::vector<std::optional<std::string>> params(const std::string& board, const Insight& i);
Insight insightFromRow(const pg::Result& r, int row, int first = 0);

/// One store's statements for the records of one change set (see writeChangeSet).
class RecordWriter {
public:
    virtual ~RecordWriter() = default;
    /// The links stored now from or to note `id`.
    virtual std::vector<Link> linksOf(const std::string& noteId) = 0;
    virtual void removeLink(const Link& l) = 0;
    virtual void removeNote(const Note& n) = 0;
    virtual void addNote(const Note& n) = 0;
    /// Throws when the note is no longer stored (someone else deleted it meanwhile).
    virtual void changeNote(const Note& before, const Note& after) = 0;
    virtual void addLink(const Link& l) = 0;
    virtual void changeLink(const Link& after) = 0;
    virtual void writeBoard(const BoardInfo& b) = 0;
    /// The insights stored now that cite note `noteId`.
    virtual std::vector<Insight> insightsCiting(const std::string& noteId) = 0;
    virtual void addInsight(const Insight& i) = 0;
    /// Throws when the insight is no longer stored (someone else deleted it meanwhile).
    virtual void changeInsight(const Insight& after) = 0;
    virtual void removeInsight(const Insight& i) = 0;
};

/// Writes the records of `cs` in the one order every store uses: links removed, insights removed,
/// notes removed, notes added and changed, links added and changed, insights added and changed,
/// the board. Someone else may have linked to
/// a note this change removes since this process last looked: those links go with the note, and
/// the insights that cite it since drop it from their evidence.
/// Returns the change set to log when it had to be widened by them (nullopt: log `cs` itself),
/// so that every process, and every replay of the history, removes them too.
std::optional<ChangeSet> writeChangeSet(RecordWriter& w, const ChangeSet& cs);

/// Writes a board file's board row and its quadrants (inserted or replaced): the board file's
/// and the server board's local copy's.
void writeBoardRow(SQLite::Database& db, const BoardInfo& b);

}  // namespace cc::rows
