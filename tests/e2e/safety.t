# Reliability and security features: tamper evidence (audit verify, head, --anchor),
# sqgl check, sqgl backup, settings (peer authentication, file access), file modes.
$ sqgl init --demo > /dev/null
$ sqgl --as ZZ0101 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 > /dev/null
$ sqgl check
integrity: ok
foreign keys: ok
history: ok, 8 events, head 2d5d828e2250c76114a5fc43084c4c4da58843dcc7f1425808a0be8f6dc091ef
$ sqgl audit head > anchor.txt && wc -c < anchor.txt
65
$ sqgl audit verify --anchor "$(cat anchor.txt)" | sed 's/head [0-9a-f]*/head …/'
ok: 8 events verified, anchor found; head …
$ sqgl audit verify --anchor abc
! sqgl: error: invalid --anchor 'abc': expected the 64 hex digits 'sqgl audit head' prints
? 2
$ sqgl audit verify --anchor 0000000000000000000000000000000000000000000000000000000000000000
! sqgl: error: the history does not verify: the anchor '0000000000000000000000000000000000000000000000000000000000000000' is not in the history (rewritten or truncated before it)
? 1
# A live database is copied with its log (sqlite3 .backup, or sqgl backup), never with cp:
# the file alone may lag the last few commands.
# A deleted tail leaves no gap in the chain; the head record shows it.
$ umask 077 && sqlite3 sqgl.db ".backup tail.db" && sqlite3 tail.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events)"
$ sqgl --db tail.db audit verify
! sqgl: error: the history does not verify: the history ends at event 7, but event 8 was recorded (the tail was deleted)
? 1
$ sqgl --db tail.db check | sed 's/head [0-9a-f]*/head …/'
integrity: ok
foreign keys: ok
history: the history does not verify: the history ends at event 7, but event 8 was recorded (the tail was deleted)
! sqgl: error: check found 1 problem in 'tail.db'
# Rewriting the head record too is caught by the anchor kept elsewhere.
$ umask 077 && sqlite3 sqgl.db ".backup rewritten.db" && sqlite3 rewritten.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events); UPDATE settings SET value = (SELECT id || ' ' || hash FROM events ORDER BY id DESC LIMIT 1) WHERE key = 'history.head'"
$ sqgl --db rewritten.db audit verify | sed 's/head [0-9a-f]*/head …/'
ok: 7 events verified; head …
$ sqgl --db rewritten.db audit verify --anchor "$(cat anchor.txt)"
! sqgl: error: the history does not verify: the anchor '2d5d828e2250c76114a5fc43084c4c4da58843dcc7f1425808a0be8f6dc091ef' is not in the history (rewritten or truncated before it)
? 1
# An edited decision.
$ umask 077 && sqlite3 sqgl.db ".backup edited.db" && sqlite3 edited.db "DROP TRIGGER events_no_update; UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.apply'"
$ sqgl --db edited.db check --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], d["integrity"], d["history"]["problem"])'
False [] history event 8 does not verify: its content does not match its hash (edited)
! sqgl: error: check found 1 problem in 'edited.db'
# A broken reference.
$ umask 077 && sqlite3 sqgl.db ".backup fk.db" && sqlite3 fk.db "PRAGMA foreign_keys = OFF; DELETE FROM items WHERE code = 'C08-01'" 2>&1 | head -1
$ sqgl --db fk.db check | head -3
integrity: ok
foreign keys: 11 problems
  'cases' row 1 refers to a missing 'items' row
! sqgl: error: check found 11 problems in 'fk.db'
# Backups: the district admin's job; the copy is checked, owner-only, and recorded.
$ sqgl --as IT01 backup backup.db | sed 's/head [0-9a-f]*/head …/; s/[0-9,]* pages, [0-9,]* bytes/N pages, N bytes/'
backed up to 'backup.db': N pages, N bytes; integrity ok, 8 history events verified, head …
$ stat -c %a backup.db
600
$ sqgl --db backup.db check | sed 's/head [0-9a-f]*/head …/'
integrity: ok
foreign keys: ok
history: ok, 8 events, head …
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
setting  value  values       meaning
auth     trust  trust|peer   who is acting: trust takes --as as given; peer takes the staff member whose login is the Unix user
files    owner  owner|group  who may read the database, backups, reports and reject files: the owner (600) or also the group (660)
$ sqgl setting auth
trust
$ sqgl --as ZZ0101 setting auth peer
! sqgl: error: 'ZZ0101' (阳光社区管理服务站) may not change settings: that is for the district admin
? 4
$ sqgl --as IT01 setting auth nobody
! sqgl: error: invalid auth 'nobody': expected 'trust' or 'peer'
? 2
$ sqgl --as IT01 setting colour blue
! sqgl: error: unknown setting 'colour' (the settings are auth, files)
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
$ sqlite3 sqgl.db "SELECT kind, operator FROM events ORDER BY id DESC LIMIT 3"
case.withdraw|ZZ0101
permission.denied|IT01
permission.denied|ZZ0101
# A database others can read is warned about on every use.
$ chmod 644 sqgl.db && sqgl setting auth
peer
! sqgl: warning: 'sqgl.db' (mode 644) can be read by other users, and it holds residents' personal data: chmod 600 'sqgl.db' 'sqgl.db-wal' 'sqgl.db-shm'
