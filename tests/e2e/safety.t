# Reliability and security features: tamper evidence (audit verify, head, --anchor),
# sqgl check, sqgl backup, settings (peer authentication, file access), file modes.
$ sqgl init --demo > /dev/null
$ sqgl --as ZZ0101 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 > /dev/null
$ sqgl check | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
integrity (quick_check): ok
foreign keys: ok
history: ok, 183 events, 183 back-filled, head …
replay: ok, the tables are what the history says (1 case, 161 staff, 2 settings, 73,553 residents' flags, 142 calendar days, 13 standards)
$ sqgl audit head > anchor.txt && wc -c < anchor.txt
89
$ sqgl audit verify --anchor "$(cat anchor.txt)" | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
ok: 183 events verified, anchor found, 183 back-filled (dated by $SQGL_NOW); head …
$ sqgl audit verify --anchor abc
! sqgl: error: invalid --anchor 'abc': expected what 'sqgl audit head' prints: 64 hex digits, then the count
? 2
$ sqgl audit verify --anchor 0000000000000000000000000000000000000000000000000000000000000000
! sqgl: error: the history does not verify: the anchor '0000000000000000000000000000000000000000000000000000000000000000' is not in the history (rewritten or truncated before it)
? 1
# Copies made through SQLite (sqlite3 .backup), altered behind sqgl's back.
# A deleted tail leaves no gap in the chain; the head record shows it.
$ umask 077 && sqlite3 sqgl.db ".backup tail.db" && sqlite3 tail.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events)"
$ sqgl --db tail.db audit verify
! sqgl: error: the history does not verify: the history ends at event 182, but event 183 was recorded (the tail was deleted)
? 1
$ sqgl --db tail.db check | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
integrity (quick_check): ok
foreign keys: ok
history: the history does not verify: the history ends at event 182, but event 183 was recorded (the tail was deleted)
replay: not run (the history itself does not verify)
! sqgl: error: check found 1 problem in 'tail.db'
# Rewriting the head record too is caught by the anchor kept elsewhere.
$ umask 077 && sqlite3 sqgl.db ".backup rewritten.db" && sqlite3 rewritten.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events); UPDATE settings SET value = (SELECT id || ' ' || hash FROM events ORDER BY id DESC LIMIT 1) WHERE key = 'history.head'"
$ sqgl --db rewritten.db audit verify | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
ok: 182 events verified, 182 back-filled (dated by $SQGL_NOW); head …
$ sqgl --db rewritten.db audit verify --anchor "$(cat anchor.txt)"
! sqgl: error: the history does not verify: the anchor names event 183, but the history ends at event 182 (truncated)
? 1
# An edited decision.
$ umask 077 && sqlite3 sqgl.db ".backup edited.db" && sqlite3 edited.db "DROP TRIGGER events_no_update; UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.apply'"
$ sqgl --db edited.db check --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], d["integrity"], d["audit"]["problem"])'
False [] history event 183 does not verify: its content does not match its hash (edited)
! sqgl: error: check found 1 problem in 'edited.db'
# bug: an UPDATE behind sqgl's back (the sqlite3 shell) passed check. The history is
# the source of truth: check replays every case, staff member, setting, resident's
# flags and calendar day from it and names every field the tables hold otherwise.
$ umask 077 && sqlite3 sqgl.db ".backup forged.db" && sqlite3 forged.db "UPDATE cases SET status = 'approved', decided_at = '2012-01-30T10:00:00' WHERE number = '150204-20120129-0001'; UPDATE case_steps SET decided_by = (SELECT id FROM staff WHERE staff_no = 'ZZ0102') WHERE status <> 'approved' AND case_id = 1; UPDATE settings SET value = 'peer' WHERE key = 'auth'; INSERT INTO settings VALUES ('auth', 'peer') ON CONFLICT DO NOTHING; UPDATE staff SET login = 'mallory' WHERE staff_no = 'ZZ0102'; UPDATE residents SET low_income = 1 WHERE citizen_id = '150204194601264202'; DELETE FROM calendar_days WHERE date = '2012-01-23'"
$ sqgl --db forged.db check | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
integrity (quick_check): ok
foreign keys: ok
history: ok, 183 events, 183 back-filled, head …
replay: 9 differences between the history and the tables
  setting 'auth': history says unset, tables hold 'peer'
  staff 'ZZ0102': login: history says none, table says 'mallory'
  calendar 2012-01-23: history says off 春节 (2012 calendar), tables hold an ordinary day
  resident '150204********4202': low_income: history says no, table says yes
  case '150204-20120129-0001': status: history says open, table says approved
  case '150204-20120129-0001': decided_at: history says none, table says 2012-01-30T10:00:00
  case '150204-20120129-0001': step 1 decided_by: history says none, table says ZZ0102
  case '150204-20120129-0001': step 2 decided_by: history says none, table says ZZ0102
  case '150204-20120129-0001': step 3 decided_by: history says none, table says ZZ0102
