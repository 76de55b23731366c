## Common
common-error = ⚠️ 出错了，请稍后再试。
common-not-recorded = ❌ 评分未记录：存储暂时不可用。请稍后再点一次。
common-chair-only = 🙏 抱歉，此命令只有本次评议的主持人可以使用。
common-admin-only = 🙏 抱歉，只有群管理员可以创建评议。
common-group-only = 此命令请在评议群里使用。
common-no-contest = 本群还没有进行中的评议。群管理员可用 /newcontest <名称> 创建。
common-unknown-button = 这个按钮已失效。
common-not-your-ballot = 这不是你的评分表。
common-round-closed = ⛔ 本轮评分已结束，不能再修改。
common-not-judge = 你不是本次评议的评委。
common-contest-ended = 本次评议已结束。

## Start
start-welcome = 👋 你好！我是会议现场评分机器人。
    评委：在群里点“加入评委”后，评分表会私聊发给你。
    主持人：在群里使用 /newcontest 开始一次评议，/help 查看命令。
start-ready-judge = ✅ 已就绪。轮到下一位汇报人时，评分表会发到这里。

## Help
help-everyone = 📖 命令
    /ranking — 查看当前排名
    /detail 序号 — 查看某位汇报人的得分明细
    /help — 显示本帮助
help-judge = 评委：评分表会私聊发给你，逐项点按分数，核对后点 ✅ 提交；本轮结束前可随时修改。
help-chair = 主持人命令
    /newcontest <名称> — 创建评议
    /criteria — 设置评分项（每行：名称 满分 [步长]）
    /presenters — 设置汇报人（每行一个，按汇报顺序）
    /import — 导入评议文件（JSON 或汇报人 CSV），/template 获取示例
    /method、/panels、/prizes、/bands、/blend — 计分方法、评委组、奖项、等次、平时成绩占比
    /tiebreak — 并列规则（如 /tiebreak 现场得分，创新性，主持人）；/prizes 全部 — 奖项不分组统一颁发
    /settings — 查看全部设置
    /quorum 份数、/outlier 分差 — 结束本轮前的检查（法定人数、异常分）
    /join — 发布“加入评委”按钮
    /console — 私聊获取主持人控制台（下一位、结束、提醒、重新开放、结束评议都可点按钮）
    /open [序号] — 开始下一位（或指定）汇报人的评分
    /draw [all] — 抽签决定尚未评分单位的出场顺序（默认分组内抽签）
    /close — { $close ->
        [ranking] 结束本轮评分并公布排名
        [score] 结束本轮评分并公布本单位得分（排名在评议结束时公布）
        [end] 结束本轮评分（结果在评议结束时公布）
        [chair] 结束本轮评分（结果只发给主持人，由主持人公布）
       *[other] 结束本轮评分，群里公布什么由 /reveal 决定（默认公布排名）
    }
    /status — 私聊查看谁已提交
    /finish — { $finish ->
        [chair] 结束评议；最终排名私聊发给主持人，由主持人在群里公布
       *[other] 公布最终排名并结束评议
    }
    /reveal live|scores|end|chair — 结果公布方式（实时、亮分、结束后、主持人公布）
    /screen — 私聊获取大屏幕链接（/screen revoke 作废）
    /screen join|board — 大屏显示加入二维码 | 排名；/timer 分钟 — 大屏发言计时（/timer stop 停止）
    /export — 私聊获取评分明细 CSV（/export public 只含排名）
    /cancel — 取消评议
    /lang zh|en — 切换群语言

## Setup
setup-created = 🆕 已创建评议「{ $title }」，主持人：{ $chair }。
    下一步：
    1. /criteria 设置评分项，例如：
    /criteria
    实施性 30
    创新性 30
    持续性 20
    推广性 20
    2. /presenters 设置汇报人（每行一个）
    3. /join 邀请评委
    4. /open 开始第一位汇报人的评分
setup-already-active = 本群已有进行中的评议「{ $title }」。请先用 /finish 结束或 /cancel 取消。
setup-title-missing = 请在命令后写上评议名称，例如：/newcontest 坡头区雄鹰擂台赛
setup-title-too-long = 名称太长（最多 120 个字）。
setup-locked = 评分已经开始，不能再修改评分项和汇报人。
setup-criteria-usage = 请在 /criteria 后每行写一个评分项：名称 满分 [步长]，可加“| 说明 | 等级”，例如：
    /criteria
    实施性 30 | 对照实施方案看进度与成效 | 优 27-30, 良 24-26, 中 18-23, 差 0-17
    创新性 10 0.5
