# Households as the unit of household benefits, on the demo district: 低保 applied for
# by the head's spouse with the head's authority, the household's second application
# and a child refused, an income above the standard refused with the difference named,
# the district's own standard, and 一杯奶 once per pregnancy.
%env SQGL_DB=demo.db
%env SQGL_NOW=2012-03-05T09:00
$ sqgl init --demo > /dev/null
# A low-income household of 阳光社区 (150204001001) with a spouse and a child (the demo
# is deterministic: same seed, same people).
$ sqlite3 demo.db "SELECT h.code FROM households h JOIN residents r ON r.household_id = h.id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.low_income AND h.assets = '' AND EXISTS (SELECT 1 FROM residents s WHERE s.household_id = h.id AND s.relation = '配偶') AND EXISTS (SELECT 1 FROM residents c WHERE c.household_id = h.id AND c.birth_date > '1994-03-05') GROUP BY h.id ORDER BY h.id LIMIT 1" > household && cat household
150204001001-0026
$ sqlite3 demo.db "SELECT citizen_id FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') AND relation = '户主'" > head
$ sqlite3 demo.db "SELECT citizen_id FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') AND relation = '配偶'" > spouse
$ sqlite3 demo.db "SELECT citizen_id FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') AND birth_date > '1994-03-05' ORDER BY birth_date LIMIT 1" > child
$ sqgl household "$(cat household)"
户        150204001001-0026 阳光社区2栋1单元102
社区      150204001001 阳光社区
网格      150204001001-G01（网格员 ZZ0101）
住房      公房，33.7 平方米
家庭财产  -

家庭成员（共同生活 3 人）：
  户主  刘刚海  150204********0392  男  35  417 元    城镇  低收入
  配偶  苏日娜  150204********4380  女  35  494 元    城镇  低收入
  子女  刘敏佳  150204********1441  女   2    0 元    城镇  残疾人, 低收入

对照现行标准：
  低于  收入 303.67 元/人/月，比低保标准 450（2012，暂定值）低 146.33
  低于  收入 303.67 元/人/月，比低收入标准 675（2012，暂定值）低 371.33
  低于  居住面积 11.23 平方米/人，比住房困难面积 13（2008，暂定值）低 1.77

家庭类事项办件：
  -
#
# The spouse applies for 低保 (C02-01): the head's written authority is needed.
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3
! sqgl: 错误：居民 '150204********4380'（苏日娜）须经户主 刘刚海（150204********0392）授权才能为户 '150204001001-0026' 申请：--authorised-by HEAD_ID
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3 --authorised-by 150204198503121230
! sqgl: 错误：'150204********1230' 不是户 '150204001001-0026' 的户主；户主是 刘刚海（150204********0392）
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3 --authorised-by "$(cat head)"
已受理办件 150204-20120305-0001：C02-01 城市居民最低生活保障申请(低保)，申请户 150204001001-0026，由 苏日娜 代表申请
经济状况核对：收入 303.67 元/人/月，比低保标准 450（2012，暂定值）低 146.33
2012-04-17 到期（20 个工作日，新模式）
当前为第 1/5 环节：入户调查（阳光社区管理服务站），本环节 2012-03-12 到期
# The case is the household's: the head's own application is the household's second.
$ sqgl --as ZZ0101 apply --resident "$(cat head)" --item C02-01 --materials 1,2,3
! sqgl: 错误：户 '150204001001-0026' 已有办理中的办件 '150204-20120305-0001'（事项 C02-01），受理于 2012-03-05
? 5
# A child may not apply for the household, with the head's authority or without.
$ sqgl --as ZZ0101 apply --resident "$(cat child)" --item C02-01 --materials 1,2,3 --authorised-by "$(cat head)"
! sqgl: 错误：居民 '150204********1441'（刘敏佳）2 岁：C02-01 城市居民最低生活保障申请(低保) 须由本户成年成员（18 周岁及以上）申请
? 2
$ sqgl show 150204-20120305-0001 | sed -n '1,7p'
办件 150204-20120305-0001  C02-01 城市居民最低生活保障申请(低保)  （新模式）
状态          办理中
申请人        苏日娜 150204********4380
户            150204001001-0026
经济状况核对  收入 303.67 元/人/月，比低保标准 450（2012，暂定值）低 146.33
社区          150204001001 阳光社区
受理          2012-03-05T09:00:00 由 ZZ0101 在社区保障窗口（welfare）受理
$ sqgl --json show 150204-20120305-0001 | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['household'], json.dumps(d['means_test'], ensure_ascii=False, sort_keys=True))"
150204001001-0026 {"assets": [], "checks": [{"assumed": true, "district": null, "measured": 303.67, "passes": true, "shortfall": 146.33, "standard": "dibao", "threshold": 450.0, "year": 2012}], "member_count": 3, "missing_standards": [], "passes": true}
#
# A household that earns more than the standard is refused, with the difference named.
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.relation = '户主' AND NOT r.low_income AND h.assets = '' ORDER BY h.id LIMIT 1" > earner
$ sqgl --as ZZ0101 apply --resident "$(cat earner)" --item C02-01 --materials 1,2,3
! sqgl: 错误：户 '150204001001-0002' 不符合 C02-01 城市居民最低生活保障申请(低保) 的条件：收入 2671 元/人/月，比低保标准 450（2012，暂定值）高 2221
? 2
#
# The district sets its own 低保 standard for 2012; the assumed one stays for others.
$ printf '标准,区县,年度,标准值,依据\n低保标准,150204,2012,480,区民政局 2012 年通知\n' > standards.csv
$ sqgl --as IT01 import standards standards.csv
已从 'standards.csv' 导入 standards：1 行：新增 1，更新 0，未变 0，拒绝 0
$ sqgl household --standards | grep -E '^(standard|低保|标准)'
标准          区县    起始年度        值  单位       依据
低保标准      各区县  2008，暂定值   290  元/人/月   暂定值：包头市城市低保标准不详
低保标准      各区县  2010，暂定值   350  元/人/月   暂定值：包头市城市低保标准不详
低保标准      各区县  2012，暂定值   450  元/人/月   暂定值：包头市城市低保标准不详
低保标准      各区县  2016，暂定值   590  元/人/月   暂定值：包头市城市低保标准不详
低保标准      各区县  2020，暂定值   760  元/人/月   暂定值：包头市城市低保标准不详
低保标准      各区县  2024，暂定值   860  元/人/月   暂定值：包头市城市低保标准不详
低保标准      150204  2012           480  元/人/月   区民政局 2012 年通知
$ sqgl household "$(cat household)" | grep -A1 -E 'standards in force|现行标准'
对照现行标准：
  低于  收入 303.67 元/人/月，比低保标准 480（2012）低 176.33
