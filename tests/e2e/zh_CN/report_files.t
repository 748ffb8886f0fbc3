# sqgl report's files: a CSV file a table (--table, --out DIR/, --out FILE.zip, --bom),
# --out - for any format, the refusals, and what import says of a workbook.
%env SQGL_DB=demo.db
$ sqgl init --demo --scale 0.25 > /dev/null
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.birth_date < '1980-01-01' ORDER BY r.id LIMIT 3" > people
$ SQGL_NOW=2012-01-16T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 1p people)" --item C02-03 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-18T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 2p people)" --item C10-01 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-19T09:00 sqgl --as ZZ0102 apply --resident "$(sed -n 3p people)" --item C07-01 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-18T10:00 sqgl --as ZZ0101 approve 150204-20120116-0001 > /dev/null
! sqgl: 错误：办件 '150204-20120116-0001' 的第 1 环节（入户调查）是入户调查，不能批准；请用 'sqgl investigate 150204-20120116-0001 --visited 日期 --result pass|fail' 记录
? 5
%env SQGL_NOW=2012-01-31T16:00
# A CSV file holds one table: without --table, a report of several names them and writes nothing.
$ sqgl report backlog --format csv
! sqgl: 错误：报表 'backlog' 有 4 张表（by_unit, by_window, by_community, cases），而一个 CSV 文件只能放一张：请给出 --table NAME，或 --out DIR/（每张表一个文件）或 --out FILE.zip
? 2
$ sqgl report backlog --format csv --out backlog.csv; ls backlog.csv
! sqgl: 错误：报表 'backlog' 有 4 张表（by_unit, by_window, by_community, cases），而一个 CSV 文件只能放一张：请给出 --table NAME，或 --out DIR/（每张表一个文件）或 --out FILE.zip
! ls: 无法访问 'backlog.csv': 没有那个文件或目录
? 2
# --table: one table, RFC 4180 with CR LF line ends, each window named beside its code.
$ sqgl report backlog --format csv --table cases > cases.csv; grep -c $'\r$' cases.csv; tr -d '\r' < cases.csv
4
办件编号,事项,社区,窗口,名称,环节,单位,经办人,姓名,状态,历时(工作日)
150204-20120116-0001,C02-03,150204001001,welfare,社区保障,入户调查,150204001001-FWZ,,,open,8
150204-20120118-0001,C10-01,150204001001,services,社区服务,服务站,150204001001-FWZ,,,open,6
150204-20120119-0001,C07-01,150204001001,services,社区服务,服务站,150204001001-FWZ,,,open,5
$ sqgl report backlog --format csv --table by_window | tr -d '\r'
窗口,名称,在办,待补正,最长历时(工作日)
services,社区服务,2,0,6
welfare,社区保障,1,0,8
# --table picks a table in every format.
$ sqgl report backlog --table by_window
积压：按环节、单位、窗口和社区统计在办件
截至 2012-01-31T23:59:59 · 数据库版本 12 · 目录版本 2012.2 · 工作日历 2012, 2024, 2025, 2026
在办件 3 件，其中待补正 0 件

按窗口
  窗口                在办  待补正  最长历时(工作日)
  services  社区服务     2       0                 6
  welfare   社区保障     1       0                 8
$ sqgl report backlog --table by_window --format md
| # 积压：按环节、单位、窗口和社区统计在办件

截至 2012-01-31T23:59:59 · 数据库版本 12 · 目录版本 2012.2 · 工作日历 2012, 2024, 2025, 2026

- 在办件 3 件，其中待补正 0 件

| ## 按窗口

| | 窗口 | 名称 | 在办 | 待补正 | 最长历时(工作日) |
| | --- | --- | ---: | ---: | ---: |
| | services | 社区服务 | 2 | 0 | 6 |
| | welfare | 社区保障 | 1 | 0 | 8 |
$ sqgl report backlog --table by_window --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([t["name"] for t in d["tables"]], d["tables"][0]["rows"])'
['by_window'] [{'code': 'services', 'name': '社区服务', 'oldest_wd': 6, 'open': 2, 'waiting': 0}, {'code': 'welfare', 'name': '社区保障', 'oldest_wd': 8, 'open': 1, 'waiting': 0}]
$ sqgl report backlog --table window
! sqgl: 错误：报表 'backlog' 没有表 'window'；它的表有：by_unit, by_window, by_community, cases
? 2
# --bom: a UTF-8 byte-order mark first, for Excel; CSV only.
$ sqgl report backlog --format csv --table by_window --bom | head -c 8 | od -An -c
 357 273 277 347 252 227 345 217
