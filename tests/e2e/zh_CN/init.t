# sqgl init: create, re-run (nothing changes), refuse newer or foreign files.
# A database is dated by the machine's clock: $SQGL_NOW (set for every transcript)
# is refused unless the database was made for tests, demos or back-filling.
$ sqgl init
! sqgl: 错误：$SQGL_NOW 固定了时钟，但新数据库按本机时钟记录时间；请取消 SQGL_NOW，或用 'sqgl init --clock pinned' 创建数据库（用于测试、演示、有记录的补录）
? 2
$ ls sqgl.db
! ls: 无法访问 'sqgl.db': 没有那个文件或目录
? 2
$ SQGL_NOW= sqgl --db system.db init > /dev/null && SQGL_NOW= sqgl --db system.db setting clock
system
$ sqgl --db system.db catalog C05-01
! sqgl: 错误：$SQGL_NOW 固定了时钟，但此数据库以本机时钟记时：请取消 SQGL_NOW（只有在管理员运行 'sqgl setting clock pinned' 之后，数据库才接受固定时钟，用于测试、演示和补录）
? 2
$ SQGL_NOW=1999-12-31 sqgl --db system.db catalog C05-01
! sqgl: 错误：SQGL_NOW '1999-12-31' 无效：sqgl 只收录 2000 至 2099 年的办件；超出此范围的日期应是输入错误
? 2
$ sqgl init --clock pinned
已创建数据库 'sqgl.db'（结构版本 12）
已载入事项目录：12 个类别，64 个事项（见 'sqgl catalog'）
已载入工作日历：2012, 2024, 2025, 2026
已载入 13 项家庭类事项标准（参见 'sqgl household --standards'）
$ stat -c %a sqgl.db
600
# A new database is built unnamed and linked into place whole: no log beside it,
# so a copy of the file is the database.
$ ls sqgl.db*
sqgl.db
$ cp sqgl.db copy.db && sqlite3 copy.db "SELECT count(*) FROM items"
64
$ sqgl init
数据库 'sqgl.db' 已是最新（结构版本 12）；未作任何更改
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
! sqgl: 错误：数据库 'other.db' 的结构版本为 99，高于本 sqgl 支持的版本（12）；请升级 sqgl
? 5
$ sqgl --db other.db catalog
! sqgl: 错误：数据库 'other.db' 的结构版本为 99，高于本 sqgl 支持的版本（12）；请升级 sqgl
? 5
$ sqlite3 other.db 'PRAGMA user_version'
99
# An older one must be upgraded first.
$ sqlite3 other.db 'PRAGMA user_version = 0'
$ sqgl --db other.db catalog C05-01
! sqgl: 错误：数据库 'other.db' 的结构版本为 0，低于本 sqgl 的版本（12）；请运行 'sqgl init' 升级
? 5
# A file that is not sqgl's is never touched.
$ sqlite3 foreign.db 'CREATE TABLE t (x)'
$ sqgl --db foreign.db init
! sqgl: 错误：'foreign.db' 不是 sqgl 数据库
? 2
$ sqgl --db foreign.db --as IT01 setting auth peer
! sqgl: 错误：'foreign.db' 不是 sqgl 数据库
? 2
$ sqlite3 foreign.db '.tables' 'PRAGMA journal_mode' && ls foreign.db*
t
delete
foreign.db
$ touch empty.db && sqgl --db empty.db init
! sqgl: 错误：'empty.db' 是空文件，不是 sqgl 数据库；请删除它，或指定一个新文件
? 2
# Side files without their database (left from another one) are not adopted.
$ touch stale.db-wal && sqgl --db stale.db init
! sqgl: 错误：'stale.db-wal' 存在，但没有对应的数据库（是其他数据库遗留的？）；请先删除它
? 2
$ ls stale.db*
stale.db-wal
# An interrupted init leaves nothing; of two racing to create one file, one wins.
$ timeout -s INT 0.5 sqgl --db cut.db init --demo --history 3; ls cut.db*
! sqgl: 已中断
! ls: 无法访问 'cut.db*': 没有那个文件或目录
? 2
$ (sqgl --db twice.db init --demo > /dev/null 2>&1 & sqgl --db twice.db init --demo > /dev/null 2>&1; wait) ; sqlite3 twice.db "SELECT count(*) FROM units WHERE kind = 'district'"
1
$ echo 'name,phone' > text.db && sqgl --db text.db init
! sqgl: 错误：'text.db' 不是 sqgl 数据库（不是 SQLite 文件）
? 2
$ cat text.db
name,phone
# An edited catalog with an error: nothing is created.
$ mkdir -p edited/catalog edited/calendar && printf 'code,name_zh,name_en,colour\n' > edited/catalog/windows.csv
$ sqgl --db edited.db init --clock pinned --schema-dir edited
! sqgl: 错误：edited/catalog/windows.csv:1:4: 未知列 'colour'
? 2
$ ls edited.db
! ls: 无法访问 'edited.db': 没有那个文件或目录
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
! sqgl: 错误：--files 用于设置新数据库的文件访问权限；已有的数据库请用 'sqgl setting files' 修改
? 2
