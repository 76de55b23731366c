rate-limited = ⏳ 操作太快了，请稍等几秒再试。
