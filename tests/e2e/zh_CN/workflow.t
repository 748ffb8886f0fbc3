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

新模式：2 级审核，5 个工作日，跑 1 次
  1.  服务站        申请人所在社区服务站    社区工作者  审批  2 工作日
  2.  区人口计生局  JSJ 区人口和计划生育局  审批人      审批  3 工作日
      合计                                                    5 工作日

旧模式：3 级审核，20 个工作日，跑 3 次
  1.  居委会        申请人所在社区居委会    居委会主任  审批   5 工作日
  2.  街道计生办    社区所属街道办事处      审核人      审批   5 工作日
  3.  区人口计生局  JSJ 区人口和计划生育局  审批人      审批  10 工作日
      合计                                                    20 工作日
$ sqlite3 demo.db .dump > before.sql
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3
! sqgl: 错误：C05-01 "一杯奶"生育关怀申请 还需提交以下材料（一次性告知）：4 医院早孕/孕检证明
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 夫妻身份证,结婚证,3,4 --note '怀孕3个月'
已受理办件 150204-20120129-0001：C05-01 "一杯奶"生育关怀申请，申请人 孙颖敏
2012-02-03 到期（5 个工作日，新模式）
当前为第 1/2 环节：服务站（阳光社区管理服务站），本环节 2012-01-31 到期
$ sqgl --as IT01 route --auto
已分派 1 个在办环节（其中 1 个分派给申请人所在网格的网格员）
$ SQGL_NOW=2012-01-30T10:00 sqgl --as ZZ0101 approve 150204-20120129-0001 --note '材料齐全'
办件 150204-20120129-0001：第 1 环节（服务站）已批准；当前为第 2/2 环节：区人口计生局（区人口和计划生育局），本环节 2012-02-02 到期
$ SQGL_NOW=2012-02-01T15:30 sqgl --as JSJ01 approve 150204-20120129-0001
办件 150204-20120129-0001 已在第 2 环节（区人口计生局）批准
$ SQGL_NOW=2012-02-01T16:00 sqgl show 150204-20120129-0001 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
办件 150204-20120129-0001  C05-01 "一杯奶"生育关怀申请  （新模式）
状态      已批准 2012-02-01T15:30:00
申请人    孙颖敏 150204********536X
社区      150204001001 阳光社区
受理      2012-01-29T09:00:00 由 ZZ0101 在社区服务窗口（services）受理
办理期限  2012-02-03：自 2012-01-29 起 5 个工作日（服务站 2 + 区人口计生局 3），受理当日不计
备注      怀孕3个月

环节：
  1.  服务站        阳光社区管理服务站  社区工作者  审批  2 工作日  已批准  由 ZZ0101 办理  2012-01-30T10:00:00  用时 1 工作日
  2.  区人口计生局  区人口和计划生育局  审批人      审批  3 工作日  已批准  由 JSJ01 办理   2012-02-01T15:30:00  用时 2 工作日

材料：
  1.  夫妻身份证          必交  2012-01-29 收件
  2.  结婚证              必交  2012-01-29 收件
  3.  生育服务证(准生证)  必交  2012-01-29 收件
  4.  医院早孕/孕检证明   必交  2012-01-29 收件

