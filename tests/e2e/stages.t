# Review stages as steps of a chain: 低保 (C02-01) under the new model — home
# investigation, democratic review, a posting of 7 calendar days across the National
# Day holiday (09-29 a make-up working day, 09-30 … 10-07 off), an objection that
# sends the case back to review — then the bureau and its posting; and the old
# model through 居委会 → 街道 → 区民政局 with its stages.
%env SQGL_DB=demo.db
$ sqgl init --demo > /dev/null
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.low_income AND r.relation = '户主' AND u.code = '150204001001' ORDER BY r.id LIMIT 2" > low_income && cat low_income
150204195412254974
150204197603150392
$ sqgl route --plan C02-01
C02-01 城市居民最低生活保障申请(低保)

new model: 2 review levels, 20 working days + 14 calendar days of posting, 1 trip
  1.  入户调查      the applicant's community station  worker    home investigation              5 wd
  2.  民主评议      the applicant's community station  head      democratic review               3 wd
  3.  社区公示      the applicant's community station  worker    public posting       7 calendar days
  4.  区民政局      MZJ 区民政局                       approver  decision                       12 wd
  5.  区民政局公示  MZJ 区民政局                       approver  public posting       7 calendar days
      total                                                                                     20 wd
                                                                                     14 calendar days

old model: 3 review levels, 30 working days + 6 calendar days of posting, 3 trips
  1.  入户调查      the applicant's residents' committee  director  home investigation             5 wd
  2.  民主评议      the applicant's residents' committee  director  democratic review              5 wd
  3.  张榜          the applicant's residents' committee  director  public posting      3 calendar days
  4.  街道          the community's street office         reviewer  decision                      15 wd
  5.  区民政局      MZJ 区民政局                          approver  decision                       5 wd
  6.  区民政局公示  MZJ 区民政局                          approver  public posting      3 calendar days
      total                                                                                       30 wd
                                                                                        6 calendar days
$ sqgl calendar 2012-09
September 2012 (2012年9月) · 国办发明电〔2011〕45号
 Mon Tue Wed Thu Fri Sat Sun
                      1   2
  3   4   5   6   7   8   9
 10  11  12  13  14  15  16
 17  18  19  20  21  22  23
 24  25  26  27  28  29+ 30*
