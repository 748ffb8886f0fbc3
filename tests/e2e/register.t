# A register that changes, on the demo district: a death from the registry's file, a
# move between communities, a birth and a departure, and what each does to open cases.
%env SQGL_DB=demo.db
$ sqgl init --demo > /dev/null
# A household of 阳光社区 (150204001001) with two adults, and a resident of another of its
# households (the demo is deterministic: same seed, same people).
$ sqlite3 demo.db "SELECT h.code FROM households h JOIN residents r ON r.household_id = h.id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND r.birth_date <= '1990-01-01' GROUP BY h.id HAVING count(*) >= 2 ORDER BY h.id LIMIT 1" > household && cat household
150204001001-0001
$ sqlite3 demo.db "SELECT citizen_id FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') AND birth_date <= '1990-01-01' ORDER BY id LIMIT 1" > her && cat her
150204197007136922
$ sqlite3 demo.db "SELECT citizen_id FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') AND birth_date <= '1990-01-01' ORDER BY id LIMIT 1 OFFSET 1" > him && cat him
150204197410037051
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') AND h.code <> '$(cat household)' AND r.birth_date <= '1990-01-01' ORDER BY r.id LIMIT 1" > mover && cat mover
150204194301038297
#
# On 2012-01-29 she (the head of her household) applies for 城镇居民基本医疗保险参保登记
# (C01-01) for herself, her husband for the household's 零就业家庭 recognition (C03-04, a
# household benefit) with her authority, and a neighbour for C01-01.
$ sqgl --as ZZ0101 apply --resident "$(cat her)" --item C01-01 --materials 1,2,3 | head -1
accepted case 150204-20120129-0001: C01-01 城镇居民基本医疗保险参保登记 for 李春兰
$ sqgl --as ZZ0101 apply --resident "$(cat him)" --item C03-04 --materials 1,2,3,4 --authorised-by "$(cat her)" | head -1
accepted case 150204-20120129-0002: C03-04 "零就业家庭"认定与就业援助 for household 150204001001-0001, applied for by 谢涛
$ sqgl --as ZZ0101 apply --resident "$(cat mover)" --item C01-01 --materials 1,2,3 | head -1
accepted case 150204-20120129-0003: C01-01 城镇居民基本医疗保险参保登记 for 杜俊浩
#
# She died on 2012-01-30; the civil-affairs registry's file comes to the district admin.
$ printf '身份证号,死亡日期,备注\n%s,2012/1/30,死亡证明 0001\n' "$(cat her)" > deaths.csv
$ SQGL_NOW=2012-01-31T09:00 sqgl --as IT01 import deaths deaths.csv --dry-run
dry run of deaths from 'deaths.csv': 1 row: 1 inserted, 0 updated, 0 unchanged, 0 rejected; nothing written
$ SQGL_NOW=2012-01-31T09:00 sqgl --as IT01 import deaths deaths.csv
imported deaths from 'deaths.csv': 1 row: 1 inserted, 0 updated, 0 unchanged, 0 rejected
# Her case is withdrawn with the reason; the household's benefit is flagged for review.
$ SQGL_NOW=2012-01-31T09:30 sqgl show 150204-20120129-0001 | grep -v '^$' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
case 150204-20120129-0001  C01-01 城镇居民基本医疗保险参保登记  (new model)
status     withdrawn 2012-01-31T09:00:00
resident   李春兰 150204********6922
community  150204001001 阳光社区
accepted   2012-01-29T09:00:00 by ZZ0101 at the 社区保障 window (welfare)
due        2012-02-03: 5 working days after 2012-01-29 (服务站 2 + 区医保中心 3), the day of acceptance not counted
steps:
  1.  服务站      阳光社区管理服务站  worker    decision  2 wd  withdrawn  by IT01  2012-01-31T09:00:00  2 wd taken
  2.  区医保中心  区医疗保险中心      approver  decision  3 wd  pending
materials:
  1.  户口簿                         required       received 2012-01-29
  2.  身份证                         required       received 2012-01-29
  3.  1寸照片                        required       received 2012-01-29
  4.  学生证或低保证/残疾证(减免时)  if applicable  -
history:
  2012-01-29T09:00:00  ZZ0101  accepted under the new model; due 2012-02-03 (back-filled, recorded …)
  2012-01-31T09:00:00  IT01    withdrawn by the register: the applicant died on 2012-01-30 (back-filled, recorded …)
$ SQGL_NOW=2012-01-31T09:30 sqgl show 150204-20120129-0002 | grep -E 'review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
register changes to review:
  2012-01-31T09:00:00  household changed: 李春兰 died on 2012-01-30 — review
  2012-01-31T09:00:00  IT01    household changed: a member died on 2012-01-30 — review (back-filled, recorded …)
