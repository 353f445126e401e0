import type { Payload } from 'payload'
import { adapterFor, toChannelInfo } from '@/channels'
import { ChannelError } from '@/channels/types'
import { dbOps } from '@/db'
import {
  AttemptOutcome,
  ChannelKind,
  ChannelStatus,
  isBroadcastKind,
  PublicationStatus,
  RemovalStatus,
  WAITING,
} from '@/vocabulary'
import { MAX_ATTEMPTS, backoffMs } from './backoff'
import { markNeedsAttention, tokenContext } from './channelState'
import type { ClaimedRemoval } from './publication'
import { moveIfStill, recordOutcome, type Attempt } from './record'

export type { ClaimedRemoval } from './publication'

/** What `takeOverClaims` ends for removal jobs of a dead worker. */
export const REMOVAL_JOBS = { collection: 'removals', leased: RemovalStatus.Removing } as const

/** A publication still being sent is looked at again after this long (its send will have ended). */
const WAIT_FOR_SEND_MS = 30_000

/**
 * Claims due removal jobs for one worker under a lease, as `claimDue` claims publications (the
 * database's part in src/db/*: `claimRemovals`). Called by the same tick (src/dispatch/tick.ts).
 */
export async function claimRemovals(
  payload: Payload,
  opts: { workerId: string; limit: number; leaseMs: number; now?: Date },
): Promise<ClaimedRemoval[]> {
  const now = opts.now ?? new Date()
  return dbOps(payload).dispatch.claimRemovals({
    now,
    limit: opts.limit,
    lease: {
      status: RemovalStatus.Removing,
      leaseOwner: `${opts.workerId}:gỡ:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`,
      leaseWorker: opts.workerId,
      leaseUntil: new Date(now.getTime() + opts.leaseMs).toISOString(),
    },
  })
}

/**
 * Carries out one claimed removal and records how it ended, only while the lease is ours: the
 * publication's channel is asked to remove the post (the adapter's `remove`), with retries, capped
 * backoff and the same failure classes as a send; done where there is nothing left to remove; or
 * handed to a person where the platform offers no way or refuses for good. Every path records an
 * attempt with a Vietnamese message.
 */
