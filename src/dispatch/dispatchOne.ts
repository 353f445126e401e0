import type { Payload } from 'payload'
import { adapterFor, toChannelInfo } from '@/channels'
import {
  ChannelError,
  type ChannelInfo,
  type PublishContext,
  type PublishResult,
} from '@/channels/types'
import { contentFingerprint } from '@/content/fingerprint'
import { contentRef, type ContentItem } from '@/content/item'
import { relationId } from '@/lib/relation'
import type { Channel } from '@/payload-types'
import {
  AttemptOutcome,
  ChannelKind,
  ChannelStatus,
  type ContentKind,
  DocStatus,
  PublicationStatus,
} from '@/vocabulary'
import { EDITED_AFTER_APPROVAL, reopenedApproval } from './approval'
import { MAX_ATTEMPTS, backoffMs } from './backoff'
import { markNeedsAttention, tokenContext } from './channelState'
import { notifyChannelAttention } from '@/notifications/events'
import type { ClaimedPublication } from './claim'
import type { Attempt } from './record'

const S = PublicationStatus
const O = AttemptOutcome

/** How a firing ended for one publication: a status it moved to, or held / lost (another worker took it). */
export type Outcome =
  | typeof S.Published
  | typeof S.Sending
  | typeof S.Retrying
  | typeof S.Failed
  | typeof S.AwaitingApproval
  | 'held'
  | 'lost'

export type DispatchContext = {
  payload: Payload
  workerId: string
  /** Channel documents (decrypted) for this batch, so a batch reads each channel once. */
  channel: (id: string) => Promise<Channel | null>
  /** Content items for this batch: one article going to ten channels at 8:00 is read once. */
  content: (kind: ContentKind, id: string) => Promise<ContentItem | null>
  /** Stores the outcome: the dispatcher writes a firing's outcomes after its sends, not between them. */
  record: (
    pub: ClaimedPublication,
    attempt: Attempt,
    changes: Record<string, unknown>,
  ) => void | Promise<void>
}

/**
 * What adapters may ask of the CMS for this send. Every write lives here or in channelState, so
 * adapters stay network code.
 */
function publishContext(
  payload: Payload,
  pub: ClaimedPublication,
  channelId: string,
): PublishContext {
  return {
    async checkpoint(progress) {
      await payload.db.updateOne({
        collection: 'publications',
        where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }] },
        data: { remoteId: progress },
        options: { atomic: true },
        returning: false,
      })
    },
    async publishContent(content, at) {
      await payload.update({
        collection: content.kind,
        id: content.id,
        data: { _status: DocStatus.Published, publishedAt: at },
        overrideAccess: true,
        context: { dispatcher: true },
      })
    },
    ...tokenContext(payload, channelId),
  }
}

/**
 * Sends one claimed publication (the caller has checked it is still ours and not cancelled), after
 * re-checking at fire time: channel active, content present and unchanged since approval. Every
 * path records an attempt with a Vietnamese message.
 */
