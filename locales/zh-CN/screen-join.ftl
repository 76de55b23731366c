## Scoreboard join view (/screen join, /screen board, the console's button)
screen-join-heading = 扫码加入评委
screen-join-total = 已加入 {$n} 位评委
screen-join-joined = 已加入 {$n} 人
screen-join-none = 还没有加入码。请发送 /join 或 /screen join。
screen-join-shown = 📱 大屏已显示扫码加入（{$panels} 个二维码），加入人数实时更新。/screen board 切回排名。
screen-board-shown = 📊 大屏已切回排名。
screen-join-roster-mode = 本次评议为“名单”加入方式，评委只能凭个人邀请加入，大屏不显示加入二维码（/joinmode open 可改为开放加入）。
screen-view-usage = /screen — 私聊发给你大屏链接；/screen join — 大屏显示各评委组的加入二维码；/screen board — 大屏切回排名；/screen revoke — 使链接失效。
screen-console-show-join = 📱 大屏：扫码加入
screen-console-show-board = 📊 大屏：切回排名

audit-event-screen-view = 大屏画面切换
