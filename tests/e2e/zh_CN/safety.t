# Reliability and security features: tamper evidence (audit verify, head, --anchor),
# sqgl check, sqgl backup, settings (peer authentication, file access), file modes.
$ sqgl init --demo > /dev/null
$ sqgl --as ZZ0101 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 > /dev/null
$ sqgl check | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
完整性（quick_check）：正常
外键：正常
历史记录：正常，183 个事件，其中 183 个为补录，链头 …
重放：正常，各表与历史记录一致（1 件，161 名工作人员，2 项设置，73,553 位居民的标记，142 个日历日，13 项标准）
$ sqgl audit head > anchor.txt && wc -c < anchor.txt
89
$ sqgl audit verify --anchor "$(cat anchor.txt)" | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
正常：已核验 183 个事件，已找到锚点，其中 183 个为补录（按 $SQGL_NOW 记录时间）；链头 …
$ sqgl audit verify --anchor abc
! sqgl: 错误：--anchor 'abc' 无效：应为 'sqgl audit head' 输出的内容：64 位十六进制数字，后跟事件数
? 2
$ sqgl audit verify --anchor 0000000000000000000000000000000000000000000000000000000000000000
! sqgl: 错误：历史记录未通过核验：锚点 '0000000000000000000000000000000000000000000000000000000000000000' 不在历史记录中（已被改写，或在锚点之前已被截断）
? 1
# Copies made through SQLite (sqlite3 .backup), altered behind sqgl's back.
# A deleted tail leaves no gap in the chain; the head record shows it.
$ umask 077 && sqlite3 sqgl.db ".backup tail.db" && sqlite3 tail.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events)"
$ sqgl --db tail.db audit verify
! sqgl: 错误：历史记录未通过核验：历史记录止于事件 182，但已记录到事件 183（末尾事件已被删除）
? 1
$ sqgl --db tail.db check | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
完整性（quick_check）：正常
外键：正常
历史记录：历史记录未通过核验：历史记录止于事件 182，但已记录到事件 183（末尾事件已被删除）
重放：未运行（历史记录本身未通过核验）
! sqgl: 错误：检查在 'tail.db' 中发现 1 个问题
# Rewriting the head record too is caught by the anchor kept elsewhere.
$ umask 077 && sqlite3 sqgl.db ".backup rewritten.db" && sqlite3 rewritten.db "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events); UPDATE settings SET value = (SELECT id || ' ' || hash FROM events ORDER BY id DESC LIMIT 1) WHERE key = 'history.head'"
$ sqgl --db rewritten.db audit verify | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
正常：已核验 182 个事件，其中 182 个为补录（按 $SQGL_NOW 记录时间）；链头 …
$ sqgl --db rewritten.db audit verify --anchor "$(cat anchor.txt)"
! sqgl: 错误：历史记录未通过核验：锚点指向事件 183，但历史记录止于事件 182（已被截断）
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
完整性（quick_check）：正常
外键：正常
历史记录：正常，183 个事件，其中 183 个为补录，链头 …
重放：历史记录与各表之间有 9 处差异
  设置 'auth'：历史记录为 未设置，数据表为 'peer'
  工作人员 'ZZ0102'：login：历史记录为 无，数据表为 'mallory'
  工作日历 2012-01-23：历史记录为 休 春节（2012 年工作日历），数据表为 普通日
  居民 '150204********4202'：low_income：历史记录为 否，数据表为 是
  办件 '150204-20120129-0001'：status：历史记录为 open，数据表为 approved
  办件 '150204-20120129-0001'：decided_at：历史记录为 无，数据表为 2012-01-30T10:00:00
  办件 '150204-20120129-0001'：step 1 decided_by：历史记录为 无，数据表为 ZZ0102
  办件 '150204-20120129-0001'：step 2 decided_by：历史记录为 无，数据表为 ZZ0102
  办件 '150204-20120129-0001'：step 3 decided_by：历史记录为 无，数据表为 ZZ0102
! sqgl: 错误：检查在 'forged.db' 中发现 9 个问题
# A broken reference.
$ umask 077 && sqlite3 sqgl.db ".backup fk.db" && sqlite3 fk.db "PRAGMA foreign_keys = OFF; DELETE FROM items WHERE code = 'C08-01'" 2>&1 | head -1
$ sqgl --db fk.db check | head -3
完整性（quick_check）：正常
外键：11 个问题
  'cases' row 1 refers to a missing 'items' row
! sqgl: 错误：检查在 'fk.db' 中发现 11 个问题
# An index that no longer matches its table (its definition rewritten behind SQLite's
# back): every page and b-tree is sound, so the nightly quick_check passes; the weekly
# --full compares each index with its table and names it.
$ umask 077 && sqlite3 sqgl.db ".backup index.db" && sqlite3 index.db "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX cases_item ON cases(window)' WHERE name = 'cases_item'"
$ sqgl --db index.db check | head -1
完整性（quick_check）：正常
$ sqgl --db index.db check --full | head -2
完整性：1 个问题
  row 1 missing from index cases_item
