# Bad input found by tests/reliability/test_bad_inputs.py: each is one clear error,
# exit 2 (3 for a name that does not exist), and nothing written. One block a bug.
%env SQGL_DB=demo.db
$ sqgl init --demo --scale 0.1 > /dev/null
$ sqlite3 demo.db "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.pregnant AND u.code = '150204001001' ORDER BY r.id LIMIT 1" > pregnant
$ sqgl --as ZZ0101 apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3,4 > /dev/null
$ sqgl --as IT01 route --auto > /dev/null
$ sqlite3 demo.db .dump > before.sql
# bug: `approve --reject ''` (a script's empty $REASON) approved the step; so did `--return ''`.
$ sqgl --as ZZ0101 approve 150204-20120129-0001 --reject ''
! sqgl: 错误：--reject: 不能为空（参见 'sqgl --help'）
? 2
$ sqgl --as ZZ0101 approve 150204-20120129-0001 --return ''
! sqgl: 错误：--return: 不能为空（参见 'sqgl --help'）
? 2
# bug: `--db ''` fell back to $SQGL_DB, and `--as ''` to $SQGL_OPERATOR.
$ sqgl --db '' list
! sqgl: 错误：--db: 不能为空（参见 'sqgl --help'）
? 2
$ SQGL_OPERATOR=ZZ0101 sqgl --as '' list --mine
! sqgl: 错误：--as: 不能为空（参见 'sqgl --help'）
? 2
# bug: a directory or a text file as --db was exit 1, "disk I/O error" or "not a database".
$ mkdir dir.db && sqgl --db dir.db list
! sqgl: 错误：'dir.db' 是目录，不是数据库文件
? 2
$ echo 'name,phone' > text.db && sqgl --db text.db list
! sqgl: 错误：'text.db' 不是 sqgl 数据库（不是 SQLite 文件）
? 2
# bug: --out naming the database replaced it with the report (exit 0); a directory was exit 1.
$ sqgl report backlog --out demo.db
! sqgl: 错误：--out：'demo.db' 是数据库，写入会将其损毁
? 2
$ sqgl report backlog --out ./demo.db-wal
! sqgl: 错误：--out：'./demo.db-wal' 是数据库的预写日志，写入会将其损毁
? 2
$ sqgl report backlog --out dir.db
! sqgl: 错误：--out：'dir.db' 是目录；请指定一个文件
? 2
# bug: --errors naming the database truncated it; naming the file being imported emptied it.
$ printf '身份证号,姓名,性别,出生日期,户号\n150204198503121231,王伟,男,1985-03-12,150204001001-0001\n' > in.csv
$ sqgl --as IT01 import residents in.csv --errors demo.db
! sqgl: 错误：--errors：'demo.db' 是数据库，写入会将其损毁
? 2
$ sqgl --as IT01 import residents in.csv --errors ./in.csv
! sqgl: 错误：--errors：'./in.csv' 是正在读取的文件；请指定其他文件
? 2
$ wc -l < in.csv
2
# bug: a directory to import was exit 1 "read error"; --year on a residents import was ignored.
$ sqgl --as IT01 import residents dir.db
! sqgl: 错误：'dir.db' 是目录；请指定一个 CSV 文件
? 2
$ sqgl --as IT01 import residents in.csv --year 2012
! sqgl: 错误：--year 和 --notice 只用于 'import calendar'
? 2
# bug: `report performance --from` a day after the as-of day printed a period ending before it began.
$ sqgl report performance --from 2012-03-01
! sqgl: 错误：期间 2012-03-01 至 2012-01-29 的结束日期早于开始日期（--to 默认为 as-of 当日；请给出 --to 或 --as-of）
? 2
$ sqgl report performance --to 2011-12-31
! sqgl: 错误：期间 2012-01-01 至 2011-12-31 的结束日期早于开始日期（--from 默认为 as-of 日所在月的第一天）
? 2
# bug: --period on a report of one moment (backlog) was printed in its header and changed nothing.
$ sqgl report backlog --period 2012-01
! sqgl: 错误：'backlog' 报表反映 --as-of 当日的状态；--period、--from 和 --to 仅用于 performance、workload、evaluation 和 reform
? 2
$ sqgl report staffing --from 2012-01-01 --to 2012-01-31
! sqgl: 错误：'staffing' 报表反映 --as-of 当日的状态；--period、--from 和 --to 仅用于 performance、workload、evaluation 和 reform
? 2
$ sqgl report backlog --as-of ''
! sqgl: 错误：--as-of: 不能为空（参见 'sqgl --help'）
? 2
# bug: a filter naming nothing printed an empty queue, exit 0.
$ sqgl list --community 150204009001
! sqgl: 错误：未知社区 '150204009001'（您是不是要找 '150204001001'？）
? 3
$ sqgl list --street 150204009
! sqgl: 错误：未知街道 '150204009'（您是不是要找 '150204001'？）
? 3
$ sqgl list --unit JSX
! sqgl: 错误：未知单位 'JSX'（您是不是要找 'JSJ'？）
? 3
$ sqgl list --item C99-01
! sqgl: 错误：未知事项 'C99-01'（您是不是要找 'C09-01'？）
? 3
$ sqgl --as nobody list --mine
! sqgl: 错误：未知工号 'nobody'
? 3
$ sqgl staff --unit 150204009001
! sqgl: 错误：未知单位 '150204009001'（您是不是要找 '150204001001'？）
? 3
$ sqgl staff --role boss
! sqgl: 错误：角色 'boss' 无效：应为以下之一：admin, approver, director, head, reviewer, secretary, worker
? 2
$ sqgl --as IT01 route --auto --community 150204009001
! sqgl: 错误：未知社区 '150204009001'（您是不是要找 '150204001001'？）
? 3
$ sqgl show ''
! sqgl: 错误：case: 不能为空（参见 'sqgl --help'）
? 2
# bug: `route --to` a staff number that does not exist said it "cannot decide step 1" (exit 2).
$ sqgl --as ZZ0101 route 150204-20120129-0001 --to ZZ9999
! sqgl: 错误：未知工号 'ZZ9999'
? 3
# bug: `apply --resident` with an ID born after today said "no resident" (exit 3), not that the ID is invalid.
$ sqgl --as ZZ0101 apply --resident 150204201512310003 --item C10-01 --materials 1
! sqgl: 错误：身份证号 '150204********0003' 无效：出生日期 2015-12-31 晚于当前日期
? 2
# bug: full-width digits were "54 characters", and shown in full.
$ sqgl resident １５０２０４１９８５０３１２１２３０
! sqgl: 错误：身份证号 '１５０２０４********１２３０' 无效：须为 17 位数字，再加一位数字或 X，使用半角字符（不能是全角 ０-９）
? 2
# bug: --score 0x3 and --seed -1 were taken (as 3 and a huge seed).
$ sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 0x3
! sqgl: 错误：--score: 应为十进制整数，实际为 '0x3'（参见 'sqgl --help'）
? 2
$ sqgl --db seed.db init --demo --seed -1
! sqgl: 错误：--seed: 应为十进制整数，实际为 '-1'（参见 'sqgl --help'）
? 2
# bug: an over-long --db or --out name was exit 1, "unexpected failure".
$ sqgl --db "$(printf 'x%.0s' $(seq 5000))" list
! sqgl: 错误：数据库文件名过长（5000 字节）
? 2
$ sqgl report backlog --out "$(printf 'x%.0s' $(seq 300)).txt"
! sqgl: 错误：--out：'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (304 bytes) 中有一段名称超过 255 字节
? 2
# bug: SQGL_NOW=9999-12-31 gave a due date in the year 10000.
$ SQGL_NOW=9999-12-31 sqgl calendar --due 2012-01-29 5
! sqgl: 错误：SQGL_NOW '9999-12-31' 无效：sqgl 只收录 2000 至 2099 年的办件；超出此范围的日期应是输入错误
? 2
# bug: --json apply --note $'\xff' committed, then exit 1, and show --json of that case
# failed for good. Free text must be UTF-8 without control characters; nothing written.
$ sqgl --as ZZ0101 --json apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3,4 --note $'\xff'
! sqgl: error: --note: byte 1 is not UTF-8 (0xFF); text must be UTF-8 without control characters
? 2
$ sqgl --as ZZ0101 approve 150204-20120129-0001 --note $'ok\e[2J'
! sqgl: 错误：--note：第 3 个字节是控制字符（0x1B）；文本须为 UTF-8 且不含控制字符
? 2
$ printf 'citizen_id,name,sex,birth_date,household\n150204198503121230,王\033[31m伟,男,1985-03-12,150204001001-0001\n' > esc.csv && sqgl --as IT01 import residents esc.csv
! sqgl: 错误：esc.csv:2:2: '王\x1b[31m伟': 第 4 个字节是控制字符（0x1B）；文本须为 UTF-8 编码，且不含控制字符
! sqgl: 错误：esc.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
# What a database already holds is printed with its control characters shown, not obeyed.
$ sqlite3 demo.db "UPDATE residents SET name = '李' || char(27) || '[2J' WHERE citizen_id = '$(cat pregnant)'" && sqgl list --status open | grep -c $'\e'; sqgl list --status open | sed -n 2p | cut -c23-45
0
C05-01  李\x1b[2J   \xe5\x8a
