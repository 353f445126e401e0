/**
 * Zalo OA articles: the OA's article list, `GET /v2.0/article/getslice?offset&limit&type=normal`
 * (header access_token), whose items carry `total_view` and `total_share`: the only figures Zalo's
 * OA API gives for an article (no reach, reactions or comments). Newest first, so paging stops once
 * every wanted article is found or the list ends. Errors come as HTTP 200 with a non-zero `error`.
 */
import { briefly, classifyStatus, request } from '@/channels/http'
import { ChannelError } from '@/channels/types'
import type { Figures } from '@/engagement/check'
import { count, type Puller } from './types'

const DEFAULT_BASE = 'https://openapi.zalo.me'
const PAGE = 10
/** At most this many pages a run: the window's articles are among the newest. */
const MAX_PAGES = 50

type Slice = {
  error?: number
  message?: string
  data?: { medias?: { id?: string; total_view?: unknown; total_share?: unknown }[]; total?: number }
}

export const zaloPuller: Puller = {
  platform: 'Zalo OA',
  async pull(channel, items, _context, limited) {
    const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
    const wanted = new Map(items.map((i) => [i.remoteId, i.publicationId]))
    const figures = new Map<string, Figures>()
    for (let page = 0; page < MAX_PAGES && figures.size < wanted.size; page++) {
      const res = await limited(() =>
        request(`${base}/v2.0/article/getslice?offset=${page * PAGE}&limit=${PAGE}&type=normal`, {
          timeoutMs: channel.settings.timeoutMs ?? undefined,
          headers: { access_token: channel.settings.accessToken ?? '' },
        }),
      )
      const failure = classifyStatus(res.status, briefly(res.text), res.headers)
      if (failure) throw failure
      const slice = (res.json ?? {}) as Slice
      if (slice.error) {
        const detail = `Zalo: ${slice.message ?? 'lỗi'} (mã ${slice.error}).`
        if (slice.error === -216 || slice.error === -124)
          throw new ChannelError(
            `Mã truy cập Zalo OA không còn hiệu lực. ${detail}`,
            'reauth',
            res.status,
          )
        throw new ChannelError(
          `Zalo từ chối yêu cầu số liệu. ${detail}`,
          slice.error === -32 ? 'retry' : 'permanent',
          res.status,
        )
      }
      const medias = slice.data?.medias ?? []
      for (const m of medias) {
        const publicationId = wanted.get(String(m.id))
        if (publicationId)
          figures.set(publicationId, { views: count(m.total_view), shares: count(m.total_share) })
      }
      if (medias.length < PAGE) break
    }
    return figures
  },
}
