# sqgl report's files: a CSV file a table (--table, --out DIR/, --out FILE.zip, --bom),
# --out - for any format, the refusals, and what import says of a workbook.
%env SQGL_DB=demo.db
$ sqgl init --demo --scale 0.25 > /dev/null
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.birth_date < '1980-01-01' ORDER BY r.id LIMIT 3" > people
$ SQGL_NOW=2012-01-16T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 1p people)" --item C02-03 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-18T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 2p people)" --item C10-01 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-19T09:00 sqgl --as ZZ0102 apply --resident "$(sed -n 3p people)" --item C07-01 --materials 1,2,3 > /dev/null
$ SQGL_NOW=2012-01-18T10:00 sqgl --as ZZ0101 approve 150204-20120116-0001 > /dev/null
! sqgl: error: step 1 (入户调查) of case '150204-20120116-0001' is a home investigation, not a decision to approve; record it with 'sqgl investigate 150204-20120116-0001 --visited DATE --result pass|fail'
? 5
%env SQGL_NOW=2012-01-31T16:00
# A CSV file holds one table: without --table, a report of several names them and writes nothing.
$ sqgl report backlog --format csv
! sqgl: error: report 'backlog' has 4 tables (by_unit, by_window, by_community, cases) and a CSV file holds one: give --table NAME, or --out DIR/ (a file a table) or --out FILE.zip
? 2
$ sqgl report backlog --format csv --out backlog.csv; ls backlog.csv
! sqgl: error: report 'backlog' has 4 tables (by_unit, by_window, by_community, cases) and a CSV file holds one: give --table NAME, or --out DIR/ (a file a table) or --out FILE.zip
! ls: cannot access 'backlog.csv': No such file or directory
? 2
# --table: one table, RFC 4180 with CR LF line ends, each window named beside its code.
$ sqgl report backlog --format csv --table cases > cases.csv; grep -c $'\r$' cases.csv; tr -d '\r' < cases.csv
4
case,item,community,window,window_name,step_name,unit,assignee,assignee_name,state,age_wd
150204-20120116-0001,C02-03,150204001001,welfare,社区保障,入户调查,150204001001-FWZ,,,open,8
150204-20120118-0001,C10-01,150204001001,services,社区服务,服务站,150204001001-FWZ,,,open,6
150204-20120119-0001,C07-01,150204001001,services,社区服务,服务站,150204001001-FWZ,,,open,5
$ sqgl report backlog --format csv --table by_window | tr -d '\r'
code,name,open,waiting,oldest_wd
services,社区服务,2,0,6
welfare,社区保障,1,0,8
# --table picks a table in every format.
$ sqgl report backlog --table by_window
Backlog: open cases by step, unit, window and community
as of 2012-01-31T23:59:59 · schema 12 · catalog 2012.2 · calendars 2012, 2024, 2025, 2026
3 open cases, 0 of them waiting for materials

By window
  window              open  waiting for materials  oldest (wd)
  services  社区服务     2                      0            6
  welfare   社区保障     1                      0            8
$ sqgl report backlog --table by_window --format md
| # Backlog: open cases by step, unit, window and community

as of 2012-01-31T23:59:59 · schema 12 · catalog 2012.2 · calendars 2012, 2024, 2025, 2026

- 3 open cases, 0 of them waiting for materials

| ## By window

| | window | name | open | waiting for materials | oldest (wd) |
| | --- | --- | ---: | ---: | ---: |
| | services | 社区服务 | 2 | 0 | 6 |
| | welfare | 社区保障 | 1 | 0 | 8 |
$ sqgl report backlog --table by_window --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([t["name"] for t in d["tables"]], d["tables"][0]["rows"])'
['by_window'] [{'code': 'services', 'name': '社区服务', 'oldest_wd': 6, 'open': 2, 'waiting': 0}, {'code': 'welfare', 'name': '社区保障', 'oldest_wd': 8, 'open': 1, 'waiting': 0}]
$ sqgl report backlog --table window
! sqgl: error: report 'backlog' has no table 'window'; its tables: by_unit, by_window, by_community, cases
? 2
# --bom: a UTF-8 byte-order mark first, for Excel; CSV only.
$ sqgl report backlog --format csv --table by_window --bom | head -c 8 | od -An -c
 357 273 277   c   o   d   e   ,
