# sqgl report: backlog, overdue, staffing, calendar on a small fixed history.
%env SQGL_DB=demo.db
$ sqgl init --demo --scale 0.25 > /dev/null
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.birth_date < '1980-01-01' ORDER BY r.id LIMIT 3" > people
# Three cases before the 2012 Spring Festival; one is decided, two wait across the holiday.
$ SQGL_NOW=2012-01-16T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 1p people)" --item C02-03 --materials 1,2,3 | head -2
accepted case 150204-20120116-0001: C02-03 临时救助申请 for 额尔敦
due 2012-01-30 (7 working days, new model)
$ SQGL_NOW=2012-01-18T09:00 sqgl --as ZZ0101 apply --resident "$(sed -n 2p people)" --item C10-01 --materials 1,2,3 | head -2
accepted case 150204-20120118-0001: C10-01 居民健康档案建档 for 格日勒
due 2012-01-19 (1 working day, new model)
$ SQGL_NOW=2012-01-19T09:00 sqgl --as ZZ0102 apply --resident "$(sed -n 3p people)" --item C07-01 --materials 1,2,3 | head -2
accepted case 150204-20120119-0001: C07-01 老年人优待证办理 for 于欣月
due 2012-01-31 (5 working days, new model)
$ SQGL_NOW=2012-01-18T10:00 sqgl --as ZZ0101 approve 150204-20120116-0001 > /dev/null
$ SQGL_NOW=2012-01-19T10:00 sqgl --as ZZ0102 approve 150204-20120118-0001 > /dev/null
$ SQGL_NOW=2012-01-20T10:00 sqgl --as ZZ0103 route 150204-20120119-0001 --to ZZ0101 > /dev/null
# On 2012-01-31 (after the Spring Festival, 01-22…01-28 off): what waits, what is late.
$ sqgl report backlog --as-of 2012-01-31
Backlog: open cases by step, unit, window and community
as of 2012-01-31T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
3 open cases

By deciding unit
  unit                                  open  oldest (wd)
  150204001001-FWZ  阳光社区管理服务站     1            5
  MZJ               区民政局               1            8
  WSZX              社区卫生服务中心       1            6

By window
  window      open  oldest (wd)
  services       2            6
  welfare        1            8

By community
  community               open  oldest (wd)
  150204001001  阳光社区     3            8

Open cases
  case                  item    community     window    step              unit              assignee  age (wd)
  150204-20120116-0001  C02-03  150204001001  welfare   区民政局          MZJ                                8
  150204-20120118-0001  C10-01  150204001001  services  社区卫生服务中心  WSZX                               6
  150204-20120119-0001  C07-01  150204001001  services  服务站            150204001001-FWZ  ZZ0101           5
$ sqgl report overdue --as-of 2012-01-31
Overdue: cases and steps past their due date
as of 2012-01-31T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
2 cases and 1 step past due

Cases past due
  case                  item    community     step              unit  held by  due         overdue (wd)
  150204-20120116-0001  C02-03  150204001001  区民政局          MZJ            2012-01-30             1
  150204-20120118-0001  C10-01  150204001001  社区卫生服务中心  WSZX           2012-01-19             5

Steps past due in cases still on time
  case                  step    unit              held by  step due    overdue (wd)
  150204-20120119-0001  服务站  150204001001-FWZ  ZZ0101   2012-01-21             3
$ sqgl report overdue --as-of 2012-01-31 --json
{
  "as_of": "2012-01-31T23:59:59",
  "calendar_years": [
    2012,
    2024,
    2025,
    2026
  ],
  "catalog_version": "2012.1",
  "findings": 3,
  "notes": [
    "2 cases and 1 step past due"
  ],
  "period": null,
  "report": "overdue",
  "schema_version": 2,
  "tables": [
    {
      "columns": [
        "case",
        "item",
        "community",
        "step",
        "unit",
        "holder",
        "due",
        "overdue_wd"
      ],
      "name": "cases",
      "rows": [
        [
          "150204-20120116-0001",
          "C02-03",
          "150204001001",
          "区民政局",
          "MZJ",
          null,
          "2012-01-30",
          1
        ],
        [
          "150204-20120118-0001",
          "C10-01",
          "150204001001",
          "社区卫生服务中心",
          "WSZX",
          null,
          "2012-01-19",
          5
        ]
      ],
      "title": "Cases past due"
    },
    {
      "columns": [
        "case",
        "step",
        "unit",
        "holder",
        "step_due",
        "overdue_wd"
      ],
      "name": "steps",
      "rows": [
        [
          "150204-20120119-0001",
          "服务站",
          "150204001001-FWZ",
          "ZZ0101",
          "2012-01-21",
          3
        ]
      ],
      "title": "Steps past due in cases still on time"
    }
  ],
  "title": "Overdue: cases and steps past their due date"
}
$ sqgl report overdue --as-of 2012-01-31 --check > /dev/null
! sqgl: check: overdue report: 2 cases and 1 step past due
? 6
$ sqgl report overdue --as-of 2012-01-17 --check
Overdue: cases and steps past their due date
as of 2012-01-17T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
0 cases and 0 steps past due