$ SQGL_NOW=2012-01-31T09:30 sqgl list
case                  item    resident  status  step    assignee  step due    due
150204-20120129-0002  C03-04  谢涛      open    服务站            2012-01-31  2012-02-03  REVIEW
150204-20120129-0003  C01-01  杜俊浩    open    服务站            2012-01-31  2012-02-03
2 open cases
$ sqgl audit log --limit 4 | cut -c1-150 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
186  2012-01-31T09:00:00  back-filled, recorded …  IT01  register.death  150204001001-0001
187  2012-01-31T09:00:00  back-filled, recorded …  IT01  case.withdraw   150204-20120129-0001
188  2012-01-31T09:00:00  back-filled, recorded …  IT01  case.notice     150204-20120129-0002
189  2012-01-31T09:00:00  back-filled, recorded …  IT01  import.deaths   deaths.csv
$ sqgl resident "$(cat her)"
citizen ID  150204********6922
name        李春兰
sex         female 女
born        1970-07-13
phone       132****5905
household   150204001001-0001 (户主) 阳光社区1栋1单元101
community   150204001001 阳光社区
grid        150204001001-G01 (worker ZZ0101)
flags       party_member
died        2012-01-30
# Nobody applies in her name, and a second death is refused: both name the date.
$ SQGL_NOW=2012-02-01 sqgl --as ZZ0101 apply --resident "$(cat her)" --item C01-01 --materials 1,2,3
! sqgl: error: resident '150204********6922' (李春兰) died on 2012-01-30; nobody can apply in their name
? 5
$ SQGL_NOW=2012-02-01 sqgl --as ZZ0101 register death --resident "$(cat her)" --date 2012-01-30
! sqgl: error: resident '150204********6922' (李春兰) died on 2012-01-30
? 5
# A bad file is named line by line and writes nothing.
$ printf 'citizen_id,date\n%s,2012-01-30\n%s,2013-01-01\n150204190001010000,2012-01-01\n' "$(cat her)" "$(cat him)" > bad.csv
$ sqlite3 demo.db .dump > before.sql
$ SQGL_NOW=2012-02-01 sqgl --as IT01 import deaths bad.csv
! sqgl: error: bad.csv:2:1: resident '150204********6922' (李春兰) died on 2012-01-30
! sqgl: error: bad.csv:3:2: '2013-01-01' is after today (2012-02-01)
! sqgl: error: bad.csv:4:1: '150204********0000': check character is '0', expected '8'
! sqgl: error: bad.csv: 3 of 3 rows rejected; nothing written
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
#
# The third resident moves to 富康社区 (150204001002), into a new household in its first
# grid: the receiving station records it. His case stays with 阳光社区, which accepted it;
# his grid worker is now 富康社区's.
$ SQGL_NOW=2012-02-01T10:00 sqgl --as ZZ0101 register move --resident "$(cat mover)" --to-household 150204001002-9001 --to-grid 150204001002-G01 --address '富康社区 9 号楼'
! sqgl: error: 'ZZ0101' (阳光社区管理服务站) may not record a move in community 150204001002
? 4
$ SQGL_NOW=2012-02-01T10:00 sqgl --as ZZ0201 register move --resident "$(cat mover)" --to-household 150204001002-9001 --to-grid 150204001002-G01 --address '富康社区 9 号楼'
move on 2012-02-01 recorded: household 150204001002-9001 in community 150204001002
stay with the community that accepted them: 150204-20120129-0003
flagged for review: 150204-20120129-0003
$ sqgl resident "$(cat mover)" | grep -E '^(household|community|grid|户|社区|网格) '
household   150204001002-9001 (户主) 富康社区 9 号楼
community   150204001002 富康社区
grid        150204001002-G01 (worker ZZ0201)
$ SQGL_NOW=2012-02-01T10:30 sqgl show 150204-20120129-0003 | grep -E '^(case|status|community|办件|状态|社区) |review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
case 150204-20120129-0003  C01-01 城镇居民基本医疗保险参保登记  (new model)
status     open
community  150204001001 阳光社区
register changes to review:
  2012-02-01T10:00:00  household changed: 杜俊浩 moved to community 150204001002 on 2012-02-01; the case stays here — review
  2012-02-01T10:00:00  ZZ0201  household changed: moved to community 150204001002 on 2012-02-01; the case stays here — review (back-filled, recorded …)
$ sqgl --json list --community 150204001001 | grep -E '"(number|community|notice_count)"'
      "community": "150204001001",
      "notice_count": 1,
      "number": "150204-20120129-0002",
      "community": "150204001001",
      "notice_count": 1,
      "number": "150204-20120129-0003",
#
# A boy is born into her household on 2012-02-01.
$ SQGL_NOW=2012-02-02 sqgl --as ZZ0101 register birth --citizen-id 150204201202010013 --name 王小明 --household "$(cat household)"
birth on 2012-02-01 registered in household 150204001001-0001
$ sqlite3 demo.db "SELECT name, sex, birth_date, relation FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') ORDER BY id"
李春兰|F|1970-07-13|户主
谢涛|M|1974-10-03|配偶
王小明|M|2012-02-01|子女
# The household leaves the district: the living leave, and his open case is flagged again.
$ SQGL_NOW=2012-02-03 sqgl --as ZZ0101 register leave --household "$(cat household)" --date 2012-02-03 --to '呼和浩特市新城区'
2 residents of household 150204001001-0001 left the district on 2012-02-03
flagged for review: 150204-20120129-0002
$ SQGL_NOW=2012-02-03 sqgl show 150204-20120129-0002 | grep -E 'review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
register changes to review:
  2012-01-31T09:00:00  household changed: 李春兰 died on 2012-01-30 — review
  2012-02-03T00:00:00  household changed: 谢涛 left the district on 2012-02-03 (to 呼和浩特市新城区) — review
  2012-01-31T09:00:00  IT01    household changed: a member died on 2012-01-30 — review (back-filled, recorded …)
  2012-02-03T00:00:00  ZZ0101  household changed: left the district on 2012-02-03 (to 呼和浩特市新城区) — review (back-filled, recorded …)
