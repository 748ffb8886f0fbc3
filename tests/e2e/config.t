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
setting           value                                  from       values                       meaning
db                …/srv/station.db  sqgl.conf  a path                       the database file (--db, SQGL_DB)
report.format     md                                     sqgl.conf  table|csv|json|md|html|xlsx  the format of reports without --format
report.street                                            default    a street office's code       reports cover only this street office without --street
report.community  150204001002                           sqgl.conf  a community's code           reports cover only this community without --community
auth              trust                                  default    trust|peer                   who is acting: trust takes --as as given; peer takes the staff member whose login is the Unix user
files             owner                                  default    owner|group                  who may read the database, backups, reports and reject files: the owner (600) or also the group (660)
clock             pinned                                 database   system|pinned                what dates events: system is the machine's clock; pinned also takes $SQGL_NOW (tests, demos, recorded back-filling), and marks the events it dates back-filled
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
| # Backlog: open cases by step, unit, window and community

as of 2012-01-29T23:59:59 · schema 12 · catalog 2012.2 · calendars 2012, 2024, 2025, 2026
$ sqgl report backlog --community 150204001001 --format csv --table by_unit | tr -d '\r' | head -2
code,name,open,waiting,oldest_wd
# A configuration key is not a database setting.
$ sqgl --as IT01 setting db /tmp/x.db
! sqgl: error: 'db' is not kept in the database: set it with --db, SQGL_DB or in the configuration file ('sqgl.conf')
? 2
# A mistake in the file stops every command, naming the file and its line: a
# typo never silently sends a clerk to another database.
$ printf 'db = %s/srv/station.db\n[report]\nfromat = md\n' "$PWD" > sqgl.conf
$ sqgl list
! sqgl: error: the configuration file 'sqgl.conf' line 3: unknown key 'report.fromat' (known: db, report.format, report.street, report.community)
? 2
$ printf 'db = station.db\n' > sqgl.conf && sqgl list
! sqgl: error: the configuration file 'sqgl.conf' line 1: db must be an absolute path, not 'station.db'
? 2
$ printf '[report]\nformat = pdf\n' > sqgl.conf && sqgl list
! sqgl: error: the configuration file 'sqgl.conf' line 2: report format 'pdf' is not one of table|csv|json|md|html|xlsx
? 2
$ printf 'db\n' > sqgl.conf && sqgl list
! sqgl: error: the configuration file 'sqgl.conf' line 1: expected 'key = value' or '[section]'
? 2
# A file that is not there sets nothing; SQGL_CONFIG empty reads none.
$ SQGL_CONFIG=missing.conf sqgl setting db
sqgl.db
$ SQGL_CONFIG= sqgl setting db
sqgl.db
