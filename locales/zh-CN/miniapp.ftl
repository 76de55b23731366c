## Rubrics and grades on the button ballot
miniapp-ballot-description = 📖 { $description }
miniapp-ballot-grades = 等级：{ $grades }
miniapp-ballot-choose-grade = 先选等级：
miniapp-ballot-grade-chosen = 等级 { $grade }，请选分数：

## Mini App
miniapp-button = 📝 表单评分
miniapp-unauthorized = 无法确认你的身份，请在 Telegram 中从评分消息的“📝 表单评分”按钮重新打开。
miniapp-expired = 登录信息已过期，请关闭后从评分消息的“📝 表单评分”按钮重新打开。
miniapp-no-contest = 没有找到这次评议或这位汇报人。
miniapp-submitted = ✅ 已提交（第 { $version } 版）。本轮结束前可以修改。
miniapp-draft-saved = 已暂存

## Line errors of /criteria rubrics (codes of setup-lines.ts)
line-description-too-long = 说明太长（最多 { $limit } 个字）
line-bad-grade = 等级「{ $value }」格式不对，应为：名称 最低分-最高分，例如 优 27-30
line-too-many-grades = 等级太多（最多 { $limit } 个）
line-grade-min-above-max = 等级「{ $name }」的最低分大于最高分（{ $range }）
line-grade-out-of-range = 等级「{ $name }」{ $range } 超出 0–{ $limit }
line-grade-off-step = 等级「{ $name }」{ $range } 的分数应是步长 { $step } 的整数倍
line-grade-overlap = 等级「{ $name }」{ $range } 与「{ $other }」重叠
line-grade-duplicate = 等级名称「{ $name }」重复

## Contest file errors of grades (codes of contest-file.ts)
file-grade-min-above-max = 等级的最低分大于最高分
file-grade-out-of-range = 等级超出范围（应在 { $expected } 之间）
file-grade-off-step = 等级的分数应是步长的整数倍（{ $expected }）
file-grade-overlap = 与等级「{ $expected }」重叠
file-grade-duplicate = 等级名称重复

## Mini App page
miniapp-page-loading = 正在加载评分表…
miniapp-page-presenter = 第 { $n }/{ $total } 位{ $moved ->
    [yes] （{ $unit }号）
   *[other] {""}
}：{ $name }
miniapp-page-range = 0–{ $max } 分
miniapp-page-step = 步长 { $step }
miniapp-page-grade = 等级：{ $grade }
miniapp-page-no-grade = 不在任何等级内
miniapp-page-not-scored = 尚未评分
miniapp-page-decrease = 减少
miniapp-page-increase = 增加
miniapp-page-sending = 正在提交…
miniapp-page-submit = 提交评分
miniapp-page-resubmit = 提交修改
miniapp-page-not-open = 本轮评分尚未开始。
miniapp-page-network = 网络不通，评分未提交。请稍后再试。
miniapp-page-off-step = 分数应在 0–{ $max } 之间，且是 { $step } 的整数倍
miniapp-bad-request = 请求格式不正确，未保存任何内容。
miniapp-too-large = 请求太大，未保存任何内容。
