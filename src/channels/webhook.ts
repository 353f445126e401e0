import { ChannelKind } from '@/vocabulary'
import crypto from 'node:crypto'
import { briefly, classifyStatus, request } from './http'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type Outbound } from './types'
import { commonProblems } from './validate'

export const SIGNATURE_HEADER = 'X-Signature-SHA256'

/** The JSON document portals and the province's app receive. */
export function webhookBody(channel: ChannelInfo, outbound: Outbound) {
  return {
    type: 'publication',
    publicationId: outbound.publicationId,
    idempotencyKey: outbound.idempotencyKey,
    scheduledAt: outbound.scheduledAt,
    channel: { id: channel.id, name: channel.name },
    message: outbound.message,
    hashtags: outbound.hashtags,
    content: outbound.content,
  }
}

export const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(body).digest('hex')

/**
 * POSTs a signed JSON document: `X-Signature-SHA256: sha256=<hex HMAC of the body>` and an
 * `Idempotency-Key` that stays the same on every retry, so the receiver can drop repeats.
 */
export const webhookAdapter: ChannelAdapter = {
  kind: ChannelKind.Webhook,
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound)
    if (!channel.settings.url) problems.push(`Kênh "${channel.name}" chưa có địa chỉ nhận (URL).`)
    if (!channel.settings.signingSecret)
      problems.push(`Kênh "${channel.name}" chưa có khoá ký HMAC.`)
    return problems
  },
  async publish(channel, outbound) {
    const body = JSON.stringify(webhookBody(channel, outbound))
    const res = await request(channel.settings.url!, {
      method: 'POST',
      timeoutMs: channel.settings.timeoutMs ?? undefined,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': outbound.idempotencyKey,
        [SIGNATURE_HEADER]: `sha256=${sign(channel.settings.signingSecret!, body)}`,
      },
      body,
    })
    const failure = classifyStatus(res.status, briefly(res.text), res.headers)
    if (failure) throw failure
    const json = (res.json ?? {}) as { id?: string; url?: string }
    if (res.json === undefined && res.text.trim())
      throw new ChannelError('Kênh trả lời không phải JSON.', 'retry', res.status)
    return {
      remoteId: json.id ? String(json.id) : outbound.idempotencyKey,
      url: json.url,
      httpStatus: res.status,
    }
  },
}

/** The province's app takes the same signed webhook. */
export const appAdapter: ChannelAdapter = { ...webhookAdapter, kind: ChannelKind.App }