* holidays (放假): 09-30 中秋节、国庆节
+ adjusted working days (调休上班): 09-29 (Sat) 国庆节调休
working days: 21 of 30
# The new model.
$ SQGL_NOW=2012-09-27T09:00 sqgl --as ZZ0101 apply --resident "$(head -1 low_income)" --item C02-01 --materials 1,2,3
accepted case 150204-20120927-0001: C02-01 城市居民最低生活保障申请(低保) for household 150204001001-0011, applied for by 卢建刚
means test: income 265 yuan per person a month, 185 under the 低保 standard of 450 (2012, assumed)
due 2012-11-14 (20 working days, new model)
now at step 1 of 5: 入户调查 (阳光社区管理服务站), step due 2012-10-10
# An investigation is not approved: it is recorded.
$ SQGL_NOW=2012-09-27T10:00 sqgl --as ZZ0102 approve 150204-20120927-0001
! sqgl: error: step 1 (入户调查) of case '150204-20120927-0001' is a home investigation, not a decision to approve; record it with 'sqgl investigate 150204-20120927-0001 --visited DATE --result pass|fail'
? 5
$ SQGL_NOW=2012-09-27T15:00 sqgl --as JW0101 investigate 150204-20120927-0001 --visited 2012-09-27 --income 310 --area 9.5 --result pass
! sqgl: error: 'JW0101' (阳光社区居民委员会) may not decide step 1 of case '150204-20120927-0001': it belongs to 阳光社区管理服务站
? 4
# What the visit found is tested against the standard: a pass it contradicts is refused.
$ SQGL_NOW=2012-09-27T15:00 sqgl --as ZZ0102 investigate 150204-20120927-0001 --visited 2012-09-27 --income 520 --area 9.55 --result pass
! sqgl: error: household '150204001001-0011' is not eligible for C02-01 城市居民最低生活保障申请(低保) on what the investigation found: income 520 yuan per person a month, 70 above the 低保 standard of 450 (2012, assumed); record --result fail with the reason
? 2
$ SQGL_NOW=2012-09-27T15:00 sqgl --as ZZ0102 investigate 150204-20120927-0001 --visited 2012-09-27 --income 310.5 --area 9.55 --result pass --note '家中无大件电器'
case 150204-20120927-0001: the home investigation of step 1 (入户调查) passed; now at step 2 of 5: 民主评议 (阳光社区管理服务站), step due 2012-10-08
# The station head organises the review; the votes must add up.
$ SQGL_NOW=2012-09-28T10:00 sqgl --as ZZ0101 review 150204-20120927-0001 --held 2012-09-28 --attendees 7 --for 6 --against 0 --abstain 2
! sqgl: error: the votes (6 for, 0 against, 2 abstaining) add up to 8, not to the 7 attendees
? 2
$ SQGL_NOW=2012-09-28T10:00 sqgl --as ZZ0101 review 150204-20120927-0001 --held 2012-09-28 --attendees 7 --for 6 --against 0 --abstain 1 --minutes 评议纪要2012-09
case 150204-20120927-0001: the democratic review of step 2 (民主评议) passed, 6 of 7 for; now at step 3 of 5: 社区公示 (阳光社区管理服务站), step due 2012-10-05
# The notice hangs 7 calendar days, until 10-05: not closed before.
$ SQGL_NOW=2012-10-02T10:00 sqgl --as ZZ0102 approve 150204-20120927-0001
! sqgl: error: the posting of step 3 of case '150204-20120927-0001' runs until 2012-10-05; it can be closed from then if nobody objects
? 5
$ SQGL_NOW=2012-10-02T10:30 sqgl --as ZZ0102 object 150204-20120927-0001 --reason '群众反映申请人有经营收入'
case 150204-20120927-0001: objection recorded; back at step 2 (民主评议), step due 2012-10-10
$ SQGL_NOW=2012-10-08T10:00 sqgl --as ZZ0101 review 150204-20120927-0001 --held 2012-10-08 --attendees 7 --for 5 --against 1 --abstain 1 --minutes 评议纪要2012-10
case 150204-20120927-0001: the democratic review of step 2 (民主评议) passed, 5 of 7 for; now at step 3 of 5: 社区公示 (阳光社区管理服务站), step due 2012-10-15
$ SQGL_NOW=2012-10-15T10:00 sqgl --as ZZ0102 approve 150204-20120927-0001
case 150204-20120927-0001: step 3 (社区公示) approved; now at step 4 of 5: 区民政局 (区民政局), step due 2012-10-31
# Postings are outside the separation of duties: the approver who decides step 4 closes the bureau's posting.
$ SQGL_NOW=2012-10-16T10:00 sqgl --as MZJ01 approve 150204-20120927-0001
case 150204-20120927-0001: step 4 (区民政局) approved; now at step 5 of 5: 区民政局公示 (区民政局), step due 2012-10-23
$ SQGL_NOW=2012-10-23T10:00 sqgl --as MZJ01 approve 150204-20120927-0001
case 150204-20120927-0001 approved at step 5 (区民政局公示)
$ SQGL_NOW=2012-10-23T11:00 sqgl show 150204-20120927-0001 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
case 150204-20120927-0001  C02-01 城市居民最低生活保障申请(低保)  (new model)
status      approved 2012-10-23T10:00:00
resident    卢建刚 150204********4974
household   150204001001-0011
means test  income 265 yuan per person a month, 185 under the 低保 standard of 450 (2012, assumed)
community   150204001001 阳光社区
accepted    2012-09-27T09:00:00 by ZZ0101 at the 社区保障 window (welfare)
due         2012-11-14: 20 working days after 2012-09-27 (入户调查 5 + 民主评议 3 + 区民政局 12), the day of acceptance not counted, plus 14 calendar days of posting (社区公示 7 + 区民政局公示 7)

steps:
  1.  入户调查      阳光社区管理服务站  worker    home investigation             5 wd  approved  by ZZ0102  2012-09-27T15:00:00  0 wd taken
  2.  民主评议      阳光社区管理服务站  head      democratic review              3 wd  approved  by ZZ0101  2012-10-08T10:00:00  1 wd taken
  3.  社区公示      阳光社区管理服务站  worker    public posting      7 calendar days  approved  by ZZ0102  2012-10-15T10:00:00
  4.  区民政局      区民政局            approver  decision                      12 wd  approved  by MZJ01   2012-10-16T10:00:00  1 wd taken
  5.  区民政局公示  区民政局            approver  public posting      7 calendar days  approved  by MZJ01   2012-10-23T10:00:00

