// A register that changes: residents die, are born, move into the district, move
// between households and communities, and leave it. Each change is one event in
// the history, and what depends on the register reacts in the same transaction: a death
// withdraws the person's open cases, and the open cases of the household are
// flagged for review.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/model/staff.h"

namespace sqgl::core {

/// Who records a change: a station worker at the window (of the community the
/// change belongs to), or the district admin importing the registry's file (whose
/// role the import checked).
enum class RegisterSource { window, registry };

/// A resident died.
struct DeathRequest {
  std::string citizen_id;
  std::string date;  ///< YYYY-MM-DD
  std::string note;
};

/// A resident, or every member of a household living there, left the district.
struct LeaveRequest {
  std::string citizen_id;  ///< one resident …
  std::string household;   ///< … or this household (one of the two)
  std::string date;        ///< YYYY-MM-DD
  std::string to;          ///< where to, as the registry gives it
};

/// A child registered into a household.
struct BirthRequest {
  std::string citizen_id;
  std::string name;
  char sex = 0;  ///< 'M' or 'F'; 0 takes the citizen ID's
  std::string household;
  std::string relation = "子女";
  std::string date;  ///< the birth date; "" takes the citizen ID's, else it must agree
};

/// Someone moves into the district (迁入): a new resident, or one whose departure is
/// on record coming back, into a household there (a new code makes it, with a grid
/// or community and an address).
struct ArrivalRequest {
  std::string citizen_id;
  std::string name;          ///< a new resident's name (required); a returning one keeps theirs
  char sex = 0;              ///< 'M' or 'F'; 0 takes the citizen ID's
  std::string household;     ///< the household they join, or a new one's code
  std::string relation;      ///< to its head (required for an existing household; 户主 for a new one)
  std::string to_grid;       ///< a new household's grid (it names the community) …
  std::string to_community;  ///< … or its community, for no grid
  std::string address;       ///< a new household's address
  std::string from;          ///< where from, as the registry gives it
  std::string date;          ///< YYYY-MM-DD; "" for today
};

/// A resident moves to another household, or a whole household moves.
struct MoveRequest {
  std::string citizen_id;    ///< one resident moves to `to_household` …
  std::string household;     ///< … or this whole household moves (one of the two)
  std::string to_household;  ///< the resident's household; a new code makes it, with an address
  std::string relation;      ///< the resident's relation to the new household's head
  std::string to_grid;       ///< the grid moved into (it names the community) …
  std::string to_community;  ///< … or the community, for a household in no grid
  std::string address;       ///< the household's address there
  std::string date;          ///< YYYY-MM-DD; "" for today
};

/// A death or a departure from the district recorded in error.
struct RestoreRequest {
  std::string citizen_id;
  std::string reason;  ///< why the record was wrong (required)
};

/// What a change did.
struct RegisterResult {
  std::string household;               ///< the household the change is about (for a move, where to)
  std::string community;               ///< its community code
  std::string community_name;
  std::string date;                    ///< when it happened
  std::int64_t residents = 0;          ///< residents changed
  std::vector<std::string> withdrawn;  ///< cases withdrawn (a death)
  std::vector<std::string> flagged;    ///< open cases given a notice to review
  std::vector<std::string> kept;       ///< open cases that stay with the community that accepted them (a move)
  std::string undone;                  ///< a restore: "death" or "departure", undone
  std::vector<std::string> still_withdrawn;  ///< a restore: cases the death withdrew, which stay withdrawn
};

/// Records a death: PermissionDenied unless `op` may (a station worker of the
/// resident's community at the window), Conflict when the resident died or left
/// already, InvalidInput for a date after today or before the birth.
RegisterResult record_death(SQLite::Database& db, const Clock& clock, const Operator& op, const DeathRequest& request,
                            RegisterSource source);

/// Records a departure from the district.
RegisterResult record_leave(SQLite::Database& db, const Clock& clock, const Operator& op, const LeaveRequest& request,
                            RegisterSource source);

/// Registers a child in a household (Conflict when the citizen ID is in the register).
RegisterResult record_birth(SQLite::Database& db, const Clock& clock, const Operator& op, const BirthRequest& request,
                            RegisterSource source);

/// Records a move; at the window, the receiving community's station records it.
/// Open cases stay with the community that accepted them; the grid worker follows
/// the household's grid.
RegisterResult record_move(SQLite::Database& db, const Clock& clock, const Operator& op, const MoveRequest& request,
                           RegisterSource source);

/// Records an arrival in the district: the receiving community's station at the
/// window. Conflict when the citizen ID is in the register and has not left, or died.
RegisterResult record_arrival(SQLite::Database& db, const Clock& clock, const Operator& op,
                              const ArrivalRequest& request, RegisterSource source);

/// Restores a resident whose death or departure was recorded in error: the register
/// forgets it, and the register.restore event keeps what was undone and why. The
/// cases the death withdrew stay withdrawn (each withdrawal is in its case's
/// history; the resident applies again) and are named; notices stay on their cases.
/// Conflict when neither is recorded; the same station as a death records it.
RegisterResult record_restore(SQLite::Database& db, const Clock& clock, const Operator& op,
                              const RestoreRequest& request, RegisterSource source);

/// The words of a notice kind ("death", "left_district", "moved").
inline constexpr const char* kNoticeKinds[] = {"death", "left_district", "moved"};

}  // namespace sqgl::core
