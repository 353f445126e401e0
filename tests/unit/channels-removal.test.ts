/**
 * Withdrawing a post ("gỡ bài") at the adapter level, against the loopback fakes (no database):
 * Facebook deletes, Zalo OA removes, YouTube makes the video private, TikTok answers that a person
 * must do it; a platform that refuses and one that is down end in the failure classes the
 * dispatcher retries or gives up on.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { facebookPageAdapter } from '@/channels/facebookPage'
import { tiktokAdapter } from '@/channels/tiktok'
import { ChannelError, type ChannelInfo, type TokenContext } from '@/channels/types'
import { youtubeAdapter } from '@/channels/youtube'
import { zaloOaAdapter } from '@/channels/zaloOa'
import { startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import { startFakeYoutube, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'

const noTokens: TokenContext = {
  latestSettings: async () => ({}),
  tokenRefreshed: async () => {},
}
const channel = (kind: string, settings: ChannelInfo['settings']): ChannelInfo => ({
  id: '1',
  name: `Kênh ${kind}`,
  kind: kind as ChannelInfo['kind'],
  settings: { timeoutMs: 1000, ...settings },
  limits: {},
})

let fb: FakeFacebook
let zalo: FakeZalo
let yt: FakeYoutube
/** A port nothing listens on: the platform is down. */
let downUrl: string

beforeAll(async () => {
  fb = await startFakeFacebook({ token: 'fb' })
  zalo = await startFakeZalo({ token: 'za' })
  yt = await startFakeYoutube({ token: 'yt', videoIds: ['vidRemove01'] })
  const probe = http.createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  downUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`
  await new Promise((r) => probe.close(r))
})

afterAll(async () => {
  await Promise.all([fb.close(), zalo.close(), yt.close(), yt.oauth.close()])
})

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (err: unknown) => err as ChannelError,
  )

describe('withdrawing a post on each platform', () => {
  it('Facebook: the post is deleted (gone from the page); deleting it again counts as done', async () => {
    const fbChannel = channel('facebook-page', {
      apiBaseUrl: fb.apiBaseUrl,
      pageId: fb.pageId,
      accessToken: 'fb',
    })
    const sent = await facebookPageAdapter.publish(
      fbChannel,
      {
        publicationId: '1',
        idempotencyKey: 'k-1',
        scheduledAt: new Date().toISOString(),
        message: 'Tin cần gỡ',
        hashtags: [],
        content: { url: 'https://tinh.vn/articles/a' } as never,
      },
      {} as never,
    )
    expect(fb.posts.filter((p) => !p.deleted)).toHaveLength(1)
    const removed = await facebookPageAdapter.remove!(fbChannel, sent.remoteId!, noTokens)
    expect(removed).toEqual({ done: expect.stringMatching(/Đã xóa bài/) })
    expect(fb.posts.filter((p) => !p.deleted)).toHaveLength(0)
    const again = await facebookPageAdapter.remove!(fbChannel, sent.remoteId!, noTokens)
    expect(again).toEqual({ done: expect.stringMatching(/không còn/) })
  })

  it('Facebook refuses (the page token lost its permission): reauth; down: retried', async () => {
    const refused = await failure(
      facebookPageAdapter.remove!(
        channel('facebook-page', { apiBaseUrl: fb.apiBaseUrl, accessToken: 'revoked' }),
        `${fb.pageId}_1000000001`,
        noTokens,
      ),
    )
    expect(refused).toBeInstanceOf(ChannelError)
    expect(refused.kind).toBe('reauth')
    const down = await failure(
      facebookPageAdapter.remove!(
        channel('facebook-page', { apiBaseUrl: `${downUrl}/v21.0`, accessToken: 'fb' }),
        `${fb.pageId}_1000000001`,
        noTokens,
      ),
    )
    expect(down.kind).toBe('retry')
    expect(down.message).toMatch(/Không kết nối được/)
  })

  it('Zalo OA: the article is removed from the list; an unknown id is refused for good', async () => {
    const zaloChannel = channel('zalo-oa', { apiBaseUrl: zalo.apiBaseUrl, accessToken: 'za' })
    const created = await fetch(`${zalo.apiBaseUrl}/v2.0/article/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: 'za' },
      body: JSON.stringify({
        type: 'normal',
        title: 'Bài cần gỡ',
        author: 'Sở',
        description: 'Mô tả',
        cover: { cover_type: 'photo', photo_url: 'https://tinh.vn/a.webp', status: 'show' },
        body: [{ type: 'text', content: 'Nội dung' }],
      }),
    })
    expect(created.status).toBe(200)
    const id = zalo.articles[0].id!
    expect(await zaloOaAdapter.remove!(zaloChannel, id, noTokens)).toEqual({
      done: expect.stringMatching(/Đã gỡ bài viết/),
    })
    expect(zalo.articles[0].removed).toBe(true)
    const refused = await failure(zaloOaAdapter.remove!(zaloChannel, id, noTokens))
    expect(refused.kind).toBe('permanent')
    const down = await failure(
      zaloOaAdapter.remove!(
        channel('zalo-oa', { apiBaseUrl: downUrl, accessToken: 'za' }),
        id,
        noTokens,
      ),
    )
    expect(down.kind).toBe('retry')
  })

  it('YouTube: the video becomes private', async () => {
    const ytChannel = channel('youtube', { apiBaseUrl: yt.apiBaseUrl, accessToken: 'yt' })
    expect(await youtubeAdapter.remove!(ytChannel, 'vidRemove01', noTokens)).toEqual({
      done: expect.stringMatching(/riêng tư/),
    })
    expect(yt.videos.get('vidRemove01')!.status.privacyStatus).toBe('private')
  })

  it('TikTok: no API removes a post, so a person must', async () => {
    const result = await tiktokAdapter.remove!(
      channel('tiktok', { apiBaseUrl: downUrl }),
      '7400000000000000001',
      noTokens,
    )
    expect(result).toEqual({ manual: expect.stringMatching(/cần người gỡ bài/) })
  })
})
