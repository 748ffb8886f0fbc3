# sqgl catalog: 12 categories, 64 items, each with both chains, a window, a limit and materials.
$ sqgl init --clock pinned > /dev/null
$ sqgl catalog --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["category_count"], d["item_count"], [c["code"] for c in d["categories"]])'
12 64 ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']
$ sqgl catalog --json | python3 -c 'import json,sys; d=json.load(sys.stdin); items=[i for c in d["categories"] for i in c["items"]]; print(len(items), all(i["window"] and [c["model"] for c in i["chains"]] == ["new", "old"] and all(c["steps"] for c in i["chains"]) and i["promise_days"] >= 1 and any(m["required"] for m in i["materials"]) for i in items))'
64 True
$ sqgl catalog --category C02
Catalog 2012.2: 1 category, 7 items. Promise in working days; levels new (old).

C02 社会救助 Social Assistance
  C02-01  城市居民最低生活保障申请(低保)    社区保障  20 wd  2 (3) levels
  C02-02  低保年度复核及增减停变更          社区保障  10 wd  2 (3) levels
  C02-03  临时救助申请                      社区保障   7 wd  2 (3) levels
  C02-04  城市医疗救助申请                  社区保障  15 wd  2 (3) levels
  C02-05  城市"三无"人员(特困人员)供养申请  社区保障  20 wd  2 (3) levels
  C02-06  低保家庭子女教育救助              社区保障  15 wd  2 (3) levels
  C02-07  困难家庭冬季取暖补贴申请          社区保障  10 wd  2 (3) levels
$ sqgl catalog C05-01
C05-01  "一杯奶"生育关怀申请
        "One Cup of Milk" pregnancy milk programme
category     C05 人口和计划生育 Population & Family Planning
window       社区服务 (services)
promise      5 working days, 承诺件 promised
type         service
trips        1 under the new model, 3 under the old
eligibility  women only; pregnant; one open case per resident; registered residents of the community
facts        Pregnancy within the birth policy (政策内怀孕); 250 g milk per day for 280 days (≈70 kg); early-education books and videos also given. Ordos 2014 (one banner): 984 mothers, 16,704 cases of milk (≈17 cases each)
source       Seed, S3

New model (新模式) (2 levels, 5 working days):
  1.  服务站        station     worker    decision  2 wd
  2.  区人口计生局  bureau JSJ  approver  decision  3 wd
Old model (旧模式) (3 levels, 20 working days):
  1.  居委会        committee   director  decision   5 wd
  2.  街道计生办    street      reviewer  decision   5 wd
  3.  区人口计生局  bureau JSJ  approver  decision  10 wd
Materials (申请材料):
  1.  夫妻身份证          required
  2.  结婚证              required
  3.  生育服务证(准生证)  required
  4.  医院早孕/孕检证明   required
$ sqgl catalog C02-01 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(c["model"], c["level_count"], c["promise_days"], " → ".join(s["name"] for s in c["steps"])) for c in d["chains"]]'
new 2 20 入户调查 → 民主评议 → 社区公示 → 区民政局 → 区民政局公示
old 3 30 入户调查 → 民主评议 → 张榜 → 街道 → 区民政局 → 区民政局公示
$ sqgl catalog C5-01
! sqgl: error: unknown item 'C5-01' (did you mean 'C05-01'?)
? 3
$ sqgl catalog --category C13
! sqgl: error: unknown category 'C13' (did you mean 'C03'?)
? 3
$ sqgl catalog --window party
Catalog 2012.2: 1 category, 5 items. Promise in working days; levels new (old).

C12 党员服务 Party-member Services
  C12-01  党员组织关系转入                  党员服务   3 wd  2 (2) levels
  C12-02  党员组织关系转出                  党员服务   3 wd  2 (2) levels
  C12-03  流动党员登记及《流动党员活动证》  党员服务   5 wd  2 (2) levels
  C12-04  入党申请受理                      党员服务  20 wd  2 (2) levels
  C12-05  困难党员、老党员帮扶慰问申请      党员服务  10 wd  2 (3) levels
