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
! sqgl: error: --reject: must not be empty (see 'sqgl --help')
? 2
$ sqgl --as ZZ0101 approve 150204-20120129-0001 --return ''
! sqgl: error: --return: must not be empty (see 'sqgl --help')
? 2
# bug: `--db ''` fell back to $SQGL_DB, and `--as ''` to $SQGL_OPERATOR.
$ sqgl --db '' list
! sqgl: error: --db: must not be empty (see 'sqgl --help')
? 2
$ SQGL_OPERATOR=ZZ0101 sqgl --as '' list --mine
! sqgl: error: --as: must not be empty (see 'sqgl --help')
? 2
# bug: a directory or a text file as --db was exit 1, "disk I/O error" or "not a database".
$ mkdir dir.db && sqgl --db dir.db list
! sqgl: error: 'dir.db' is a directory, not a database file
? 2
$ echo 'name,phone' > text.db && sqgl --db text.db list
! sqgl: error: 'text.db' is not an sqgl database (not an SQLite file)
? 2
# bug: --out naming the database replaced it with the report (exit 0); a directory was exit 1.
$ sqgl report backlog --out demo.db
! sqgl: error: --out: 'demo.db' is the database; writing there would destroy it
? 2
$ sqgl report backlog --out ./demo.db-wal
! sqgl: error: --out: './demo.db-wal' is the database's write-ahead log; writing there would destroy it
? 2
$ sqgl report backlog --out dir.db
! sqgl: error: --out: 'dir.db' is a directory; name a file
? 2
# bug: --errors naming the database truncated it; naming the file being imported emptied it.
$ printf '身份证号,姓名,性别,出生日期,户号\n150204198503121231,王伟,男,1985-03-12,150204001001-0001\n' > in.csv
$ sqgl --as IT01 import residents in.csv --errors demo.db
! sqgl: error: --errors: 'demo.db' is the database; writing there would destroy it
? 2
$ sqgl --as IT01 import residents in.csv --errors ./in.csv
! sqgl: error: --errors: './in.csv' is the file being read; name another file
? 2
$ wc -l < in.csv
2
# bug: a directory to import was exit 1 "read error"; --year on a residents import was ignored.
$ sqgl --as IT01 import residents dir.db
! sqgl: error: 'dir.db' is a directory; name a CSV file
? 2
$ sqgl --as IT01 import residents in.csv --year 2012
! sqgl: error: --year and --notice are for 'import calendar' only
? 2
# bug: `report performance --from` a day after the as-of day printed a period ending before it began.
$ sqgl report performance --from 2012-03-01
! sqgl: error: the period 2012-03-01 to 2012-01-29 ends before it starts (--to defaults to the as-of day; give --to or --as-of)
? 2
$ sqgl report performance --to 2011-12-31
! sqgl: error: the period 2012-01-01 to 2011-12-31 ends before it starts (--from defaults to the first of the as-of month)
? 2
# bug: --period on a report of one moment (backlog) was printed in its header and changed nothing.
$ sqgl report backlog --period 2012-01
! sqgl: error: 'backlog' reports the state at --as-of; --period, --from and --to are for performance, workload, evaluation and reform
? 2
$ sqgl report staffing --from 2012-01-01 --to 2012-01-31
! sqgl: error: 'staffing' reports the state at --as-of; --period, --from and --to are for performance, workload, evaluation and reform
? 2
$ sqgl report backlog --as-of ''
! sqgl: error: --as-of: must not be empty (see 'sqgl --help')
? 2
# bug: a filter naming nothing printed an empty queue, exit 0.
$ sqgl list --community 150204009001
! sqgl: error: unknown community '150204009001' (did you mean '150204001001'?)
? 3
$ sqgl list --street 150204009
! sqgl: error: unknown street office '150204009' (did you mean '150204001'?)
? 3
$ sqgl list --unit JSX
! sqgl: error: unknown unit 'JSX' (did you mean 'JSJ'?)
? 3
$ sqgl list --item C99-01
! sqgl: error: unknown item 'C99-01' (did you mean 'C09-01'?)
? 3
$ sqgl --as nobody list --mine
! sqgl: error: unknown staff number 'nobody'
? 3
$ sqgl staff --unit 150204009001
! sqgl: error: unknown unit '150204009001' (did you mean '150204001001'?)
? 3
$ sqgl staff --role boss
! sqgl: error: invalid role 'boss': expected one of admin, approver, director, head, reviewer, secretary, worker
? 2
$ sqgl --as IT01 route --auto --community 150204009001
! sqgl: error: unknown community '150204009001' (did you mean '150204001001'?)
? 3
$ sqgl show ''
! sqgl: error: case: must not be empty (see 'sqgl --help')
? 2
# bug: `route --to` a staff number that does not exist said it "cannot decide step 1" (exit 2).
$ sqgl --as ZZ0101 route 150204-20120129-0001 --to ZZ9999
! sqgl: error: unknown staff number 'ZZ9999'
? 3
# bug: `apply --resident` with an ID born after today said "no resident" (exit 3), not that the ID is invalid.
$ sqgl --as ZZ0101 apply --resident 150204201512310003 --item C10-01 --materials 1
! sqgl: error: invalid citizen ID '150204********0003': birth date 2015-12-31 is in the future
? 2
# bug: full-width digits were "54 characters", and shown in full.
$ sqgl resident １５０２０４１９８５０３１２１２３０
! sqgl: error: invalid citizen ID '１５０２０４********１２３０': must be 17 digits followed by a digit or X, in ASCII (not full-width ０-９)
? 2
# bug: --score 0x3 and --seed -1 were taken (as 3 and a huge seed).
$ sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 0x3
! sqgl: error: --score: expected a whole number in decimal digits, got '0x3' (see 'sqgl --help')
? 2
$ sqgl --db seed.db init --demo --seed -1
! sqgl: error: --seed: expected a whole number in decimal digits, got '-1' (see 'sqgl --help')
? 2
# bug: an over-long --db or --out name was exit 1, "unexpected failure".
$ sqgl --db "$(printf 'x%.0s' $(seq 5000))" list
! sqgl: error: the database name is too long (5000 bytes)
? 2
$ sqgl report backlog --out "$(printf 'x%.0s' $(seq 300)).txt"
! sqgl: error: --out: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (304 bytes) has a name part longer than 255 bytes
? 2
# bug: SQGL_NOW=9999-12-31 gave a due date in the year 10000.
$ SQGL_NOW=9999-12-31 sqgl calendar --due 2012-01-29 5
! sqgl: error: invalid SQGL_NOW '9999-12-31': sqgl keeps cases from 2000 to 2099; a date outside is a typo
? 2
# bug: --json apply --note $'\xff' committed, then exit 1, and show --json of that case
# failed for good. Free text must be UTF-8 without control characters; nothing written.
$ sqgl --as ZZ0101 --json apply --resident "$(cat pregnant)" --item C05-01 --materials 1,2,3,4 --note $'\xff'
! sqgl: error: --note: byte 1 is not UTF-8 (0xFF); text must be UTF-8 without control characters
? 2
$ sqgl --as ZZ0101 approve 150204-20120129-0001 --note $'ok\e[2J'
! sqgl: error: --note: byte 3 is a control character (0x1B); text must be UTF-8 without control characters
? 2
$ printf 'citizen_id,name,sex,birth_date,household\n150204198503121230,王\033[31m伟,男,1985-03-12,150204001001-0001\n' > esc.csv && sqgl --as IT01 import residents esc.csv
! sqgl: error: esc.csv:2:2: '王\x1b[31m伟': byte 4 is a control character (0x1B); text must be UTF-8 without control characters
! sqgl: error: esc.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
? 2
$ sqlite3 demo.db .dump | diff -q - before.sql && echo "nothing written"
nothing written
# What a database already holds is printed with its control characters shown, not obeyed.
$ sqlite3 demo.db "UPDATE residents SET name = '李' || char(27) || '[2J' WHERE citizen_id = '$(cat pregnant)'" && sqgl list --status open | grep -c $'\e'; sqgl list --status open | sed -n 2p | cut -c23-45
0
C05-01  李\x1b[2J     