stages:
  1.  attempt 1  home investigation  visited 2012-09-27 by ZZ0102; income 310.5 yuan per person a month, 139.5 under the 低保 standard of 450 (2012, assumed); 9.55 m² per person  pass: 家中无大件电器
  2.  attempt 1  democratic review   held 2012-09-28 by ZZ0101: 6 for, 0 against, 1 abstaining of 7; minutes 评议纪要2012-09                                                       pass
  2.  attempt 2  democratic review   held 2012-10-08 by ZZ0101: 5 for, 1 against, 1 abstaining of 7; minutes 评议纪要2012-10                                                       pass
  3.  attempt 1  public posting      at 社区公示栏 from 2012-09-28 until 2012-10-05                                                                                                objection 2012-10-02 recorded by ZZ0102: 群众反映申请人有经营收入
  3.  attempt 2  public posting      at 社区公示栏 from 2012-10-08 until 2012-10-15                                                                                                no objection; closed 2012-10-15 by ZZ0102
  5.  attempt 1  public posting      at 区民政局公示栏 from 2012-10-16 until 2012-10-23                                                                                            no objection; closed 2012-10-23 by MZJ01

materials:
  1.  申请书/审批表     required       received 2012-09-27
  2.  户口簿+身份证     required       received 2012-09-27
  3.  家庭成员收入证明  required       received 2012-09-27
  4.  残疾证/病历等     if applicable  -

history:
  2012-09-27T09:00:00  ZZ0101  accepted under the new model; due 2012-11-14 (back-filled, recorded …)
  2012-09-27T15:00:00  ZZ0102  home investigation of step 1 passed (visited 2012-09-27); moved to step 2; note: 家中无大件电器 (back-filled, recorded …)
  2012-09-28T10:00:00  ZZ0101  democratic review of step 2 passed: 6 for, 0 against, 1 abstaining of 7; moved to step 3 (back-filled, recorded …)
  2012-10-02T10:30:00  ZZ0102  objection during the posting of step 3: 群众反映申请人有经营收入; back to step 2 (back-filled, recorded …)
  2012-10-08T10:00:00  ZZ0101  democratic review of step 2 passed: 5 for, 1 against, 1 abstaining of 7; moved to step 3 (back-filled, recorded …)
  2012-10-15T10:00:00  ZZ0102  approved step 3 (阳光社区管理服务站); moved to step 4 (back-filled, recorded …)
  2012-10-16T10:00:00  MZJ01   approved step 4 (区民政局); moved to step 5 (back-filled, recorded …)
  2012-10-23T10:00:00  MZJ01   approved step 5 (区民政局); case approved (back-filled, recorded …)
