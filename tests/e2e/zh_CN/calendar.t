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
2012年1月（2012/1） · 国办发明电〔2011〕45号
  一  二  三  四  五  六  日
                          1*
  2*  3*  4   5   6   7   8
  9  10  11  12  13  14  15
 16  17  18  19  20  21+ 22*
 23* 24* 25* 26* 27* 28* 29+
 30  31
* 放假：01-01…01-03 元旦; 01-22…01-28 春节
+ 调休上班：01-21 (周六) 春节调休; 01-29 (周日) 春节调休
工作日：17 天（共 31 天）
$ sqgl calendar 2025-01
2025年1月（2025/1） · 国办发明电〔2024〕12号
  一  二  三  四  五  六  日
          1*  2   3   4   5
  6   7   8   9  10  11  12
 13  14  15  16  17  18  19
 20  21  22  23  24  25  26+
 27  28* 29* 30* 31*
* 放假：01-01 元旦; 01-28…01-31 春节
+ 调休上班：01-26 (周日) 春节调休
工作日：19 天（共 31 天）
$ sqgl calendar 2012-02 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["month"], d["working_days"], d["calendar_loaded"], [x["date"] for x in d["days"] if x["kind"]])'
2012-02 21 True []
$ sqgl calendar --years
年份  放假天数  调休天数  通知
2012        27         7  国办发明电〔2011〕45号
2024        28         8  国办发明电〔2023〕7号
2025        28         5  国办发明电〔2024〕12号
2026        33         6  国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)
# This month (SQGL_NOW pins it) when no month is given.
$ sqgl calendar | head -1
2012年1月（2012/1） · 国办发明电〔2011〕45号
# A year with no calendar loaded falls back to Monday to Friday, with a warning.
$ sqgl calendar --due 2026-12-31 1
2027-01-01
! sqgl: 警告：未载入 2027 年的工作日历；在导入 2027 年的国务院通知之前，只按周一至周五计算
$ sqgl calendar 2027-02 | tail -1
工作日：20 天（共 28 天）
! sqgl: 警告：未载入 2027 年的工作日历；在导入 2027 年的国务院通知之前，只按周一至周五计算
# Bad input.
$ sqgl calendar --due 2012-02-30 5
! sqgl: 错误：日期 '2012-02-30' 无效：应为 YYYY-MM-DD 格式的有效日期
? 2
$ sqgl calendar --due 2012-01-29 -1
! sqgl: 错误：工作日数 '-1' 无效：应为 0 到 3650 之间的整数
? 2
$ sqgl calendar 2012-13
! sqgl: 错误：月份 '2012-13' 无效：应为 YYYY-MM
? 2
$ sqgl calendar 2012-01 --due 2012-01-29 5
! sqgl: 错误：月份和 --due 只能给出其一
? 2
