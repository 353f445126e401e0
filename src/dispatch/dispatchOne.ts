import type { Payload } from 'payload'
import { adapterFor, toChannelInfo } from '@/channels'
import { contentFingerprint, contentRef } from '@/channels/content'
import { ChannelError, type ChannelInfo, type ContentItem, type ContentKind } from '@/channels/types'
import { EDITED_AFTER_APPROVAL, reopenedApproval } from './approval'
import { MAX_ATTEMPTS, backoffMs } from './backoff'
import type { ClaimedPublication } from './claim'
import type { Attempt } from './record'
import { relationId } from '@/lib/relation'

export type Outcome = 'published' | 'retrying' | 'failed' | 'held' | 'awaiting-approval' | 'lost'

type Doc = Record<string, any>

export type DispatchContext = {
  payload: Payload
  workerId: string
  /** Channel documents (decrypted) for this batch, so a batch reads each channel once. */
  channel: (id: string) => Promise<Doc | null>
  /** Content items for this batch: one article going to ten channels at 8:00 is read once. */
  content: (kind: ContentKind, id: string) => Promise<ContentItem | null>
  /** Stores the outcome: the dispatcher writes a firing's outcomes after its sends, not between them. */
  record: (pub: ClaimedPublication, attempt: Attempt, changes: Record<string, unknown>) => void | Promise<void>
}


/**
 * Sends one claimed publication (the caller has checked it is still ours and not cancelled), after
 * re-checking at fire time: channel active, content present and unchanged since approval. Every
 * path records an attempt with a Vietnamese message.
 */
export async function dispatchOne(ctx: DispatchContext, pub: ClaimedPublication): Promise<Outcome> {
  const { payload, workerId } = ctx
  const at = new Date().toISOString()
  const attempt = (outcome: Attempt['outcome'], message: string, extra: Partial<Attempt> = {}): Attempt => ({ at, outcome, message, worker: workerId, ...extra })

  const channelDoc = await ctx.channel(relationId(pub.channel) ?? '')
  if (!channelDoc) {
    await ctx.record(pub, attempt('permanent', 'Kênh đã bị xóa.'), { status: 'failed' })
    return 'failed'
  }
  if (channelDoc.status !== 'active') {
    const why = channelDoc.status === 'disabled' ? 'đang tạm dừng' : 'cần xử lý lỗi xác thực'
    await ctx.record(pub, attempt('held', `Kênh "${channelDoc.name}" ${why}: tạm giữ, sẽ gửi khi kênh hoạt động lại.`), { status: 'scheduled' })
    return 'held'
  }
  const ref = contentRef(pub.content)
  if (!ref) {
    // The content link is being rewritten (a save in progress): try again shortly, as a retry so it stays bounded.
    const attemptNo = (pub.attemptCount ?? 0) + 1
    const outcome = attemptNo >= MAX_ATTEMPTS ? 'failed' : 'retrying'
    await ctx.record(pub, attempt(outcome === 'failed' ? 'permanent' : 'retry', 'Lịch đăng không còn liên kết tới nội dung nào.'), {
      status: outcome,
      attemptCount: attemptNo,
      nextAttemptAt: new Date(Date.now() + backoffMs(attemptNo)).toISOString(),
    })
    return outcome
  }
  const content = await ctx.content(ref.kind, ref.id)
  if (!content) {
    await ctx.record(pub, attempt('permanent', 'Nội dung đã bị xóa nên không thể đăng.'), { status: 'failed' })
    return 'failed'
  }
  const approval = pub.approval ?? {}
  if (approval.required && !approval.approvedAt) {
    await ctx.record(pub, attempt('held', 'Chưa được duyệt: chuyển về chờ duyệt.'), { status: 'awaiting-approval' })
    return 'awaiting-approval'
  }
  if (approval.contentFingerprint && approval.contentFingerprint !== contentFingerprint(content)) {
    await ctx.record(pub, attempt('held', EDITED_AFTER_APPROVAL), { status: 'awaiting-approval', approval: reopenedApproval(approval) })
    return 'awaiting-approval'
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
  const problems = adapter.validate(channel, outbound)
  if (problems.length) {
    await ctx.record(pub, attempt('permanent', problems.join(' ')), { status: 'failed' })
    return 'failed'
  }

  const attemptNo = (pub.attemptCount ?? 0) + 1
  const started = Date.now()
  try {
    if (channel.kind !== 'web-page' && content.status !== 'published') {
      throw new ChannelError('Nội dung chưa được xuất bản trên chuyên trang; sẽ thử lại.', 'retry')
    }
    const checkpoint = async (progress: string) => {
      await payload.db.updateOne({
        collection: 'publications',
        where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }] },
        data: { remoteId: progress },
        options: { atomic: true },
        returning: false,
      } as never)
    }
    const result = await adapter.publish(channel, outbound, { payload, checkpoint })
    await ctx.record(pub, attempt('success', result.message ?? 'Đã đăng thành công.', { httpStatus: result.httpStatus ?? null, durationMs: Date.now() - started }), {
      status: 'published',
      remoteId: result.remoteId ?? null,
      remoteUrl: result.url ?? null,
      publishedAt: new Date().toISOString(),
      attemptCount: attemptNo,
    })
    return 'published'
  } catch (err) {
    const failure = err instanceof ChannelError ? err : new ChannelError(`Lỗi nội bộ khi gửi: ${(err as Error)?.message ?? err}`, 'retry')
    const durationMs = Date.now() - started
    const common = { httpStatus: failure.httpStatus ?? null, durationMs }
    if (failure.kind === 'reauth') {
      await payload.db.updateOne({
        collection: 'channels',
        id: channelDoc.id,
        data: { status: 'needs-attention', lastError: failure.message, lastErrorAt: new Date().toISOString() },
        returning: false,
      } as never)
      // The rest of this firing's publications on the channel are held too, not sent into the same wall.
      channelDoc.status = 'needs-attention'
      // Not counted as an attempt: the content is fine, the channel's credentials are not.
      await ctx.record(pub, attempt('reauth', `${failure.message} Kênh chuyển sang "cần xử lý"; các bài của kênh được tạm giữ.`, common), {
        status: 'scheduled',
      })
      return 'held'
    }
    if (failure.kind === 'permanent' || attemptNo >= MAX_ATTEMPTS) {
      const suffix = failure.kind === 'permanent' ? ' Lỗi này không thử lại.' : ` Đã thử ${attemptNo} lần, dừng thử lại.`
      await ctx.record(pub, attempt('permanent', failure.message + suffix, common), { status: 'failed', attemptCount: attemptNo })
      return 'failed'
    }
    const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attemptNo))
    const next = new Date(Date.now() + wait)
    await ctx.record(pub, attempt('retry', `${failure.message} Sẽ thử lại sau ${Math.ceil(wait / 1000)} giây.`, common), {
      status: 'retrying',
      attemptCount: attemptNo,
      nextAttemptAt: next.toISOString(),
    })
    return 'retrying'
  }
}
