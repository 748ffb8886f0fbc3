# The case workflow on the demo district, on the reform's own dates.
%env SQGL_DB=demo.db
$ sqgl init --demo > /dev/null
# Residents used below (the demo is deterministic: same seed, same people).
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.pregnant AND u.code = '150204001001' ORDER BY r.id LIMIT 1" > pregnant && cat pregnant
15020419820927536X
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.sex = 'M' AND u.code = '150204001001' ORDER BY r.id LIMIT 1" > man && cat man
150204197410037051
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.pregnant AND u.code = '150204002001' ORDER BY r.id LIMIT 1" > elsewhere && cat elsewhere
150203197508080449
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.disabled AND u.code = '150204001001' ORDER BY r.id LIMIT 1" > disabled && cat disabled
150204194601264202
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.low_income AND r.relation = '户主' AND u.code = '150204001001' ORDER BY r.id LIMIT 2" > low_income && cat low_income
150204195412254974
150204197603150392
#
# 一杯奶 (C05-01) on 2012-01-29, a Sunday that was an official working day.
$ sqgl route --plan C05-01
C05-01 "一杯奶"生育关怀申请

new model: 2 review levels, 5 working days, 1 trip
  1.  服务站        the applicant's community station  worker    decision  2 wd
  2.  区人口计生局  JSJ 区人口和计划生育局             approver  decision  3 wd
      total                                                                5 wd

old model: 3 review levels, 20 working days, 3 trips
  1.  居委会        the applicant's residents' committee  director  decision   5 wd
  2.  街道计生办    the community's street office         reviewer  decision   5 wd
  3.  区人口计生局  JSJ 区人口和计划生育局                approver  decision  10 wd
      total                                                                   20 wd
