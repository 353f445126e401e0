import type { Payload } from 'payload'

export type SendOnceResult<R> =
  | { outcome: 'sent'; row: R }
  /** Another worker (or an earlier run, before a restart) recorded the same key first. */
  | { outcome: 'taken' }
  | { outcome: 'failed'; error: unknown }

/**
 * "Record, then send, once per key": the row is written first in a collection whose unique index
 * is the key, so of two workers (or a run repeated after a restart) only one writes it, and only
 * the one that wrote it sends. A failed send calls `undo` (the reminders delete their row, so the
 * next run retries; a notification keeps its row and marks its email failed). Used by the report
 * and task reminders and by the notifications (src/notifications/notify.ts).
 */
export async function sendOnce<R>(
  payload: Payload,
  {
    record,
    send,
    undo,
    what,
  }: {
    record: () => Promise<R>
    send: (row: R) => Promise<unknown>
    undo: (row: R, error: unknown) => Promise<unknown>
    /** For the log, in Vietnamese: what failed to send. */
    what: string
  },
): Promise<SendOnceResult<R>> {
  let row: R
  try {
    row = await record()
  } catch {
    return { outcome: 'taken' }
  }
  try {
    await send(row)
    return { outcome: 'sent', row }
  } catch (error) {
    await undo(row, error)
    payload.logger.error({ err: error, msg: `Gửi ${what} lỗi.` })
    return { outcome: 'failed', error }
  }
}
