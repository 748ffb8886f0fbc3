-- sqgl schema 12: no separate index for a household's living members.
--
-- A household has a few members: `residents_household` finds them all, and reading
-- their died_on and left_on costs nothing a user can see, where a second index on
-- household_id cost every resident written (some 8 % of a residents import). The
-- one query that counts over a whole community (`sqgl district`) reads the rows
-- instead, some 50 ms on a district of 470,000 residents.
DROP INDEX IF EXISTS residents_living;