历史记录：
  2012-01-29T09:00:00  ZZ0101  按新模式受理；2012-02-03 到期（补录，记录于 …）
  2012-01-29T09:00:00  IT01    第 1 环节分派给 ZZ0101（自动）（补录，记录于 …）
  2012-01-30T10:00:00  ZZ0101  批准第 1 环节（阳光社区管理服务站）；转入第 2 环节；备注：材料齐全（补录，记录于 …）
  2012-02-01T15:30:00  JSJ01   批准第 2 环节（区人口和计划生育局）；办件已批准（补录，记录于 …）
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 5 --comment '当周就批了'
办件 150204-20120129-0001 评价为 5（非常满意）
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 4
! sqgl: 错误：办件 '150204-20120129-0001' 已评价过（5 分）
? 5
#
# Refusals, each with its own message and exit code, nothing written.
$ sqlite3 demo.db .dump > before.sql
$ sqgl --as ZZ0101 apply --resident "$(cat man)" --item C05-01 --materials 1,2,3,4
! sqgl: 错误：居民 '150204********7051'（谢涛）不符合 C05-01 "一杯奶"生育关怀申请 的申请条件：仅限女性; 仅限孕妇
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat elsewhere)" --item C05-01 --materials 1,2,3,4
! sqgl: 错误：居民 '150203********0449'（张桂梅）登记在长征社区（150204002001），不属于本服务站；C05-01 须在居民登记所在地办理
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3
! sqgl: 错误：居民 '150204********536X' 已于 2012-02-01 经办件 '150204-20120129-0001' 获批 C05-01，280 天的待遇期至 2012-11-07：可于 2012-11-08 起或登记出生后再次申请
? 5
$ sqgl --as ZZ0101 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2
! sqgl: 错误：C08-01 第二代残疾人证换领 还需提交以下材料（一次性告知）：3 原残疾人证; 4 2寸近期免冠白底彩照2张
? 2
$ SQGL_NOW=2012-01-29T09:30 sqgl --as ZZ0101 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2,3,4 > /dev/null
$ sqlite3 demo.db .dump > before.sql
$ SQGL_NOW=2012-01-29T09:40 sqgl --as ZZ0102 apply --resident "$(cat disabled)" --item C08-01 --materials 1,2,3,4
! sqgl: 错误：居民 '150204********4202' 已有办理中的办件 '150204-20120129-0002'（事项 C08-01），受理于 2012-01-29
? 5
$ sqgl --as ZZ0101 apply --resident 150204197802295025 --item C05-01
! sqgl: 错误：身份证号 '150204********5025' 无效：出生日期 1978-02-29 不是有效日期
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-1
! sqgl: 错误：未知事项 'C05-1'（您是不是要找 'C05-01'？）
? 3
$ sqgl apply --resident "$(cat pregnant)" --item C05-01
! sqgl: 错误：由谁操作？请给出 --as STAFF_NO 或设置 SQGL_OPERATOR
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
#
# 低保 (C02-01): two review levels now, three before; a case under each model follows its own chain.
$ sqgl route --plan C02-01
C02-01 城市居民最低生活保障申请(低保)

新模式：2 级审核，20 个工作日 + 公示 14 个自然日，跑 1 次
  1.  入户调查      申请人所在社区服务站  社区工作者  入户调查     5 工作日
  2.  民主评议      申请人所在社区服务站  站长        民主评议     3 工作日
  3.  社区公示      申请人所在社区服务站  社区工作者  公示       7 个自然日
  4.  区民政局      MZJ 区民政局          审批人      审批        12 工作日
  5.  区民政局公示  MZJ 区民政局          审批人      公示       7 个自然日
      合计                                                        20 工作日
                                                                14 个自然日

旧模式：3 级审核，30 个工作日 + 公示 6 个自然日，跑 3 次
  1.  入户调查      申请人所在社区居委会  居委会主任  入户调查    5 工作日
  2.  民主评议      申请人所在社区居委会  居委会主任  民主评议    5 工作日
  3.  张榜          申请人所在社区居委会  居委会主任  公示      3 个自然日
  4.  街道          社区所属街道办事处    审核人      审批       15 工作日
  5.  区民政局      MZJ 区民政局          审批人      审批        5 工作日
  6.  区民政局公示  MZJ 区民政局          审批人      公示      3 个自然日
      合计                                                       30 工作日
                                                                6 个自然日
