// The update types the bot handles, asked for by getUpdates (polling) and setWebhook alike.
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