$ SQGL_NOW=2012-02-03 sqgl --as ZZ0101 apply --resident "$(cat him)" --item C01-02 --materials 1,2
! sqgl: error: resident '150204********7051' (谢涛) left the district on 2012-02-03; apply where they live now
? 5
# Her death and his departure were recorded in error: the station restores them, each
# with its reason. The case her death withdrew stays withdrawn; she applies again.
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat her)"
! sqgl: error: say why the record was wrong: --note TEXT
? 2
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0201 register restore --resident "$(cat her)" --note '死亡登记有误'
! sqgl: error: 'ZZ0201' (富康社区管理服务站) may not restore a resident in community 150204001001
? 4
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat her)" --note '死亡登记有误，本人健在'
the death recorded on 2012-01-30 is undone: 150204********6922 lives in household 150204001001-0001
withdrawn when the death was recorded, and still withdrawn (apply again): 150204-20120129-0001
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat him)" --note '迁出登记有误' --json
{
  "action": "restore",
  "community": "150204001001",
  "community_name": "阳光社区",
  "date": "2012-02-03",
  "flagged_cases": [],
  "household": "150204001001-0001",
  "kept_cases": [],
  "resident_count": 1,
  "still_withdrawn_cases": [],
  "undone": "departure",
  "withdrawn_cases": []
}
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat him)" --note '迁出登记有误'
! sqgl: error: resident '150204********7051' (谢涛) is in the register: neither a death nor a departure is recorded
? 5
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --resident "$(cat her)" --item C01-01 --materials 1,2,3 | head -1
accepted case 150204-20120206-0001: C01-01 城镇居民基本医疗保险参保登记 for 李春兰
$ SQGL_NOW=2012-02-06 sqgl resident "$(cat her)" | grep -E '^(died|死亡)' || echo 'no death on record'
no death on record
# Moving in: the child who left with the household comes back (the departure stays in the
# history), and a newcomer from outside the district makes a new household in 阳光社区's
# first grid; the receiving station records both.
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204201202010013 --household "$(cat household)" --relation 子女 --from '呼和浩特市新城区'
arrival on 2012-02-07 recorded: 150204********0013 lives in household 150204001001-0001 (community 150204001001)
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id "$(cat him)" --household "$(cat household)" --relation 配偶 --from '北京市'
! sqgl: error: resident '150204********7051' (谢涛) lives in household 150204001001-0001; a move within the district is 'register move'
? 5
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0201 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼' --from '包头市昆都仑区'
! sqgl: error: 'ZZ0201' (富康社区管理服务站) may not record an arrival in community 150204001001
? 4
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼'
! sqgl: error: say where from: --from TEXT (as the registry gives it)
? 2
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼' --from '包头市昆都仑区'
arrival on 2012-02-07 recorded: 150204********0012 lives in household 150204001001-9002 (community 150204001001)
$ SQGL_NOW=2012-02-07 sqgl household 150204001001-9002 | head -3
household  150204001001-9002 阳光社区 12 号楼
community  150204001001 阳光社区
grid       150204001001-G01 (worker ZZ0101)
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 apply --resident 150204198001010012 --item C01-01 --materials 1,2,3 | head -1
accepted case 150204-20120207-0001: C01-01 城镇居民基本医疗保险参保登记 for 赵新
# Every change is in the history, which check replays.
$ sqgl audit log --kind register | cut -c1-120 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
186  2012-01-31T09:00:00  back-filled, recorded …  IT01    register.death    150204001001-0001
191  2012-02-01T10:00:00  back-filled, recorded …  ZZ0201  register.move     150204001002-9001
193  2012-02-02T00:00:00  back-filled, recorded …  ZZ0101  register.birth    150204001001-0001
194  2012-02-03T00:00:00  back-filled, recorded …  ZZ0101  register.leave    150204001001-0001
197  2012-02-06T00:00:00  back-filled, recorded …  ZZ0101  register.restore  150204001001-0001
198  2012-02-06T00:00:00  back-filled, recorded …  ZZ0101  register.restore  150204001001-0001
200  2012-02-07T00:00:00  back-filled, recorded …  ZZ0101  register.arrive   150204001001-0001
202  2012-02-07T00:00:00  back-filled, recorded …  ZZ0101  register.arrive   150204001001-9002
$ sqgl check | tail -1 | cut -c1-57
replay: ok, the tables are what the history says (5 cases