export async function removeOne(
  payload: Payload,
  workerId: string,
  job: ClaimedRemoval,
): Promise<RemovalStatus> {
  const at = new Date().toISOString()
  const started = Date.now()
  const attemptNo = job.attemptCount + 1
  const record = async (
    status: RemovalStatus,
    outcome: AttemptOutcome,
    message: string,
    extra: Partial<Attempt> & { changes?: Record<string, unknown> } = {},
  ) => {
    const { changes, ...more } = extra
    const attempt = { at, outcome, message, worker: workerId, durationMs: Date.now() - started }
    await recordOutcome(
      payload,
      job,
      { ...attempt, ...more },
      { status, message, ...changes },
      'removals',
    )
    return status
  }
  const done = (message: string) => record(RemovalStatus.Done, AttemptOutcome.Success, message)
  const manual = (message: string, extra: Partial<Attempt> = {}) =>
    record(RemovalStatus.Manual, AttemptOutcome.Manual, message, {
      ...extra,
      changes: { attemptCount: attemptNo },
    })
  /** Not an attempt: nothing was asked of the platform (or our side held it back). */
  const held = (message: string, waitMs: number) =>
    record(RemovalStatus.Retrying, AttemptOutcome.Held, message, {
      changes: { nextAttemptAt: new Date(Date.now() + waitMs).toISOString() },
    })

  const pub = !job.publication
    ? null
    : await payload.findByID({
        collection: 'publications',
        id: job.publication,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        select: { status: true, remoteId: true, channel: true },
      })
  if (!pub) return done('Lịch đăng không còn; không có gì để gỡ.')
  if (pub.status === PublicationStatus.Sending)
    return held('Bài đang được gửi lên kênh; sẽ gỡ khi có kết quả.', WAIT_FOR_SEND_MS)
  if (WAITING.includes(pub.status)) {
    // Given back to the queue meanwhile (a retry): it must not go out now.
    const cancelled = await moveIfStill(payload, {
      id: pub.id,
      from: WAITING,
      data: { status: PublicationStatus.Cancelled },
      attempt: { outcome: AttemptOutcome.Permanent, message: 'Bài đã bị gỡ nên lịch đăng bị hủy.' },
    })
    return cancelled
      ? done('Bài chưa lên kênh: đã hủy lịch đăng.')
      : held('Bài đang được gửi lên kênh; sẽ gỡ khi có kết quả.', WAIT_FOR_SEND_MS)
  }
  if (pub.status !== PublicationStatus.Published)
    return done('Bài chưa lên kênh nên không có gì để gỡ.')

  const channelId = typeof pub.channel === 'object' ? pub.channel.id : pub.channel
  const channelDoc = await payload.findByID({
    collection: 'channels',
    id: channelId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!channelDoc) return manual('Kênh đã bị xóa: cần người kiểm tra và gỡ bài trên nền tảng.')
  // Our own channels: the withdrawal itself took the item off them.
  if (channelDoc.kind === ChannelKind.WebPage)
    return done('Đã gỡ khỏi chuyên trang: trang của bài trả về 410.')
  if (channelDoc.kind === ChannelKind.Feed) return done('Đã gỡ khỏi nguồn tin (RSS/Atom/JSON).')
  if (isBroadcastKind(channelDoc.kind))
    return done('Đã bỏ khỏi chương trình phát sóng; nếu đã phát thì không còn gì để gỡ trên sóng.')
  const adapter = adapterFor(channelDoc.kind)
  if (!adapter.remove)
    return manual(
      `Kênh "${channelDoc.name}" không có cách gỡ bài tự động: cần báo bên nhận gỡ bài.`,
    )
  if (!pub.remoteId)
    return manual(`Không biết mã bài trên kênh "${channelDoc.name}": cần người tìm và gỡ bài.`)
  if (channelDoc.status !== ChannelStatus.Active) {
    const why =
      channelDoc.status === ChannelStatus.Disabled ? 'đang tạm dừng' : 'cần xử lý lỗi xác thực'
    return held(`Kênh "${channelDoc.name}" ${why}: sẽ gỡ khi kênh hoạt động lại.`, backoffMs(1))
  }

  try {
    const result = await adapter.remove(
      toChannelInfo(channelDoc),
      pub.remoteId,
      tokenContext(payload, String(channelDoc.id)),
    )
    if ('manual' in result) return manual(result.manual)
    return record(RemovalStatus.Done, AttemptOutcome.Success, result.done, {
      changes: { attemptCount: attemptNo },
    })
  } catch (err) {
    const failure =
      err instanceof ChannelError
        ? err
        : new ChannelError(`Lỗi nội bộ khi gỡ bài: ${(err as Error)?.message ?? err}`, 'retry')
    const http = { httpStatus: failure.httpStatus ?? null }
    if (failure.deferred) return held(failure.message, Math.max(failure.retryAfterMs ?? 0, 1000))
    if (failure.kind === 'reauth') {
      await markNeedsAttention(payload, String(channelDoc.id), failure.message)
      return held(`${failure.message} Kênh chuyển sang "cần xử lý".`, backoffMs(1))
    }
    if (failure.kind === 'permanent' || attemptNo >= MAX_ATTEMPTS)
      return manual(
        `${failure.message} ${failure.kind === 'permanent' ? 'Nền tảng từ chối gỡ' : `Đã thử ${attemptNo} lần`}: cần người gỡ bài trên kênh "${channelDoc.name}".`,
        http,
      )
    const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attemptNo))
    return record(
      RemovalStatus.Retrying,
      AttemptOutcome.Retry,
      `${failure.message} Sẽ thử gỡ lại sau ${Math.ceil(wait / 1000)} giây.`,
      {
        ...http,
        changes: {
          attemptCount: attemptNo,
          nextAttemptAt: new Date(Date.now() + wait).toISOString(),
        },
      },
    )
  }
}
