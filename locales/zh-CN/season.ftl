## Season (赛季：一年的多次评议合成一张总排名)
cmd-season = 赛季总排名（/season new|add|unit|alias|rules|close）
season-help-everyone = /season — 本群当前赛季的总排名；/season unit 名称 — 某单位的赛季记录
season-help-chair = 赛季（所有参与群的管理员）
    /season new 名称 — 创建赛季并设为本群当前赛季（同名赛季已在你管理的另一个群：本群加入该赛季）
    /season add [权重] — 把本群最近结束的评议加入赛季（默认权重 1；有多场未加入时列出按钮）
    /season alias 旧名称 = 新名称 — 合并改名的单位
    /season rules — 缺席规则、等次、奖项
    /season close — 结束赛季，冻结排名
    /season screen — 私聊获取赛季排名大屏链接
    /export season — 私聊获取赛季排名 CSV 和 Excel（含等次记录）
season-usage = 用法：/season（查看排名）、/season new 名称、/season add [权重]、/season unit 名称、/season alias 旧名称 = 新名称、/season rules、/season close、/season screen
season-no-season = 本群还没有赛季。群管理员可用 /season new 名称 创建，例如：/season new 2026年度综合考评
season-new-usage = 请在 /season new 后写上赛季名称，例如：/season new 2026年度综合考评
season-name-too-long = 赛季名称太长（最多 60 个字）。
season-created = 📅 已创建赛季「{ $season }」，并设为本群当前赛季。
    每场评议 /finish 后，用 /season add [权重] 加入（默认权重 1）；/season rules 设置缺席规则、等次和奖项。
season-current-again = 📅 本群当前赛季已设为「{ $season }」。
season-joined = 📅 本群已加入赛季「{ $season }」（共 { $groups } 个群）。
season-admins-only = 🙏 抱歉，只有群管理员可以管理赛季。
season-admins-only-all = 🙏 抱歉，赛季涉及 { $groups } 个群，只有同时是每个群管理员的人才能管理它。
season-is-closed = 🔒 赛季「{ $season }」已结束，排名已冻结，不能再修改。
season-bad-weight = ❌ 权重「{ $weight }」无效：应为大于 0、不超过 1000 的数，最多两位小数，例如 /season add 2
season-no-finished = 本群还没有已结束的评议。评议 /finish 后再用 /season add 加入。
season-choose = 有 { $count } 场已结束的评议还没有加入赛季。请点选要加入「{ $season }」的评议（权重 { $weight }）：
season-added = ✅ 已将「{ $title }」加入赛季「{ $season }」（权重 { $weight }，{ $units } 个单位的最终成绩已存档）。
season-replaced = 🔁 「{ $title }」已在赛季「{ $season }」中：已用它现在的最终成绩替换原存档（权重 { $weight }，{ $units } 个单位）。
season-not-finished = 「{ $title }」还没有结束，/finish 后才能加入赛季。
season-other-season = 「{ $title }」已在赛季「{ $season }」中，不能再加入另一个赛季。
season-alias-clash = ❌ 未保存：以下评议中有两个单位会被当成同一个单位：
    { $list }
