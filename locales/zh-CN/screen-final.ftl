## Scoreboard: the end of a contest (final view, link expiry)
screen-final-expired = 此大屏链接已过期：评议结束已超过保留期限。
screen-link-expired = 📺 「{ $title }」已结束超过 { $days } 天，大屏链接已过期，不再提供。最终结果可用 /ranking 或 /export 查看。
