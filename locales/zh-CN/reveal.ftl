## Reveal: the release policy (what the group sees of results, and when)
cmd-reveal = 结果公布方式（live、scores、end、chair）
reveal-policy-live = 实时公布（每位汇报人评完即公布得分和排名）
reveal-policy-scores = 亮分（每位评完公布其得分，排名在评议结束时公布）
reveal-policy-end = 结束后公布（评议结束前不公布任何结果）
reveal-policy-chair = 主持人公布（结果只发给主持人，由主持人决定何时公布）
reveal-formula-live = 结果实时公布
reveal-formula-scores = 每位亮分、排名最后公布
reveal-formula-end = 结果在评议结束时公布
reveal-formula-chair = 结果由主持人公布
reveal-usage = 当前公布方式：{ $policy }
    用法：/reveal live|scores|end|chair（或：实时、亮分、结束、主持人）
    • live：每位评完公布得分和排名
    • scores：每位评完只公布其得分，排名在 /finish 时公布
    • end：/finish 前不公布任何结果
    • chair：结果只发给主持人，主持人在 /finish 后用 /ranking public 公布
reveal-unknown = 没有“{ $value }”这种公布方式。可选：live、scores、end、chair（或：实时、亮分、结束、主持人）。
reveal-saved = ✅ 公布方式：{ $policy }
reveal-locked = 评议已结束，公布方式不能再更改（为：{ $policy }）。
reveal-ranking-usage = 用法：/ranking 重新发出排名；主持人在 /finish 后可用 /ranking public 公布结果。
reveal-start-first = 结果只发给主持人：请先私聊机器人（点下方按钮并“开始”），再发送一次。
reveal-start-button = 🤖 私聊机器人
reveal-already-public = 结果已经公布。
reveal-detail-held = 评分明细将在结果公布后提供。
reveal-export-held = 结果尚未公布，不能导出公开排名。主持人可用 /export 私下获取。
