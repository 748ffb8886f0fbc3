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
已受理办件 150204-20120129-0001：C01-01 城镇居民基本医疗保险参保登记，申请人 李春兰
$ sqgl --as ZZ0101 apply --resident "$(cat him)" --item C03-04 --materials 1,2,3,4 --authorised-by "$(cat her)" | head -1
已受理办件 150204-20120129-0002：C03-04 "零就业家庭"认定与就业援助，申请户 150204001001-0001，由 谢涛 代表申请
$ sqgl --as ZZ0101 apply --resident "$(cat mover)" --item C01-01 --materials 1,2,3 | head -1
已受理办件 150204-20120129-0003：C01-01 城镇居民基本医疗保险参保登记，申请人 杜俊浩
#
# She died on 2012-01-30; the civil-affairs registry's file comes to the district admin.
$ printf '身份证号,死亡日期,备注\n%s,2012/1/30,死亡证明 0001\n' "$(cat her)" > deaths.csv
$ SQGL_NOW=2012-01-31T09:00 sqgl --as IT01 import deaths deaths.csv --dry-run
从 'deaths.csv' 试运行导入 deaths：1 行：新增 1，更新 0，未变 0，拒绝 0；未写入任何内容
$ SQGL_NOW=2012-01-31T09:00 sqgl --as IT01 import deaths deaths.csv
已从 'deaths.csv' 导入 deaths：1 行：新增 1，更新 0，未变 0，拒绝 0
# Her case is withdrawn with the reason; the household's benefit is flagged for review.
$ SQGL_NOW=2012-01-31T09:30 sqgl show 150204-20120129-0001 | grep -v '^$' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
办件 150204-20120129-0001  C01-01 城镇居民基本医疗保险参保登记  （新模式）
状态      已撤回 2012-01-31T09:00:00
申请人    李春兰 150204********6922
社区      150204001001 阳光社区
受理      2012-01-29T09:00:00 由 ZZ0101 在社区保障窗口（welfare）受理
办理期限  2012-02-03：自 2012-01-29 起 5 个工作日（服务站 2 + 区医保中心 3），受理当日不计
环节：
  1.  服务站      阳光社区管理服务站  社区工作者  审批  2 工作日  已撤回  由 IT01 办理  2012-01-31T09:00:00  用时 2 工作日
  2.  区医保中心  区医疗保险中心      审批人      审批  3 工作日  待办
材料：
  1.  户口簿                         必交        2012-01-29 收件
  2.  身份证                         必交        2012-01-29 收件
  3.  1寸照片                        必交        2012-01-29 收件
  4.  学生证或低保证/残疾证(减免时)  视情况提交  -
历史记录：
  2012-01-29T09:00:00  ZZ0101  按新模式受理；2012-02-03 到期（补录，记录于 …）
  2012-01-31T09:00:00  IT01    因户籍变动撤回：申请人已于 2012-01-30 死亡（补录，记录于 …）
$ SQGL_NOW=2012-01-31T09:30 sqgl show 150204-20120129-0002 | grep -E 'review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
待复核的户籍变动：
  2012-01-31T09:00:00  家庭变动：李春兰 于 2012-01-30 死亡，请复核
  2012-01-31T09:00:00  IT01    家庭变动：一名家庭成员于 2012-01-30 死亡，请复核（补录，记录于 …）