$ SQGL_NOW=2012-10-23T11:00 sqgl show 150204-20120927-0001 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["promise_days"], d["posting_days"], d["posting_wd"]); [print(s["step"], s["attempt"], s["kind"], s["held_date"], s["end_date"], s["income_yuan"], s["area_m2"], s["for_count"], s["result"], s["means_test"] and s["means_test"]["passes"]) for s in d["stages"]]'
20 14 9
1 1 investigation 2012-09-27 None 310.5 9.55 None pass True
2 1 review 2012-09-28 None None None 6 pass None
2 2 review 2012-10-08 None None None 5 pass None
3 1 posting 2012-09-28 2012-10-05 None None None objected None
3 2 posting 2012-10-08 2012-10-15 None None None pass None
5 1 posting 2012-10-16 2012-10-23 None None None pass None
# The old model: the residents' committee investigates, reviews and posts (张榜), then the street office and the bureau.
$ SQGL_NOW=2012-09-27T09:30 sqgl --as ZZ0101 apply --resident "$(tail -1 low_income)" --item C02-01 --materials 1,2,3 --model old
accepted case 150204-20120927-0002: C02-01 城市居民最低生活保障申请(低保) for household 150204001001-0026, applied for by 刘刚海
means test: income 303.67 yuan per person a month, 146.33 under the 低保 standard of 450 (2012, assumed)
due 2012-11-19 (30 working days, old model)
now at step 1 of 6: 入户调查 (阳光社区居民委员会), step due 2012-10-10
$ SQGL_NOW=2012-09-27T15:00 sqgl --as JW0101 investigate 150204-20120927-0002 --visited 2012-09-27 --income 280 --result pass
case 150204-20120927-0002: the home investigation of step 1 (入户调查) passed; now at step 2 of 6: 民主评议 (阳光社区居民委员会), step due 2012-10-10
$ SQGL_NOW=2012-09-28T15:00 sqgl --as JW0101 review 150204-20120927-0002 --held 2012-09-28 --attendees 9 --for 9 --against 0 --abstain 0
case 150204-20120927-0002: the democratic review of step 2 (民主评议) passed, 9 of 9 for; now at step 3 of 6: 张榜 (阳光社区居民委员会), step due 2012-10-01
$ SQGL_NOW=2012-10-08T09:00 sqgl --as JW0101 approve 150204-20120927-0002
case 150204-20120927-0002: step 3 (张榜) approved; now at step 4 of 6: 街道 (幸福路街道), step due 2012-10-29
$ SQGL_NOW=2012-10-08T10:00 sqgl --as JD0101 approve 150204-20120927-0002
case 150204-20120927-0002: step 4 (街道) approved; now at step 5 of 6: 区民政局 (区民政局), step due 2012-10-15
$ SQGL_NOW=2012-10-09T10:00 sqgl --as MZJ02 approve 150204-20120927-0002
case 150204-20120927-0002: step 5 (区民政局) approved; now at step 6 of 6: 区民政局公示 (区民政局), step due 2012-10-12
$ SQGL_NOW=2012-10-12T10:00 sqgl --as MZJ02 approve 150204-20120927-0002
case 150204-20120927-0002 approved at step 6 (区民政局公示)
$ SQGL_NOW=2012-10-12T11:00 sqgl show 150204-20120927-0002 | sed -n '/^steps:/,/^materials:/p'
steps:
  1.  入户调查      阳光社区居民委员会  director  home investigation             5 wd  approved  by JW0101  2012-09-27T15:00:00  0 wd taken
  2.  民主评议      阳光社区居民委员会  director  democratic review              5 wd  approved  by JW0101  2012-09-28T15:00:00  1 wd taken
  3.  张榜          阳光社区居民委员会  director  public posting      3 calendar days  approved  by JW0101  2012-10-08T09:00:00
  4.  街道          幸福路街道          reviewer  decision                      15 wd  approved  by JD0101  2012-10-08T10:00:00  0 wd taken
  5.  区民政局      区民政局            approver  decision                       5 wd  approved  by MZJ02   2012-10-09T10:00:00  1 wd taken
  6.  区民政局公示  区民政局            approver  public posting      3 calendar days  approved  by MZJ02   2012-10-12T10:00:00

stages:
  1.  attempt 1  home investigation  visited 2012-09-27 by JW0101; income 280 yuan per person a month, 170 under the 低保 standard of 450 (2012, assumed)  pass
  2.  attempt 1  democratic review   held 2012-09-28 by JW0101: 9 for, 0 against, 0 abstaining of 9                                                        pass
  3.  attempt 1  public posting      at 居委会公示栏 from 2012-09-28 until 2012-10-01                                                                      no objection; closed 2012-10-08 by JW0101
  6.  attempt 1  public posting      at 区民政局公示栏 from 2012-10-09 until 2012-10-12                                                                    no objection; closed 2012-10-12 by MZJ02

materials:
$ SQGL_NOW=2012-10-31T12:00 sqgl report reform --period 2012-10 --item C02-01
Reform: the new model against the old, on real cases
period 2012-10-01 to 2012-10-31 · as of 2012-10-31T23:59:59 · schema 12 · catalog 2012.2 · calendars 2012, 2024, 2025, 2026
1 decided under the old model, 1 under the new

Total
  model  cases  median wd  p90 wd
  old        1          4       4
  new        1          5       5

By item
  item                                    levels old  levels new  promised old  promised new  trips old  trips new  cases old  cases new  median wd old  median wd new
  C02-01  城市居民最低生活保障申请(低保)           3           2            30            20          3          1          1          1              4              5

Stages inside the levels
  item                                    stages old  stages new  posting days old  posting days new
  C02-01  城市居民最低生活保障申请(低保)           4           4                 6                14
$ sqgl check > /dev/null && echo "history replays"
history replays