$ sqlite3 demo.db .dump > before.sql
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3
! sqgl: error: C05-01 "一杯奶"生育关怀申请 needs these materials too (一次性告知): 4 医院早孕/孕检证明
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 夫妻身份证,结婚证,3,4 --note '怀孕3个月'
accepted case 150204-20120129-0001: C05-01 "一杯奶"生育关怀申请 for 孙颖敏
due 2012-02-03 (5 working days, new model)
now at step 1 of 2: 服务站 (阳光社区管理服务站), step due 2012-01-31
$ sqgl --as IT01 route --auto
assigned 1 open step (1 to the applicant's grid worker)
$ SQGL_NOW=2012-01-30T10:00 sqgl --as ZZ0101 approve 150204-20120129-0001 --note '材料齐全'
case 150204-20120129-0001: step 1 (服务站) approved; now at step 2 of 2: 区人口计生局 (区人口和计划生育局), step due 2012-02-02
$ SQGL_NOW=2012-02-01T15:30 sqgl --as JSJ01 approve 150204-20120129-0001
case 150204-20120129-0001 approved at step 2 (区人口计生局)
$ SQGL_NOW=2012-02-01T16:00 sqgl show 150204-20120129-0001 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
case 150204-20120129-0001  C05-01 "一杯奶"生育关怀申请  (new model)
status     approved 2012-02-01T15:30:00
resident   孙颖敏 150204********536X
community  150204001001 阳光社区
accepted   2012-01-29T09:00:00 by ZZ0101 at the 社区服务 window (services)
due        2012-02-03: 5 working days after 2012-01-29 (服务站 2 + 区人口计生局 3), the day of acceptance not counted
note       怀孕3个月

steps:
  1.  服务站        阳光社区管理服务站  worker    decision  2 wd  approved  by ZZ0101  2012-01-30T10:00:00  1 wd taken
  2.  区人口计生局  区人口和计划生育局  approver  decision  3 wd  approved  by JSJ01   2012-02-01T15:30:00  2 wd taken

materials:
  1.  夫妻身份证          required  received 2012-01-29
  2.  结婚证              required  received 2012-01-29
  3.  生育服务证(准生证)  required  received 2012-01-29
  4.  医院早孕/孕检证明   required  received 2012-01-29

history:
  2012-01-29T09:00:00  ZZ0101  accepted under the new model; due 2012-02-03 (back-filled, recorded …)
  2012-01-29T09:00:00  IT01    step 1 assigned to ZZ0101 (auto) (back-filled, recorded …)
  2012-01-30T10:00:00  ZZ0101  approved step 1 (阳光社区管理服务站); moved to step 2; note: 材料齐全 (back-filled, recorded …)
  2012-02-01T15:30:00  JSJ01   approved step 2 (区人口和计划生育局); case approved (back-filled, recorded …)
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 5 --comment '当周就批了'
case 150204-20120129-0001 rated 5 (非常满意)
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 4
! sqgl: error: case '150204-20120129-0001' was already rated (5)
? 5
#
# Refusals, each with its own message and exit code, nothing written.
$ sqlite3 demo.db .dump > before.sql
$ sqgl --as ZZ0101 apply --resident "$(cat man)" --item C05-01 --materials 1,2,3,4
! sqgl: error: resident '150204********7051' (谢涛) is not eligible for C05-01 "一杯奶"生育关怀申请: women only; pregnant only
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat elsewhere)" --item C05-01 --materials 1,2,3,4
! sqgl: error: resident '150203********0449' (张桂梅) is registered in 长征社区 (150204002001), not at this station; C05-01 is handled where the resident is registered
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3
! sqgl: error: resident '150204********536X' was granted C05-01 in case '150204-20120129-0001' on 2012-02-01; its 280 days run until 2012-11-07: a new application is possible from 2012-11-08, or once the birth is registered
? 5
$ sqgl --as ZZ0101 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2
! sqgl: error: C08-01 第二代残疾人证换领 needs these materials too (一次性告知): 3 原残疾人证; 4 2寸近期免冠白底彩照2张
? 2
$ SQGL_NOW=2012-01-29T09:30 sqgl --as ZZ0101 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2,3,4 > /dev/null
$ sqlite3 demo.db .dump > before.sql
$ SQGL_NOW=2012-01-29T09:40 sqgl --as ZZ0102 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2,3,4
! sqgl: error: resident '150204********4202' already has open case '150204-20120129-0002' for C08-01, accepted on 2012-01-29
? 5
$ sqgl --as ZZ0101 apply --resident 150204197802295025 --item C05-01
! sqgl: error: invalid citizen ID '150204********5025': birth date 1978-02-29 is not a real date
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-1
! sqgl: error: unknown item 'C05-1' (did you mean 'C05-01'?)
? 3
$ sqgl apply --resident "$(cat pregnant)" --item C05-01
! sqgl: error: who is acting? give --as STAFF_NO or set SQGL_OPERATOR
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
#
# 低保 (C02-01): two review levels now, three before; a case under each model follows its own chain.
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
$ sqgl --as ZZ0101 apply --resident "$(sed -n 1p low_income)" --item C02-05 --materials 1,2,3,4
accepted case 150204-20120129-0003: C02-05 城市"三无"人员(特困人员)供养申请 for 卢建刚
due 2012-02-24 (20 working days, new model)
now at step 1 of 2: 服务站 (阳光社区管理服务站), step due 2012-02-08
$ sqgl --as ZZ0101 apply --resident "$(sed -n 2p low_income)" --item C02-05 --materials 1,2,3,4 --model old
accepted case 150204-20120129-0004: C02-05 城市"三无"人员(特困人员)供养申请 for 刘刚海
due 2012-03-09 (30 working days, old model)
now at step 1 of 3: 居委会 (阳光社区居民委员会), step due 2012-02-03
$ sqgl show 150204-20120129-0004 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["model"], [(s["name"], s["unit"], s["role"], s["promise_days"]) for s in d["steps"]])'
old [('居委会', '150204001001-JWH', 'director', 5), ('街道', '150204001', 'reviewer', 20), ('区民政局', 'MZJ', 'approver', 5)]
$ sqgl show 150204-20120129-0003 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["model"], [(s["name"], s["unit"], s["role"], s["promise_days"]) for s in d["steps"]])'
new [('服务站', '150204001001-FWZ', 'worker', 8), ('区民政局', 'MZJ', 'approver', 12)]
#
# Who may act: another community's street office, a second step by the same person, an unknown operator.
$ SQGL_NOW=2012-01-31 sqgl --as JW0101 approve 150204-20120129-0004
case 150204-20120129-0004: step 1 (居委会) approved; now at step 2 of 3: 街道 (幸福路街道), step due 2012-02-28
$ SQGL_NOW=2012-02-01 sqgl --as JD0201 approve 150204-20120129-0004
! sqgl: error: 'JD0201' (乌素图街道) may not decide step 2 of case '150204-20120129-0004': it belongs to 幸福路街道
? 4
$ SQGL_NOW=2012-02-01 sqgl --as JD0101 approve 150204-20120129-0004
case 150204-20120129-0004: step 2 (街道) approved; now at step 3 of 3: 区民政局 (区民政局), step due 2012-02-08
$ SQGL_NOW=2012-01-30 sqgl --as ZZ0101 approve 150204-20120129-0002
case 150204-20120129-0002: step 1 (服务站) approved; now at step 2 of 3: 区残联 (区残疾人联合会), step due 2012-02-03
$ SQGL_NOW=2012-02-01 sqgl --as CL01 approve 150204-20120129-0002
case 150204-20120129-0002: step 2 (区残联) approved; now at step 3 of 3: 服务站 (阳光社区管理服务站), step due 2012-02-03
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 approve 150204-20120129-0002
! sqgl: error: 'ZZ0101' decided step 1 of case '150204-20120129-0002'; one person may not decide two steps of a case
? 4
# A refusal is recorded in the history in English, whatever language the person refused reads.
$ sqlite3 demo.db "SELECT json_extract(detail, '$.reason') FROM events WHERE kind = 'permission.denied' ORDER BY id DESC LIMIT 1"
'ZZ0101' decided step 1 of case '150204-20120129-0002'; one person may not decide two steps of a case
$ SQGL_NOW=2012-02-02 sqgl --as NOBODY approve 150204-20120129-0002
! sqgl: error: unknown operator 'NOBODY'
? 4
$ SQGL_NOW=2012-02-02 sqgl --as JSJ01 approve 150204-20120129-0002
! sqgl: error: 'JSJ01' (区人口和计划生育局) may not decide step 3 of case '150204-20120129-0002': it belongs to 阳光社区管理服务站
? 4
# Each refusal is recorded, dated by the machine's clock (when someone tried is not a
# business time to back-fill).
$ sqlite3 demo.db "SELECT operator, kind, subject, clock, at = recorded_at FROM events WHERE kind = 'permission.denied' ORDER BY id"
JD0201|permission.denied|150204-20120129-0004|system|1
ZZ0101|permission.denied|150204-20120129-0002|system|1
NOBODY|permission.denied|150204-20120129-0002|system|1
JSJ01|permission.denied|150204-20120129-0002|system|1
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0102 approve 150204-20120129-0002
case 150204-20120129-0002 approved at step 3 (服务站)
#
# Returned for materials for 3 working days: the due date moves by 3 working days.
$ SQGL_NOW=2012-01-30 sqgl --as ZZ0101 approve 150204-20120129-0003 > /dev/null
$ SQGL_NOW=2012-02-01 sqgl --as MZJ01 approve 150204-20120129-0003 --return 3 --note '收入证明缺少单位盖章'
case 150204-20120129-0003 returned at step 2 (区民政局) for supplementary materials; its clock stops
# The reviewer's reason is shown to the clerk who meets the resident again.
$ SQGL_NOW=2012-02-01 sqgl show 150204-20120129-0003 | tail -1 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
  2012-02-01T00:00:00  MZJ01   returned at step 2 for materials 3; note: 收入证明缺少单位盖章 (back-filled, recorded …)