$ sqgl --as ZZ0101 apply --resident "$(sed -n 1p low_income)" --item C02-05 --materials 1,2,3,4
已受理办件 150204-20120129-0003：C02-05 城市"三无"人员(特困人员)供养申请，申请人 卢建刚
2012-02-24 到期（20 个工作日，新模式）
当前为第 1/2 环节：服务站（阳光社区管理服务站），本环节 2012-02-08 到期
$ sqgl --as ZZ0101 apply --resident "$(sed -n 2p low_income)" --item C02-05 --materials 1,2,3,4 --model old
已受理办件 150204-20120129-0004：C02-05 城市"三无"人员(特困人员)供养申请，申请人 刘刚海
2012-03-09 到期（30 个工作日，旧模式）
当前为第 1/3 环节：居委会（阳光社区居民委员会），本环节 2012-02-03 到期
$ sqgl show 150204-20120129-0004 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["model"], [(s["name"], s["unit"], s["role"], s["promise_days"]) for s in d["steps"]])'
old [('居委会', '150204001001-JWH', 'director', 5), ('街道', '150204001', 'reviewer', 20), ('区民政局', 'MZJ', 'approver', 5)]
$ sqgl show 150204-20120129-0003 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["model"], [(s["name"], s["unit"], s["role"], s["promise_days"]) for s in d["steps"]])'
new [('服务站', '150204001001-FWZ', 'worker', 8), ('区民政局', 'MZJ', 'approver', 12)]
#
# Who may act: another community's street office, a second step by the same person, an unknown operator.
$ SQGL_NOW=2012-01-31 sqgl --as JW0101 approve 150204-20120129-0004
办件 150204-20120129-0004：第 1 环节（居委会）已批准；当前为第 2/3 环节：街道（幸福路街道），本环节 2012-02-28 到期
$ SQGL_NOW=2012-02-01 sqgl --as JD0201 approve 150204-20120129-0004
! sqgl: 错误：'JD0201'（乌素图街道）无权办理办件 '150204-20120129-0004' 的第 2 环节：该环节属于幸福路街道
? 4
$ SQGL_NOW=2012-02-01 sqgl --as JD0101 approve 150204-20120129-0004
办件 150204-20120129-0004：第 2 环节（街道）已批准；当前为第 3/3 环节：区民政局（区民政局），本环节 2012-02-08 到期
$ SQGL_NOW=2012-01-30 sqgl --as ZZ0101 approve 150204-20120129-0002
办件 150204-20120129-0002：第 1 环节（服务站）已批准；当前为第 2/3 环节：区残联（区残疾人联合会），本环节 2012-02-03 到期
$ SQGL_NOW=2012-02-01 sqgl --as CL01 approve 150204-20120129-0002
办件 150204-20120129-0002：第 2 环节（区残联）已批准；当前为第 3/3 环节：服务站（阳光社区管理服务站），本环节 2012-02-03 到期
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 approve 150204-20120129-0002
! sqgl: 错误：'ZZ0101' 已办理办件 '150204-20120129-0002' 的第 1 环节；同一人不得办理同一办件的两个环节
? 4
# A refusal is recorded in the history in English, whatever language the person refused reads.
$ sqlite3 demo.db "SELECT json_extract(detail, '$.reason') FROM events WHERE kind = 'permission.denied' ORDER BY id DESC LIMIT 1"
'ZZ0101' decided step 1 of case '150204-20120129-0002'; one person may not decide two steps of a case
$ SQGL_NOW=2012-02-02 sqgl --as NOBODY approve 150204-20120129-0002
! sqgl: 错误：未知操作人员 'NOBODY'
? 4
$ SQGL_NOW=2012-02-02 sqgl --as JSJ01 approve 150204-20120129-0002
! sqgl: 错误：'JSJ01'（区人口和计划生育局）无权办理办件 '150204-20120129-0002' 的第 3 环节：该环节属于阳光社区管理服务站
? 4
# Each refusal is recorded, dated by the machine's clock (when someone tried is not a
# business time to back-fill).
$ sqlite3 demo.db "SELECT operator, kind, subject, clock, at = recorded_at FROM events WHERE kind = 'permission.denied' ORDER BY id"
JD0201|permission.denied|150204-20120129-0004|system|1
ZZ0101|permission.denied|150204-20120129-0002|system|1
NOBODY|permission.denied|150204-20120129-0002|system|1
JSJ01|permission.denied|150204-20120129-0002|system|1
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0102 approve 150204-20120129-0002
办件 150204-20120129-0002 已在第 3 环节（服务站）批准
#
# Returned for materials for 3 working days: the due date moves by 3 working days.
$ SQGL_NOW=2012-01-30 sqgl --as ZZ0101 approve 150204-20120129-0003 > /dev/null
$ SQGL_NOW=2012-02-01 sqgl --as MZJ01 approve 150204-20120129-0003 --return 3 --note '收入证明缺少单位盖章'
办件 150204-20120129-0003 在第 2 环节（区民政局）退回补正；计时暂停
# The reviewer's reason is shown to the clerk who meets the resident again.
$ SQGL_NOW=2012-02-01 sqgl show 150204-20120129-0003 | tail -1 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
  2012-02-01T00:00:00  MZJ01   在第 2 环节退回，补正材料 3；备注：收入证明缺少单位盖章（补录，记录于 …）
