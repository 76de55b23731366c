## Ties: tie-break rules, prize scope, the chair's decision at /finish

# The command menu (the cmd- prefix is what commands.ts looks up)
cmd-tiebreak = 设置并列规则

# The rules in words
ties-rule-live = 现场得分
ties-rule-criterion = 「{ $name }」平均分
ties-rule-panel = 权重最高评委组「{ $name }」得分
ties-rule-panel-none = 评委组得分
ties-rule-chair = 主持人裁定
ties-none = （无：最终得分相同者名次并列）

# /settings and the formula line
ties-formula = 并列时依次比较{ $rules }
ties-formula-overall = 奖项按全部单位统一排名颁发
ties-settings-rules = 并列规则：{ $rules }
ties-settings-none = 并列规则：无（最终得分相同者名次并列）
ties-settings-scope-group = 奖项范围：各分组分别颁发
ties-settings-scope-overall = 奖项范围：全部单位统一排名颁发

# /tiebreak
ties-usage = ⚖️ 并列规则：最终得分（两位小数）相同时，按顺序逐条比较，高者在前。
    当前：
    { $current }

    设置方法：/tiebreak 后按顺序写规则，用逗号分隔，例如：
    /tiebreak 现场得分，创新性，评委组，主持人
    • 现场得分（live）：与平时成绩加权前的现场得分
    • 评分项名称（criterion 名称）：该评分项的平均分
    • 评委组（panel）：权重最高的评委组的得分
    • 主持人（chair）：仍并列的由主持人在 /finish 时私聊点选顺序（只能放在最后）
    /tiebreak 关闭 — 取消并列规则
ties-saved = ✅ 并列规则（最终得分相同时依次比较，高者在前）：
    { $list }
ties-saved-chair = 比较后仍并列的，/finish 时由主持人在私聊中裁定。
ties-off = ✅ 已取消并列规则：最终得分相同者名次并列。
ties-invalid = ❌ 并列规则有误，未保存：
    { $errors }
    发送 /tiebreak 查看写法。
ties-error-empty = 没有写规则
ties-error-unknown-rule = 不认识的规则（可用：现场得分、评分项名称、评委组、主持人）
ties-error-unknown-criterion = 没有评分项「{ $name }」（现有：{ $known }）
ties-error-duplicate-rule = 规则重复
ties-error-chair-not-last = “主持人裁定”必须放在最后
ties-error-too-many = 规则太多（最多 { $limit } 条）

# /prizes overall|group
ties-scope-saved-overall = ✅ 奖项范围：全部单位统一排名颁发（不分组）。
ties-scope-saved-group = ✅ 奖项范围：各分组分别颁发。
ties-scope-no-prizes = 还没有设置奖项：用 /prizes 每行写一个奖项及名额。

# The /finish post
ties-note-title = ⚖️ 并列处理
ties-note-split = 并列 { $score }：按{ $rule }区分：{ $order }
ties-note-chair = 并列 { $score }：由主持人裁定：{ $order }
ties-note-remaining = 并列 { $score }：{ $names } 仍并列（并列规则无法区分）
ties-note-awaiting = 并列 { $score }：{ $names } 待主持人裁定
ties-order-block = { $names } { $value }
ties-name-separator = 、
ties-name-with-group = { $name }（{ $group }）

# The chair's decision
ties-finish-waiting = ⚖️ 有 { $count } 处并列名次需要主持人裁定，已私聊主持人。裁定后公布最终排名。
ties-finish-unreachable = ⚖️ 有并列名次需要主持人在私聊中裁定，但机器人还不能私聊你。请点下方按钮打开与机器人的私聊并点“开始”，然后再发一次 /finish。
ties-open-private = 💬 打开私聊
ties-ask-title = ⚖️ 「{ $title }」并列名次待裁定
ties-ask-tie = 最终得分同为 { $score }{ $group }：{ $names }
ties-ask-group = （{ $group }）
ties-ask-tried = 已依次比较{ $rules }，仍无法区分。
ties-ask-pick = 请点选第 { $place } 位：
ties-ask-placed = 已排：{ $order }
ties-ask-confirm = 排定顺序：{ $order }
    确认后按此顺序排名，不能再改。
ties-ask-done = ✅ 已裁定：{ $order }
ties-button-confirm = ✅ 确认
ties-button-reset = ↩ 重选
ties-ask-more = 还有 { $count } 处并列待裁定。
ties-ask-published = 🏆 最终排名已在群里公布。
ties-press-stale = 已是最新状态，请按当前按钮操作。
ties-press-gone = 这处并列已不存在（成绩有变化）。请在群里重新发送 /finish。
ties-press-decided = 这处并列已经裁定。

audit-event-tiebreak-decided = 主持人确定并列名次