season-clash-line = · 「{ $title }」：{ $names } → { $name }
season-finish-not-admin = ⚠️ 评议文件指定的赛季「{ $season }」：你不是该赛季每个群的管理员，本场评议未加入赛季。管理员可在群里用 /season add 加入。
season-empty = 赛季「{ $season }」还没有加入任何评议。评议结束后用 /season add 加入。
season-private = 赛季「{ $season }」包含只向主持人公布结果的评议，不在群里公布。管理员可用 /export season 私聊获取。
season-absent-skip = 缺席不计入
season-absent-zero = 缺席计 0 分
season-trend-same = 持平
season-trend-new = 新
season-table-title = 📅 赛季「{ $season }」总排名（{ $count } 次评议，{ $absent }）
season-table-title-closed = 📅 赛季「{ $season }」最终总排名（已结束，{ $count } 次评议，{ $absent }）
season-table-contests = { $list }
season-table-contest = { $mark } { $title }（权重 { $weight }）
season-group = 【{ $group }】
season-row = { $rank }. { $name } — { $score } ｜ { $cells }
season-row-trend = { $rank }. { $name } — { $score } ｜ { $cells } ｜ { $trend }
season-table-legend = 赛季得分 = 各次评议最终得分的加权平均；“—”为缺席；↑↓= 为与上一次评议后相比的名次变化。
season-unit-usage = 用法：/season unit 单位名称，例如：/season unit 坡头镇
season-unit-unknown = 赛季「{ $season }」中没有「{ $name }」。
season-unit-title = 📋 「{ $name }」· 赛季「{ $season }」
season-unit-former = 曾用名：{ $names }
season-unit-standing = 赛季第 { $rank } 名 · { $score } · 趋势 { $trend }
season-unit-standing-group = 【{ $group }】赛季第 { $rank } 名 · { $score } · 趋势 { $trend }
season-unit-contest = { $mark } { $title }（权重 { $weight }）：{ $score } · 第 { $rank } 名
season-unit-absent = { $mark } { $title }（权重 { $weight }）：—（缺席）
season-unit-record = 等次记录：{ $record }
season-alias-usage = 用法：/season alias 旧名称 = 新名称，例如：/season alias 区城管局 = 区城市管理局
season-alias-same = 旧名称和新名称相同，无需合并。
season-alias-cycle = ❌ 未保存：「{ $to }」已经按「{ $from }」计入，不能再反过来合并。
season-alias-saved = ✅ 「{ $from }」今后按「{ $to }」计入本赛季（涉及 { $contests } 次评议）。
season-none = 无
season-rules-show = ⚙️ 赛季「{ $season }」规则
    缺席：{ $absent }
    等次：{ $bands }
    奖项：{ $prizes }
season-rules-usage = 修改规则：在 /season rules 后每行写一项，例如：
    /season rules
    缺席 跳过
    等次 红 90，黄 75，黑 0
    奖项 一等奖 1，二等奖 2
    缺席可写“跳过”（按参加的评议重新分配权重）或“零分”；写“等次 无”“奖项 无”可清空。
season-rules-invalid = ❌ 未保存，请修改后重新发送：
season-rules-line = 第 { $line } 行「{ $text }」
season-rules-line-error = 第 { $line } 行「{ $text }」：{ $reason }
season-rules-bad-absent = 缺席规则应为“跳过”或“零分”
season-rules-unknown = 应以“缺席”“等次”或“奖项”开头
season-closed = 🔒 赛季「{ $season }」已结束，排名已冻结。
season-file-standings = 赛季排名
season-export-caption = 📅 赛季「{ $season }」总排名与等次记录
season-export-sent = 📤 赛季「{ $season }」的总排名已私聊发给你。
season-col-group = 分组
season-col-rank = 名次
season-col-unit = 单位
season-col-score = 赛季得分
season-col-contest = { $title }（权重 { $weight }）
season-col-trend = 趋势
season-col-prize = 奖项
season-col-band = 等次
season-col-record = 等次记录
season-col-taken = 参加次数
season-col-former = 曾用名
season-screen-usage = 用法：/season screen（私聊获取赛季排名大屏链接）或 /season screen revoke（作废链接）
season-screen-link = 📺 赛季「{ $season }」排名大屏链接（每 30 秒刷新）：
    { $url }
    用 /season screen revoke 作废。
season-screen-sent = 📺 赛季「{ $season }」的大屏链接已私聊发给你。
season-screen-revoked = ✅ 赛季大屏链接已作废。
season-screen-none = 这个赛季还没有大屏链接。
season-page-title = 赛季「{ $season }」总排名
season-page-title-closed = 赛季「{ $season }」最终总排名
season-page-private = 本赛季包含只向主持人公布结果的评议，排名不在大屏公布。
season-too-many-groups = 赛季「{ $season }」已涉及 { $max } 个群，不能再加入。
season-sheet-standings = 赛季排名
season-sheet-record = 等次记录
season-workbook-title = 「{ $season }」赛季总排名（{ $absent }）
