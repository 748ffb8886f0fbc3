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
household  150204001001-0026 阳光社区2栋1单元102
community  150204001001 阳光社区
grid       150204001001-G01 (worker ZZ0101)
housing    public housing, 33.7 m²
assets     -

members (3 living together):
  户主  刘刚海  150204********0392  male 男    35  417 yuan    urban  low_income
  配偶  苏日娜  150204********4380  female 女  35  494 yuan    urban  low_income
  子女  刘敏佳  150204********1441  female 女   2    0 yuan    urban  disabled, low_income

against the standards in force:
  under  income 303.67 yuan per person a month, 146.33 under the 低保 standard of 450 (2012, assumed)
  under  income 303.67 yuan per person a month, 371.33 under the low-income line of 675 (2012, assumed)
  under  living area 11.23 m² per person, 1.77 under the housing-difficulty area of 13 (2008, assumed)

household benefit cases:
  -
#
# The spouse applies for 低保 (C02-01): the head's written authority is needed.
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3
! sqgl: error: resident '150204********4380' (苏日娜) applies for household '150204001001-0026' only with the authority of its head, 刘刚海 (150204********0392): --authorised-by HEAD_ID
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3 --authorised-by 150204198503121230
! sqgl: error: '150204********1230' is not the head of household '150204001001-0026'; its head is 刘刚海 (150204********0392)
? 2
$ sqgl --as ZZ0101 apply --resident "$(cat spouse)" --item C02-01 --materials 1,2,3 --authorised-by "$(cat head)"
accepted case 150204-20120305-0001: C02-01 城市居民最低生活保障申请(低保) for household 150204001001-0026, applied for by 苏日娜
means test: income 303.67 yuan per person a month, 146.33 under the 低保 standard of 450 (2012, assumed)
due 2012-04-17 (20 working days, new model)
now at step 1 of 5: 入户调查 (阳光社区管理服务站), step due 2012-03-12
# The case is the household's: the head's own application is the household's second.
$ sqgl --as ZZ0101 apply --resident "$(cat head)" --item C02-01 --materials 1,2,3
! sqgl: error: household '150204001001-0026' already has open case '150204-20120305-0001' for C02-01, accepted on 2012-03-05
? 5
# A child may not apply for the household, with the head's authority or without.
$ sqgl --as ZZ0101 apply --resident "$(cat child)" --item C02-01 --materials 1,2,3 --authorised-by "$(cat head)"
! sqgl: error: resident '150204********1441' (刘敏佳) is 2: C02-01 城市居民最低生活保障申请(低保) is applied for by an adult member of the household (18 or over)
? 2
$ sqgl show 150204-20120305-0001 | sed -n '1,7p'
case 150204-20120305-0001  C02-01 城市居民最低生活保障申请(低保)  (new model)
status      open
resident    苏日娜 150204********4380
household   150204001001-0026
means test  income 303.67 yuan per person a month, 146.33 under the 低保 standard of 450 (2012, assumed)
community   150204001001 阳光社区
accepted    2012-03-05T09:00:00 by ZZ0101 at the 社区保障 window (welfare)
$ sqgl --json show 150204-20120305-0001 | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['household'], json.dumps(d['means_test'], ensure_ascii=False, sort_keys=True))"
150204001001-0026 {"assets": [], "checks": [{"assumed": true, "district": null, "measured": 303.67, "passes": true, "shortfall": 146.33, "standard": "dibao", "threshold": 450.0, "year": 2012}], "member_count": 3, "missing_standards": [], "passes": true}
#
# A household that earns more than the standard is refused, with the difference named.
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.relation = '户主' AND NOT r.low_income AND h.assets = '' ORDER BY h.id LIMIT 1" > earner
$ sqgl --as ZZ0101 apply --resident "$(cat earner)" --item C02-01 --materials 1,2,3
! sqgl: error: household '150204001001-0002' is not eligible for C02-01 城市居民最低生活保障申请(低保): income 2671 yuan per person a month, 2221 above the 低保 standard of 450 (2012, assumed)
? 2
#
# The district sets its own 低保 standard for 2012; the assumed one stays for others.
$ printf '标准,区县,年度,标准值,依据\n低保标准,150204,2012,480,区民政局 2012 年通知\n' > standards.csv
$ sqgl --as IT01 import standards standards.csv
imported standards from 'standards.csv': 1 row: 1 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl household --standards | grep -E '^(standard|低保|标准)'
standard                 district        from           value  unit                     source
低保 standard            every district  2008, assumed    290  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            every district  2010, assumed    350  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            every district  2012, assumed    450  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            every district  2016, assumed    590  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            every district  2020, assumed    760  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            every district  2024, assumed    860  yuan per person a month  暂定值：包头市城市低保标准不详
低保 standard            150204          2012             480  yuan per person a month  区民政局 2012 年通知
$ sqgl household "$(cat household)" | grep -A1 -E 'standards in force|现行标准'
against the standards in force:
  under  income 303.67 yuan per person a month, 176.33 under the 低保 standard of 480 (2012)
#
# 一杯奶 (C05-01) runs 280 days a pregnancy: granted on 2012-03-07, asked again 19 days later.
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.pregnant ORDER BY r.id LIMIT 1" > mother
$ sqlite3 demo.db "SELECT h.code FROM residents r JOIN households h ON h.id = r.household_id WHERE r.citizen_id = '$(cat mother)'" > her_household
$ sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4 | head -1
accepted case 150204-20120305-0002: C05-01 "一杯奶"生育关怀申请 for 孙颖敏
$ SQGL_NOW=2012-03-06T09:00 sqgl --as ZZ0101 approve 150204-20120305-0002 | head -1
case 150204-20120305-0002: step 1 (服务站) approved; now at step 2 of 2: 区人口计生局 (区人口和计划生育局), step due 2012-03-09
$ SQGL_NOW=2012-03-07T09:00 sqgl --as JSJ01 approve 150204-20120305-0002
case 150204-20120305-0002 approved at step 2 (区人口计生局)
$ SQGL_NOW=2012-03-26T09:00 sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4
! sqgl: error: resident '150204********536X' was granted C05-01 in case '150204-20120305-0002' on 2012-03-07; its 280 days run until 2012-12-12: a new application is possible from 2012-12-13, or once the birth is registered
? 5
# Her child is born on 2012-10-01 and registered: a new pregnancy may be granted again.
$ printf '15020420121001%03d' 2 | python3 -c "import sys; s=sys.stdin.read(); w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; print(s+'10X98765432'[sum(int(a)*b for a,b in zip(s,w))%11])" > baby
$ SQGL_NOW=2012-10-08T09:00 sqgl --as ZZ0101 register birth --citizen-id "$(cat baby)" --name 王小雨 --household "$(cat her_household)"
birth on 2012-10-01 registered in household 150204001001-0021
$ SQGL_NOW=2012-10-09T09:00 sqgl --as ZZ0101 apply --resident "$(cat mother)" --item C05-01 --materials 1,2,3,4 | head -1
accepted case 150204-20121009-0001: C05-01 "一杯奶"生育关怀申请 for 孙颖敏
#
# Everything above is in the history, and the tables replay from it.
$ SQGL_NOW=2012-10-09T10:00 sqgl check | tail -1
replay: ok, the tables are what the history says (3 cases, 161 staff, 2 settings, 73,554 residents' flags, 142 calendar days, 14 standards)