$ sqgl report backlog --format md --bom
! sqgl: 错误：--bom 仅用于 --format csv
? 2
# --out DIR/: a CSV file a table, KIND-TABLE.csv, readable by the owner only.
$ mkdir month && sqgl report backlog --format csv --bom --out month/ && ls month && stat -c %a month/backlog-cases.csv && tail -c +4 month/backlog-by_window.csv | tr -d '\r'
backlog-by_community.csv
backlog-by_unit.csv
backlog-by_window.csv
backlog-cases.csv
600
窗口,名称,在办,待补正,最长历时(工作日)
services,社区服务,2,0,6
welfare,社区保障,1,0,8
$ sqgl report backlog --format csv --out nodir/
! sqgl: 错误：--out 的目录 'nodir/' 不存在
? 3
# All or none: one file that cannot be written (a directory has its name) and none is.
$ mkdir -p none/backlog-cases.csv && sqgl report backlog --format csv --out none; ls -A none
backlog-cases.csv
! sqgl: 错误：--out：'none/backlog-cases.csv' 是目录；请指定一个文件
# --out FILE.zip: a CSV file a table in one archive, dated the as-of day: the same bytes each time.
$ sqgl report backlog --format csv --out backlog.zip && unzip -l backlog.zip
Archive:  backlog.zip
  Length      Date    Time    Name
---------  ---------- -----   ----
      108  2012-01-31 00:00   backlog-by_unit.csv
      113  2012-01-31 00:00   backlog-by_window.csv
       89  2012-01-31 00:00   backlog-by_community.csv
      400  2012-01-31 00:00   backlog-cases.csv
---------                     -------
      710                     4 files
$ unzip -p backlog.zip backlog-by_unit.csv | tr -d '\r'
单位,名称,在办,待补正,最长历时(工作日)
150204001001-FWZ,阳光社区管理服务站,3,0,8
$ sqgl report backlog --format csv --out again.ZIP && cmp backlog.zip again.ZIP && echo identical
identical
# --out - is standard output, for any format (xlsx too, for a pipe); no file is named '-'.
$ sqgl report staffing --street 150204002 --format xlsx --out - | head -c 4 | od -An -c
   P   K 003 004
$ sqgl report staffing --street 150204002 --format xlsx --out - | cmp - <(sqgl report staffing --street 150204002 --format xlsx) && echo identical
identical
$ sqgl report staffing --street 150204002 --format csv --out - | tr -d '\r' | head -2; ls -- -
社区,名称,街道,户数,社区工作者,应配,居委会负责人,应配,状态
150204002001,长征社区,150204002,1000,3,3,2,2,ok
! ls: 无法访问 '-': 没有那个文件或目录
? 2
# xlsx is refused on a terminal without --out (script gives the command one).
$ script -qec "sqgl report staffing --format xlsx" /dev/null | tr -d '\r'; echo "exit ${PIPESTATUS[0]}"
sqgl: 错误：xlsx 工作簿不能输出到终端：请给出 --out FILE（通过管道输出时用 --out -）
exit 2
$ script -qec "sqgl report staffing --street 150204002 --format xlsx --out -" /dev/null | head -c 4 | od -An -c
   P   K 003 004
# import: a workbook saved from Excel is named as one, with how to save it as CSV.
$ sqgl report staffing --format xlsx --out staffing.xlsx && sqgl --as IT01 import residents staffing.xlsx
! sqgl: 错误：'staffing.xlsx' 是 Excel 工作簿，不是 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或另存为 CSV 后用 --encoding gb18030 导入
? 2
$ cp staffing.xlsx staffing.csv && sqgl --as IT01 import residents staffing.csv --encoding gb18030
! sqgl: 错误：'staffing.csv' 是 Excel 工作簿，不是 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或另存为 CSV 后用 --encoding gb18030 导入
? 2
$ sqgl --as IT01 import residents - < staffing.xlsx
! sqgl: 错误：'<stdin>' 是 Excel 工作簿，不是 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或另存为 CSV 后用 --encoding gb18030 导入
? 2
$ printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0' > old.dat && sqgl --as IT01 import residents old.dat
! sqgl: 错误：'old.dat' 是 Excel 工作簿，不是 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或另存为 CSV 后用 --encoding gb18030 导入
? 2
$ printf 'a,b\n' > export.XLS && sqgl --as IT01 import residents export.XLS --dry-run
! sqgl: 错误：'export.XLS' 是 Excel 工作簿，不是 CSV：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或另存为 CSV 后用 --encoding gb18030 导入
? 2
