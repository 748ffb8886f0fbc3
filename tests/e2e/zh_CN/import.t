# sqgl import: every bad file named by line and column, nothing half-written.
%env SQGL_DB=demo.db
%env SQGL_OPERATOR=IT01
$ sqgl init --demo --scale 0.1 > /dev/null
$ cp -r "$FIXTURES/import" fx && sqlite3 demo.db .dump > before.sql
# Files that are refused whole, each with its reason.
$ sqgl import residents fx/invalid-utf8.csv
! sqgl: 错误：fx/invalid-utf8.csv:3:2: 无效的 UTF-8 字节 0xFF（如果文件来自中文版 Excel，请尝试 --encoding gb18030）
? 2
$ sqgl import residents fx/gb18030-as-utf8.csv
! sqgl: 错误：fx/gb18030-as-utf8.csv:1:1: 无效的 UTF-8 字节 0xC9（如果文件来自中文版 Excel，请尝试 --encoding gb18030）
? 2
$ sqgl import residents fx/nul-byte.csv
! sqgl: 错误：fx/nul-byte.csv:2:2: 数据中有 NUL 字节
? 2
$ sqgl import residents fx/excel-id.csv
! sqgl: 错误：fx/excel-id.csv:2:1: '1.5020*E+17': 像是电子表格中的数字，而不是 18 位身份证号；请将该列设为文本格式后重新导出
! sqgl: 错误：fx/excel-id.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/fifteen-digit.csv
! sqgl: 错误：fx/fifteen-digit.csv:2:1: '150204*****2123': 是第一代 15 位身份证号；请使用 18 位号码（可能是 '150204********1230'）
! sqgl: 错误：fx/fifteen-digit.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/bad-check.csv
! sqgl: 错误：fx/bad-check.csv:2:1: '150204********1231': 校验码为 '1'，应为 '0'
! sqgl: 错误：fx/bad-check.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/impossible-date.csv
! sqgl: 错误：fx/impossible-date.csv:2:1: '150204********5025': 出生日期 1978-02-29 不是有效日期
! sqgl: 错误：fx/impossible-date.csv:2:4: '1978-02-29' 不是有效的日期（YYYY-MM-DD）
! sqgl: 错误：fx/impossible-date.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/sex-mismatch.csv
! sqgl: 错误：fx/sex-mismatch.csv:2:3: '女' 与身份证号不符，身份证号显示为 男 (M)
! sqgl: 错误：fx/sex-mismatch.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/bad-phone.csv
! sqgl: 错误：fx/bad-phone.csv:2:6: '1390472' 不是电话号码（11 位手机号，或“区号-号码”）
! sqgl: 错误：fx/bad-phone.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/duplicate.csv
! sqgl: 错误：fx/duplicate.csv:4:1: '150204********1230': 与第 2 行重复
! sqgl: 错误：fx/duplicate.csv：3 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/unknown-household.csv
! sqgl: 错误：fx/unknown-household.csv:2:5: 未知的户号 '150204009001-0001'（数据库中没有，此前的导入中也没有）
! sqgl: 错误：fx/unknown-household.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import households fx/unknown-community.csv
! sqgl: 错误：fx/unknown-community.csv:2:2: 未知的社区 '150204009001'（数据库中没有，本文件前面也没有）
! sqgl: 错误：fx/unknown-community.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/unknown-column.csv
! sqgl: 错误：fx/unknown-column.csv:1:6: 未知列 '民族'；--ignore-columns 可跳过未知的列
? 2
$ sqgl import residents fx/empty.csv
! sqgl: 错误：fx/empty.csv：文件为空（应有表头行）
? 2
$ sqgl import residents fx/good.csv --dry-run
从 'fx/good.csv' 试运行导入 residents：2 行：新增 2，更新 0，未变 0，拒绝 0；未写入任何内容
$ sqgl import residents fx/duplicate.csv --errors rejects.csv --dry-run > /dev/null; cat rejects.csv; stat -c %a rejects.csv
line,column,value,message
4,1,150204********1230,与第 2 行重复
600
! sqgl: 错误：fx/duplicate.csv:4:1: '150204********1230': 与第 2 行重复
! sqgl: 错误：fx/duplicate.csv：3 行中有 1 行被拒绝；未写入任何内容（试运行）
$ sqgl import residents fx/missing.csv
! sqgl: 错误：无法读取 'fx/missing.csv'
? 3
$ sqgl import people fx/good.csv
! sqgl: 错误：未知导入类型 'people'
? 3
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
# A header-only file imports nothing; a good one imports; the same file again changes nothing.
$ sqgl import residents fx/header-only.csv
已从 'fx/header-only.csv' 导入 residents：0 行：新增 0，更新 0，未变 0，拒绝 0
$ sqgl import residents fx/good.csv
已从 'fx/good.csv' 导入 residents：2 行：新增 2，更新 0，未变 0，拒绝 0
$ sqgl import residents fx/good.csv --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["row_count"], d["inserted_count"], d["unchanged_count"], d["written"])'
2 0 2 True
$ sqgl import residents fx/bom-crlf.csv
已从 'fx/bom-crlf.csv' 导入 residents：2 行：新增 0，更新 0，未变 2，拒绝 0
# A quoted line break; a changed row needs --mode upsert.
$ sqgl import residents fx/quoted-newline.csv
! sqgl: 错误：fx/quoted-newline.csv:2:1: '150204********1230': 该居民已存在，但取值不同；用 --mode upsert 可更新
! sqgl: 错误：fx/quoted-newline.csv:4:1: '150204********2463': 该居民已存在，但取值不同；用 --mode upsert 可更新
! sqgl: 错误：fx/quoted-newline.csv：2 行中有 2 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import residents fx/quoted-newline.csv --mode upsert
已从 'fx/quoted-newline.csv' 导入 residents：2 行：新增 0，更新 2，未变 0，拒绝 0
$ sqlite3 demo.db "SELECT relation FROM residents WHERE citizen_id = '150204198503121230'"
户主,
(原户主已迁出)
# GB18030 (which Excel in Chinese writes), with a character outside GBK.
$ sqgl import residents fx/gb18030.csv --encoding gb18030 --mode upsert
已从 'fx/gb18030.csv' 导入 residents：1 行：新增 0，更新 1，未变 0，拒绝 0
$ sqgl resident 150204198503121230 | head -2
身份证号  150204********1230
姓名      刘䶮
# --skip-bad writes the good rows and reports the bad ones.
$ sqgl import residents fx/duplicate.csv --skip-bad --mode upsert
已从 'fx/duplicate.csv' 导入 residents：3 行：新增 0，更新 2，未变 0，拒绝 1
! sqgl: 警告：fx/duplicate.csv:4:1: '150204********1230': 与第 2 行重复
# Each import leaves one event with the file's SHA-256.
$ sqlite3 demo.db "SELECT kind, operator, json_extract(detail, '$.rows'), json_extract(detail, '$.inserted'), json_extract(detail, '$.unchanged'), substr(json_extract(detail, '$.sha256'), 1, 16) FROM events WHERE kind LIKE 'import.%' ORDER BY id"
import.residents|IT01|0|0|0|fe5c81cae60e9d84
import.residents|IT01|2|2|0|f7f15ab810791f17
import.residents|IT01|2|0|2|f7f15ab810791f17
import.residents|IT01|2|0|2|5f30afc1a43780a6
import.residents|IT01|2|0|0|6d28a030a9696f46
import.residents|IT01|1|0|0|3586acc226d57315
import.residents|IT01|3|0|0|1f325a2b7b6aaa31
$ sha256sum fx/good.csv | cut -c1-16
f7f15ab810791f17
# Only the district admin imports; the refusal is recorded.
$ sqgl --as ZZ0101 import residents fx/good.csv
! sqgl: 错误：'ZZ0101' 无权导入：导入须由区管理员操作
? 4
# A calendar for a year not yet shipped.
$ printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,work,春节调休\n' > 2027.csv
$ sqgl import calendar 2027.csv --year 2027 --notice 'test notice'
已从 '2027.csv' 导入 calendar：2 行：新增 2，更新 0，未变 0，拒绝 0
$ sqgl calendar --due 2026-12-31 1
2027-01-04
$ printf 'date,kind,name\n2027-01-04,work,x\n' > bad-2027.csv && sqgl import calendar bad-2027.csv --year 2027 --notice 'test notice'
! sqgl: 错误：bad-2027.csv:2:1: '2027-01-04' 是周一至周五；只有周六或周日才能作为调休工作日
! sqgl: 错误：bad-2027.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
# bug: a calendar file for 2028 changed 2026 (or any year) silently. A notice holds
# its own year, and adjusted working days within 7 days of its edge (2011-12-31).
$ printf 'date,kind,name\n2026-03-09,off,x\n2027-12-26,work,元旦调休\n2028-01-01,off,元旦\n' > 2028.csv && sqgl import calendar 2028.csv --year 2028 --notice 'test notice'
! sqgl: 错误：2028.csv:2:1: '2026-03-09' 不在 2028 年内：工作日历只收本年的日期，以及年初、年末前后 7 天内的调休工作日
! sqgl: 错误：2028.csv：3 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ printf 'date,kind,name\n2027-12-26,work,元旦调休\n2028-01-01,off,元旦\n' > 2028.csv && sqgl import calendar 2028.csv --year 2028 --notice 'test notice'
已从 '2028.csv' 导入 calendar：2 行：新增 2，更新 0，未变 0，拒绝 0
$ printf 'date,kind,name\n2027-12-31,off,x\n' > 2028b.csv && sqgl import calendar 2028b.csv --year 2028 --notice 'test notice'
! sqgl: 错误：2028b.csv:2:1: '2027-12-31' 不在 2028 年内：工作日历只收本年的日期，以及年初、年末前后 7 天内的调休工作日
! sqgl: 错误：2028b.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
#
# The demo district's people, exported to CSV, imported into a new database: the same residents.
$ sqgl --db fresh.db init --clock pinned > /dev/null
$ sqlite3 -header -csv demo.db "SELECT code, name_zh, name_en FROM units WHERE kind = 'district'" > district.csv
$ sqlite3 -header -csv demo.db "SELECT u.code, u.name_zh, u.name_en, p.code AS district FROM units u JOIN units p ON p.id = u.parent_id WHERE u.kind = 'street'" > streets.csv
$ sqlite3 -header -csv demo.db "SELECT u.code AS 社区代码, u.name_zh AS 社区, u.name_en AS 英文名称, p.code AS 街道 FROM units u JOIN units p ON p.id = u.parent_id WHERE u.kind = 'community'" > communities.csv
$ sqlite3 -header -csv demo.db "SELECT s.staff_no, s.name, u.code AS unit, (SELECT group_concat(role, '|') FROM staff_roles r WHERE r.staff_id = s.id) AS roles, s.phone FROM staff s JOIN units u ON u.id = s.unit_id WHERE u.kind NOT IN ('bureau', 'other')" > staff.csv
$ sqlite3 -header -csv demo.db "SELECT g.code, c.code AS community, g.name, s.staff_no AS worker FROM grids g JOIN units c ON c.id = g.community_id LEFT JOIN staff s ON s.id = g.worker_id" > grids.csv
$ sqlite3 -header -csv demo.db "SELECT h.code AS 户号, c.code AS 社区, g.code AS 网格, h.address AS 地址 FROM households h JOIN units c ON c.id = h.community_id LEFT JOIN grids g ON g.id = h.grid_id" > households.csv
$ sqlite3 -header -csv demo.db "SELECT r.citizen_id AS 身份证号, r.name AS 姓名, CASE r.sex WHEN 'M' THEN '男' ELSE '女' END AS 性别, r.birth_date AS 出生日期, h.code AS 户号, r.relation AS 与户主关系, r.phone AS 联系电话, r.pregnant AS 孕妇, r.disabled AS 残疾, r.low_income AS 低保, r.party_member AS 党员, r.unemployed AS 失业 FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.id" > residents.csv
# The district's admin account comes first, so that someone may import.
$ sqlite3 fresh.db "INSERT INTO units (code, kind, name_zh) VALUES ('150204', 'district', '青山区'); INSERT INTO staff (staff_no, name, unit_id) VALUES ('IT01', '管理员', 1); INSERT INTO staff_roles VALUES (1, 'admin')"
$ for k in district streets communities staff grids households residents; do sqgl --db fresh.db import $k $k.csv --mode upsert; done
已从 'district.csv' 导入 district：1 行：新增 0，更新 1，未变 0，拒绝 0
已从 'streets.csv' 导入 streets：2 行：新增 2，更新 0，未变 0，拒绝 0
已从 'communities.csv' 导入 communities：7 行：新增 7，更新 0，未变 0，拒绝 0
已从 'staff.csv' 导入 staff：28 行：新增 27，更新 1，未变 0，拒绝 0
已从 'grids.csv' 导入 grids：7 行：新增 7，更新 0，未变 0，拒绝 0
已从 'households.csv' 导入 households：2,800 行：新增 2,800，更新 0，未变 0，拒绝 0
已从 'residents.csv' 导入 residents：7,337 行：新增 7,337，更新 0，未变 0，拒绝 0
$ for db in demo.db fresh.db; do sqlite3 $db "SELECT r.citizen_id, r.name, r.sex, r.birth_date, h.code, r.relation, r.phone, r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.citizen_id" | sha256sum | cut -c1-16; done
8e565ff1540e146c
8e565ff1540e146c
$ sqgl --db fresh.db import residents residents.csv
已从 'residents.csv' 导入 residents：7,337 行：新增 0，更新 0，未变 7,337，拒绝 0
#
# Historical cases (from paper or another system), then their residents' ratings.
$ cp "$FIXTURES"/import/cases*.csv "$FIXTURES"/import/evaluations*.csv "$FIXTURES"/import/catalog*.csv fx/
$ sqgl import cases fx/cases-bad.csv
! sqgl: 错误：fx/cases-bad.csv:2:4: 'open' 不是办结状态（approved/办结、rejected/不予批准、withdrawn/撤回）；在办的办件请用 'sqgl apply' 录入
! sqgl: 错误：fx/cases-bad.csv:3:6: '2011-06-01': 早于办件的受理时间
! sqgl: 错误：fx/cases-bad.csv:4:2: 未知事项 'C99-01'（您是不是要找 'C09-01'？）
! sqgl: 错误：fx/cases-bad.csv：3 行中有 3 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
# bug: any case number was accepted: '…-zzzz' broke every apply of that day, and
# '…-9999' made the next one exit 5. A number names the district and the day it was
# accepted, with four digits.
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20120129-zzzz,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n150204-20120128-0001,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n999999-20120129-0001,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n' > numbers.csv
$ sqgl import cases numbers.csv
! sqgl: 错误：numbers.csv:2:1: '150204-20120129-zzzz' 不是受理当日的办件编号：应为 150204-20120129-NNNN（0001 至 9999）
! sqgl: 错误：numbers.csv:3:1: '150204-20120128-0001' 不是受理当日的办件编号：应为 150204-20120129-NNNN（0001 至 9999）
! sqgl: 错误：numbers.csv:4:1: '999999-20120129-0001' 不是受理当日的办件编号：应为 150204-20120129-NNNN（0001 至 9999）
! sqgl: 错误：numbers.csv：3 行中有 3 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20120129-9999,C04-07,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n' > last.csv && sqgl import cases last.csv
已从 'last.csv' 导入 cases：1 行：新增 1，更新 0，未变 0，拒绝 0
$ sqgl --as ZZ0101 apply --resident 150204198503121230 --item C04-07 --materials 1,2 | head -1
已受理办件 150204-20120129-0001：C04-07 安全/治安隐患网格上报，申请人 王伟
$ sqgl import cases fx/cases.csv
已从 'fx/cases.csv' 导入 cases：3 行：新增 3，更新 0，未变 0，拒绝 0
$ sqgl import cases fx/cases.csv
已从 'fx/cases.csv' 导入 cases：3 行：新增 0，更新 0，未变 3，拒绝 0
$ sqgl show 150204-20110509-0001 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["model"], d["due_date"], [(s["name"], s["status"], s["decided_at"], s["note"]) for s in d["steps"]])'
rejected old 2011-06-06 [('居委会', 'approved', None, None), ('街道计生办', 'approved', None, None), ('区人口计生局', 'rejected', '2011-06-01T00:00:00', '不符合政策')]
$ sqgl list --status approved
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20110301-0001  C02-01  王伟    已批准                              2011-04-18
150204-20120129-9999  C04-07  王伟    已批准                              2012-02-01
2 件
$ sqgl import evaluations fx/evaluations-bad.csv
! sqgl: 错误：fx/evaluations-bad.csv:2:1: 办件 '150204-20110701-0001' 的状态为“已撤回”；只能评价已办结的办件
! sqgl: 错误：fx/evaluations-bad.csv:3:2: '6' 不是 1 到 5 的评分（或 非常满意 … 非常不满意）
! sqgl: 错误：fx/evaluations-bad.csv：2 行中有 2 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
# bug: a rating dated before the decision it rates was accepted.
$ printf 'case,score,at\n150204-20110301-0001,5,2011-04-01 10:00\n' > early.csv && sqgl import evaluations early.csv
! sqgl: 错误：early.csv:2:3: '2011-04-01 10:00': 2011-04-01T10:00:00 早于办件的办结时间（2011-04-20T16:00:00）
! sqgl: 错误：early.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqgl import evaluations fx/evaluations.csv
已从 'fx/evaluations.csv' 导入 evaluations：2 行：新增 2，更新 0，未变 0，拒绝 0
$ sqgl show 150204-20110301-0001 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["evaluation"])'
{'comment': '材料跑了三趟', 'label': '满意', 'score': 4}
# Each imported case and rating is an event of its own, which check replays: the
# tables are what the history says, and an edit of an imported case is named.
$ sqgl check | tail -1 | cut -c1-57
重放：正常，各表与历史记录一致（5 件，7
$ sqgl show 150204-20110509-0001 --json | python3 -c 'import json,sys; print([(e["kind"], e["detail"].get("file"), e["detail"].get("line")) for e in json.load(sys.stdin)["history"]])'
[('case.import', 'fx/cases.csv', 3), ('case.evaluate', 'fx/evaluations.csv', 3)]
$ umask 077 && sqlite3 demo.db ".backup edited.db" && sqlite3 edited.db "UPDATE cases SET status = 'approved' WHERE number = '150204-20110509-0001'" && sqgl --db edited.db check | grep "^  "
  办件 '150204-20110509-0001'：status：历史记录为 rejected，数据表为 approved