setup-presenters-usage = 请在 /presenters 后每行写一个汇报人（按汇报顺序），可加“| 分组 | 平时成绩”，例如：
    /presenters
    区交通运输局
    区教育局 | 牵头单位 | 88.5
setup-criteria-saved = ✅ 已保存 { $count } 个评分项（满分合计 { $max }）：
    { $list }
setup-presenters-saved = ✅ 已保存 { $count } 位汇报人（汇报顺序）：
    { $list }
setup-lines-invalid = ❌ 未保存，请修改后重新发送：
    { $errors }
setup-line-error = 第 { $line } 行「{ $text }」：{ $reason }
setup-lang-usage = 用法：/lang zh 或 /lang en
setup-lang-set = ✅ 群语言已设为中文。
setup-cancel-confirm = 确定要取消评议「{ $title }」吗？所有评分将被丢弃。
setup-cancel-yes = ✅ 确定取消
setup-cancel-no = ✖ 不取消
setup-cancelled = 🗑 评议「{ $title }」已取消。
setup-cancel-kept = 好的，评议继续。

## Line errors
line-empty = 没有内容
line-missing-max = 缺少满分（名称后写一个数字）
line-bad-number = 不是有效的数字
line-step-not-divisor = 满分必须是步长的整数倍
line-duplicate-name = 名称重复（与第 { $first } 行相同）
line-too-many = 行数太多（最多 { $limit } 行）
line-bad-prior = 平时成绩应在 0–100 之间
line-bad-weight = 权重必须大于 0
line-bad-count = 名额必须是正整数
line-bad-method = 方法应为 mean、trimmed [n] 或 median
line-invalid = 格式不正确
line-missing-name = 缺少名称
line-missing-weight = 缺少权重（名称后写一个数字）
line-missing-count = 缺少名额（名称后写一个数字）
line-missing-min = 缺少最低分（名称后写一个数字）
line-bad-max = 满分应大于 0、不超过 1000，最多两位小数
line-bad-step = 步长应大于 0，最多两位小数
line-too-many-decimals = 最多两位小数
line-bad-min = 最低分应在 0–100 之间
line-bad-trim = 去掉的最高分/最低分个数应为 0–10 的整数
line-bad-blend = 请写两个正数：现场权重 平时权重，例如 60 40
line-bad-quorum = 应为 0–1000 的整数
line-bad-outlier = 应为大于 0、不超过 100 的数
line-too-many-fields = 字段太多
line-name-too-long = 名称太长
line-group-too-long = 分组名称太长

## Enrolment
join-message = 🧑‍⚖️ 评委请点下方按钮加入「{ $title }」。
    已加入评委：{ $count } 人
join-button = 🙋 加入评委
join-button-panel = 🙋 加入：{ $panel }
join-welcome = ✅ 你已成为「{ $title }」的评委{ $panel }。轮到汇报人时，评分表会发到这里。
join-already = 你已经是评委了。
join-start-first = 请先私聊机器人并点“开始”，即可完成加入。
join-locked = 评委名单已锁定，不能再加入。
join-done = 已加入 ✅

## Rounds
round-need-setup = 还不能开始：请先用 /criteria 设置评分项、/presenters 设置汇报人。
round-need-judges = 还没有评委。请先用 /join 邀请评委。
round-bad-number = 没有第 { $n } 位汇报人（共 { $count } 位）。
round-all-done = 所有汇报人都已评完。可用 /finish 公布最终排名。
round-other-open = 第 { $n } 位「{ $name }」的评分还没结束，请先 /close。
round-already-open = 第 { $n } 位的评分已经在进行中。
round-already-closed = 第 { $n } 位的评分已经结束。
round-none-open = 当前没有进行中的评分。用 /open 开始。
round-opened = 🎤 第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
}：{ $name }
    请评委在私聊中评分。
round-counter = 📥 已提交：{ $submitted }/{ $judges }
round-counter-closed = 🔒 评分已结束：共 { $submitted }/{ $judges } 份
round-go-score = ✍️ 去评分
round-unreachable = ⚠️ 有 { $count } 位评委收不到评分表（没有私聊过机器人）：{ $names }
    请他们私聊机器人并点“开始”。
round-closed = 🔒 第 { $n } 位「{ $name }」评分结束，收到 { $ballots } 份评分。
round-finish-open = 第 { $n } 位的评分还没结束，请先 /close 再 /finish。

