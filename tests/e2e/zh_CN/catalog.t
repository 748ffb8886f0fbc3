# sqgl catalog: 12 categories, 64 items, each with both chains, a window, a limit and materials.
$ sqgl init --clock pinned > /dev/null
$ sqgl catalog --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["category_count"], d["item_count"], [c["code"] for c in d["categories"]])'
12 64 ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']
$ sqgl catalog --json | python3 -c 'import json,sys; d=json.load(sys.stdin); items=[i for c in d["categories"] for i in c["items"]]; print(len(items), all(i["window"] and [c["model"] for c in i["chains"]] == ["new", "old"] and all(c["steps"] for c in i["chains"]) and i["promise_days"] >= 1 and any(m["required"] for m in i["materials"]) for i in items))'
64 True
$ sqgl catalog --category C02
事项目录 2012.2：1 个类别，7 个事项。承诺时限以工作日计；层级为新模式（旧模式）。

C02 社会救助
  C02-01  城市居民最低生活保障申请(低保)    社区保障  20 工作日  2（3）级
  C02-02  低保年度复核及增减停变更          社区保障  10 工作日  2（3）级
  C02-03  临时救助申请                      社区保障   7 工作日  2（3）级
  C02-04  城市医疗救助申请                  社区保障  15 工作日  2（3）级
  C02-05  城市"三无"人员(特困人员)供养申请  社区保障  20 工作日  2（3）级
  C02-06  低保家庭子女教育救助              社区保障  15 工作日  2（3）级
  C02-07  困难家庭冬季取暖补贴申请          社区保障  10 工作日  2（3）级
$ sqgl catalog C05-01
C05-01  "一杯奶"生育关怀申请
类别      C05 人口和计划生育
窗口      社区服务 (services)
承诺时限  5 个工作日，承诺件
类型      服务类
跑腿次数  新模式 1 次，旧模式 3 次
申请条件  仅限女性；孕妇；每位居民同时只能有一件在办；本社区户籍居民

新模式（2 级，5 个工作日）：
  1.  服务站        服务站    社区工作者  审批  2 工作日
  2.  区人口计生局  区局 JSJ  审批人      审批  3 工作日
旧模式（3 级，20 个工作日）：
  1.  居委会        居委会    居委会主任  审批   5 工作日
  2.  街道计生办    街道      审核人      审批   5 工作日
  3.  区人口计生局  区局 JSJ  审批人      审批  10 工作日
申请材料：
  1.  夫妻身份证          必交
  2.  结婚证              必交
  3.  生育服务证(准生证)  必交
  4.  医院早孕/孕检证明   必交
$ sqgl catalog C02-01 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(c["model"], c["level_count"], c["promise_days"], " → ".join(s["name"] for s in c["steps"])) for c in d["chains"]]'
new 2 20 入户调查 → 民主评议 → 社区公示 → 区民政局 → 区民政局公示
old 3 30 入户调查 → 民主评议 → 张榜 → 街道 → 区民政局 → 区民政局公示
$ sqgl catalog C5-01
! sqgl: 错误：未知事项 'C5-01'（您是不是要找 'C05-01'？）
? 3
$ sqgl catalog --category C13
! sqgl: 错误：未知类别 'C13'（您是不是要找 'C03'？）
? 3
$ sqgl catalog --window party
事项目录 2012.2：1 个类别，5 个事项。承诺时限以工作日计；层级为新模式（旧模式）。

C12 党员服务
  C12-01  党员组织关系转入                  党员服务   3 工作日  2（2）级
  C12-02  党员组织关系转出                  党员服务   3 工作日  2（2）级
  C12-03  流动党员登记及《流动党员活动证》  党员服务   5 工作日  2（2）级
  C12-04  入党申请受理                      党员服务  20 工作日  2（2）级
  C12-05  困难党员、老党员帮扶慰问申请      党员服务  10 工作日  2（3）级