$ sqgl report backlog --format md --bom
! sqgl: error: --bom is for --format csv
? 2
# --out DIR/: a CSV file a table, KIND-TABLE.csv, readable by the owner only.
$ mkdir month && sqgl report backlog --format csv --bom --out month/ && ls month && stat -c %a month/backlog-cases.csv && tail -c +4 month/backlog-by_window.csv | tr -d '\r'
backlog-by_community.csv
backlog-by_unit.csv
backlog-by_window.csv
backlog-cases.csv
600
code,name,open,waiting,oldest_wd
services,社区服务,2,0,6
welfare,社区保障,1,0,8
$ sqgl report backlog --format csv --out nodir/
! sqgl: error: no directory 'nodir/' for --out
? 3
# All or none: one file that cannot be written (a directory has its name) and none is.
$ mkdir -p none/backlog-cases.csv && sqgl report backlog --format csv --out none; ls -A none
backlog-cases.csv
! sqgl: error: --out: 'none/backlog-cases.csv' is a directory; name a file
# --out FILE.zip: a CSV file a table in one archive, dated the as-of day: the same bytes each time.
$ sqgl report backlog --format csv --out backlog.zip && unzip -l backlog.zip
Archive:  backlog.zip
  Length      Date    Time    Name
---------  ---------- -----   ----
       86  2012-01-31 00:00   backlog-by_unit.csv
       91  2012-01-31 00:00   backlog-by_window.csv
       67  2012-01-31 00:00   backlog-by_community.csv
      393  2012-01-31 00:00   backlog-cases.csv
---------                     -------
      637                     4 files
$ unzip -p backlog.zip backlog-by_unit.csv | tr -d '\r'
code,name,open,waiting,oldest_wd
150204001001-FWZ,阳光社区管理服务站,3,0,8
$ sqgl report backlog --format csv --out again.ZIP && cmp backlog.zip again.ZIP && echo identical
identical
# --out - is standard output, for any format (xlsx too, for a pipe); no file is named '-'.
$ sqgl report staffing --street 150204002 --format xlsx --out - | head -c 4 | od -An -c
   P   K 003 004
$ sqgl report staffing --street 150204002 --format xlsx --out - | cmp - <(sqgl report staffing --street 150204002 --format xlsx) && echo identical
identical
$ sqgl report staffing --street 150204002 --format csv --out - | tr -d '\r' | head -2; ls -- -
community,name,street,household_count,station_worker_count,station_worker_target,committee_leader_count,committee_leader_target,status
150204002001,长征社区,150204002,1000,3,3,2,2,ok
! ls: cannot access '-': No such file or directory
? 2
# xlsx is refused on a terminal without --out (script gives the command one).
$ script -qec "sqgl report staffing --format xlsx" /dev/null | tr -d '\r'; echo "exit ${PIPESTATUS[0]}"
sqgl: error: an xlsx workbook is not for the terminal: give --out FILE (or --out - for a pipe)
exit 2
$ script -qec "sqgl report staffing --street 150204002 --format xlsx --out -" /dev/null | head -c 4 | od -An -c
   P   K 003 004
# import: a workbook saved from Excel is named as one, with how to save it as CSV.
$ sqgl report staffing --format xlsx --out staffing.xlsx && sqgl --as IT01 import residents staffing.xlsx
! sqgl: error: 'staffing.xlsx' is an Excel workbook, not CSV: in Excel save it as "CSV UTF-8", or save it as CSV and import that with --encoding gb18030
? 2
$ cp staffing.xlsx staffing.csv && sqgl --as IT01 import residents staffing.csv --encoding gb18030
! sqgl: error: 'staffing.csv' is an Excel workbook, not CSV: in Excel save it as "CSV UTF-8", or save it as CSV and import that with --encoding gb18030
? 2
$ sqgl --as IT01 import residents - < staffing.xlsx
! sqgl: error: '<stdin>' is an Excel workbook, not CSV: in Excel save it as "CSV UTF-8", or save it as CSV and import that with --encoding gb18030
? 2
$ printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0' > old.dat && sqgl --as IT01 import residents old.dat
! sqgl: error: 'old.dat' is an Excel workbook, not CSV: in Excel save it as "CSV UTF-8", or save it as CSV and import that with --encoding gb18030
? 2
$ printf 'a,b\n' > export.XLS && sqgl --as IT01 import residents export.XLS --dry-run
! sqgl: error: 'export.XLS' is an Excel workbook, not CSV: in Excel save it as "CSV UTF-8", or save it as CSV and import that with --encoding gb18030
? 2
