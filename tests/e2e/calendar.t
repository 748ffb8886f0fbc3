# Working days: public holidays off, adjusted working weekends on, the day of acceptance not counted.
$ sqgl init --clock pinned > /dev/null
$ sqgl calendar --due 2012-01-29 5
2012-02-03
$ sqgl calendar --due 2012-01-21 1
2012-01-29
$ sqgl calendar --due 2025-01-27 1
2025-02-05
$ sqgl calendar --due 2012-01-29 5 --json
{
  "calendar_years_missing": [],
  "due_date": "2012-02-03",
  "from": "2012-01-29",
  "working_days": 5
}
$ sqgl calendar 2012-01
January 2012 (2012年1月) · 国办发明电〔2011〕45号
 Mon Tue Wed Thu Fri Sat Sun
                          1*
  2*  3*  4   5   6   7   8
  9  10  11  12  13  14  15
 16  17  18  19  20  21+ 22*
 23* 24* 25* 26* 27* 28* 29+
 30  31
* holidays (放假): 01-01…01-03 元旦; 01-22…01-28 春节
+ adjusted working days (调休上班): 01-21 (Sat) 春节调休; 01-29 (Sun) 春节调休
working days: 17 of 31
$ sqgl calendar 2025-01
January 2025 (2025年1月) · 国办发明电〔2024〕12号
 Mon Tue Wed Thu Fri Sat Sun
          1*  2   3   4   5
  6   7   8   9  10  11  12
 13  14  15  16  17  18  19
 20  21  22  23  24  25  26+
 27  28* 29* 30* 31*
* holidays (放假): 01-01 元旦; 01-28…01-31 春节
+ adjusted working days (调休上班): 01-26 (Sun) 春节调休
working days: 19 of 31
$ sqgl calendar 2012-02 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["month"], d["working_days"], d["calendar_loaded"], [x["date"] for x in d["days"] if x["kind"]])'
2012-02 21 True []
$ sqgl calendar --years
year  holidays  adjusted  notice
2012        27         7  国办发明电〔2011〕45号
2024        28         8  国办发明电〔2023〕7号
2025        28         5  国办发明电〔2024〕12号
2026        33         6  国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)
# This month (SQGL_NOW pins it) when no month is given.
$ sqgl calendar | head -1
January 2012 (2012年1月) · 国办发明电〔2011〕45号
# A year with no calendar loaded falls back to Monday to Friday, with a warning.
$ sqgl calendar --due 2026-12-31 1
2027-01-01
! sqgl: warning: no working-day calendar for 2027 is loaded; counting Monday to Friday only until the State Council notice for 2027 is imported
$ sqgl calendar 2027-02 | tail -1
working days: 20 of 28
! sqgl: warning: no working-day calendar for 2027 is loaded; counting Monday to Friday only until the State Council notice for 2027 is imported
# Bad input.
$ sqgl calendar --due 2012-02-30 5
! sqgl: error: invalid date '2012-02-30': expected a real date as YYYY-MM-DD
? 2
$ sqgl calendar --due 2012-01-29 -1
! sqgl: error: invalid number of working days '-1': expected a whole number from 0 to 3650
? 2
$ sqgl calendar 2012-13
! sqgl: error: invalid month '2012-13': expected YYYY-MM
? 2
$ sqgl calendar 2012-01 --due 2012-01-29 5
! sqgl: error: give either a month or --due, not both
? 2
