## Roster: invitations, join codes, join modes, the chair's judges view

roster-usage =
    用法：/judges 后每行一位评委：
    姓名 | 评委组 [| 观察员] [| 回避：汇报人1、汇报人2]
    例如：
    /judges
    张伟 | 区领导
    李娜 | 两代表一委员 | 回避：坡头镇
    也可发送 CSV 文件（列：姓名,评委组,观察员,回避,用户ID），说明文字写 /judges。
    只发 /judges 则把评委名单私聊发给你。
roster-saved = ✅ 已加入评委名单 { $count } 人：{ $names }。每人的专属邀请链接和二维码已私聊发给主持人。
roster-saved-unreachable = ✅ 已加入评委名单 { $count } 人：{ $names }。请先私聊机器人点“开始”，再发送 /judges 领取邀请链接。
roster-line-empty = 没有评委，请在 /judges 下面每行写一位
roster-line-missing-name = 缺少姓名
roster-line-name-too-long = 姓名太长（最多 { $limit } 个字）
roster-line-too-many-fields = 内容太多（最多 { $limit } 段，用 | 分隔）
roster-line-missing-panel = 缺少评委组，请写明：{ $panels }
roster-line-unknown-panel = 没有评委组「{ $value }」，可选：{ $panels }
roster-line-unknown-field = 看不懂「{ $value }」，只能写“观察员”或“回避：汇报人…”
roster-line-unknown-presenter = 没有汇报人「{ $value }」（回避只能写 /presenters 中的名字）
roster-line-duplicate-name = 「{ $name }」与第 { $first } 行重名
roster-line-already-listed = 「{ $name }」已在评委名单中；要修改请用 /judges 打开名单
roster-line-duplicate-user = 用户ID { $value } 出现了两次
roster-line-bad-user-id = 用户ID「{ $value }」不是数字
roster-line-too-many = 评委太多（最多 { $limit } 位）
roster-line-csv-syntax = CSV 格式有误（引号没有成对）
roster-line-unknown-column = 不认识的列「{ $value }」，可用列：姓名,评委组,观察员,回避,用户ID
roster-line-missing-column = 缺少“姓名”列
roster-csv-failed = ❌ 读取文件失败，请确认是 UTF-8 编码的 CSV 文件。
roster-invitation =
    📨 「{ $title }」评委邀请
    评委：{ $name }{ $panel }
    请点击下方链接，在 Telegram 中打开评分机器人并点“开始”，即可成为评委（此链接仅限本人使用一次）：
    { $link }
roster-sheet-caption = 🖨 「{ $title }」评委邀请二维码（共 { $count } 人），可打印后发给评委扫码。
roster-sheet-heading = 「{ $title }」评委邀请二维码
roster-codes-sheet-heading = 「{ $title }」评委组加入码
roster-code-message =
    🔑 「{ $title }」{ $panel }加入码
    凡持有此码者扫码或点链接即可加入{ $panel }评分。请只交给该组的与会人员：
    { $link }
roster-join-roster-only = 🔒 本次评议只接受个人邀请：请使用主持人发给你的专属邀请链接加入。
roster-join-roster-mode-group = 🔒 本次评议只接受个人邀请（加入方式：名单邀请）。主持人可用 /judges 列出评委，邀请链接会私聊发给主持人。
roster-not-member = 只有本群成员才能通过群内按钮加入评委。
roster-welcome = ✅ 你已成为「{ $title }」的评委：{ $name }{ $panel }。轮到汇报人时，评分表会发到这里。
roster-token-unknown = ❌ 这个邀请链接无效（可能抄错了）。请向主持人索取新的邀请。
roster-token-used = ❌ 这个邀请已被其他账号使用，不能再次使用。如有疑问请联系主持人。
roster-token-revoked = ❌ 这个邀请已被主持人撤销。请向主持人索取新的邀请。
roster-token-ended = ❌ 「{ $title }」已结束，邀请已失效。
roster-token-busy = 请稍后再点一次邀请链接。
roster-chair-reused = ⚠️ 「{ $name }」的邀请已被使用，但另一个账号（{ $other }，ID { $id }）刚刚又打开了它，已拒绝。如邀请外泄，请在 /judges 中核对。
roster-pending-user = ⏳ 已提交加入「{ $title }」{ $panel }的申请，请等待主持人同意。同意后评分表会发到这里。
roster-pending-already = ⏳ 你的申请正在等待主持人同意。
roster-pending-chair = 🙋 { $name }（ID { $id }）申请加入「{ $title }」评委{ $panel }。
roster-approve = ✅ 同意
roster-refuse = ✖ 拒绝
roster-approved = ✅ 已同意 { $name } 加入评委{ $panel }。
roster-refused = ✖ 已拒绝 { $name } 的申请。
roster-approved-user = ✅ 主持人已同意，你已成为「{ $title }」的评委{ $panel }。轮到汇报人时，评分表会发到这里。
roster-refused-user = 主持人没有同意你加入「{ $title }」的评委。
roster-decided-already = 这个申请已经处理过了。
roster-joinmode-usage =
    用法：/joinmode open|approve|roster
    open（开放）：群内按钮和各组加入码均可加入；
    approve（审批）：同上，但每位新评委须主持人私聊同意后才能评分；
    roster（名单）：只接受主持人名单中的个人邀请。
