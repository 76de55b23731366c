## Scoreboard join view (/screen join, /screen board, the console's button)
screen-join-heading = Scan to join as a judge
screen-join-total = {$n} judges joined
screen-join-joined = {$n} joined
screen-join-none = No join codes yet. Send /join or /screen join.
screen-join-shown = 📱 The scoreboard shows the join codes ({$panels} QR codes), with the number joined live. /screen board brings the board back.
screen-board-shown = 📊 The scoreboard shows the board again.
screen-join-roster-mode = Judges join this contest by personal invitation only (join mode “roster”), so the scoreboard shows no join codes (/joinmode open allows joining).
screen-view-usage = /screen — sends you the scoreboard link in private; /screen join — shows each panel's join QR code on it; /screen board — shows the board again; /screen revoke — disables the link.
screen-console-show-join = 📱 Scoreboard: join codes
screen-console-show-board = 📊 Scoreboard: board

audit-event-screen-view = scoreboard view switched
