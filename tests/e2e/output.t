# Every file sqgl writes goes through one guard: never the database or its side
# files, never a directory, device, FIFO, socket or symbolic link; owner-only (or
# group under 'setting files group') even over an older file; nothing left behind.
%env SQGL_OPERATOR=IT01
$ sqgl init --demo > /dev/null
$ sqgl --as ZZ0101 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 > /dev/null
# Once sqgl has closed it, the file alone holds every command: no log is left beside it.
$ ls sqgl.db* && cp sqgl.db copy.db && sqlite3 copy.db "SELECT count(*) FROM cases" && rm copy.db
sqgl.db
1
# The database's side files, by any name.
$ sqgl backup sqgl.db-wal
! sqgl: error: backup: 'sqgl.db-wal' is the database's write-ahead log; writing there would destroy it
? 2
$ sqgl backup ./sqgl.db-journal
! sqgl: error: backup: './sqgl.db-journal' is the database's rollback journal; writing there would destroy it
? 2
$ sqgl report backlog --out "$PWD/sqgl.db-shm" 2>&1 | sed "s|$PWD|…|"
sqgl: error: --out: '…/sqgl.db-shm' is the database's shared-memory index; writing there would destroy it
$ ln sqgl.db hardlink.db && sqgl backup hardlink.db
! sqgl: error: backup: 'hardlink.db' is the database; writing there would destroy it
? 2
$ rm hardlink.db
$ sqlite3 sqgl.db "SELECT count(*) FROM cases"
1
# Devices, directories, FIFOs and links are refused; what they are is left as it was.
$ sqgl backup /dev/null
! sqgl: error: backup: '/dev/null' is a device, not a regular file
? 2
$ sqgl report backlog --out /dev/null
! sqgl: error: --out: '/dev/null' is a device, not a regular file
? 2
$ test -c /dev/null && echo still a device
still a device
$ mkdir reports && sqgl report backlog --out reports
! sqgl: error: --out: 'reports' is a directory; name a file
? 2
$ mkfifo pipe && sqgl backup pipe
! sqgl: error: backup: 'pipe' is a FIFO (named pipe), not a regular file
? 2
$ echo precious > precious.txt && ln -s precious.txt link.txt && sqgl report backlog --out link.txt
! sqgl: error: --out: 'link.txt' is a symbolic link; sqgl writes only to a plain file (name the file it points to)
? 2
$ ln -s sqgl.db db-link && sqgl backup db-link
! sqgl: error: backup: 'db-link' is a symbolic link; sqgl writes only to a plain file (name the file it points to)
? 2
$ cat precious.txt && test -p pipe && test -L db-link && echo unchanged
precious
unchanged
$ printf 'citizen_id,name\n' > in.csv && sqgl import residents in.csv --errors in.csv
! sqgl: error: --errors: 'in.csv' is the file being read; name another file
? 2
$ sqgl import residents in.csv --errors link.txt
! sqgl: error: --errors: 'link.txt' is a symbolic link; sqgl writes only to a plain file (name the file it points to)
? 2
# An older file of that name is replaced whole, with the mode the setting gives.
$ echo old > backlog.txt && chmod 644 backlog.txt && sqgl report backlog --out backlog.txt && stat -c %a backlog.txt && head -1 backlog.txt
600
Backlog: open cases by step, unit, window and community
$ echo old > copy.db && chmod 666 copy.db && sqgl backup copy.db > /dev/null && stat -c %a copy.db
600
$ sqgl setting files group > /dev/null && sqgl backup copy.db > /dev/null && stat -c %a copy.db
660
$ sqgl report backlog --format xlsx --out backlog.xlsx && stat -c %a backlog.xlsx && unzip -l backlog.xlsx | grep -c xl/worksheets/
660
5
$ sqgl setting files owner > /dev/null
# A backup copy is whole in its file: it needs no log beside it, even on read-only media.
$ ls copy.db* && sqlite3 copy.db "PRAGMA journal_mode; SELECT count(*) FROM cases"
copy.db
delete
1
# Nothing half-made is ever left: no temporary names beside the targets.
$ ls -A | grep -c sqgl-
0
? 1
