#pragma once
// The trigram index of persons' names (schema 13, person_name_search): what
// `case list --name` looks names up in.

#include <oppteam/store/database.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oppteam {

// Indexes the names of the persons stored since the index was last brought
// up to date (a batch import leaves that to the first search); returns how
// many it indexed. Must run inside a write transaction.
// After indexing at least kOptimizeAfter names at once, the index is merged
// into one segment.
std::int64_t bring_name_index_up_to_date(Database& db);
inline constexpr std::int64_t kOptimizeAfter = 10000;

// After persons were deleted (purge): keeps the mark at or below the
// highest id (SQLite may give a deleted highest id to the next person) and
// merges the index so that no entry of a deleted name stays in it.
void name_index_after_delete(Database& db);

// The index's query for names that contain `name`: every three-character
// piece of it, each quoted (so it is one term), joined with AND. A name
// containing `name` contains each piece, so the rows it finds are a
// superset that the caller narrows down with its own folding. Empty when
// `name` is shorter than three characters (UTF-8 code points), which the
// index cannot answer. (LIKE on the index would be re-checked with SQLite's
// LIKE, which folds ASCII letters only: "østby" would miss "Østby".)
std::string name_index_query(std::string_view name);

}  // namespace oppteam