! sqgl: error: check found 9 problems in 'forged.db'
# A broken reference.
$ umask 077 && sqlite3 sqgl.db ".backup fk.db" && sqlite3 fk.db "PRAGMA foreign_keys = OFF; DELETE FROM items WHERE code = 'C08-01'" 2>&1 | head -1
$ sqgl --db fk.db check | head -3
integrity (quick_check): ok
foreign keys: 11 problems
  'cases' row 1 refers to a missing 'items' row
! sqgl: error: check found 11 problems in 'fk.db'
# An index that no longer matches its table (its definition rewritten behind SQLite's
# back): every page and b-tree is sound, so the nightly quick_check passes; the weekly
# --full compares each index with its table and names it.
$ umask 077 && sqlite3 sqgl.db ".backup index.db" && sqlite3 index.db "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX cases_item ON cases(window)' WHERE name = 'cases_item'"
$ sqgl --db index.db check | head -1
integrity (quick_check): ok
$ sqgl --db index.db check --full | head -2
integrity: 1 problem
  row 1 missing from index cases_item
! sqgl: error: check found 1 problem in 'index.db'
# Backups: the district admin's job; the copy is checked, owner-only, and recorded.
$ sqgl --as IT01 backup backup.db | sed -E 's/(head|链头) [0-9a-f]+/\1 …/; s/[0-9,]+ (pages|页)(, |，)[0-9,]+ (bytes|字节)/N \1\2N \3/'
backed up to 'backup.db': N pages, N bytes, read back and compared; quick_check ok, 183 history events verified, head …
$ stat -c %a backup.db
600
$ sqgl --db backup.db check --full | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
integrity: ok
foreign keys: ok
history: ok, 183 events, 183 back-filled, head …
replay: ok, the tables are what the history says (1 case, 161 staff, 2 settings, 73,553 residents' flags, 142 calendar days, 13 standards)
# A damaged page: the database fails its quick_check, and the backup publishes nothing.
$ umask 077 && sqlite3 sqgl.db ".backup damaged.db" && python3 -c "import sqlite3, sys; page = sqlite3.connect('damaged.db').execute(\"SELECT rootpage FROM sqlite_master WHERE name = 'cases_item'\").fetchone()[0]; f = open('damaged.db', 'r+b'); f.seek((page - 1) * 4096); f.write(b'\\x0d' + b'\\xff' * 31)"
$ sqgl --db damaged.db --as IT01 backup damaged-copy.db 2>&1 | sed 's/Page [0-9]*/Page N/'
sqgl: error: backup: the database does not pass quick_check: *** in database main ***
Page N: btreeInitPage() returns error code 11
$ ls damaged-copy.db
! ls: cannot access 'damaged-copy.db': No such file or directory
? 2
$ sqgl --as ZZ0101 backup other.db
! sqgl: error: 'ZZ0101' (阳光社区管理服务站) may not back up the database: that is for the district admin
? 4
$ ls other.db
! ls: cannot access 'other.db': No such file or directory
? 2
$ sqgl --as IT01 backup sqgl.db
! sqgl: error: backup: 'sqgl.db' is the database; writing there would destroy it
? 2
$ sqgl --as IT01 backup no/such/dir/b.db
! sqgl: error: no directory 'no/such/dir' for backup
? 3
$ sqlite3 sqgl.db "SELECT kind, operator, subject FROM events WHERE kind IN ('db.backup', 'permission.denied') ORDER BY id"
db.backup|IT01|backup.db
permission.denied|ZZ0101|other.db
# Settings.
$ sqgl setting
setting           value    from      values                       meaning
db                sqgl.db  SQGL_DB   a path                       the database file (--db, SQGL_DB)
report.format     table    default   table|csv|json|md|html|xlsx  the format of reports without --format
report.street              default   a street office's code       reports cover only this street office without --street
report.community           default   a community's code           reports cover only this community without --community
auth              trust    default   trust|peer                   who is acting: trust takes --as as given; peer takes the staff member whose login is the Unix user
files             owner    default   owner|group                  who may read the database, backups, reports and reject files: the owner (600) or also the group (660)
clock             pinned   database  system|pinned                what dates events: system is the machine's clock; pinned also takes $SQGL_NOW (tests, demos, recorded back-filling), and marks the events it dates back-filled
$ sqgl setting auth
trust
$ sqgl --as ZZ0101 setting auth peer
! sqgl: error: 'ZZ0101' (阳光社区管理服务站) may not change settings: that is for the district admin
? 4
$ sqgl --as IT01 setting auth nobody
! sqgl: error: invalid auth 'nobody': expected 'trust' or 'peer'
? 2
$ sqgl --as IT01 setting colour blue
! sqgl: error: unknown setting 'colour' (the settings are auth, files, clock)
? 2
$ sqgl --as IT01 setting files group
files: owner → group
$ stat -c %a sqgl.db
660
$ sqgl --as IT01 setting files owner
files: group → owner
$ stat -c %a sqgl.db
600
# Peer authentication: the operator is the staff member whose login is this
# process's Unix user (not $USER); --as must name the same person.
$ printf 'staff_no,name,unit,roles,login\nZZ0101,周帆国,150204001001-FWZ,"head,worker",%s\n' "$(id -un)" > login.csv
$ sqgl --as IT01 import staff login.csv --mode upsert
imported staff from 'login.csv': 1 row: 0 inserted, 1 updated, 0 unchanged, 0 rejected
$ sqgl --as IT01 setting auth peer
auth: trust → peer
$ USER=IT01 sqgl setting auth trust 2>&1 | sed "s/'$(id -un)'/'LOGIN'/"
sqgl: error: 'ZZ0101' (阳光社区管理服务站) may not change settings: that is for the district admin
$ sqgl --as IT01 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 2>&1 | sed "s/'$(id -un)'/'LOGIN'/"
sqgl: error: login 'LOGIN' is staff member 'ZZ0101', not 'IT01' (peer authentication)
$ sqgl withdraw 150204-20120129-0001 --reason '本人申请撤回'
case 150204-20120129-0001 withdrawn
$ sqgl list --mine --status open
no cases
# Both refusals are recorded as the person the login is, not the one claimed.
$ sqlite3 sqgl.db "SELECT kind, operator FROM events ORDER BY id DESC LIMIT 3"
case.withdraw|ZZ0101
permission.denied|ZZ0101
permission.denied|ZZ0101
# A database others can read is warned about on every use.
$ chmod 644 sqgl.db && sqgl setting auth
peer
! sqgl: warning: 'sqgl.db' (mode 644) can be read by other users, and it holds residents' personal data: chmod 600 'sqgl.db' 'sqgl.db-wal' 'sqgl.db-shm'