$ SQGL_NOW=2012-02-02 sqgl --as MZJ01 approve 150204-20120129-0003
! sqgl: 错误：办件 '150204-20120129-0003' 自 2012-02-01 起等待补正材料；请先用 'sqgl apply --supplement 150204-20120129-0003 --materials …' 登记补正材料
? 5
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --supplement 150204-20120129-0003 --materials 1
! sqgl: 错误：办件 '150204-20120129-0003' 仍缺以下补正材料：3 无劳动能力证明/残疾证
? 2
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --supplement 150204-20120129-0003 --materials 家庭成员收入证明
! sqgl: 错误：'家庭成员收入证明' 不是 C02-05 的申请材料；参见 'sqgl catalog C02-05'
? 2
$ sqgl show 150204-20120129-0003 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["due_date"], d["paused_days"], d["steps"][1]["due_date"])'
returned 2012-02-24 0 2012-02-15
$ SQGL_NOW=2012-02-07 sqgl --as MZJ02 approve 150204-20120129-0003 --reject '家庭人均收入高于低保标准'
! sqgl: 错误：办件 '150204-20120129-0003' 自 2012-02-01 起等待补正材料；请先用 'sqgl apply --supplement 150204-20120129-0003 --materials …' 登记补正材料
? 5
$ SQGL_NOW=2012-02-07 sqgl --as MZJ02 approve 150204-20120129-0003
! sqgl: 错误：办件 '150204-20120129-0003' 自 2012-02-01 起等待补正材料；请先用 'sqgl apply --supplement 150204-20120129-0003 --materials …' 登记补正材料
? 5
#
# Queues.
$ SQGL_NOW=2012-03-01 sqgl list --status open
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局          2012-02-08  2012-03-09
1 件
# Without --status or --all, the cases still open, the first due first; --all
# adds the decided ones.
$ SQGL_NOW=2012-03-01 sqgl list
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0003  C02-05  卢建刚  已退回  区民政局          2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局          2012-02-08  2012-03-09
2 件办理中
$ SQGL_NOW=2012-03-01 sqgl list --all
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0001  C05-01  孙颖敏  已批准                                2012-02-03
150204-20120129-0002  C08-01  琪琪格  已批准                                2012-02-10
150204-20120129-0003  C02-05  卢建刚  已退回  区民政局          2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局          2012-02-08  2012-03-09
4 件
$ SQGL_NOW=2012-03-01 sqgl list --all --sort accepted
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0001  C05-01  孙颖敏  已批准                                2012-02-03
150204-20120129-0003  C02-05  卢建刚  已退回  区民政局          2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局          2012-02-08  2012-03-09
150204-20120129-0002  C08-01  琪琪格  已批准                                2012-02-10
4 件
$ SQGL_NOW=2012-03-01 sqgl list --all --sort item --limit 2
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0003  C02-05  卢建刚  已退回  区民政局          2012-02-15  2012-02-24
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局          2012-02-08  2012-03-09
前 2 件，共 4 件；加大 --limit 可列出更多
$ SQGL_NOW=2012-03-01 sqgl list --all --sort community --limit 1
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20120129-0001  C05-01  孙颖敏  已批准                              2012-02-03
前 1 件，共 4 件；加大 --limit 可列出更多
$ SQGL_NOW=2012-03-01 sqgl list --status approved --sort number --limit 5
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20120129-0001  C05-01  孙颖敏  已批准                              2012-02-03
150204-20120129-0002  C08-01  琪琪格  已批准                              2012-02-10
2 件
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
! sqgl: 错误：--status 与 --all 不能同时使用（参见 'sqgl --help'）
? 2
$ sqgl list --limit 0
! sqgl: 错误：--limit：0 不在 1 到 1000000000 的范围内（参见 'sqgl --help'）
? 2
$ sqgl list --sort due-date
! sqgl: 错误：--sort：due-date 不在可选值 {due,accepted,number,item,community} 中（参见 'sqgl --help'）
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
! sqgl: 错误：当前时钟为 2012-01-29T09:00:00，但办件 '150204-20120129-0004' 已有日期为 2012-02-01T00:00:00 的事件；办件的任何操作都不能早于其历史记录中的时间
? 2
$ SQGL_NOW=2012-01-31T17:00 sqgl --as MZJ01 approve 150204-20120129-0004
! sqgl: 错误：当前时钟为 2012-01-31T17:00:00，但办件 '150204-20120129-0004' 已有日期为 2012-02-01T00:00:00 的事件；办件的任何操作都不能早于其历史记录中的时间
? 2
%env SQGL_NOW=2012-02-03T09:00
$ sqgl --as MZJ01 route 150204-20120129-0004 --to MZJ02
办件 150204-20120129-0004：第 3 环节（区民政局）已分派给 MZJ02
$ sqgl --as MZJ01 route 150204-20120129-0004 --to JSJ01
! sqgl: 错误：'JSJ01' 不能办理办件 '150204-20120129-0004' 的第 3 环节（区民政局）：该环节须由区民政局在职的审批人办理，且此人未办理过该办件的其他环节
? 2
$ sqgl --as MZJ02 list --mine
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0004  C02-05  刘刚海  办理中  区民政局  MZJ02   2012-02-08  2012-03-09
1 件办理中
$ sqgl --as ZZ0101 withdraw 150204-20120129-0004 --reason '本人申请撤回'
办件 150204-20120129-0004 已撤回
$ sqgl --as ZZ0101 withdraw 150204-20120129-0004
! sqgl: 错误：办件 '150204-20120129-0004' 已是“已撤回”状态
? 5
#
# The history is hash-chained: an event edited behind sqgl's back is found.
$ sqgl audit verify | cut -c1-24
正常：已核验 203 \xe4
$ sqlite3 demo.db "UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.approve' AND subject = '150204-20120129-0002' AND operator = 'ZZ0101'"
! Error: stepping, events are append-only (19)
? 19
$ sqlite3 demo.db "DROP TRIGGER events_no_update; UPDATE events SET operator = 'ZZ0102' WHERE kind = 'case.approve' AND subject = '150204-20120129-0002' AND operator = 'ZZ0101' RETURNING id, kind, subject"
194|case.approve|150204-20120129-0002
$ sqgl audit verify
! sqgl: 错误：历史记录事件 194 未通过核验：它的内容与哈希不符（已被修改）
? 1
$ sqgl audit verify --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ok"], d["bad_event"])'
False 194
! sqgl: error: history event 194 does not verify: its content does not match its hash (edited)
#
# route --auto: every open station step goes to the applicant's grid worker.
$ for n in 1 2 3 4 5 6; do sqgl --as ZZ0101 apply --resident "$(sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.birth_date < '1990-01-01' ORDER BY r.id LIMIT 1 OFFSET $((n * 500))")" --item C10-01 --materials 1,2,3 > /dev/null; done
$ for n in 1 2 3; do sqgl --as ZZ0501 apply --resident "$(sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE u.code = '150204002001' AND r.birth_date < '1990-01-01' ORDER BY r.id LIMIT 1 OFFSET $((n * 700))")" --item C10-01 --materials 1,2,3 > /dev/null; done
$ sqgl --as ZZ0101 route --auto
已分派 6 个在办环节（其中 6 个分派给申请人所在网格的网格员）
$ sqgl --as IT01 route --auto
已分派 3 个在办环节（其中 3 个分派给申请人所在网格的网格员）
$ sqgl list --unassigned
没有办理中的办件
$ sqlite3 demo.db "SELECT count(*), sum(s.assignee_id = g.worker_id) FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN residents r ON r.id = c.resident_id JOIN households h ON h.id = r.household_id JOIN grids g ON g.id = h.grid_id WHERE s.status = 'active' AND s.level = 'station'"
9|9
$ sqgl --as ZZ0101 route --auto
已分派 0 个在办环节（其中 0 个分派给申请人所在网格的网格员）
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
