# Personal data: IDs and phone numbers leave sqgl masked, in errors and reject files too
# (tests/reliability/test_pii.py scans every output; these are the leaks it found).
%env SQGL_DB=demo.db
%env SQGL_OPERATOR=IT01
$ sqgl init --demo --scale 0.1 > /dev/null
# bug: historical cases naming an unknown resident printed the full citizen ID.
$ printf 'number,item,resident,status,accepted_at,decided_at\n150204-20110509-0001,C02-01,150204199007172463,approved,2011-05-09,2011-06-01\n' > cases.csv
$ sqgl import cases cases.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,3,150204********2463,没有此身份证号的居民
! sqgl: 错误：cases.csv:2:3: '150204********2463': 没有此身份证号的居民
! sqgl: 错误：cases.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
# bug: an ID or a phone number in the wrong column was echoed in full: every value
# sqgl echoes is masked where it looks like one, whatever its column.
$ printf 'code,community,grid,address\n150204-0001,13912345678,150204199007172463,幸福路1号\n' > households.csv
$ sqgl import households households.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,2,139****5678,未知的社区 '139****5678'（数据库中没有，本文件前面也没有）
! sqgl: 错误：households.csv:2:2: 未知的社区 '139****5678'（数据库中没有，本文件前面也没有）
! sqgl: 错误：households.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
$ printf 'citizen_id,name,sex,birth_date,household,phone\n150204199007172463,张三,男,1990-07-17,150204199007172463,0472-5123456\n' > residents.csv
$ sqgl import residents residents.csv 2>&1 | grep -c -E '199007172463|5123456'
0
? 1
# bug: a phone number refused for its spaces or its +86 was printed whole.
$ printf '身份证号,姓名,性别,出生日期,户号,联系电话\n150204198503121230,王伟,男,1985-03-12,150204001001-0001,139 0472 1234\n150204199007172463,李娜,女,1990-07-17,150204001001-0001,+8613904721234\n' > phones.csv
$ sqgl import residents phones.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,6,139******1234,'139******1234' 不是电话号码（11 位手机号，或“区号-号码”）
3,6,+86*******1234,'+86*******1234' 不是电话号码（11 位手机号，或“区号-号码”）
! sqgl: 错误：phones.csv:2:6: '139******1234' 不是电话号码（11 位手机号，或“区号-号码”）
! sqgl: 错误：phones.csv:3:6: '+86*******1234' 不是电话号码（11 位手机号，或“区号-号码”）
! sqgl: 错误：phones.csv：2 行中有 2 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
# bug: the hint for a 15-digit ID printed its full 18-digit form.
$ printf '身份证号,姓名,性别,出生日期,户号\n150204850312123,王伟,男,1985-03-12,150204001001-0001\n' > old.csv
$ sqgl import residents old.csv --errors rejects.csv; cat rejects.csv
line,column,value,message
2,1,150204*****2123,是第一代 15 位身份证号；请使用 18 位号码（可能是 '150204********1230'）
! sqgl: 错误：old.csv:2:1: '150204*****2123': 是第一代 15 位身份证号；请使用 18 位号码（可能是 '150204********1230'）
! sqgl: 错误：old.csv：1 行中有 1 行被拒绝；未写入任何内容（--skip-bad 可写入无误的行）
# bug: an ID typed one digit off was echoed whole.
$ sqgl --as ZZ0101 apply --resident 150204198503121231 --item C10-01 --materials 1,2,3
! sqgl: 错误：身份证号 '150204********1231' 无效：校验码为 '1'，应为 '0'
? 2
$ sqgl resident 150204198503121231 --json
! sqgl: error: invalid citizen ID '150204********1231': check character is '1', expected '0'
? 2