roster-joinmode-current = 当前加入方式：{ $mode }
roster-joinmode-set = ✅ 加入方式已改为：{ $mode }
roster-mode-open = 开放（群内按钮、加入码）
roster-mode-approve = 审批（主持人同意后才能评分）
roster-mode-roster = 名单（仅个人邀请）
roster-settings-join = 加入方式：{ $mode }
roster-removed-user = 你已被主持人从「{ $title }」的评委中移除，之后不会再收到评分表。已结束各轮的评分不受影响。
roster-view-title = 🧑‍⚖️ 「{ $title }」评委名单（{ $count } 人，加入方式：{ $mode }）
roster-view-empty = 还没有评委。用 /judges 加名单，或在群里发 /join。
roster-view-row = { $n }. { $name } · { $panel } · { $state }
roster-view-row-no-panel = { $n }. { $name } · { $state }
roster-view-page = 第 { $page }/{ $pages } 页
roster-state-joined = ✅ 已加入
roster-state-waiting = ⏳ 邀请未使用
roster-state-revoked = ⛔ 邀请已撤销
roster-state-pending = ⌛ 待同意
roster-state-observer = 👁 观察员
roster-state-direct = ✅ 已加入（按钮/加入码）
roster-no-panel = 未分组
roster-view-sent = 📋 评委名单已私聊发给你。
roster-view-unreachable = 请先私聊机器人点“开始”，再发送 /judges。
roster-card =
    🧑‍⚖️ { $name }
    评委组：{ $panel }
    状态：{ $state }
    Telegram：{ $telegram }
roster-card-nobody = 尚未绑定账号
roster-btn-open = { $name }
roster-btn-prev = ◀
roster-btn-next = ▶
roster-btn-back = ⬅ 返回名单
roster-btn-resend = 🔁 重发邀请
roster-btn-revoke = ⛔ 撤销邀请
roster-btn-move = 🔀 换组
roster-btn-rename = ✏️ 改名
roster-btn-observer = 👁 观察员
roster-btn-unobserver = 👁 取消观察员
roster-btn-remove = 🗑 移除
roster-btn-remove-yes = ✅ 确定移除
roster-btn-remove-no = ✖ 取消
roster-move-choose = 把「{ $name }」换到哪个评委组？
roster-moved = 🔀 已把「{ $name }」从{ $from }换到{ $to }。
roster-moved-closed = 已结束的 { $count } 轮仍按原评委组（{ $from }）计分，不改写历史；从尚未结束的轮次起按{ $to }计分。
roster-revoked = ⛔ 已撤销「{ $name }」的邀请；旧链接不能再用。需要时点“🔁 重发邀请”生成新链接。
roster-resent = 🔁 「{ $name }」的邀请如下，可直接转发：
roster-rename-ask = ✏️ 请发送「{ $name }」的新名字（1–80 个字）。
roster-rename-bad = 名字须为 1–80 个字，请重新点“✏️ 改名”。
roster-renamed = ✏️ 已把「{ $from }」改名为「{ $to }」。
roster-remove-confirm = 确定把「{ $name }」从评委名单中移除吗？TA 的邀请作废；TA 在当前一轮的评分作废，已结束各轮的评分保留。
roster-removed = 🗑 已把「{ $name }」移出评委名单。
roster-removed-kept = 好的，保留「{ $name }」。
roster-gone = 这位评委已经不在名单中了。
roster-changed-meanwhile = 名单刚刚有变化，请再点一次。
roster-name-taken = 名单中已有「{ $name }」。
roster-imported = 📨 评议文件中的 { $count } 位评委已加入名单，专属邀请已私聊发给主持人。
roster-imported-unreachable = 📨 评议文件中的 { $count } 位评委已加入名单。请主持人先私聊机器人点“开始”，再发送 /judges 领取专属邀请。
