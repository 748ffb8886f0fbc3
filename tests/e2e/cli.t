# The command-line contract: help, version, unknown commands, bad options, exit codes.
$ sqgl --version
sqgl 0.1.0
$ sqgl
! sqgl: error: a command is required (see 'sqgl --help')
? 2
$ sqgl catalgo
! sqgl: error: unknown command 'catalgo' (did you mean 'catalog'?)
? 2
$ sqgl catalog --bogus
! sqgl: error: the following argument was not expected: --bogus (see 'sqgl --help')
? 2
$ sqgl calendar --due 2012-01-29
! sqgl: error: --due: At least 2 required but received 1 (see 'sqgl --help')
? 2
$ sqgl catalog
! sqgl: error: no database at 'sqgl.db'; create it with 'sqgl init'
? 3
$ ls
$ sqgl --help | head -5
sqgl — case management for community service stations
Usage: sqgl [OPTIONS] [SUBCOMMAND]

Options:
  -h,--help                   Print this help message and exit
# A command's -h,--help stands under the same heading as its other options, and the descriptions
# start in one column, in every language (a translated REQUIRED is two characters wide each).
$ sqgl withdraw --help | head -10
End a case at the resident's request
Usage: sqgl withdraw [OPTIONS] case

Positionals:
  case TEXT REQUIRED          The case number

Options:
  -h,--help                   Print this help message and exit
  --reason TEXT               Why, in the resident's words

$ sqgl calendar --help | tail -3
Examples:
  sqgl calendar 2012-01
  sqgl calendar --due 2012-01-29 5     # prints 2012-02-03
%env SQGL_NOW=tomorrow
$ sqgl calendar --due 2012-01-29 5
! sqgl: error: invalid SQGL_NOW 'tomorrow': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]
? 2