! sqgl: 错误：检查在 'edited.db' 中发现 1 个问题
#
# Catalog edits: a chain's steps and days; the promise follows the new chain.
$ sqgl import catalog fx/catalog-gap.csv --mode upsert
! sqgl: 错误：C05-01 的新模式审批链跳过了第 2 环节：环节须按 1、2、3 … 连续编号
? 2
$ sqgl import catalog fx/catalog.csv --skip-bad
! sqgl: 错误：事项目录的修改会替换整条审批链：--skip-bad 不适用
? 2
$ sqgl import catalog fx/catalog.csv
! sqgl: 错误：fx/catalog.csv:2:3: '1': 该环节已存在，但取值不同；用 --mode upsert 可更新
! sqgl: 错误：fx/catalog.csv:3:3: '2': 该环节已存在，但取值不同；用 --mode upsert 可更新
! sqgl: 错误：fx/catalog.csv：2 行中有 2 行被拒绝；未写入任何内容
? 2
$ sqgl import catalog fx/catalog.csv --mode upsert
已从 'fx/catalog.csv' 导入 catalog：2 行：新增 0，更新 2，未变 0，拒绝 0
$ sqgl catalog C05-01 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["promise_days"], d["handling"], [(s["name"], s["promise_days"]) for s in d["chains"][0]["steps"]])'
3 promised [('服务站', 1), ('区人口计生局', 2)]
$ sqgl import catalog fx/catalog.csv
已从 'fx/catalog.csv' 导入 catalog：2 行：新增 0，更新 0，未变 2，拒绝 0