## Ballot
ballot-header = 📝 { $title }
    第 { $n }/{ $total } 位{ $moved ->
        [yes] （{ $unit }号）
       *[other] {""}
    }：{ $name }
ballot-criterion = 评分项 { $index }/{ $count }：{ $criterion }（0–{ $max }{ $step }）
ballot-step = ，步长 { $step }
ballot-choose-tens = 先选分数段：
ballot-chosen = 已评：{ $scores }
ballot-back = ◀ 上一项
ballot-review-button = 📋 核对
ballot-review = 请核对你的评分：
ballot-total = 合计：{ $total }
ballot-total-scaled = 合计：{ $sum } 分（百分制 { $total }）
ballot-submit = ✅ 提交评分
ballot-resubmit = ✅ 提交修改
ballot-change = ✏️ { $criterion }
ballot-submitted = ✅ 已提交（第 { $version } 版，{ $time }）。本轮结束前可以修改。
ballot-unsaved = ⚠️ 修改尚未提交。
ballot-incomplete = 还有评分项没有打分。
ballot-recorded = ✅ 已记录
ballot-closed = 🔒 本轮评分已结束。你的评分：
ballot-not-submitted = 🔒 本轮评分已结束，你没有提交评分。
ballot-bad-score = 这个分数不在允许范围内。
ballot-score-saved = { $criterion }：{ $value }

## Results
results-title = 📊 「{ $title }」当前排名
results-final-title = 🏆 「{ $title }」最终排名
results-row = { $rank }. { $name } — { $score }（{ $ballots } 份）
results-row-unranked = –. { $name } — 无有效评分
results-marker = ◀ 刚结束
results-none = 还没有结束评分的汇报人。
results-group = 【{ $group }】
results-finished = 评议已结束，感谢各位评委！

## Status
status-title = 📋 「{ $title }」状态
status-round = 当前：第 { $n } 位「{ $name }」，已提交 { $submitted }/{ $judges }
status-no-round = 当前没有进行中的评分（已完成 { $closed }/{ $total } 位）。
status-submitted = ✅ 已提交：{ $names }
status-waiting = ⏳ 未提交：{ $names }
status-judges = 评委（{ $count }）：{ $names }
status-nobody = 无

## Command menu
cmd-start = 开始使用 / 完成评委加入
cmd-help = 命令说明
cmd-newcontest = 创建评议（管理员）
cmd-criteria = 设置评分项
cmd-presenters = 设置汇报人
cmd-join = 邀请评委加入
cmd-open = 开始下一位的评分
cmd-close = 结束本轮并公布排名
cmd-status = 查看提交情况
cmd-ranking = 查看当前排名
cmd-finish = 公布最终排名并结束
cmd-cancel = 取消评议
cmd-lang = 切换语言 zh|en
cmd-quorum = 设置法定人数
cmd-outlier = 设置异常分提醒阈值
cmd-import = 导入评议文件
cmd-template = 获取评议文件示例
cmd-settings = 查看全部设置
cmd-method = 设置计分方法
cmd-panels = 设置评委组
cmd-prizes = 设置奖项
cmd-bands = 设置等次
cmd-blend = 设置平时成绩占比
cmd-detail = 查看得分明细

## Screen
screen-link = 📺 「{ $title }」现场大屏（投影用）：
    { $url }
    只读页面：显示当前评分进度和已结束各轮的排名，自动刷新。持有链接的人都能查看；在群里发送 /screen revoke 可使其失效。
screen-sent = 📺 大屏链接已私聊发给你。
screen-start-first = 我还不能私聊你。请先打开与我（@{ $bot }）的私聊并点“开始”，再回到群里发送 /screen。
screen-revoked = 🚫 大屏链接已失效。发送 /screen 可生成新链接。
screen-none = 目前没有可撤销的大屏链接。
screen-usage = /screen — 私聊发给你现场大屏链接；/screen revoke — 使链接失效。
screen-page-live = 实时
screen-page-reconnecting = 正在重新连接…
screen-page-now = 正在评分
screen-page-next = 即将汇报
screen-page-progress = 第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
}
screen-page-ballots = 已提交
screen-page-standings = 当前排名
screen-page-final = 最终结果
screen-page-col-rank = 名次
screen-page-col-name = 汇报单位
screen-page-col-score = 得分
screen-page-col-ballots = 有效票
screen-page-empty = 各轮评分结束后，排名会显示在这里。
screen-page-not-started = 评议尚未开始。
screen-page-finished = 评议结束
screen-page-cancelled = 本次评议已取消。
screen-page-unranked = 无有效票
screen-page-done = 已完成 { $closed }/{ $total } 位
screen-page-gone = 此大屏链接已被主持人撤销。
screen-page-not-found = 此大屏链接不存在或已被撤销。
cmd-screen = 私聊获取现场大屏链接（主持人）

