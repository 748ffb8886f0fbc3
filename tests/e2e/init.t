# sqgl init: create, re-run (nothing changes), refuse newer or foreign files.
# A database is dated by the machine's clock: $SQGL_NOW (set for every transcript)
# is refused unless the database was made for tests, demos or back-filling.
$ sqgl init
! sqgl: error: $SQGL_NOW pins the clock, but a new database is dated by the machine's clock; unset SQGL_NOW, or create it with 'sqgl init --clock pinned' (tests, demos, recorded back-filling)
? 2
$ ls sqgl.db
! ls: cannot access 'sqgl.db': No such file or directory
? 2
$ SQGL_NOW= sqgl --db system.db init > /dev/null && SQGL_NOW= sqgl --db system.db setting clock
system
$ sqgl --db system.db catalog C05-01
! sqgl: error: $SQGL_NOW pins the clock, but this database is dated by the machine's clock; unset SQGL_NOW (a database takes a pinned clock only after its admin runs 'sqgl setting clock pinned', for tests, demos and recorded back-filling)
? 2
$ SQGL_NOW=1999-12-31 sqgl --db system.db catalog C05-01
! sqgl: error: invalid SQGL_NOW '1999-12-31': sqgl keeps cases from 2000 to 2099; a date outside is a typo
? 2
$ sqgl init --clock pinned
created database 'sqgl.db' (schema 12)
loaded the catalog: 12 categories, 64 items (see 'sqgl catalog')
loaded working-day calendars: 2012, 2024, 2025, 2026
loaded 13 household-benefit standards (see 'sqgl household --standards')
$ stat -c %a sqgl.db
600
# A new database is built unnamed and linked into place whole: no log beside it,
# so a copy of the file is the database.
$ ls sqgl.db*
sqgl.db
$ cp sqgl.db copy.db && sqlite3 copy.db "SELECT count(*) FROM items"
64
$ sqgl init
database 'sqgl.db' is up to date (schema 12); nothing changed
$ sqgl init --json
{
  "calendar_years_loaded": [],
  "catalog_loaded": false,
  "changed": false,
  "created": false,
  "database": "sqgl.db",
  "demo": null,
  "loaded_standard_count": 0,
  "previous_schema_version": 12,
  "schema_version": 12
}
$ sqgl --db other.db init --clock pinned --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["created"], d["schema_version"], d["previous_schema_version"], d["catalog_loaded"], d["calendar_years_loaded"])'
True 12 None True [2012, 2024, 2025, 2026]
# A database written by a newer sqgl is refused, and left as it was.
$ sqlite3 other.db 'PRAGMA user_version = 99'
$ sqgl --db other.db init
! sqgl: error: database 'other.db' has schema version 99, newer than this sqgl knows (12); upgrade sqgl
? 5
$ sqgl --db other.db catalog
! sqgl: error: database 'other.db' has schema version 99, newer than this sqgl knows (12); upgrade sqgl
? 5
$ sqlite3 other.db 'PRAGMA user_version'
99
# An older one must be upgraded first.
$ sqlite3 other.db 'PRAGMA user_version = 0'
$ sqgl --db other.db catalog C05-01
! sqgl: error: database 'other.db' has schema version 0, older than this sqgl (12); run 'sqgl init' to upgrade it
? 5
# A file that is not sqgl's is never touched.
$ sqlite3 foreign.db 'CREATE TABLE t (x)'
$ sqgl --db foreign.db init
! sqgl: error: 'foreign.db' is not an sqgl database
? 2
$ sqgl --db foreign.db --as IT01 setting auth peer
! sqgl: error: 'foreign.db' is not an sqgl database
? 2
$ sqlite3 foreign.db '.tables' 'PRAGMA journal_mode' && ls foreign.db*
t
delete
foreign.db
$ touch empty.db && sqgl --db empty.db init
! sqgl: error: 'empty.db' is empty, not an sqgl database; remove it, or name a new file
? 2
# Side files without their database (left from another one) are not adopted.
$ touch stale.db-wal && sqgl --db stale.db init
! sqgl: error: 'stale.db-wal' is there without its database (left from another one?); remove it first
? 2
$ ls stale.db*
stale.db-wal
# An interrupted init leaves nothing; of two racing to create one file, one wins.
$ timeout -s INT 0.5 sqgl --db cut.db init --demo --history 3; ls cut.db*
! sqgl: interrupted
! ls: cannot access 'cut.db*': No such file or directory
? 2
$ (sqgl --db twice.db init --demo > /dev/null 2>&1 & sqgl --db twice.db init --demo > /dev/null 2>&1; wait) ; sqlite3 twice.db "SELECT count(*) FROM units WHERE kind = 'district'"
1
$ echo 'name,phone' > text.db && sqgl --db text.db init
! sqgl: error: 'text.db' is not an sqgl database (not an SQLite file)
? 2
$ cat text.db
name,phone
# An edited catalog with an error: nothing is created.
$ mkdir -p edited/catalog edited/calendar && printf 'code,name_zh,name_en,colour\n' > edited/catalog/windows.csv
$ sqgl --db edited.db init --clock pinned --schema-dir edited
! sqgl: error: edited/catalog/windows.csv:1:4: unknown column 'colour'
? 2
$ ls edited.db
! ls: cannot access 'edited.db': No such file or directory
? 2
# The history records what init did: each event with its business time and the
# machine's, marked when $SQGL_NOW dated it.
$ sqlite3 sqgl.db "SELECT id, at, kind, subject, clock, recorded_at > '2026' FROM events ORDER BY id"
1|2012-01-29T09:00:00|schema.migrate||pinned|1
2|2012-01-29T09:00:00|catalog.load|2012.2|pinned|1
3|2012-01-29T09:00:00|standard.load|dibao|pinned|1
4|2012-01-29T09:00:00|standard.load|dibao|pinned|1
5|2012-01-29T09:00:00|standard.load|dibao|pinned|1
6|2012-01-29T09:00:00|standard.load|dibao|pinned|1
7|2012-01-29T09:00:00|standard.load|dibao|pinned|1
8|2012-01-29T09:00:00|standard.load|dibao|pinned|1
9|2012-01-29T09:00:00|standard.load|low_income|pinned|1
10|2012-01-29T09:00:00|standard.load|low_income|pinned|1
11|2012-01-29T09:00:00|standard.load|low_income|pinned|1
12|2012-01-29T09:00:00|standard.load|low_income|pinned|1
13|2012-01-29T09:00:00|standard.load|low_income|pinned|1
14|2012-01-29T09:00:00|standard.load|low_income|pinned|1
15|2012-01-29T09:00:00|standard.load|housing_area|pinned|1
16|2012-01-29T09:00:00|calendar.load|2012|pinned|1
17|2012-01-29T09:00:00|calendar.load|2024|pinned|1
18|2012-01-29T09:00:00|calendar.load|2025|pinned|1
19|2012-01-29T09:00:00|calendar.load|2026|pinned|1
20|2012-01-29T09:00:00|setting.change|clock|pinned|1
# --files group: a new database its group may open too (the clerks' sqgl processes of
# an installed system run with group sqgl); recorded as the files setting.
$ sqgl --db shared.db init --files group --clock pinned > /dev/null && stat -c %a shared.db && sqgl --db shared.db setting files
660
group
$ sqgl --db shared.db init --files owner
! sqgl: error: --files sets the file access of a new database; an existing one changes it with 'sqgl setting files'
? 2
