## Standings: the one standings message of a contest in the group
standings-cannot-pin = ℹ️ 「{ $title }」的排名消息没有置顶：机器人不是群管理员，或没有“置顶消息”权限。把机器人设为管理员并允许置顶即可（本提示只发一次）。
standings-held-finish = 📊 「{ $title }」的排名将在评议结束（/finish）时公布。
standings-held-chair = 📊 「{ $title }」的结果由主持人公布。
