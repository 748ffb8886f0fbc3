# sqgl import: every bad file named by line and column, nothing half-written.
%env SQGL_DB=demo.db
%env SQGL_OPERATOR=IT01
$ sqgl init --demo --scale 0.1 > /dev/null
$ cp -r "$FIXTURES/import" fx && sqlite3 demo.db .dump > before.sql
# Files that are refused whole, each with its reason.
$ sqgl import residents fx/invalid-utf8.csv
! sqgl: error: fx/invalid-utf8.csv:3:2: invalid UTF-8 byte 0xFF (if the file comes from Excel in Chinese, try --encoding gb18030)
? 2
$ sqgl import residents fx/gb18030-as-utf8.csv
! sqgl: error: fx/gb18030-as-utf8.csv:1:1: invalid UTF-8 byte 0xC9 (if the file comes from Excel in Chinese, try --encoding gb18030)
? 2
$ sqgl import residents fx/nul-byte.csv
! sqgl: error: fx/nul-byte.csv:2:2: a NUL byte in the data
? 2
$ sqgl import residents fx/excel-id.csv
! sqgl: error: fx/excel-id.csv:2:1: '1.5020*E+17': looks like a spreadsheet number, not an 18-character ID; format the column as text and export again
! sqgl: error: fx/excel-id.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/fifteen-digit.csv
! sqgl: error: fx/fifteen-digit.csv:2:1: '150204*****2123': is a first-generation 15-digit ID; use the 18-digit form (probably '150204********1230')
! sqgl: error: fx/fifteen-digit.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/bad-check.csv
! sqgl: error: fx/bad-check.csv:2:1: '150204********1231': check character is '1', expected '0'
! sqgl: error: fx/bad-check.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/impossible-date.csv
! sqgl: error: fx/impossible-date.csv:2:1: '150204********5025': birth date 1978-02-29 is not a real date
! sqgl: error: fx/impossible-date.csv:2:4: '1978-02-29' is not a real date (YYYY-MM-DD)
! sqgl: error: fx/impossible-date.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/sex-mismatch.csv
! sqgl: error: fx/sex-mismatch.csv:2:3: '女' disagrees with the citizen ID, which says 男 (M)
! sqgl: error: fx/sex-mismatch.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/bad-phone.csv
! sqgl: error: fx/bad-phone.csv:2:6: '1390472' is not a phone number (11-digit mobile, or area code-number)
! sqgl: error: fx/bad-phone.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/duplicate.csv
! sqgl: error: fx/duplicate.csv:4:1: '150204********1230': duplicate of line 2
! sqgl: error: fx/duplicate.csv: 1 of 3 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/unknown-household.csv
! sqgl: error: fx/unknown-household.csv:2:5: unknown household '150204009001-0001' (not in the database, nor earlier in an import)
! sqgl: error: fx/unknown-household.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import households fx/unknown-community.csv
! sqgl: error: fx/unknown-community.csv:2:2: unknown community '150204009001' (not in the database, nor earlier in this file)
! sqgl: error: fx/unknown-community.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/unknown-column.csv
! sqgl: error: fx/unknown-column.csv:1:6: unknown column '民族'; --ignore-columns skips unknown columns
? 2
$ sqgl import residents fx/empty.csv
! sqgl: error: fx/empty.csv: the file is empty (expected a header row)
? 2
$ sqgl import residents fx/good.csv --dry-run
dry run of residents from 'fx/good.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected; nothing written
$ sqgl import residents fx/duplicate.csv --errors rejects.csv --dry-run > /dev/null; cat rejects.csv; stat -c %a rejects.csv
line,column,value,message
4,1,150204********1230,duplicate of line 2
600
! sqgl: error: fx/duplicate.csv:4:1: '150204********1230': duplicate of line 2
! sqgl: error: fx/duplicate.csv: 1 of 3 rows rejected; nothing written (dry run)
$ sqgl import residents fx/missing.csv
! sqgl: error: cannot read 'fx/missing.csv'
? 3
$ sqgl import people fx/good.csv
! sqgl: error: unknown import kind 'people'
? 3
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
# A header-only file imports nothing; a good one imports; the same file again changes nothing.
$ sqgl import residents fx/header-only.csv
imported residents from 'fx/header-only.csv': 0 rows: 0 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl import residents fx/good.csv
imported residents from 'fx/good.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl import residents fx/good.csv --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["row_count"], d["inserted_count"], d["unchanged_count"], d["written"])'
2 0 2 True
$ sqgl import residents fx/bom-crlf.csv
imported residents from 'fx/bom-crlf.csv': 2 rows: 0 inserted, 0 updated, 2 unchanged, 0 rejected
# A quoted line break; a changed row needs --mode upsert.
$ sqgl import residents fx/quoted-newline.csv
! sqgl: error: fx/quoted-newline.csv:2:1: '150204********1230': this resident exists with other values; --mode upsert updates it
! sqgl: error: fx/quoted-newline.csv:4:1: '150204********2463': this resident exists with other values; --mode upsert updates it
! sqgl: error: fx/quoted-newline.csv: 2 of 2 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import residents fx/quoted-newline.csv --mode upsert
imported residents from 'fx/quoted-newline.csv': 2 rows: 0 inserted, 2 updated, 0 unchanged, 0 rejected
$ sqlite3 demo.db "SELECT relation FROM residents WHERE citizen_id = '150204198503121230'"
户主,
(原户主已迁出)
# GB18030 (which Excel in Chinese writes), with a character outside GBK.
$ sqgl import residents fx/gb18030.csv --encoding gb18030 --mode upsert
imported residents from 'fx/gb18030.csv': 1 row: 0 inserted, 1 updated, 0 unchanged, 0 rejected
$ sqgl resident 150204198503121230 | head -2
citizen ID  150204********1230
name        刘䶮
# --skip-bad writes the good rows and reports the bad ones.
$ sqgl import residents fx/duplicate.csv --skip-bad --mode upsert
imported residents from 'fx/duplicate.csv': 3 rows: 0 inserted, 2 updated, 0 unchanged, 1 rejected
! sqgl: warning: fx/duplicate.csv:4:1: '150204********1230': duplicate of line 2
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
! sqgl: error: 'ZZ0101' may not import: that is for the district admin
? 4
# A calendar for a year not yet shipped.
$ printf 'date,kind,name\n2027-01-01,off,元旦\n2027-02-06,work,春节调休\n' > 2027.csv
$ sqgl import calendar 2027.csv --year 2027 --notice 'test notice'
imported calendar from '2027.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl calendar --due 2026-12-31 1
2027-01-04
$ printf 'date,kind,name\n2027-01-04,work,x\n' > bad-2027.csv && sqgl import calendar bad-2027.csv --year 2027 --notice 'test notice'
! sqgl: error: bad-2027.csv:2:1: '2027-01-04' is a weekday; only a Saturday or Sunday can be an adjusted working day
! sqgl: error: bad-2027.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
# bug: a calendar file for 2028 changed 2026 (or any year) silently. A notice holds
# its own year, and adjusted working days within 7 days of its edge (2011-12-31).
$ printf 'date,kind,name\n2026-03-09,off,x\n2027-12-26,work,元旦调休\n2028-01-01,off,元旦\n' > 2028.csv && sqgl import calendar 2028.csv --year 2028 --notice 'test notice'
! sqgl: error: 2028.csv:2:1: '2026-03-09' is not in 2028: a calendar holds its own year, and only adjusted working days within 7 days of its edge
! sqgl: error: 2028.csv: 1 of 3 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ printf 'date,kind,name\n2027-12-26,work,元旦调休\n2028-01-01,off,元旦\n' > 2028.csv && sqgl import calendar 2028.csv --year 2028 --notice 'test notice'
imported calendar from '2028.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected
$ printf 'date,kind,name\n2027-12-31,off,x\n' > 2028b.csv && sqgl import calendar 2028b.csv --year 2028 --notice 'test notice'
! sqgl: error: 2028b.csv:2:1: '2027-12-31' is not in 2028: a calendar holds its own year, and only adjusted working days within 7 days of its edge
! sqgl: error: 2028b.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
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
imported district from 'district.csv': 1 row: 0 inserted, 1 updated, 0 unchanged, 0 rejected
imported streets from 'streets.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected
imported communities from 'communities.csv': 7 rows: 7 inserted, 0 updated, 0 unchanged, 0 rejected
imported staff from 'staff.csv': 28 rows: 27 inserted, 1 updated, 0 unchanged, 0 rejected
imported grids from 'grids.csv': 7 rows: 7 inserted, 0 updated, 0 unchanged, 0 rejected
imported households from 'households.csv': 2,800 rows: 2,800 inserted, 0 updated, 0 unchanged, 0 rejected
imported residents from 'residents.csv': 7,337 rows: 7,337 inserted, 0 updated, 0 unchanged, 0 rejected
$ for db in demo.db fresh.db; do sqlite3 $db "SELECT r.citizen_id, r.name, r.sex, r.birth_date, h.code, r.relation, r.phone, r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed FROM residents r JOIN households h ON h.id = r.household_id ORDER BY r.citizen_id" | sha256sum | cut -c1-16; done
8e565ff1540e146c
8e565ff1540e146c
$ sqgl --db fresh.db import residents residents.csv
imported residents from 'residents.csv': 7,337 rows: 0 inserted, 0 updated, 7,337 unchanged, 0 rejected
#
# Historical cases (from paper or another system), then their residents' ratings.
$ cp "$FIXTURES"/import/cases*.csv "$FIXTURES"/import/evaluations*.csv "$FIXTURES"/import/catalog*.csv fx/
$ sqgl import cases fx/cases-bad.csv
! sqgl: error: fx/cases-bad.csv:2:4: 'open' is not a decided status (approved/办结, rejected/不予批准, withdrawn/撤回); open cases are entered with 'sqgl apply'
! sqgl: error: fx/cases-bad.csv:3:6: '2011-06-01': is before the case was accepted
! sqgl: error: fx/cases-bad.csv:4:2: unknown item 'C99-01' (did you mean 'C09-01'?)
! sqgl: error: fx/cases-bad.csv: 3 of 3 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
# bug: any case number was accepted: '…-zzzz' broke every apply of that day, and
# '…-9999' made the next one exit 5. A number names the district and the day it was
# accepted, with four digits.
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20120129-zzzz,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n150204-20120128-0001,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n999999-20120129-0001,C08-01,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n' > numbers.csv
$ sqgl import cases numbers.csv
! sqgl: error: numbers.csv:2:1: '150204-20120129-zzzz' is not a case number of the day it was accepted: expected 150204-20120129-NNNN (0001 to 9999)
! sqgl: error: numbers.csv:3:1: '150204-20120128-0001' is not a case number of the day it was accepted: expected 150204-20120129-NNNN (0001 to 9999)
! sqgl: error: numbers.csv:4:1: '999999-20120129-0001' is not a case number of the day it was accepted: expected 150204-20120129-NNNN (0001 to 9999)
! sqgl: error: numbers.csv: 3 of 3 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20120129-9999,C04-07,150204198503121230,approved,2012-01-29 08:00,2012-01-29 08:30\n' > last.csv && sqgl import cases last.csv
imported cases from 'last.csv': 1 row: 1 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl --as ZZ0101 apply --resident 150204198503121230 --item C04-07 --materials 1,2 | head -1
accepted case 150204-20120129-0001: C04-07 安全/治安隐患网格上报 for 王伟
$ sqgl import cases fx/cases.csv
imported cases from 'fx/cases.csv': 3 rows: 3 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl import cases fx/cases.csv
imported cases from 'fx/cases.csv': 3 rows: 0 inserted, 0 updated, 3 unchanged, 0 rejected
$ sqgl show 150204-20110509-0001 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["model"], d["due_date"], [(s["name"], s["status"], s["decided_at"], s["note"]) for s in d["steps"]])'
rejected old 2011-06-06 [('居委会', 'approved', None, None), ('街道计生办', 'approved', None, None), ('区人口计生局', 'rejected', '2011-06-01T00:00:00', '不符合政策')]
$ sqgl list --status approved
case                  item    resident  status    step  assignee  step due  due
150204-20110301-0001  C02-01  王伟      approved                            2011-04-18
150204-20120129-9999  C04-07  王伟      approved                            2012-02-01
2 cases
$ sqgl import evaluations fx/evaluations-bad.csv
! sqgl: error: fx/evaluations-bad.csv:2:1: case '150204-20110701-0001' is withdrawn; only decided cases are rated
! sqgl: error: fx/evaluations-bad.csv:3:2: '6' is not a score from 1 to 5 (or 非常满意 … 非常不满意)
! sqgl: error: fx/evaluations-bad.csv: 2 of 2 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
# bug: a rating dated before the decision it rates was accepted.
$ printf 'case,score,at\n150204-20110301-0001,5,2011-04-01 10:00\n' > early.csv && sqgl import evaluations early.csv
! sqgl: error: early.csv:2:3: '2011-04-01 10:00': 2011-04-01T10:00:00 is before the case was decided (2011-04-20T16:00:00)
! sqgl: error: early.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqgl import evaluations fx/evaluations.csv
imported evaluations from 'fx/evaluations.csv': 2 rows: 2 inserted, 0 updated, 0 unchanged, 0 rejected
$ sqgl show 150204-20110301-0001 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["evaluation"])'
{'comment': '材料跑了三趟', 'label': '满意', 'score': 4}
# Each imported case and rating is an event of its own, which check replays: the
# tables are what the history says, and an edit of an imported case is named.
$ sqgl check | tail -1 | cut -c1-57
replay: ok, the tables are what the history says (5 cases
$ sqgl show 150204-20110509-0001 --json | python3 -c 'import json,sys; print([(e["kind"], e["detail"].get("file"), e["detail"].get("line")) for e in json.load(sys.stdin)["history"]])'
[('case.import', 'fx/cases.csv', 3), ('case.evaluate', 'fx/evaluations.csv', 3)]
$ umask 077 && sqlite3 demo.db ".backup edited.db" && sqlite3 edited.db "UPDATE cases SET status = 'approved' WHERE number = '150204-20110509-0001'" && sqgl --db edited.db check | grep "^  "
  case '150204-20110509-0001': status: history says rejected, table says approved
! sqgl: error: check found 1 problem in 'edited.db'
#
# Catalog edits: a chain's steps and days; the promise follows the new chain.
$ sqgl import catalog fx/catalog-gap.csv --mode upsert
! sqgl: error: the new chain of C05-01 skips step 2: steps must run 1, 2, 3 …
? 2
$ sqgl import catalog fx/catalog.csv --skip-bad
! sqgl: error: catalog edits replace whole chains: --skip-bad does not apply
? 2
$ sqgl import catalog fx/catalog.csv
! sqgl: error: fx/catalog.csv:2:3: '1': this step exists with other values; --mode upsert updates it
! sqgl: error: fx/catalog.csv:3:3: '2': this step exists with other values; --mode upsert updates it
! sqgl: error: fx/catalog.csv: 2 of 2 rows rejected; nothing written
? 2
$ sqgl import catalog fx/catalog.csv --mode upsert
imported catalog from 'fx/catalog.csv': 2 rows: 0 inserted, 2 updated, 0 unchanged, 0 rejected
$ sqgl catalog C05-01 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["promise_days"], d["handling"], [(s["name"], s["promise_days"]) for s in d["chains"][0]["steps"]])'
3 promised [('服务站', 1), ('区人口计生局', 2)]
$ sqgl import catalog fx/catalog.csv
imported catalog from 'fx/catalog.csv': 2 rows: 0 inserted, 0 updated, 2 unchanged, 0 rejected