## Scoring rules
formula-line = 计分方法：{ $formula }
formula-separator = ，
formula-mean = 取评委总分的平均分
formula-median = 取评委总分的中位数
formula-trimmed = 去掉{ $trim }个最高分和{ $trim }个最低分后取平均
formula-blend = 现场{ $live }% + 平时{ $prior }%
rules-method-usage = 用法：/method mean（平均）、/method trimmed 1（去掉1个最高分和1个最低分）或 /method median（中位数）
rules-method-saved = ✅ 计分方法：{ $method }
rules-panels-usage = 请在 /panels 后每行写一个评委组及其权重，例如：
    /panels
    区领导 70
    两代表一委员 30
rules-panels-saved = ✅ 已保存 { $count } 个评委组（权重）：
    { $list }
rules-prizes-usage = 请在 /prizes 后每行写一个奖项及名额（从高到低），例如：
    /prizes
    一等奖 1
    二等奖 2
    三等奖 3
    奖项默认在各分组内分别颁发；发送 /prizes 全部（overall）则全部单位统一排名颁发（/prizes 分组 恢复）。
rules-prizes-saved = ✅ 奖项（按排名从高到低颁发）：
    { $list }
rules-bands-usage = 请在 /bands 后每行写一个等次及最低分（从高到低），例如：
    /bands
    红 90
    黄 75
    黑 0
rules-bands-saved = ✅ 等次（按最终得分）：
    { $list }
rules-blend-usage = 用法：/blend 60 40（现场 60%，平时成绩 40%）或 /blend off
rules-blend-saved = ✅ 最终得分 = 现场 { $live }% + 平时 { $prior }%（平时成绩在 /presenters 或导入文件里填写）
rules-blend-off = ✅ 最终得分只看现场评分。
rules-quorum-usage = 用法：/quorum 5（有效评分少于 5 份时，结束本轮前先请主持人确认）；/quorum 0 取消
rules-quorum-saved = ✅ 法定人数：{ $quorum } 份有效评分（不足时结束前先确认）
rules-quorum-off = ✅ 不再检查法定人数。
rules-outlier-usage = 用法：/outlier 20（某份评分与中位数相差超过 20 分时，结束本轮前先请主持人确认）
rules-outlier-saved = ✅ 与中位数相差超过 { $outlier } 分的评分，结束前会先请主持人确认。

## Contest file
import-usage = 请发送评议文件（JSON，或汇报人 CSV），并在文件说明里写 /import；也可以回复文件发送 /import，或把 JSON 直接贴在 /import 后面。/template 可获取示例文件。
import-too-large = 文件太大（最大 { $max } KB）。
import-invalid = ❌ 文件有误，未导入任何内容。请修改后重新发送：
    { $errors }
import-received = （收到 { $received }）
import-more-errors = …还有 { $count } 处错误
import-done = ✅ 已导入「{ $title }」：{ $criteria } 个评分项，{ $presenters } 位汇报人（{ $groups } 个分组），{ $panels } 个评委组，{ $judges } 位预设评委。
import-next = 用 /settings 核对全部设置，然后 /join 邀请评委。
template-caption = 📄 评议文件示例。修改后发回本群，文件说明写 /import。
template-fields = 字段说明（只有 title、criteria、presenters 必填）：
    • title：评议名称
    • criteria：评分项 name 名称、max 满分、step 步长（默认 1）、weight 权重（默认=满分）、description 评分细则说明、grades 等级（name 名称、min 最低分、max 最高分，例如 { "{" }"name": "优", "min": 27, "max": 30{ "}" }）
    • presenters：汇报人 name、group 分组、prior 平时成绩（0–100）
    • panels：评委组 name、weight 权重
    • aggregate：method 为 mean / trimmed / median，trim 为去掉的最高/最低分个数
    • blend：live 现场权重、prior 平时权重
    • prizes：奖项 name、count 名额；bands：等次 name、min 最低分
    • prizeScope：group 各分组分别颁奖（默认）或 overall 全部单位统一颁奖
    • tiebreak：并列规则，按顺序如 ["live", { "{" }"criterion": "创新性"{ "}" }, "panel", "chair"]
    • judges：预设评委 name、userId、panel、observer、conflicts（回避的汇报人）
    • join：评委加入方式，open 公开加入（默认）、approve 主持人审核或 roster 仅限名单邀请（见 /joinmode）
    • quorum：最少有效票数；language：zh-CN 或 en
    也可以只发汇报人 CSV（表头：name,group,prior 或 名称,分组,平时成绩）。