$ SQGL_NOW=2012-01-31T09:30 sqgl list
办件编号              事项    申请人  状态    当前环节  承办人  环节期限    办理期限
150204-20120129-0002  C03-04  谢涛    办理中  服务站            2012-01-31  2012-02-03  待复核
150204-20120129-0003  C01-01  杜俊浩  办理中  服务站            2012-01-31  2012-02-03
2 件办理中
$ sqgl audit log --limit 4 | cut -c1-150 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
186  2012-01-31T09:00:00  补录，记录于 …  IT01  register.death  150204001001-0001
187  2012-01-31T09:00:00  补录，记录于 …  IT01  case.withdraw   150204-20120129-0001
188  2012-01-31T09:00:00  补录，记录于 …  IT01  case.notice     150204-20120129-0002
189  2012-01-31T09:00:00  补录，记录于 …  IT01  import.deaths   deaths.csv
$ sqgl resident "$(cat her)"
身份证号  150204********6922
姓名      李春兰
性别      女
出生日期  1970-07-13
电话      132****5905
户        150204001001-0001 (户主) 阳光社区1栋1单元101
社区      150204001001 阳光社区
网格      150204001001-G01（网格员 ZZ0101）
标记      党员
死亡      2012-01-30
# Nobody applies in her name, and a second death is refused: both name the date.
$ SQGL_NOW=2012-02-01 sqgl --as ZZ0101 apply --resident "$(cat her)" --item C01-01 --materials 1,2,3
! sqgl: 错误：居民 '150204********6922'（李春兰）已于 2012-01-30 死亡，不能以其名义申请
? 5
$ SQGL_NOW=2012-02-01 sqgl --as ZZ0101 register death --resident "$(cat her)" --date 2012-01-30
! sqgl: 错误：居民 '150204********6922' (李春兰) 已于 2012-01-30 死亡
? 5
# A bad file is named line by line and writes nothing.
$ printf 'citizen_id,date\n%s,2012-01-30\n%s,2013-01-01\n150204190001010000,2012-01-01\n' "$(cat her)" "$(cat him)" > bad.csv
$ sqlite3 demo.db .dump > before.sql
$ SQGL_NOW=2012-02-01 sqgl --as IT01 import deaths bad.csv
! sqgl: 错误：bad.csv:2:1: 居民 '150204********6922' (李春兰) 已于 2012-01-30 死亡
! sqgl: 错误：bad.csv:3:2: '2013-01-01' 晚于今天（2012-02-01）
! sqgl: 错误：bad.csv:4:1: '150204********0000': 校验码为 '0'，应为 '8'
! sqgl: 错误：bad.csv：3 行中有 3 行被拒绝；未写入任何内容
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
#
# The third resident moves to 富康社区 (150204001002), into a new household in its first
# grid: the receiving station records it. His case stays with 阳光社区, which accepted it;
# his grid worker is now 富康社区's.
$ SQGL_NOW=2012-02-01T10:00 sqgl --as ZZ0101 register move --resident "$(cat mover)" --to-household 150204001002-9001 --to-grid 150204001002-G01 --address '富康社区 9 号楼'
! sqgl: 错误：'ZZ0101'（阳光社区管理服务站）不能在社区 150204001002 登记迁移
? 4
$ SQGL_NOW=2012-02-01T10:00 sqgl --as ZZ0201 register move --resident "$(cat mover)" --to-household 150204001002-9001 --to-grid 150204001002-G01 --address '富康社区 9 号楼'
已登记迁移（2012-02-01）：户 150204001002-9001，社区 150204001002
仍由受理社区办理：150204-20120129-0003
已标记待复核：150204-20120129-0003
$ sqgl resident "$(cat mover)" | grep -E '^(household|community|grid|户|社区|网格) '
户        150204001002-9001 (户主) 富康社区 9 号楼
社区      150204001002 富康社区
网格      150204001002-G01（网格员 ZZ0201）
$ SQGL_NOW=2012-02-01T10:30 sqgl show 150204-20120129-0003 | grep -E '^(case|status|community|办件|状态|社区) |review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
办件 150204-20120129-0003  C01-01 城镇居民基本医疗保险参保登记  （新模式）
状态      办理中
社区      150204001001 阳光社区
待复核的户籍变动：
  2012-02-01T10:00:00  家庭变动：杜俊浩 迁至社区 150204001002（2012-02-01），办件仍由本社区办理，请复核
  2012-02-01T10:00:00  ZZ0201  家庭变动：迁至社区 150204001002（2012-02-01），办件仍由本社区办理，请复核（补录，记录于 …）
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
已登记出生：2012-02-01，户 150204001001-0001
$ sqlite3 demo.db "SELECT name, sex, birth_date, relation FROM residents WHERE household_id = (SELECT id FROM households WHERE code = '$(cat household)') ORDER BY id"
李春兰|F|1970-07-13|户主
谢涛|M|1974-10-03|配偶
王小明|M|2012-02-01|子女
# The household leaves the district: the living leave, and his open case is flagged again.
$ SQGL_NOW=2012-02-03 sqgl --as ZZ0101 register leave --household "$(cat household)" --date 2012-02-03 --to '呼和浩特市新城区'
户 150204001001-0001 的 2 名居民于 2012-02-03 迁出本区
已标记待复核：150204-20120129-0002
$ SQGL_NOW=2012-02-03 sqgl show 150204-20120129-0002 | grep -E 'review|复核' | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
待复核的户籍变动：
  2012-01-31T09:00:00  家庭变动：李春兰 于 2012-01-30 死亡，请复核
  2012-02-03T00:00:00  家庭变动：谢涛 于 2012-02-03 迁出本区（迁往 呼和浩特市新城区），请复核
  2012-01-31T09:00:00  IT01    家庭变动：一名家庭成员于 2012-01-30 死亡，请复核（补录，记录于 …）
  2012-02-03T00:00:00  ZZ0101  家庭变动：于 2012-02-03 迁出本区（迁往 呼和浩特市新城区），请复核（补录，记录于 …）