Cases past due
  (none)

Steps past due in cases still on time
  (none)
# --as-of ignores what happened later: on 01-18 the first case was still open at its station step.
$ sqgl report backlog --as-of 2012-01-18 --format csv
| # by_unit: By deciding unit
code,name,open,oldest_wd
150204001001-FWZ,阳光社区管理服务站,1,0
MZJ,区民政局,1,2

| # by_window: By window
code,name,open,oldest_wd
services,,1,0
welfare,,1,2

| # by_community: By community
code,name,open,oldest_wd
150204001001,阳光社区,2,2

| # cases: Open cases
case,item,community,window,step,unit,assignee,age_wd
150204-20120116-0001,C02-03,150204001001,welfare,区民政局,MZJ,,2
150204-20120118-0001,C10-01,150204001001,services,服务站,150204001001-FWZ,,0
$ sqgl report backlog --as-of 2012-01-18 --json > a.json && sqgl report backlog --as-of 2012-01-18 --json > b.json && cmp a.json b.json && echo identical
identical
$ sqgl report backlog --as-of 2012-01-31 --format md --window services
| # Backlog: open cases by step, unit, window and community

as of 2012-01-31T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026

- 2 open cases

| ## By deciding unit

| | unit | name | open | oldest (wd) |
| | --- | --- | ---: | ---: |
| | 150204001001-FWZ | 阳光社区管理服务站 | 1 | 5 |
| | WSZX | 社区卫生服务中心 | 1 | 6 |

| ## By window

| | window | name | open | oldest (wd) |
| | --- | --- | ---: | ---: |
| | services |  | 2 | 6 |

| ## By community

| | community | name | open | oldest (wd) |
| | --- | --- | ---: | ---: |
| | 150204001001 | 阳光社区 | 2 | 6 |

| ## Open cases

| | case | item | community | window | step | unit | assignee | age (wd) |
| | --- | --- | --- | --- | --- | --- | --- | ---: |
| | 150204-20120118-0001 | C10-01 | 150204001001 | services | 社区卫生服务中心 | WSZX |  | 6 |
| | 150204-20120119-0001 | C07-01 | 150204001001 | services | 服务站 | 150204001001-FWZ | ZZ0101 | 5 |
$ sqgl report staffing --street 150204002
Staffing: one station worker per 400 households, one committee leader per 800
as of 2012-01-29T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
0 communities below the staffing ratios

Communities
  community               street office  households  station workers  target  committee leaders  target  status
  150204002001  长征社区  150204002            1000                3       3                  2       2  ok
  150204002002  青松社区  150204002            1000                3       3                  2       2  ok
  150204002003  民主社区  150204002            1000                3       3                  2       2  ok
$ sqlite3 demo.db "UPDATE staff SET active = 0 WHERE staff_no = 'ZZ0103'"
$ sqgl report staffing --community 150204001001 --check --format csv
| # communities: Communities
community,name,street,households,workers,workers_target,leaders,leaders_target,status
150204001001,阳光社区,150204001,1000,2,3,2,2,short
! sqgl: check: staffing report: 1 community below the staffing ratios
? 6
# The calendar: cron nags from 1 December until next year's notice is imported.
$ SQGL_NOW=2026-11-28 sqgl report calendar --check
Calendar: official working-day calendars for this year and the next
as of 2026-11-28T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
calendars in place

Years
  year  loaded  notice                                                  holidays  adjusted working days
  2026  yes     国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)        33                      6
  2027  no
$ SQGL_NOW=2026-12-01 sqgl report calendar --check
Calendar: official working-day calendars for this year and the next
as of 2026-12-01T23:59:59 · schema 2 · catalog 2012.1 · calendars 2012, 2024, 2025, 2026
no calendar for 2027 yet: import the State Council notice

Years
  year  loaded  notice                                                  holidays  adjusted working days
  2026  yes     国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)        33                      6
  2027  no
! sqgl: check: calendar report: no calendar for 2027 yet: import the State Council notice
? 6
$ SQGL_NOW=2026-12-01 sqgl report calendar --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["findings"], d["notes"], d["tables"][0]["rows"])'
1 ['no calendar for 2027 yet: import the State Council notice'] [[2026, 'yes', '国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)', 33, 6], [2027, 'no', None, None, None]]
# --out writes atomically, readable by the owner only; a failed run leaves no file.
$ sqgl report overdue --as-of 2012-01-31 --out overdue.txt && head -1 overdue.txt && stat -c %a overdue.txt && ls -A | grep -c tmp || true
Overdue: cases and steps past their due date
600
0
$ sqgl report overdu --out bad.txt; ls bad.txt
! sqgl: error: unknown report 'overdu' (did you mean 'overdue'?)
! ls: cannot access 'bad.txt': No such file or directory
? 2
$ sqgl report backlog --community 150204009009
! sqgl: error: unknown community '150204009009' (did you mean '150204001001'?)
? 3
$ sqgl report backlog --format pdf
! sqgl: error: --format: pdf not in {table,csv,json,md} (see 'sqgl --help')
? 2