! sqgl: 错误：检查在 'index.db' 中发现 1 个问题
# Backups: the district admin's job; the copy is checked, owner-only, and recorded.
$ sqgl --as IT01 backup backup.db | sed -E 's/(head|链头) [0-9a-f]+/\1 …/; s/[0-9,]+ (pages|页)(, |，)[0-9,]+ (bytes|字节)/N \1\2N \3/'
已备份到 'backup.db'：N 页，N 字节，已读回比对；quick_check 通过，已核验 183 个历史记录事件，链头 …
$ stat -c %a backup.db
600
$ sqgl --db backup.db check --full | sed -E 's/(head|链头) [0-9a-f]+/\1 …/'
完整性：正常
外键：正常
历史记录：正常，183 个事件，其中 183 个为补录，链头 …
重放：正常，各表与历史记录一致（1 件，161 名工作人员，2 项设置，73,553 位居民的标记，142 个日历日，13 项标准）
# A damaged page: the database fails its quick_check, and the backup publishes nothing.
$ umask 077 && sqlite3 sqgl.db ".backup damaged.db" && python3 -c "import sqlite3, sys; page = sqlite3.connect('damaged.db').execute(\"SELECT rootpage FROM sqlite_master WHERE name = 'cases_item'\").fetchone()[0]; f = open('damaged.db', 'r+b'); f.seek((page - 1) * 4096); f.write(b'\\x0d' + b'\\xff' * 31)"
$ sqgl --db damaged.db --as IT01 backup damaged-copy.db 2>&1 | sed 's/Page [0-9]*/Page N/'
sqgl: 错误：backup: 数据库未通过 quick_check：*** in database main ***
Page N: btreeInitPage() returns error code 11
$ ls damaged-copy.db
! ls: 无法访问 'damaged-copy.db': 没有那个文件或目录
? 2
$ sqgl --as ZZ0101 backup other.db
! sqgl: 错误：'ZZ0101'（阳光社区管理服务站）无权备份数据库：这是区管理员的工作
? 4
$ ls other.db
! ls: 无法访问 'other.db': 没有那个文件或目录
? 2
$ sqgl --as IT01 backup sqgl.db
! sqgl: 错误：backup：'sqgl.db' 是数据库，写入会将其损毁
? 2
$ sqgl --as IT01 backup no/such/dir/b.db
! sqgl: 错误：backup 的目录 'no/such/dir' 不存在
? 3
$ sqlite3 sqgl.db "SELECT kind, operator, subject FROM events WHERE kind IN ('db.backup', 'permission.denied') ORDER BY id"
db.backup|IT01|backup.db
permission.denied|ZZ0101|other.db
# Settings.
$ sqgl setting
设置              值       来源     可选值                       含义
db                sqgl.db  SQGL_DB  路径                         数据库文件（--db、SQGL_DB）
report.format     table    默认     table|csv|json|md|html|xlsx  未指定 --format 时报表的格式
report.street              默认     街道办事处编码               未指定 --street 时，报表只统计此街道办事处
report.community           默认     社区编码                     未指定 --community 时，报表只统计此社区
auth              trust    默认     trust|peer                   由谁操作：trust 直接采用 --as 给出的工号；peer 采用登录名为当前 Unix 用户的工作人员
files             owner    默认     owner|group                  谁可以读取数据库、备份、报表和导入问题文件：仅属主（600），或同组用户也可（660）
clock             pinned   数据库   system|pinned                事件时间取自何处：system 为本机时钟；pinned 还接受 $SQGL_NOW（用于测试、演示、补录），并将由它定时的事件标记为补录
$ sqgl setting auth
trust
$ sqgl --as ZZ0101 setting auth peer
! sqgl: 错误：'ZZ0101'（阳光社区管理服务站）无权修改设置：这是区管理员的工作
? 4
$ sqgl --as IT01 setting auth nobody
! sqgl: 错误：auth 'nobody' 无效：应为 'trust' 或 'peer'
? 2
$ sqgl --as IT01 setting colour blue
! sqgl: 错误：未知设置 'colour'（可用设置：auth, files, clock）
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
已从 'login.csv' 导入 staff：1 行：新增 0，更新 1，未变 0，拒绝 0
$ sqgl --as IT01 setting auth peer
auth: trust → peer
$ USER=IT01 sqgl setting auth trust 2>&1 | sed "s/'$(id -un)'/'LOGIN'/"
sqgl: 错误：'ZZ0101'（阳光社区管理服务站）无权修改设置：这是区管理员的工作
$ sqgl --as IT01 apply --resident 150204194601264202 --item C08-01 --materials 1,2,3,4 2>&1 | sed "s/'$(id -un)'/'LOGIN'/"
sqgl: 错误：登录名 'LOGIN' 对应工作人员 'ZZ0101'，而不是 'IT01'（peer 认证）
$ sqgl withdraw 150204-20120129-0001 --reason '本人申请撤回'
办件 150204-20120129-0001 已撤回
$ sqgl list --mine --status open
没有办件
# Both refusals are recorded as the person the login is, not the one claimed.
$ sqlite3 sqgl.db "SELECT kind, operator FROM events ORDER BY id DESC LIMIT 3"
case.withdraw|ZZ0101
permission.denied|ZZ0101
permission.denied|ZZ0101
# A database others can read is warned about on every use.
$ chmod 644 sqgl.db && sqgl setting auth
peer
! sqgl: 警告：'sqgl.db'（权限 644）可被其他用户读取，而其中存有居民个人信息：chmod 600 'sqgl.db' 'sqgl.db-wal' 'sqgl.db-shm'
