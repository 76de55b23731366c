// Telegram refusals that are expected and handled rather than failures.
import { GrammyError } from "grammy";

export const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.error_code === 400 && error.description.includes("message is not modified");

/** 403: the user blocked the bot or never started it, or the bot was removed from the chat. */
export const isForbidden = (error: unknown): boolean => error instanceof GrammyError && error.error_code === 403;

/** Runs an edit, treating "message is not modified" as success. */
export const editIgnoringSame = async (edit: () => Promise<unknown>): Promise<void> => {
  try {
    await edit();
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
};
