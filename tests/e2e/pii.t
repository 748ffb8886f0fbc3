# Personal data: IDs and phone numbers leave sqgl masked, in errors and reject files too
# (tests/reliability/test_pii.py scans every output; these are the leaks it found).
%env SQGL_DB=demo.db
%env SQGL_OPERATOR=IT01
$ sqgl init --demo --scale 0.1 > /dev/null
# bug: historical cases naming an unknown resident printed the full citizen ID.
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20110509-0001,C02-01,150204199007172463,approved,2011-05-09,2011-06-01\n' > cases.csv
$ sqgl import cases cases.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,3,150204********2463,no resident with this citizen ID
! sqgl: error: cases.csv:2:3: '150204********2463': no resident with this citizen ID
! sqgl: error: cases.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
# bug: an ID or a phone number in the wrong column was echoed in full: every value
# sqgl echoes is masked where it looks like one, whatever its column.
$ printf 'code,community,grid,address\n150204-0001,13912345678,150204199007172463,幸福路1号\n' > households.csv
$ sqgl import households households.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,2,139****5678,"unknown community '139****5678' (not in the database, nor earlier in this file)"
! sqgl: error: households.csv:2:2: unknown community '139****5678' (not in the database, nor earlier in this file)
! sqgl: error: households.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
$ printf 'citizen_id,name,sex,birth_date,household,phone\n150204199007172463,张三,男,1990-07-17,150204199007172463,0472-5123456\n' > residents.csv
$ sqgl import residents residents.csv 2>&1 | grep -c -E '199007172463|5123456'
0
? 1
# bug: a phone number refused for its spaces or its +86 was printed whole.
$ printf '身份证号,姓名,性别,出生日期,户号,联系电话\n150204198503121230,王伟,男,1985-03-12,150204001001-0001,139 0472 1234\n150204199007172463,李娜,女,1990-07-17,150204001001-0001,+8613904721234\n' > phones.csv
$ sqgl import residents phones.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,6,139******1234,"'139******1234' is not a phone number (11-digit mobile, or area code-number)"
3,6,+86*******1234,"'+86*******1234' is not a phone number (11-digit mobile, or area code-number)"
! sqgl: error: phones.csv:2:6: '139******1234' is not a phone number (11-digit mobile, or area code-number)
! sqgl: error: phones.csv:3:6: '+86*******1234' is not a phone number (11-digit mobile, or area code-number)
! sqgl: error: phones.csv: 2 of 2 rows rejected; nothing written (--skip-bad writes the good rows)
# bug: the hint for a 15-digit ID printed its full 18-digit form.
$ printf '身份证号,姓名,性别,出生日期,户号\n150204850312123,王伟,男,1985-03-12,150204001001-0001\n' > old.csv
$ sqgl import residents old.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,1,150204*****2123,is a first-generation 15-digit ID; use the 18-digit form (probably '150204********1230')
! sqgl: error: old.csv:2:1: '150204*****2123': is a first-generation 15-digit ID; use the 18-digit form (probably '150204********1230')
! sqgl: error: old.csv: 1 of 1 rows rejected; nothing written (--skip-bad writes the good rows)
# bug: an ID typed one digit off was echoed whole.
$ sqgl --as ZZ0101 apply --resident 150204198503121231 --item C10-01 --materials 1,2,3
! sqgl: error: invalid citizen ID '150204********1231': check character is '1', expected '0'
? 2
$ sqgl resident 150204198503121231 --json
! sqgl: error: invalid citizen ID '150204********1231': check character is '1', expected '0'
? 2