file-json-syntax = JSON 格式错误（第 { $line } 行第 { $column } 列）
file-csv-syntax = CSV 格式错误（引号没有闭合）
file-unknown-key = 不认识的字段（可用：{ $expected }）
file-duplicate-name = 名称重复（与 { $first } 相同）
file-duplicate-user = 用户 ID 重复（与 { $first } 相同）
file-unknown-panel = 没有这个评委组（可用：{ $expected }）
file-unknown-presenter = 没有这个汇报人
file-empty = 文件是空的
file-missing-column = 缺少列：{ $expected }
file-unknown-column = 不认识的列（可用：{ $expected }）
file-duplicate-column = 列重复
file-too-many-fields = 字段太多（应为 { $expected } 个）
file-bad-number = 不是有效的数字
file-required = 必填
file-wrong-type = 类型不对（应为 { $expected }）
file-not-integer = 应为整数
file-too-small = 太小（应 { $expected }）
file-too-big = 太大（应 { $expected }）
file-empty-text = 不能为空
file-too-short = 太短（应 { $expected } 个字）
file-too-long = 太长（应 { $expected } 个字）
file-too-few = 数量太少（应 { $expected } 个）
file-too-many = 数量太多（应 { $expected } 个）
file-not-one-of = 应为以下之一：{ $expected }
file-too-many-decimals = 最多两位小数
file-step-not-divisor = 满分必须是步长的整数倍
file-out-of-range = 超出范围（应 { $expected }）
file-duplicate-rule = 并列规则重复（每条规则只能出现一次）
file-chair-not-last = “chair”（主持人裁定）必须是最后一条并列规则
file-unknown-criterion = 没有这个评分项（可用：{ $expected }）
file-invalid = 不符合要求（{ $expected }）

## Settings
settings-title = ⚙️ 「{ $title }」（{ $status }）
settings-status-draft = 准备中
settings-status-running = 进行中
settings-status-finished = 已结束
settings-status-cancelled = 已取消
settings-none = （无）
settings-criteria = 评分项（{ $count }）：
settings-presenters = 汇报人（{ $count }）：
settings-panels = 评委组：{ $panels }
settings-prizes = 奖项：{ $prizes }
settings-bands = 等次：{ $bands }
settings-quorum = 最少有效票数：{ $quorum }
settings-judges = 评委：{ $count } 人 · 语言：{ $language }

## Detail
detail-usage = 用法：/detail 序号，例如 /detail 3
detail-not-closed = 第 { $n } 位的评分还没有结束。
detail-title = 🔎 第 { $n } 位「{ $name }」得分明细
detail-criterion = { $name }：平均 { $average } / { $max }
detail-panel = { $name }：{ $score }
detail-ballots = 有效评分 { $counted } 份（共 { $total } 份，去掉 { $dropped } 份）
detail-live = 现场得分：{ $score }
detail-prior = 平时成绩：{ $score }
detail-final = 最终得分：{ $score }
detail-comments = 点评：

## Audit and export
receipt-line = 🧾 回执：{ $receipt }…（/receipt 查看完整回执）
receipt-title = 🧾 你在「{ $title }」的评分回执（每份提交一个，修改后以最后一版为准）：
receipt-row = 第 { $n } 位「{ $name }」（第 { $version } 版）：
    { $receipt }
receipt-how = 每轮结束时，群里会公布该轮的计票摘要（计入的全部回执排序后的 SHA-256）。发送 /verify <回执> 可核对你的评分是否计入。
receipt-none = 你在「{ $title }」还没有提交过评分。
receipt-no-contest = 你还不是任何评议的评委，没有可查的回执。
receipt-private-only = 回执只给评委本人看：请私聊机器人发送此命令。
receipt-round-digest = 🔏 计票摘要（{ $count } 份）：{ $digest }
    评委可私聊机器人发送 /verify <回执> 核对自己的评分是否计入。