export async function dispatchOne(ctx: DispatchContext, pub: ClaimedPublication): Promise<Outcome> {
  const { payload, workerId } = ctx
  const at = new Date().toISOString()
  const attempt = (
    outcome: AttemptOutcome,
    message: string,
    extra: Partial<Attempt> = {},
  ): Attempt => ({ at, outcome, message, worker: workerId, ...extra })

  const channelDoc = await ctx.channel(relationId(pub.channel) ?? '')
  if (!channelDoc) {
    await ctx.record(pub, attempt(O.Permanent, 'Kênh đã bị xóa.'), { status: S.Failed })
    return S.Failed
  }
  if (channelDoc.status !== ChannelStatus.Active) {
    const why =
      channelDoc.status === ChannelStatus.Disabled ? 'đang tạm dừng' : 'cần xử lý lỗi xác thực'
    await ctx.record(
      pub,
      attempt(O.Held, `Kênh "${channelDoc.name}" ${why}: tạm giữ, sẽ gửi khi kênh hoạt động lại.`),
      { status: S.Scheduled },
    )
    return 'held'
  }
  const ref = contentRef(pub.content)
  if (!ref) {
    // The content link is being rewritten (a save in progress): try again shortly, as a retry so it stays bounded.
    const attemptNo = (pub.attemptCount ?? 0) + 1
    const gaveUp = attemptNo >= MAX_ATTEMPTS
    await ctx.record(
      pub,
      attempt(gaveUp ? O.Permanent : O.Retry, 'Lịch đăng không còn liên kết tới nội dung nào.'),
      {
        status: gaveUp ? S.Failed : S.Retrying,
        attemptCount: attemptNo,
        nextAttemptAt: new Date(Date.now() + backoffMs(attemptNo)).toISOString(),
      },
    )
    return gaveUp ? S.Failed : S.Retrying
  }
  const content = await ctx.content(ref.kind, ref.id)
  if (!content) {
    await ctx.record(pub, attempt(O.Permanent, 'Nội dung đã bị xóa nên không thể đăng.'), {
      status: S.Failed,
    })
    return S.Failed
  }
  const channel: ChannelInfo = toChannelInfo(channelDoc)
  const adapter = adapterFor(channel.kind)
  const outbound = {
    publicationId: String(pub.id),
    idempotencyKey: pub.idempotencyKey,
    scheduledAt: new Date(pub.scheduledAt).toISOString(),
    message: pub.message ?? '',
    hashtags: pub.hashtags ?? [],
    content,
    progress: pub.remoteId ?? null,
  }
  const context = publishContext(payload, pub, channel.id)
  const attemptNo = (pub.attemptCount ?? 0) + 1
  const started = Date.now()
  const timing = () => ({ durationMs: Date.now() - started })
  // Set when this firing learns the post is surely absent; the flag is cleared with the outcome.
  let inDoubt = !!pub.outcomeUnknown
  const published = (result: PublishResult): Record<string, unknown> => ({
    status: S.Published,
    remoteId: result.remoteId ?? null,
    remoteUrl: result.url ?? null,
    publishedAt: new Date().toISOString(),
    attemptCount: attemptNo,
    // Only rows that carried the flag write it, so a burst's batch keeps one set of columns.
    ...(pub.outcomeUnknown ? { outcomeUnknown: false } : {}),
  })
  const stillPending = async (message: string, checkAfterMs: number, httpStatus?: number) => {
    // Still "sending", with no worker holding it: the claim's arm for "sending" past its lease
    // (a crashed worker's) takes it again once `leaseUntil` passes, and the adapter asks how it
    // ended. Not an attempt: nothing failed.
    const next = new Date(Date.now() + checkAfterMs).toISOString()
    await ctx.record(
      pub,
      attempt(O.Pending, message, { httpStatus: httpStatus ?? null, ...timing() }),
      {
        status: S.Sending,
        leaseUntil: next,
        nextAttemptAt: next,
      },
    )
    return S.Sending
  }

  // An earlier send may have reached a platform that ignores Idempotency-Key (a crash, a time-out, a
  // dropped connection): ask the platform first. What is there is recorded whatever changed since
  // (it went out as approved); only a post surely absent goes through the checks and out again.
  if (inDoubt && adapter.lookup) {
    try {
      const found = await adapter.lookup(channel, outbound, context)
      if ('found' in found) {
        await ctx.record(
          pub,
          attempt(
            O.Success,
            found.found.message ?? 'Bài đã có trên kênh từ lần gửi trước.',
            timing(),
          ),
          published(found.found),
        )
        return S.Published
      }
      if ('unsure' in found) return stillPending(found.unsure, found.checkAfterMs)
      inDoubt = false
    } catch (err) {
      return failed(err)
    }
  } else if (!adapter.lookup) inDoubt = false

  // A follow-up: an earlier attempt checkpointed the remote's id (the platform has the post, e.g.
  // TikTok processing it). What was approved has gone out, so an edit since, or a changed limit,
  // cannot call it back; the adapter resumes from its checkpoint.
  const followUp = !!pub.remoteId
  const approval = followUp ? {} : (pub.approval ?? {})
  if (approval.required && !approval.approvedAt) {
    await ctx.record(pub, attempt(O.Held, 'Chưa được duyệt: chuyển về chờ duyệt.'), {
      status: S.AwaitingApproval,
    })
    return S.AwaitingApproval
  }
  if (approval.contentFingerprint && approval.contentFingerprint !== contentFingerprint(content)) {
    await ctx.record(pub, attempt(O.Held, EDITED_AFTER_APPROVAL), {
      status: S.AwaitingApproval,
      approval: reopenedApproval(approval),
    })
    return S.AwaitingApproval
  }

  const problems = followUp ? [] : adapter.validate(channel, outbound)
  if (problems.length) {
    await ctx.record(pub, attempt(O.Permanent, problems.join(' ')), { status: S.Failed })
    return S.Failed
  }

  try {
    if (channel.kind !== ChannelKind.WebPage && content.status !== DocStatus.Published) {
      throw new ChannelError('Nội dung chưa được xuất bản trên chuyên trang; sẽ thử lại.', 'retry')
    }
    const result = await adapter.publish(channel, outbound, context)
    if (result.pending)
      return stillPending(
        result.message ?? 'Nền tảng đang xử lý bài; sẽ kiểm tra lại.',
        result.pending.checkAfterMs,
        result.httpStatus,
      )
    await ctx.record(
      pub,
      attempt(O.Success, result.message ?? 'Đã đăng thành công.', {
        httpStatus: result.httpStatus ?? null,
        ...timing(),
      }),
      published(result),
    )
    return S.Published
  } catch (err) {
    return failed(err)
  }

  /** A failed look-up or send: held, reauth, retried with backoff, or failed for good. */
  async function failed(err: unknown): Promise<Outcome> {
    const failure =
      err instanceof ChannelError
        ? err
        : new ChannelError(`Lỗi nội bộ khi gửi: ${(err as Error)?.message ?? err}`, 'retry')
    const common = { httpStatus: failure.httpStatus ?? null, ...timing() }
    if (failure.deferred) {
      // Held back before anything was sent (our side of the platform's rate limit): not an attempt.
      const wait = Math.max(failure.retryAfterMs ?? 0, 1000)
      await ctx.record(
        pub,
        attempt(O.Held, `${failure.message} Sẽ gửi sau ${Math.ceil(wait / 1000)} giây.`, common),
        {
          status: S.Retrying,
          nextAttemptAt: new Date(Date.now() + wait).toISOString(),
        },
      )
      return S.Retrying
    }
    if (failure.kind === 'reauth') {
      await markNeedsAttention(payload, channel.id, failure.message)
      await notifyChannelAttention(payload, channel.id, failure.message).catch((err: Error) =>
        payload.logger.error({ err, msg: 'Không gửi được thông báo kênh cần xử lý.' }),
      )
      // The rest of this firing's publications on the channel are held too, not sent into the same wall.
      channelDoc!.status = ChannelStatus.NeedsAttention
      // Not counted as an attempt: the content is fine, the channel's credentials are not.
      await ctx.record(
        pub,
        attempt(
          O.Reauth,
          `${failure.message} Kênh chuyển sang "cần xử lý"; các bài của kênh được tạm giữ.`,
          common,
        ),
        {
          status: S.Scheduled,
        },
      )
      return 'held'
    }
    if (failure.kind === 'permanent' || attemptNo >= MAX_ATTEMPTS) {
      const suffix =
        failure.kind === 'permanent'
          ? ' Lỗi này không thử lại.'
          : ` Đã thử ${attemptNo} lần, dừng thử lại.`
      await ctx.record(pub, attempt(O.Permanent, failure.message + suffix, common), {
        status: S.Failed,
        attemptCount: attemptNo,
      })
      return S.Failed
    }
    const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attemptNo))
    const next = new Date(Date.now() + wait)
    const unknown = failure.unknownOutcome && !!adapter.lookup
    await ctx.record(
      pub,
      attempt(
        O.Retry,
        `${failure.message}${unknown ? ' Không rõ kênh đã nhận bài hay chưa: lần sau sẽ kiểm tra trên kênh trước khi gửi lại.' : ''} Sẽ thử lại sau ${Math.ceil(wait / 1000)} giây.`,
        common,
      ),
      {
        status: S.Retrying,
        attemptCount: attemptNo,
        nextAttemptAt: next.toISOString(),
        // Written only when it changes, so the common retry keeps its set of columns.
        ...(unknown || inDoubt !== !!pub.outcomeUnknown
          ? { outcomeUnknown: unknown || inDoubt }
          : {}),
      },
    )
    return S.Retrying
  }
}