$ SQGL_NOW=2012-02-03 sqgl --as ZZ0101 apply --resident "$(cat him)" --item C01-02 --materials 1,2
! sqgl: 错误：居民 '150204********7051'（谢涛）已于 2012-02-03 迁出本区，请到现居住地申请
? 5
# Her death and his departure were recorded in error: the station restores them, each
# with its reason. The case her death withdrew stays withdrawn; she applies again.
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat her)"
! sqgl: 错误：请说明登记错误的原因：--note TEXT
? 2
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0201 register restore --resident "$(cat her)" --note '死亡登记有误'
! sqgl: 错误：'ZZ0201'（富康社区管理服务站）不能在社区 150204001001 恢复居民的户籍登记
? 4
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 register restore --resident "$(cat her)" --note '死亡登记有误，本人健在'
2012-01-30 登记的死亡已撤销：150204********6922 仍住在户 150204001001-0001
登记死亡时撤回的办件仍为已撤回（如需办理请重新申请）：150204-20120129-0001
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
! sqgl: 错误：居民 '150204********7051' (谢涛) 在册：既无死亡登记也无迁出登记
? 5
$ SQGL_NOW=2012-02-06 sqgl --as ZZ0101 apply --resident "$(cat her)" --item C01-01 --materials 1,2,3 | head -1
已受理办件 150204-20120206-0001：C01-01 城镇居民基本医疗保险参保登记，申请人 李春兰
$ SQGL_NOW=2012-02-06 sqgl resident "$(cat her)" | grep -E '^(died|死亡)' || echo 'no death on record'
no death on record
# Moving in: the child who left with the household comes back (the departure stays in the
# history), and a newcomer from outside the district makes a new household in 阳光社区's
# first grid; the receiving station records both.
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204201202010013 --household "$(cat household)" --relation 子女 --from '呼和浩特市新城区'
已登记 2012-02-07 迁入：150204********0013 住在户 150204001001-0001（社区 150204001001）
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id "$(cat him)" --household "$(cat household)" --relation 配偶 --from '北京市'
! sqgl: 错误：居民 '150204********7051' (谢涛) 已在户 150204001001-0001 中；区内迁移请用 'register move'
? 5
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0201 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼' --from '包头市昆都仑区'
! sqgl: 错误：'ZZ0201'（富康社区管理服务站）不能在社区 150204001001 登记迁入
? 4
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼'
! sqgl: 错误：请说明从何处迁入：--from TEXT（按户籍登记填写）
? 2
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 register arrive --citizen-id 150204198001010012 --name 赵新 --household 150204001001-9002 --to-grid 150204001001-G01 --address '阳光社区 12 号楼' --from '包头市昆都仑区'
已登记 2012-02-07 迁入：150204********0012 住在户 150204001001-9002（社区 150204001001）
$ SQGL_NOW=2012-02-07 sqgl household 150204001001-9002 | head -3
户        150204001001-9002 阳光社区 12 号楼
社区      150204001001 阳光社区
网格      150204001001-G01（网格员 ZZ0101）
$ SQGL_NOW=2012-02-07 sqgl --as ZZ0101 apply --resident 150204198001010012 --item C01-01 --materials 1,2,3 | head -1
已受理办件 150204-20120207-0001：C01-01 城镇居民基本医疗保险参保登记，申请人 赵新
# Every change is in the history, which check replays.
$ sqgl audit log --kind register | cut -c1-120 | sed -E 's/(recorded|记录于) [0-9T:-]+/\1 …/'
186  2012-01-31T09:00:00  补录，记录于 …  IT01    register.death    150204001001-0001
191  2012-02-01T10:00:00  补录，记录于 …  ZZ0201  register.move     150204001002-9001
193  2012-02-02T00:00:00  补录，记录于 …  ZZ0101  register.birth    150204001001-0001
194  2012-02-03T00:00:00  补录，记录于 …  ZZ0101  register.leave    150204001001-0001
197  2012-02-06T00:00:00  补录，记录于 …  ZZ0101  register.restore  150204001001-0001
198  2012-02-06T00:00:00  补录，记录于 …  ZZ0101  register.restore  150204001001-0001
200  2012-02-07T00:00:00  补录，记录于 …  ZZ0101  register.arrive   150204001001-0001
202  2012-02-07T00:00:00  补录，记录于 …  ZZ0101  register.arrive   150204001001-9002
$ sqgl check | tail -1 | cut -c1-57
重放：正常，各表与历史记录一致（5 件，1