receipt-verify-usage = 用法：/verify <回执>（至少前 12 位）。回执在你的评分表下方，也可发送 /receipt 查看。
receipt-verify-counted = ✅ 回执 { $receipt }… 已计入第 { $n } 位「{ $name }」的计票（共 { $count } 份）。
    该轮计票摘要：{ $digest }
receipt-verify-not-counted = ⚠️ 回执 { $receipt }… 是第 { $n } 位「{ $name }」的评分，但未计入：{ $reason }。
receipt-verify-open = ⏳ 回执 { $receipt }… 是第 { $n } 位「{ $name }」的评分；该轮尚未结束，结束后会计入摘要。
receipt-verify-unknown = ❌ 在「{ $title }」中没有找到回执 { $receipt }…。如果你之后修改过评分，只有最后一版的回执有效（发送 /receipt 查看）。
receipt-reason-abstained = 弃权
receipt-reason-observer = 观察员的评分不计入
receipt-reason-excluded = 回避或已被移出评委
export-usage = /export — 私聊发给主持人全部评分明细、排名和审计日志（CSV，可用 Excel 打开）；/export public — 在群里发布排名和各评分项平均分（不含评委信息）。
export-nothing = 还没有结束评分的汇报人，暂无可导出的内容。
export-sent = 📤 「{ $title }」的评分明细、排名和审计日志已私聊发给你。
export-start-first = 我还不能私聊你。请点下面的按钮打开与我（@{ $bot }）的私聊并点“开始”，再回到群里发送 /export。
export-start-button = 💬 打开私聊
export-public-caption = 📊 「{ $title }」排名与各评分项平均分（不含评委信息）
export-caption-ballots = 📄 「{ $title }」评分明细：已结束的 { $rounds } 轮，共 { $ballots } 份评分（含每份的回执）
export-caption-standings = 📊 「{ $title }」排名与各评分项平均分
export-caption-audit = 🧾 「{ $title }」审计日志：{ $entries } 条记录（每次打分、提交、修改和主持操作）
export-file-ballots = 评分明细
export-file-standings = 排名
export-file-audit = 审计日志
export-chair = 主持人
export-col-number = 序号
export-col-presenter = 汇报人
export-col-group = 分组
export-col-judge = 评委
export-col-judge-id = 评委ID
export-col-panel = 评审组
export-col-total = 合计（百分制）
export-col-status = 计分情况
export-col-comment = 点评
export-col-version = 版本
export-col-submitted-at = 提交时间（UTC）
export-col-receipt = 回执
export-col-rank = 名次
export-col-final = 最终得分
export-col-live = 现场得分
export-col-prior = 平时成绩
export-col-ballots = 有效评分
export-col-prize = 奖项
export-col-band = 等次
export-col-average = 平均：{ $criterion }
export-status-counted = 计入
export-status-dropped = 计入后去掉（最高/最低分）
export-status-abstained = 弃权
export-status-observer = 观察员（不计入）
export-status-excluded = 不计入（回避或已移出）
audit-col-time = 时间（UTC）
audit-col-user-id = 用户ID
audit-col-user = 用户
audit-col-event = 事件
audit-col-values = 内容
audit-col-entry = 记录编号
audit-system = 机器人
audit-event-contest-created = 创建评议
audit-event-setup-saved = 保存设置
audit-event-contest-finished = 结束评议
audit-event-contest-cancelled = 取消评议
audit-event-judge-enrolled = 评委加入
audit-event-judge-updated = 评委信息更新
audit-event-judge-requested = 申请加入评委（待主持人同意）
audit-event-judge-refused = 主持人拒绝加入
audit-event-roster-changed = 评委名单变更
audit-event-round-opened = 开始评分
audit-event-round-reopened = 重新开始评分
audit-event-round-closed = 结束评分
audit-event-ballot-drafted = 打分
audit-event-ballot-submitted = 提交评分
audit-event-ballot-changed = 修改评分
audit-event-ballot-removed = 移除评分
audit-event-comment = 点评
cmd-export = 导出评分明细和排名（CSV）
cmd-receipt = 查看我的评分回执
cmd-verify = 核对回执是否计入