#
# 一杯奶 (C05-01) runs 280 days a pregnancy: granted on 2012-03-07, asked again 19 days later.
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.pregnant ORDER BY r.id LIMIT 1" > mother
$ sqlite3 demo.db "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id WHERE r.citizen_id = '$(cat mother)'" > her_household
$ sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4 | head -1
已受理办件 150204-20120305-0002：C05-01 "一杯奶"生育关怀申请，申请人 孙颖敏
$ SQGL_NOW=2012-03-06T09:00 sqgl --as ZZ0101 approve 150204-20120305-0002 | head -1
办件 150204-20120305-0002：第 1 环节（服务站）已批准；当前为第 2/2 环节：区人口计生局（区人口和计划生育局），本环节 2012-03-09 到期
$ SQGL_NOW=2012-03-07T09:00 sqgl --as JSJ01 approve 150204-20120305-0002
办件 150204-20120305-0002 已在第 2 环节（区人口计生局）批准
$ SQGL_NOW=2012-03-26T09:00 sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4
! sqgl: 错误：居民 '150204********536X' 已于 2012-03-07 经办件 '150204-20120305-0002' 获批 C05-01，280 天的待遇期至 2012-12-12：可于 2012-12-13 起或登记出生后再次申请
? 5
# Her child is born on 2012-10-01 and registered: a new pregnancy may be granted again.
$ printf '15020420121001%03d' 2 | python3 -c "import sys; s=sys.stdin.read(); w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; print(s+'10X98765432'[sum(int(a)*b for a,b in zip(s,w))%11])" > baby
$ SQGL_NOW=2012-10-08T09:00 sqgl --as ZZ0101 register birth --citizen-id "$(cat baby)" --name 王小雨 --household "$(cat her_household)"
已登记出生：2012-10-01，户 150204001001-0021
$ SQGL_NOW=2012-10-09T09:00 sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4 | head -1
已受理办件 150204-20121009-0001：C05-01 "一杯奶"生育关怀申请，申请人 孙颖敏
#
# Everything above is in the history, and the tables replay from it.
$ SQGL_NOW=2012-10-09T10:00 sqgl check | tail -1
重放：正常，各表与历史记录一致（3 件，161 名工作人员，2 项设置，73,554 位居民的标记，142 个日历日，14 项标准）
