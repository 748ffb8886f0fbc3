# On a terminal the long outputs (list, show, audit log, catalog) go through a
# pager, as git's do. `script` runs sqgl on a pseudo-terminal; the pager below
# records what it was given and the LESS and LV it ran with.
%env SQGL_DB=history.db
%env SQGL_NOW=2012-06-29T09:00
%unset PAGER
%unset LESS
%unset LV
$ sqgl init --demo --scale 0.1 --history 3 > /dev/null
$ printf '#!/bin/sh\necho "LESS=$LESS LV=$LV $1" > pager-env\ncat > paged\n' > pager && chmod +x pager
%env SQGL_PAGER=./pager SQGL_PAGER
$ script -qec 'sqgl list --all --limit 3' /dev/null | wc -c; cat pager-env paged
0
LESS=FRX LV=-c SQGL_PAGER
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20090701-0003  C07-05  朱辉    已批准                              2009-07-02
150204-20090706-0008  C07-05  李英慧  已批准                              2009-07-07
150204-20090703-0002  C11-01  董俊龙  已批准                              2009-07-08
前 3 件，共 4493 件；加大 --limit 可列出更多
$ rm paged; script -qec 'sqgl catalog C05-01' /dev/null | wc -c; head -n 2 paged
0
C05-01  "一杯奶"生育关怀申请
类别      C05 人口和计划生育
$ rm paged; script -qec 'sqgl show 150204-20100705-0004' /dev/null | wc -c; head -n 1 paged
0
办件 150204-20100705-0004  C04-03 居住证(暂住证)申领代办  （旧模式）
$ rm paged; script -qec 'sqgl audit log --limit 2' /dev/null | wc -c; wc -l < paged
0
2
# LESS and LV as the user set them are kept.
$ rm paged; LESS=S LV=-s script -qec 'sqgl list --all --limit 1' /dev/null | wc -c; cat pager-env
0
LESS=S LV=-s SQGL_PAGER
# $SQGL_PAGER comes first, then $PAGER; without either, less.
%unset SQGL_PAGER
$ rm paged; PAGER='./pager PAGER' script -qec 'sqgl list --all --limit 1' /dev/null | wc -c; cat pager-env
0
LESS=FRX LV=-c PAGER
$ rm paged; PAGER='./pager PAGER' SQGL_PAGER='./pager SQGL_PAGER' script -qec 'sqgl list --all --limit 1' /dev/null | wc -c; cat pager-env
0
LESS=FRX LV=-c SQGL_PAGER
$ mkdir bin && printf '#!/bin/sh\necho less "$@" > less-ran\ncat > /dev/null\n' > bin/less && chmod +x bin/less
$ PATH=$PWD/bin:$PATH script -qec 'sqgl list --all --limit 1' /dev/null | wc -c; cat less-ran
0
less
# No pager: an empty one, cat, --no-pager, --json, --jsonl, commands whose output is
# short, and stdout that is no terminal.
%env SQGL_PAGER=./pager SQGL_PAGER
$ rm paged; SQGL_PAGER= script -qec 'sqgl list --all --limit 1' /dev/null | tr -d '\r'; test -e paged || echo 'not paged'
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20090701-0003  C07-05  朱辉    已批准                              2009-07-02
前 1 件，共 4493 件；加大 --limit 可列出更多
not paged
$ SQGL_PAGER=cat script -qec 'sqgl list --all --limit 1' /dev/null | tr -d '\r'; test -e paged || echo 'not paged'
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20090701-0003  C07-05  朱辉    已批准                              2009-07-02
前 1 件，共 4493 件；加大 --limit 可列出更多
not paged
$ script -qec 'sqgl --no-pager list --all --limit 1' /dev/null | tr -d '\r'; test -e paged || echo 'not paged'
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20090701-0003  C07-05  朱辉    已批准                              2009-07-02
前 1 件，共 4493 件；加大 --limit 可列出更多
not paged
$ script -qec 'sqgl --json list --limit 1' /dev/null | tr -d '\r' | head -n 2; test -e paged || echo 'not paged'
{
  "case_count": 0,
not paged
$ script -qec 'sqgl list --all --jsonl --limit 1' /dev/null | tr -d '\r' | cut -c1-40; test -e paged || echo 'not paged'
{"accepted_at":"2009-07-01T13:01:00","as
not paged
$ script -qec 'sqgl calendar --years' /dev/null | tr -d '\r'; test -e paged || echo 'not paged'
年份  放假天数  调休天数  通知
2012        27         7  国办发明电〔2011〕45号
2024        28         8  国办发明电〔2023〕7号
2025        28         5  国办发明电〔2024〕12号
2026        33         6  国务院办公厅关于2026年部分节假日安排的通知(2025-11-04)
not paged
$ sqgl list --all | wc -l; sqgl catalog C05-01 > out.txt; wc -l < out.txt; test -e paged || echo 'not paged'
4495
20
not paged
# A pager that is not there is said once, and the output printed without it.
$ SQGL_PAGER='no-such-pager -R' script -qec 'sqgl list --all --limit 1' /dev/null | tr -d '\r'; test -e paged || echo 'not paged'
sqgl: 警告：无法运行分页程序 'no-such-pager'：没有这个程序，直接打印
办件编号              事项    申请人  状态    当前环节  承办人  环节期限  办理期限
150204-20090701-0003  C07-05  朱辉    已批准                              2009-07-02
前 1 件，共 4493 件；加大 --limit 可列出更多
not paged
# Quitting the pager early (here after 100 bytes of a long list) ends sqgl quietly:
# exit 0, no error.
$ sqgl list --all | wc -c | awk '$1 > 300000 { print "long enough" }'
long enough
$ SQGL_PAGER='head -c 100 > /dev/null' script -qec 'sqgl list --all 2> err; echo "exit $?"' /dev/null | tr -d '\r'; cat err
exit 0
$ SQGL_PAGER='head -c 100 > /dev/null' script -qec 'sqgl audit log --limit 100000 2> err; echo "exit $?"' /dev/null | tr -d '\r'; cat err
exit 0
# Ctrl-C reaches sqgl and the pager alike: sqgl lets the pager finish with the
# terminal, then dies of the signal (130). (A background job starts with SIGINT
# ignored; dfl.py gives sqgl the default, as a command typed at a prompt has it.)
$ printf 'import os, signal, sys\nsignal.signal(signal.SIGINT, signal.SIG_DFL)\nos.execvp(sys.argv[1], sys.argv[1:])\n' > dfl.py
$ SQGL_PAGER='touch started; sleep 1; echo pager finished; cat > /dev/null' script -qec 'python3 dfl.py sqgl list --all & p=$!; until test -e started; do sleep 0.1; done; kill -INT $p; wait $p; echo "exit $?"' /dev/null | tr -d '\r'
pager finished
exit 130
# Started ignoring SIGINT, sqgl keeps ignoring it and lists to the end.
$ rm started; SQGL_PAGER='touch started; sleep 1; echo pager finished; cat > /dev/null' script -qec 'sqgl list --all & p=$!; until test -e started; do sleep 0.1; done; kill -INT $p; wait $p; echo "exit $?"' /dev/null | tr -d '\r'
pager finished
exit 0
