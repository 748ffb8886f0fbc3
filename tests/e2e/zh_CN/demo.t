# The demo district (scaled down here; scripts/demo builds it full size).
%env SQGL_DB=demo.db
$ sqgl init --demo --scale 0.1 --seed 2012
已创建数据库 'demo.db'（结构版本 12）
已载入事项目录：12 个类别，64 个事项（见 'sqgl catalog'）
已载入工作日历：2012, 2024, 2025, 2026
已载入 13 项家庭类事项标准（参见 'sqgl household --standards'）
已生成演示区（种子 2012）：2 个街道办事处，7 个社区，7 个网格，2,800 户，7,335 名居民，70 名工作人员
$ sqgl district
150204 青山区：2 个街道办事处，7 个社区，2,800 户，7,335 名居民，70 名工作人员

150204001 幸福路街道（3 名审核人）
  社区                    户数   居民  网格  社区工作者  居委会干部
  150204001001  阳光社区   400  1,032     1           1           1
  150204001002  富康社区   400  1,067     1           1           1
  150204001003  和平社区   400  1,049     1           1           1
  150204001004  友谊社区   400  1,038     1           1           1

150204002 乌素图街道（3 名审核人）
  社区                    户数   居民  网格  社区工作者  居委会干部
  150204002001  长征社区   400  1,033     1           1           1
  150204002002  青松社区   400  1,042     1           1           1
  150204002003  民主社区   400  1,074     1           1           1

区局及审批链涉及的其他单位（在职工作人员）：
  AWB   区爱国卫生运动委员会办公室  2
  CGJ   区城市管理综合执法局        2
  CL    区残疾人联合会              2
  JKZX  区疾病预防控制中心          2
  JSJ   区人口和计划生育局          2
  JSZ   区计划生育技术服务站        2
  JYJ   区就业服务局                2
  LLB   区老龄工作委员会办公室      2
  MZJ   区民政局                    2
  RWB   区人民武装部                2
  SBJ   区社会保险事业管理局        2
  SFJ   区司法局                    2
  YBZX  区医疗保险中心              2
  ZJJ   区住房保障和房屋管理局      2
  ZZB   区委组织部                  2
  GJGS  包头市公交公司              2
  PCS   公安青山分局派出所          2
  SHI   包头市主管部门              2
  SZJ   包头市住房和城乡建设局      2
  WSZX  社区卫生服务中心            2
  ZDYY  指定医院                    2
$ sqgl district --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["street_count"], d["community_count"], d["household_count"], d["resident_count"], d["staff_count"])'
2 7 2800 7335 70
$ sqgl staff --unit 150204001001 --role worker
工号    姓名    单位                                  角色             网格
ZZ0101  胡浩伟  150204001001-FWZ  阳光社区管理服务站  站长,社区工作者  150204001001-G01
$ sqgl staff --role reviewer --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["staff_count"], sorted({s["unit"] for s in d["staff"]}))'
6 ['150204001', '150204002']
$ sqgl resident "$(sqlite3 demo.db "SELECT citizen_id FROM residents WHERE pregnant ORDER BY id LIMIT 1")"
身份证号  150204********7440
姓名      何月萍
性别      女
出生日期  1981-12-12
电话      183****3562
户        150204001001-0002 (子女) 阳光社区1栋1单元102
社区      150204001001 阳光社区
网格      150204001001-G01（网格员 ZZ0101）
标记      孕妇
$ sqgl resident 150204197802295025
! sqgl: 错误：身份证号 '150204********5025' 无效：出生日期 1978-02-29 不是有效日期
? 2
$ sqgl resident 150204198503121230
! sqgl: 错误：没有身份证号为 '150204********1230' 的居民
? 3
# Every generated citizen ID is valid; the same seed gives the same people.
$ sqlite3 demo.db "SELECT citizen_id FROM residents" | python3 -c 'import sys; W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; ids=sys.stdin.read().split(); print(len(ids), all("10X98765432"[sum(int(a)*w for a,w in zip(i[:17],W))%11]==i[17] for i in ids))'
7335 True
$ sqgl --db again.db init --demo --scale 0.1 --seed 2012 > /dev/null && for f in demo.db again.db; do sqlite3 $f "SELECT citizen_id, name, birth_date, phone FROM residents ORDER BY id" | sha256sum | cut -c1-16; done
a7469f76830b9a95
a7469f76830b9a95
# A second demo into the same database is refused, and nothing is written.
$ sqlite3 demo.db .dump | sha256sum > before
$ sqgl init --demo
! sqgl: 错误：数据库中已有区 '150204' 青山区；请将演示数据生成到新数据库中
? 5
$ sqlite3 demo.db .dump | sha256sum | diff - before && echo unchanged
unchanged
# --history adds decided cases for reports and benchmarks: the old chain before the reform, the new after.
$ SQGL_NOW=2013-06-30 sqgl --db hist.db init --demo --scale 0.1 --history 3 --json | python3 -c 'import json,sys; d=json.load(sys.stdin)["demo"]; print(d["history_years"], d["case_count"])'
3 4550
$ sqlite3 hist.db "SELECT model, min(accepted_at) >= '2010', max(accepted_at) < '2012' OR model = 'new', count(*) > 0 FROM cases GROUP BY model"
new|1|1|1
old|1|1|1
$ sqlite3 hist.db "SELECT count(*) FROM case_steps s JOIN case_steps t ON t.case_id = s.case_id AND t.seq <> s.seq AND t.decided_by = s.decided_by WHERE s.kind = 'decision' AND t.kind <> 'posting'"
0
$ SQGL_NOW=2013-06-30 sqgl --db hist.db report reform --from 2010-07-01 --to 2013-06-30 --format csv --table total | tr -d '\r'
模式,办件数,中位数(工作日),P90(工作日)
old,2254,15,24
new,2207,5,17
! sqgl: 警告：未载入 2010 年的工作日历；仅按周一至周五计算
! sqgl: 警告：未载入 2011 年的工作日历；仅按周一至周五计算
! sqgl: 警告：未载入 2013 年的工作日历；仅按周一至周五计算
