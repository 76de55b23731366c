rate-limited = ⏳ That was too fast. Please wait a few seconds and try again.
