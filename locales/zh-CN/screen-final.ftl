## Scoreboard: the end of a contest (final view, link expiry)
screen-final-expired = 此大屏链接已过期：评议结束已超过保留期限。
