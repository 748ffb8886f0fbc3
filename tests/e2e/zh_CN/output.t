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
! sqgl: 错误：backup：'sqgl.db-wal' 是数据库的预写日志，写入会将其损毁
? 2
$ sqgl backup ./sqgl.db-journal
! sqgl: 错误：backup：'./sqgl.db-journal' 是数据库的回滚日志，写入会将其损毁
? 2
$ sqgl report backlog --out "$PWD/sqgl.db-shm" 2>&1 | sed "s|$PWD|…|"
sqgl: 错误：--out：'…/sqgl.db-shm' 是数据库的共享内存索引，写入会将其损毁
$ ln sqgl.db hardlink.db && sqgl backup hardlink.db
! sqgl: 错误：backup：'hardlink.db' 是数据库，写入会将其损毁
? 2
$ rm hardlink.db
$ sqlite3 sqgl.db "SELECT count(*) FROM cases"
1
# Devices, directories, FIFOs and links are refused; what they are is left as it was.
$ sqgl backup /dev/null
! sqgl: 错误：backup：'/dev/null' 是设备，不是普通文件
? 2
$ sqgl report backlog --out /dev/null
! sqgl: 错误：--out：'/dev/null' 是设备，不是普通文件
? 2
$ test -c /dev/null && echo still a device
still a device
$ mkdir reports && sqgl report backlog --out reports
! sqgl: 错误：--out：'reports' 是目录；请指定一个文件
? 2
$ mkfifo pipe && sqgl backup pipe
! sqgl: 错误：backup：'pipe' 是 FIFO（命名管道），不是普通文件
? 2
$ echo precious > precious.txt && ln -s precious.txt link.txt && sqgl report backlog --out link.txt
! sqgl: 错误：--out：'link.txt' 是符号链接；sqgl 只写入普通文件（请指定它指向的文件）
? 2
$ ln -s sqgl.db db-link && sqgl backup db-link
! sqgl: 错误：backup：'db-link' 是符号链接；sqgl 只写入普通文件（请指定它指向的文件）
? 2
$ cat precious.txt && test -p pipe && test -L db-link && echo unchanged
precious
unchanged
$ printf 'citizen_id,name\n' > in.csv && sqgl import residents in.csv --errors in.csv
! sqgl: 错误：--errors：'in.csv' 是正在读取的文件；请指定其他文件
? 2
$ sqgl import residents in.csv --errors link.txt
! sqgl: 错误：--errors：'link.txt' 是符号链接；sqgl 只写入普通文件（请指定它指向的文件）
? 2
# An older file of that name is replaced whole, with the mode the setting gives.
$ echo old > backlog.txt && chmod 644 backlog.txt && sqgl report backlog --out backlog.txt && stat -c %a backlog.txt && head -1 backlog.txt
600
积压：按环节、单位、窗口和社区统计在办件
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