## Integrity
help-chair-integrity = 评议秩序（主持人）
    /cochair — 回复某人的消息发送：设为联席主持人（/cochair remove 取消；不回复则列出主持人）
    /removejudge — 回复评委的消息或写评委名：移除评委（也可在 /status 中点 🗑）
    /lockjudges、/unlockjudges — 锁定 / 重新开放评委名单
    /conflict 评委名 序号 — 登记回避（或回复评委的消息：/conflict 序号；/conflict remove … 撤销；不带参数则列出）
    /observer — 回复评委的消息或写评委名：设为 / 取消观察员（评分不计入结果）
    /remind — 私聊提醒还没有提交的评委
    /open 序号 分钟 — 限时评分：结束前 1 分钟提醒，到时自动结束
    /reopen 序号 — 重新开放已结束的一轮
cmd-cochair = 设置联席主持人
cmd-removejudge = 移除评委
cmd-lockjudges = 锁定评委名单
cmd-unlockjudges = 重新开放评委名单
cmd-conflict = 登记回避关系
cmd-observer = 设置观察员
cmd-judges = 评委名单与专属邀请
cmd-joinmode = 设置评委加入方式 open|approve|roster
cmd-remind = 提醒未提交的评委
cmd-reopen = 重新开放一轮
cmd-console = 主持人控制台（私聊发送）
cochair-list = 👥 主持人：{ $chair }
    联席主持人：{ $cochairs }
cochair-usage = 用法：回复某位成员的消息并发送 /cochair，即可设为联席主持人（与主持人权限相同）；回复并发送 /cochair remove 可取消。
cochair-added = ✅ 已将「{ $name }」设为联席主持人，与主持人拥有相同权限。
cochair-already = 「{ $name }」已经是主持人。
cochair-removed = 已取消「{ $name }」的联席主持人身份。
cochair-not-cochair = 「{ $name }」不是联席主持人。
cochair-is-chair = 「{ $name }」是创建评议的主持人，不能取消。
judge-not-a-judge = 「{ $name }」不是本次评议的评委。
judge-not-found = 没有名为「{ $name }」的评委。可用 /status 查看评委名单，或回复评委的消息再发送命令。
judge-ambiguous = 有多位评委名为「{ $name }」，请回复其中一位的消息再发送命令。
judge-remove-usage = 用法：回复评委的消息并发送 /removejudge，或发送 /removejudge 评委名；也可在 /status 中点 🗑。
judge-remove-button = 🗑 { $name }
judge-remove-confirm = 确定移除评委「{ $name }」吗？TA 在当前一轮已提交的评分和未提交的草稿将作废；已结束各轮的评分保留。
judge-remove-yes = ✅ 确定移除
judge-remove-no = ✖ 取消
judge-remove-kept = 好的，保留评委「{ $name }」。
judge-removed = 🗑 已移除评委「{ $name }」。
judge-removed-discarded = TA 对第 { $n } 位「{ $name }」的评分已作废（已记入审计日志）。
judge-already-removed = 这位评委已经不在评委名单中。
judge-lock-usage = 用法：/lockjudges（不带参数）——锁定评委名单，不能再加入。
judge-unlock-usage = 用法：/unlockjudges（不带参数）——重新开放评委名单。
judge-locked = 🔒 评委名单已锁定（共 { $count } 人），不能再加入。/unlockjudges 可重新开放。
judge-unlocked = 🔓 评委名单已重新开放（目前 { $count } 人），可以继续加入。
judge-already-locked = 评委名单已经锁定（共 { $count } 人）。
judge-already-unlocked = 评委名单没有锁定（目前 { $count } 人）。
judge-observer-usage = 用法：回复评委的消息并发送 /observer，或发送 /observer 评委名：设为观察员（可以评分，但不计入结果）；再发一次即取消。
judge-observer-list = 👁 观察员：{ $names }
judge-observer-on = 👁 「{ $name }」现为观察员：可以评分，但评分不计入结果。
judge-observer-off = 「{ $name }」不再是观察员，评分计入结果。
judge-observer-status = 👁 观察员（不计入）：{ $entries }
judge-observer-entry = { $name } { $score }
judge-observer-waiting = 未提交
judge-observer-abstained = 弃权
conflict-usage = 用法：/conflict 评委名 序号（或回复评委的消息：/conflict 序号）登记回避，该评委不会收到这位汇报人的评分表；/conflict remove 评委名 序号 撤销。
conflict-list-title = 🚫 回避关系：
conflict-row = • { $judge } — 第 { $n } 位「{ $name }」
conflict-none = 还没有登记回避关系。
conflict-added = 🚫 已登记回避：「{ $judge }」不为第 { $n } 位「{ $name }」评分。
conflict-already = 「{ $judge }」与第 { $n } 位「{ $name }」的回避关系已经登记过了。
conflict-removed = 已撤销回避：「{ $judge }」可以为第 { $n } 位「{ $name }」评分。
conflict-not-found = 「{ $judge }」与第 { $n } 位「{ $name }」没有登记回避关系。
conflict-discarded = TA 在本轮已提交的评分已作废（已记入审计日志）。
conflict-closed-round = 第 { $n } 位的评分已经结束：TA 的评分不再计入排名。
conflict-status = 🚫 回避（不计入）：{ $names }
conflict-ballot-refused = 你与这位汇报人有回避关系，无需为其评分。
abstain-button = 🚫 弃权
abstain-confirm = 确定对第 { $n } 位「{ $name }」弃权吗？弃权不计入该汇报人的得分；本轮结束前仍可改为评分。
abstain-yes = ✅ 确定弃权
abstain-recorded = 已记录弃权
abstain-done = 🚫 你已弃权（第 { $version } 版，{ $time }）。本轮结束前可以改为评分。
abstain-closed = 🔒 本轮评分已结束。你已弃权。
abstain-status-mark = { $name }（弃权）
quorum-confirm-title = ⚠️ 结束第 { $n } 位「{ $name }」的评分前请确认：
quorum-short = • 有效评分 { $counted } 份，少于法定人数 { $quorum } 份。
quorum-confirm-question = 仍要结束本轮评分吗？
quorum-close-button = ✅ 结束评分
quorum-keep-button = ✖ 暂不结束
quorum-kept = 好的，本轮评分继续。
quorum-confirmed = ✅ 主持人已确认结束。
quorum-notice-title = ⚠️ 第 { $n } 位「{ $name }」请主持人注意：
outlier-title = • 以下评分与中位数相差超过 { $limit } 分（不显示评委姓名）：
outlier-line = 评分 #{ $ref }：{ $total }（中位数 { $median }）
outlier-show-name = 👁 显示评分 #{ $ref } 的评委
outlier-name = 评分 #{ $ref } 来自评委：{ $name }
outlier-expired = 这条提示已过期，不能再显示姓名。
remind-usage = 用法：/remind（不带参数）——私聊提醒本轮还没有提交的评委。
remind-nobody = 第 { $n } 位「{ $name }」：所有评委都已提交，无需提醒。
remind-done = ⏰ 第 { $n } 位「{ $name }」：已私聊提醒 { $reminded } 位评委{ $unreachable ->
        [0] 。
       *[other] ；{ $unreachable } 位无法私聊，已在群里提醒。
    }
