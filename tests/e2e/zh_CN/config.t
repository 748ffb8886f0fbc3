# Configuration: each value from the option, else the environment, else the
# configuration file ($SQGL_CONFIG here; /etc/sqgl/sqgl.conf when installed), else
# its default. `sqgl setting` says where each one came from.
$ sqgl init --demo > /dev/null
%unset SQGL_DB
$ sqgl setting db
sqgl.db
$ sqgl --json setting db
{
  "settings": [
    {
      "name": "db",
      "source": "default",
      "value": "sqgl.db"
    }
  ]
}
$ mkdir -p srv && mv sqgl.db srv/station.db
$ printf '# the station PC\ndb = %s/srv/station.db\n\n[report]\nformat = md\ncommunity = 150204001002\n' "$PWD" > sqgl.conf
%env SQGL_CONFIG=sqgl.conf
# Clerks type no --db: the file names the database.
$ sqgl setting db | sed "s|$PWD|…|"
…/srv/station.db
$ sqgl catalog C05-01 | head -1
C05-01  "一杯奶"生育关怀申请
$ sqgl setting | sed "s|$PWD|…|"
设置              值                                     来源       可选值                       含义
db                …/srv/station.db  sqgl.conf  路径                         数据库文件（--db、SQGL_DB）
report.format     md                                     sqgl.conf  table|csv|json|md|html|xlsx  未指定 --format 时报表的格式
report.street                                            默认       街道办事处编码               未指定 --street 时，报表只统计此街道办事处
report.community  150204001002                           sqgl.conf  社区编码                     未指定 --community 时，报表只统计此社区
auth              trust                                  默认       trust|peer                   由谁操作：trust 直接采用 --as 给出的工号；peer 采用登录名为当前 Unix 用户的工作人员
files             owner                                  默认       owner|group                  谁可以读取数据库、备份、报表和导入问题文件：仅属主（600），或同组用户也可（660）
clock             pinned                                 数据库     system|pinned                事件时间取自何处：system 为本机时钟；pinned 还接受 $SQGL_NOW（用于测试、演示、补录），并将由它定时的事件标记为补录
# The environment comes before the file, the option before both.
$ SQGL_DB=other.db sqgl --json setting db
{
  "settings": [
    {
      "name": "db",
      "source": "SQGL_DB",
      "value": "other.db"
    }
  ]
}
$ SQGL_DB=other.db sqgl --db srv/station.db setting db
srv/station.db
# Report defaults: the configured format and community, unless the command line says otherwise.
$ sqgl report backlog | head -3
| # 积压：按环节、单位、窗口和社区统计在办件

截至 2012-01-29T23:59:59 · 数据库版本 12 · 目录版本 2012.2 · 工作日历 2012, 2024, 2025, 2026
$ sqgl report backlog --community 150204001001 --format csv --table by_unit | tr -d '\r' | head -2
单位,名称,在办,待补正,最长历时(工作日)
# A configuration key is not a database setting.
$ sqgl --as IT01 setting db /tmp/x.db
! sqgl: 错误：'db' 不保存在数据库中：请用 --db、SQGL_DB 或在配置文件（'sqgl.conf'）中设置
? 2
# A mistake in the file stops every command, naming the file and its line: a
# typo never silently sends a clerk to another database.
$ printf 'db = %s/srv/station.db\n[report]\nfromat = md\n' "$PWD" > sqgl.conf
$ sqgl list
! sqgl: 错误：配置文件 'sqgl.conf' 第 3 行：未知的键 'report.fromat'（已知的键：db, report.format, report.street, report.community）
? 2
$ printf 'db = station.db\n' > sqgl.conf && sqgl list
! sqgl: 错误：配置文件 'sqgl.conf' 第 1 行：db 必须是绝对路径，而不是 'station.db'
? 2
$ printf '[report]\nformat = pdf\n' > sqgl.conf && sqgl list
! sqgl: 错误：配置文件 'sqgl.conf' 第 2 行：报表格式 'pdf' 不是 table|csv|json|md|html|xlsx 之一
? 2
$ printf 'db\n' > sqgl.conf && sqgl list
! sqgl: 错误：配置文件 'sqgl.conf' 第 1 行：应为 'key = value' 或 '[section]'
? 2
# A file that is not there sets nothing; SQGL_CONFIG empty reads none.
$ SQGL_CONFIG=missing.conf sqgl setting db
sqgl.db
$ SQGL_CONFIG= sqgl setting db
sqgl.db
