# The command-line contract: help, version, unknown commands, bad options, exit codes.
$ sqgl --version
sqgl 0.1.0
$ sqgl
! sqgl: 错误：缺少命令（参见 'sqgl --help'）
? 2
$ sqgl catalgo
! sqgl: 错误：未知命令 'catalgo'（您是不是要找 'catalog'？）
? 2
$ sqgl catalog --bogus
! sqgl: 错误：多余的参数：--bogus（参见 'sqgl --help'）
? 2
$ sqgl calendar --due 2012-01-29
! sqgl: 错误：--due：至少需要 2 个值，实际收到 1 个（参见 'sqgl --help'）
? 2
$ sqgl catalog
! sqgl: 错误：'sqgl.db' 处没有数据库；请用 'sqgl init' 创建
? 3
$ ls
$ sqgl --help | head -5
sqgl —— 社区管理服务站办件管理
用法: sqgl [选项] [命令]

选项:
  -h,--help                   显示本帮助并退出
# A command's -h,--help stands under the same heading as its other options, in every language.
$ sqgl withdraw --help | head -10
应居民要求撤回办件
用法: sqgl withdraw [选项] case

位置参数:
  case TEXT 必填              办件编号

选项:
  -h,--help                   显示本帮助并退出
  --reason TEXT               撤回原因（照录居民原话）

$ sqgl calendar --help | tail -3
示例：
  sqgl calendar 2012-01
  sqgl calendar --due 2012-01-29 5     # 输出 2012-02-03
%env SQGL_NOW=tomorrow
$ sqgl calendar --due 2012-01-29 5
! sqgl: 错误：SQGL_NOW 'tomorrow' 无效：应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM[:SS]
? 2