$ SQGL_NOW=2012-02-02 sqgl --as MZJ01 approve 150204-20120129-0003
! sqgl: error: case '150204-20120129-0003' is waiting for materials since 2012-02-01; record them with 'sqgl apply --supplement 150204-20120129-0003 --materials …' first
? 5
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --supplement 150204-20120129-0003 --materials 1
! sqgl: error: case '150204-20120129-0003' still waits for: 3 无劳动能力证明/残疾证
? 2
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --supplement 150204-20120129-0003 --materials 家庭成员收入证明
! sqgl: error: '家庭成员收入证明' is not a material of C02-05; see 'sqgl catalog C02-05'
? 2
$ sqgl show 150204-20120129-0003 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["due_date"], d["paused_days"], d["steps"][1]["due_date"])'
returned 2012-02-24 0 2012-02-15
$ SQGL_NOW=2012-02-07 sqgl --as MZJ02 approve 150204-20120129-0003 --reject '家庭人均收入高于低保标准'
! sqgl: error: case '150204-20120129-0003' is waiting for materials since 2012-02-01; record them with 'sqgl apply --supplement 150204-20120129-0003 --materials …' first
? 5
$ SQGL_NOW=2012-02-07 sqgl --as MZJ02 approve 150204-20120129-0003
! sqgl: error: case '150204-20120129-0003' is waiting for materials since 2012-02-01; record them with 'sqgl apply --supplement 150204-20120129-0003 --materials …' first
? 5
#
# Queues.
$ SQGL_NOW=2012-03-01 sqgl list --status open
case                  item    resident  status  step      assignee  step due    due
150204-20120129-0004  C02-05  刘刚海    open    区民政局            2012-02-08  2012-03-09
1 case
# Without --status or --all, the cases still open, the first due first; --all
# adds the decided ones.
$ SQGL_NOW=2012-03-01 sqgl list
case                  item    resident  status    step      assignee  step due    due
150204-20120129-0003  C02-05  卢建刚    returned  区民政局            2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海    open      区民政局            2012-02-08  2012-03-09
2 open cases
$ SQGL_NOW=2012-03-01 sqgl list --all
case                  item    resident  status    step      assignee  step due    due
150204-20120129-0001  C05-01  孙颖敏    approved                                  2012-02-03
150204-20120129-0002  C08-01  琪琪格    approved                                  2012-02-10
150204-20120129-0003  C02-05  卢建刚    returned  区民政局            2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海    open      区民政局            2012-02-08  2012-03-09
4 cases
$ SQGL_NOW=2012-03-01 sqgl list --all --sort accepted
case                  item    resident  status    step      assignee  step due    due
150204-20120129-0001  C05-01  孙颖敏    approved                                  2012-02-03
150204-20120129-0003  C02-05  卢建刚    returned  区民政局            2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海    open      区民政局            2012-02-08  2012-03-09
150204-20120129-0002  C08-01  琪琪格    approved                                  2012-02-10
4 cases
$ SQGL_NOW=2012-03-01 sqgl list --all --sort item --limit 2
case                  item    resident  status    step      assignee  step due    due
150204-20120129-0003  C02-05  卢建刚    returned  区民政局            2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海    open      区民政局            2012-02-08  2012-03-09
first 2 of 4 cases; a larger --limit shows more
$ SQGL_NOW=2012-03-01 sqgl list --all --sort community --limit 1
case                  item    resident  status    step  assignee  step due  due
150204-20120129-0001  C05-01  孙颖敏    approved                            2012-02-03
first 1 of 4 cases; a larger --limit shows more
$ SQGL_NOW=2012-03-01 sqgl list --status approved --sort number --limit 5
case                  item    resident  status    step  assignee  step due  due
150204-20120129-0001  C05-01  孙颖敏    approved                            2012-02-03
150204-20120129-0002  C08-01  琪琪格    approved                            2012-02-10
2 cases
$ SQGL_NOW=2012-03-01 sqgl list --all --limit 1 --json
{
  "case_count": 1,
  "cases": [
    {
      "accepted_at": "2012-01-29T09:00:00",
      "assignee": null,
      "community": "150204001001",
      "community_name": "阳光社区",
      "due_date": "2012-02-03",
      "item": "C05-01",
      "item_name": "\"一杯奶\"生育关怀申请",
      "notice_count": 0,
      "number": "150204-20120129-0001",
      "overdue": false,
      "resident": "150204********536X",
      "resident_name": "孙颖敏",
      "status": "approved",
      "step": null,
      "step_due_date": null,
      "step_name": null,
      "step_unit": null
    }
  ],
  "limit": 1,
  "matching_case_count": 4
}
$ SQGL_NOW=2012-03-01 sqgl list --all --sort number --jsonl
{"accepted_at":"2012-01-29T09:00:00","assignee":null,"community":"150204001001","community_name":"阳光社区","due_date":"2012-02-03","item":"C05-01","item_name":"\"一杯奶\"生育关怀申请","notice_count":0,"number":"150204-20120129-0001","overdue":false,"resident":"150204********536X","resident_name":"孙颖敏","status":"approved","step":null,"step_due_date":null,"step_name":null,"step_unit":null}
{"accepted_at":"2012-01-29T09:30:00","assignee":null,"community":"150204001001","community_name":"阳光社区","due_date":"2012-02-10","item":"C08-01","item_name":"第二代残疾人证换领","notice_count":0,"number":"150204-20120129-0002","overdue":false,"resident":"150204********4202","resident_name":"琪琪格","status":"approved","step":null,"step_due_date":null,"step_name":null,"step_unit":null}
{"accepted_at":"2012-01-29T09:00:00","assignee":null,"community":"150204001001","community_name":"阳光社区","due_date":"2012-02-24","item":"C02-05","item_name":"城市\"三无\"人员(特困人员)供养申请","notice_count":0,"number":"150204-20120129-0003","overdue":false,"resident":"150204********4974","resident_name":"卢建刚","status":"returned","step":2,"step_due_date":"2012-02-15","step_name":"区民政局","step_unit":"MZJ"}
{"accepted_at":"2012-01-29T09:00:00","assignee":null,"community":"150204001001","community_name":"阳光社区","due_date":"2012-03-09","item":"C02-05","item_name":"城市\"三无\"人员(特困人员)供养申请","notice_count":0,"number":"150204-20120129-0004","overdue":false,"resident":"150204********0392","resident_name":"刘刚海","status":"open","step":3,"step_due_date":"2012-02-08","step_name":"区民政局","step_unit":"MZJ"}
$ sqgl list --all --status open
! sqgl: error: --status excludes --all (see 'sqgl --help')
? 2
$ sqgl list --limit 0
! sqgl: error: --limit: Value 0 not in range 1 to 1000000000 (see 'sqgl --help')
? 2
$ sqgl list --sort due-date
! sqgl: error: --sort: due-date not in {due,accepted,number,item,community} (see 'sqgl --help')
? 2
$ SQGL_NOW=2012-03-15 sqgl list --overdue --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["case_count"], [c["number"] for c in d["cases"]])'
1 ['150204-20120129-0004']
# --json list streams its cases one by one; the document is the same as one
# printed whole (two-space indent, sorted keys, UTF-8 as is), empty or not.
$ SQGL_NOW=2012-03-15 sqgl list --all --json | python3 -c 'import json,sys; t=sys.stdin.read(); d=json.loads(t); print(d["case_count"], t == json.dumps(d, indent=2, ensure_ascii=False, sort_keys=True) + "\n")'
4 True
# --jsonl: the same cases, one compact object a line, nothing around them.
$ SQGL_NOW=2012-03-15 sqgl list --all --jsonl > l.jsonl && SQGL_NOW=2012-03-15 sqgl list --all --json | python3 -c 'import json,sys; d=json.load(sys.stdin); lines=open("l.jsonl").read().splitlines(); print(len(lines), [json.loads(l) for l in lines] == d["cases"], all(l == json.dumps(json.loads(l), ensure_ascii=False, separators=(",", ":"), sort_keys=True) for l in lines))'
4 True True
$ SQGL_NOW=2012-03-15 sqgl list --status withdrawn --item C05-01 --json
{
  "case_count": 0,
  "cases": [],
  "limit": null,
  "matching_case_count": 0
}
# bug: a clerk could date a decision before the case's own history (2019 on a case
# of 2026, a bureau's before the station's). Times are causal; the clock may be
# pinned only on a database made for it, and then the events are marked back-filled.
$ sqgl --as MZJ01 route 150204-20120129-0004 --to MZJ02
! sqgl: error: the clock says 2012-01-29T09:00:00, but case '150204-20120129-0004' has an event dated 2012-02-01T00:00:00; nothing about a case is dated before what its history holds
? 2
$ SQGL_NOW=2012-01-31T17:00 sqgl --as MZJ01 approve 150204-20120129-0004
! sqgl: error: the clock says 2012-01-31T17:00:00, but case '150204-20120129-0004' has an event dated 2012-02-01T00:00:00; nothing about a case is dated before what its history holds
? 2
%env SQGL_NOW=2012-02-03T09:00
$ sqgl --as MZJ01 route 150204-20120129-0004 --to MZJ02
case 150204-20120129-0004: step 3 (区民政局) assigned to MZJ02
$ sqgl --as MZJ01 route 150204-20120129-0004 --to JSJ01
! sqgl: error: 'JSJ01' cannot decide step 3 (区民政局) of case '150204-20120129-0004': it needs an active approver of 区民政局 who has decided no other step of the case
? 2
$ sqgl --as MZJ02 list --mine
case                  item    resident  status  step      assignee  step due    due
150204-20120129-0004  C02-05  刘刚海    open    区民政局  MZJ02     2012-02-08  2012-03-09
1 open case
$ sqgl --as ZZ0101 withdraw 150204-20120129-0004 --reason '本人申请撤回'
case 150204-20120129-0004 withdrawn
$ sqgl --as ZZ0101 withdraw 150204-20120129-0004
! sqgl: error: case '150204-20120129-0004' is already withdrawn
? 5
#
# The history is hash-chained: an event edited behind sqgl's back is found.
$ sqgl audit verify | cut -c1-24
ok: 203 events verified,
$ sqlite3 demo.db "UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.approve' AND subject = '150204-20120129-0002' AND operator = 'ZZ0101'"
! Error: stepping, events are append-only (19)
? 19
$ sqlite3 demo.db "DROP TRIGGER events_no_update; UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.approve' AND subject = '150204-20120129-0002' AND operator = 'ZZ0101' RETURNING id, kind, subject"
194|case.approve|150204-20120129-0002
$ sqgl audit verify
! sqgl: error: history event 194 does not verify: its content does not match its hash (edited)
? 1
$ sqgl audit verify --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], d["bad_event"])'
False 194
! sqgl: error: history event 194 does not verify: its content does not match its hash (edited)
#
# route --auto: every open station step goes to the applicant's grid worker.
$ for n in 1 2 3 4 5 6; do sqgl --as ZZ0101 apply --resident "$(sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.birth_date < '1990-01-01' ORDER BY r.id LIMIT 1 OFFSET $((n * 500))")" --item C10-01 --materials 1,2,3 > /dev/null; done
$ for n in 1 2 3; do sqgl --as ZZ0501 apply --resident "$(sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204002001' AND r.birth_date < '1990-01-01' ORDER BY r.id LIMIT 1 OFFSET $((n * 700))")" --item C10-01 --materials 1,2,3 > /dev/null; done
$ sqgl --as ZZ0101 route --auto
assigned 6 open steps (6 to the applicant's grid worker)
$ sqgl --as IT01 route --auto
assigned 3 open steps (3 to the applicant's grid worker)
$ sqgl list --unassigned
no open cases
$ sqlite3 demo.db "SELECT count(*), sum(s.assignee_id = g.worker_id) FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN residents r ON r.id = c.resident_id JOIN households h ON h.id = r.household_id JOIN grids g ON g.id = h.grid_id WHERE s.status = 'active' AND s.level = 'station'"
9|9
$ sqgl --as ZZ0101 route --auto
assigned 0 open steps (0 to the applicant's grid worker)
#
# What programs read is the same in every language: --json, and a report as JSON.
$ for c in "--json list --status approved" "--json show 150204-20120129-0001" "--json district" "--json catalog C05-01" "--json staff" "--json route --plan C02-01" "--json report backlog" "report overdue --format json" "--json check"; do sqgl $c > c.json 2> /dev/null; LC_ALL=zh_CN.UTF-8 sqgl $c 2> /dev/null | cmp -s - c.json && echo "same: $c" || echo "differs: $c"; done
same: --json list --status approved
same: --json show 150204-20120129-0001
same: --json district
same: --json catalog C05-01
same: --json staff
same: --json route --plan C02-01
same: --json report backlog
same: report overdue --format json
same: --json check