remind-private = ⏰ 提醒：你还没有提交第 { $n } 位「{ $name }」的评分，请尽快评分。
remind-group = ⏰ 第 { $n } 位「{ $name }」的评分还在等待：{ $names }
    机器人无法私聊你们：请点下方按钮打开与机器人的私聊并点“开始”，即可收到评分表。
remind-open-button = ✍️ 打开评分表
remind-time-usage = 用法：/open 序号 分钟（1–{ $max }），例如 /open 3 5：限时 5 分钟，结束前 1 分钟提醒，到时自动结束。
remind-time-set = ⏱ 本轮限时 { $minutes } 分钟，到时自动结束并公布排名{ $minutes ->
        [1] 。
       *[other] ；结束前 1 分钟会提醒未提交的评委。
    }
reopen-usage = 用法：/reopen 序号 [分钟]——重新开放已结束的一轮；之前的评分保留，评委可以修改。
reopen-not-closed = 第 { $n } 位「{ $name }」还没有结束评分，不能重新开放（尚未开始的请用 /open { $n }）。
reopen-done = 🔁 第 { $n } 位「{ $name }」的评分已重新开放：之前提交的评分保留，评委可以修改，结束后会重新公布排名。
comment-add-button = 💬 添加点评
comment-change-button = 💬 修改点评
comment-shown = 💬 你的点评：{ $comment }
comment-prompt = 💬 请直接发送你对第 { $n } 位「{ $name }」的点评（一条文字消息，最多 { $max } 字，{ $minutes } 分钟内有效）。点评会匿名显示在结果明细中。
comment-saved = ✅ 已保存你对第 { $n } 位「{ $name }」的点评。
comment-too-long = 点评太长（{ $length } 字，最多 { $max } 字），请精简后重新发送。
comment-empty = 点评内容为空，未保存。
comment-not-submitted = 请先提交评分，再添加点评。
comment-round-closed = 本轮评分已结束，点评未保存。
