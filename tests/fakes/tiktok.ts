import { randomUUID } from 'node:crypto'
import { bearerToken } from './facebook'
import { startFakeServer, type FakeServer, type RecordedRequest } from './fakeServer'

/**
 * TikTok's v2 API as the TikTok adapter and the engagement pull meet it, on one loopback server
 * (TikTok serves the API and the token endpoint from the same host, open.tiktokapis.com):
 *
 * - `POST /v2/oauth/token/` form `client_key, client_secret, grant_type=refresh_token, refresh_token`
 *   → `{ access_token, expires_in, open_id, refresh_token (rotated), refresh_expires_in, scope, token_type }`;
 *   a revoked or unknown refresh token → 400 `{ error: 'invalid_grant', error_description, log_id }`.
 * - `POST /v2/post/publish/creator_info/query/` → `{ data: { creator_username, privacy_level_options,
 *   comment_disabled, duet_disabled, stitch_disabled, max_video_post_duration_sec }, error: { code: 'ok' } }`
 * - `POST /v2/post/publish/video/init/` `{ post_info, source_info }` → `{ data: { publish_id, upload_url? } }`
 * - `PUT {upload_url}` with `Content-Range: bytes a-b/total`, chunks in order → 206, the last → 201
 * - `POST /v2/post/publish/content/init/` `{ post_info, source_info: { photo_images }, post_mode, media_type: 'PHOTO' }`
 * - `POST /v2/post/publish/status/fetch/` `{ publish_id }` → `{ data: { status, fail_reason?,
 *   publicaly_available_post_id: [id], uploaded_bytes | downloaded_bytes } }`
 * - `POST /v2/video/query/?fields=id,view_count,…` `{ filters: { video_ids } }` (≤ 20) → `{ data: { videos } }`
 *
 * Every error body is `{ error: { code, message, log_id } }` with the documented HTTP status
 * (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling): 401 access_token_invalid,
 * 400 invalid_params, 403 privacy_level_option_mismatch / url_ownership_unverified, 429
 * rate_limit_exceeded. Per-token limits: 6 inits a minute (video/init and content/init together),
 * 20 creator_info and 30 status fetches a minute, `videoQueryLimit` video queries a minute.
 */
export type TikTokPost = {
  publishId: string
  kind: 'video' | 'photo'
  source: string
  postInfo: Record<string, any>
  sourceInfo: Record<string, any>
  status: 'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'PUBLISH_COMPLETE' | 'FAILED'
  /** Status fetches still to answer "processing" before the outcome. */
  pollsLeft: number
  failReason?: string
  postId?: string
  uploaded: number
  chunks: { range: string; bytes: number }[]
  createdAt: number
  /** Removed by the account's owner in the TikTok app (the API cannot delete posts). */
  deleted?: boolean
}

export type TikTokVideoStats = {
  view_count: number
  like_count: number
  comment_count: number
  share_count: number
}

export type FakeTikTok = FakeServer & {
  apiBaseUrl: string
  /** The access token accepted now (the latest issued). */
  token: string
  clientKey: string
  clientSecret: string
  refreshToken: string
  /** Refresh grants honoured so far. */
  readonly refreshes: number
  posts: TikTokPost[]
  /** Published posts only. */
  published: () => TikTokPost[]
  /** What creator_info answers (change it to offer other privacy levels). */
  creator: Record<string, any>
  /** URL prefixes whose ownership is verified (PULL_FROM_URL and photo_images must start with one). */
  verifiedPrefixes: string[]
  /** Status fetches a post answers "processing" before it completes. */
  processingPolls: number
  /** Also complete a post on TikTok's own after this many ms, asked or not (undefined: only by polls). */
  settleMs: number | undefined
  /** The next post created ends FAILED with this fail_reason. */
  failNextPost: (reason: string) => void
  /** The day went by: every access token issued so far has expired (401 access_token_invalid). */
  expireTokens: () => void
  /** The account removed the app: the refresh token meets invalid_grant and access tokens stop working. */
  revokeGrant: () => void
  /** The account authorises again: a new refresh token, returned. */
  grantAgain: () => string
  /** Figures video/query reports for a video id. */
  stats: Map<string, TikTokVideoStats>
  /** Requests to one path (for counting calls in a window). */
  callsTo: (path: string) => RecordedRequest[]
  /** The next `times` calls meet TikTok's 429 rate_limit_exceeded. */
  rateLimitNext: (times?: number) => void
}

const logId = () => `2026112605${Math.random().toString(16).slice(2, 16).toUpperCase()}`
const reply = (status: number, data: unknown, code = 'ok', message = '') => ({
  status,
  body: { data: data ?? {}, error: { code, message, log_id: logId() } },
})
export const tiktokError = (status: number, code: string, message: string) =>
  reply(status, {}, code, message)

const PRIVACY = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY']
const MIN_CHUNK = 5 * 1024 * 1024
const MAX_CHUNK = 64 * 1024 * 1024

export async function startFakeTikTok(
  options: { token?: string; videoQueryLimit?: number; windowMs?: number; latencyMs?: number } = {},
): Promise<FakeTikTok> {
  const lifetimeMs = 86_400 * 1000
  const windowMs = options.windowMs ?? 60_000
  const accepted = new Map<string, number>()
  const state = {
    token: options.token ?? `act.${randomUUID()}`,
    refreshToken: `rft.${randomUUID()}`,
    refreshes: 0,
    failNext: null as string | null,
    processingPolls: 1,
    settleMs: undefined as number | undefined,
  }
  accepted.set(state.token, Date.now() + lifetimeMs)
  const client = { key: `aw${randomUUID().slice(0, 14)}`, secret: randomUUID() }
  const posts: TikTokPost[] = []
  const stats = new Map<string, TikTokVideoStats>()
  const creator: Record<string, any> = {
    creator_avatar_url: 'https://p16-sign.tiktokcdn.com/avatar.jpeg',
    creator_username: 'sotttt.tayninh',
    creator_nickname: 'Sở TT&TT Tây Ninh',
    privacy_level_options: [...PRIVACY],
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: true,
    max_video_post_duration_sec: 600,
  }
  const verifiedPrefixes: string[] = []
  /** Calls per token and limit name, as timestamps: TikTok's one-minute sliding windows. */
  const windows = new Map<string, number[]>()
  const overLimit = (token: string, name: string, limit: number) => {
    const now = Date.now()
    const key = `${token}|${name}`
    const recent = (windows.get(key) ?? []).filter((t) => t > now - windowMs)
    if (recent.length >= limit) {
      windows.set(key, recent)
      return true
    }
    recent.push(now)
    windows.set(key, recent)
    return false
  }
  const processing = (post: TikTokPost) =>
    post.status === 'PROCESSING_DOWNLOAD' ||
    (post.status === 'PROCESSING_UPLOAD' && !!post.uploaded)
  const finish = (post: TikTokPost) => {
    if (post.failReason) post.status = 'FAILED'
    else {
      post.status = 'PUBLISH_COMPLETE'
      // Private posts get no public id.
      if (post.postInfo.privacy_level !== 'SELF_ONLY')
        post.postId = String(7_400_000_000_000_000_000n + BigInt(posts.indexOf(post) + 1))
    }
  }
  /** Processing goes on at TikTok whether anyone asks: past `settleMs` a post is done. */
  const settle = () => {
    if (state.settleMs === undefined) return
    for (const post of posts)
      if (processing(post) && Date.now() - post.createdAt >= state.settleMs) finish(post)
  }
  const rateLimited = () =>
    tiktokError(
      429,
      'rate_limit_exceeded',
      'The API rate limit was exceeded. Please try again later.',
    )
  const invalid = (message: string) => tiktokError(400, 'invalid_params', message)

  const uploadPath = '/upload/'

  const handler = (req: RecordedRequest) => {
    const url = new URL(req.path, 'http://fake')
    // The upload URL is pre-signed: no token.
    if (url.pathname.startsWith(uploadPath) && req.method === 'PUT') {
      const post = posts.find((p) => p.publishId === url.pathname.slice(uploadPath.length))
      if (!post || post.source !== 'FILE_UPLOAD') return invalid('Unknown upload.')
      const m = String(req.headers['content-range'] ?? '').match(/^bytes (\d+)-(\d+)\/(\d+)$/)
      const total = Number(post.sourceInfo.video_size)
      if (!m) return invalid('Content-Range is required.')
      const [first, last, size] = [Number(m[1]), Number(m[2]), Number(m[3])]
      const index = post.chunks.length
      const isLast = index === Number(post.sourceInfo.total_chunk_count) - 1
      const expectedSize = isLast ? total - first : Number(post.sourceInfo.chunk_size)
      if (
        size !== total ||
        first !== post.uploaded ||
        last - first + 1 !== req.raw.length ||
        req.raw.length !== expectedSize ||
        Number(req.headers['content-length']) !== req.raw.length
      )
        return invalid(`Chunk ${index + 1} does not match the declared chunks.`)
      post.chunks.push({ range: `${first}-${last}`, bytes: req.raw.length })
      post.uploaded += req.raw.length
      if (post.uploaded < total) return { status: 206, body: {} }
      post.status = 'PROCESSING_DOWNLOAD'
      return { status: 201, body: {} }
    }

    if (url.pathname === '/v2/oauth/token/') {
      const form = new URLSearchParams(req.body)
      const oauthError = (status: number, error: string, description: string) => ({
        status,
        body: { error, error_description: description, log_id: logId() },
      })
      if (
        !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      )
        return oauthError(
          400,
          'invalid_request',
          'Content-Type must be application/x-www-form-urlencoded.',
        )
      if (form.get('grant_type') !== 'refresh_token')
        return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type.')
      if (form.get('client_key') !== client.key || form.get('client_secret') !== client.secret)
        return oauthError(401, 'invalid_client', 'Client key or secret is incorrect.')
      if (form.get('refresh_token') !== state.refreshToken)
        return oauthError(400, 'invalid_grant', 'Refresh token is invalid or expired.')
      const accessToken = `act.${randomUUID()}`
      accepted.set(accessToken, Date.now() + lifetimeMs)
      state.token = accessToken
      state.refreshToken = `rft.${randomUUID()}`
      state.refreshes++
      return {
        status: 200,
        body: {
          access_token: accessToken,
          expires_in: lifetimeMs / 1000,
          open_id: 'open-id-so-tttt',
          refresh_token: state.refreshToken,
          refresh_expires_in: 31_536_000,
          scope: 'user.info.basic,video.publish,video.list',
          token_type: 'Bearer',
        },
      }
    }

    const token = bearerToken(req)
    if (!token || !((accepted.get(token) ?? 0) > Date.now()))
      return tiktokError(
        401,
        'access_token_invalid',
        'The access token is invalid or not found in the request.',
      )
    if (req.method !== 'POST') return invalid(`Method ${req.method} is not supported.`)
    let body: Record<string, any> = {}
    if (req.body) {
      try {
        body = JSON.parse(req.body)
      } catch {
        return invalid('Request body is not valid JSON.')
      }
    }

    if (url.pathname === '/v2/post/publish/creator_info/query/') {
      if (overLimit(token, 'creator_info', 20)) return rateLimited()
      return reply(200, creator)
    }

    if (
      url.pathname === '/v2/post/publish/video/init/' ||
      url.pathname === '/v2/post/publish/content/init/'
    ) {
      if (overLimit(token, 'init', 6)) return rateLimited()
      const photo = url.pathname.endsWith('/content/init/')
      const postInfo = body.post_info ?? {}
      const sourceInfo = body.source_info ?? {}
      if (!PRIVACY.includes(postInfo.privacy_level))
        return invalid('post_info.privacy_level is invalid.')
      if (!creator.privacy_level_options.includes(postInfo.privacy_level))
        return tiktokError(
          403,
          'privacy_level_option_mismatch',
          'privacy_level is not one of the options returned by creator_info.',
        )
      let upload_url: string | undefined
      if (photo) {
        if (
          body.media_type !== 'PHOTO' ||
          !['DIRECT_POST', 'MEDIA_UPLOAD'].includes(body.post_mode)
        )
          return invalid('media_type must be PHOTO and post_mode DIRECT_POST or MEDIA_UPLOAD.')
        if (typeof postInfo.title === 'string' && postInfo.title.length > 90)
          return invalid('post_info.title exceeds 90 characters.')
        if (typeof postInfo.description === 'string' && postInfo.description.length > 4000)
          return invalid('post_info.description exceeds 4000 characters.')
        const images: unknown[] = sourceInfo.photo_images ?? []
        if (sourceInfo.source !== 'PULL_FROM_URL' || !images.length || images.length > 35)
          return invalid('source_info.photo_images must hold 1 to 35 URLs pulled from a URL.')
        if (images.some((u) => /\.png($|\?)/i.test(String(u))))
          return invalid('Photo format PNG is not supported; use JPEG or WEBP.')
        if (images.some((u) => !verifiedPrefixes.some((p) => String(u).startsWith(p))))
          return tiktokError(
            403,
            'url_ownership_unverified',
            'The photo URL domain is not verified.',
          )
      } else {
        if (typeof postInfo.title === 'string' && postInfo.title.length > 2200)
          return invalid('post_info.title exceeds 2200 UTF-16 runes.')
        if (sourceInfo.source === 'PULL_FROM_URL') {
          if (!verifiedPrefixes.some((p) => String(sourceInfo.video_url ?? '').startsWith(p)))
            return tiktokError(
              403,
              'url_ownership_unverified',
              'The video URL domain is not verified.',
            )
        } else if (sourceInfo.source === 'FILE_UPLOAD') {
          const size = Number(sourceInfo.video_size)
          const chunk = Number(sourceInfo.chunk_size)
          const count = Number(sourceInfo.total_chunk_count)
          const whole = size < MIN_CHUNK ? chunk === size && count === 1 : true
          const sized =
            size >= MIN_CHUNK
              ? chunk >= MIN_CHUNK && chunk <= MAX_CHUNK && count === Math.floor(size / chunk)
              : true
          if (!(size > 0) || !whole || !sized || count < 1 || count > 1000)
            return invalid(
              'source_info chunk_size / total_chunk_count do not follow the chunk rules.',
            )
        } else return invalid('source_info.source must be FILE_UPLOAD or PULL_FROM_URL.')
      }
      const publishId = `v_pub_${photo ? 'photo' : 'url'}~v2-1.${Date.now()}${posts.length}`
      const post: TikTokPost = {
        publishId,
        kind: photo ? 'photo' : 'video',
        source: sourceInfo.source,
        postInfo,
        sourceInfo,
        status: sourceInfo.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
        pollsLeft: state.processingPolls,
        failReason: state.failNext ?? undefined,
        uploaded: 0,
        chunks: [],
        createdAt: Date.now(),
      }
      state.failNext = null
      posts.push(post)
      if (sourceInfo.source === 'FILE_UPLOAD') upload_url = `${server.url}${uploadPath}${publishId}`
      return reply(200, { publish_id: publishId, ...(upload_url ? { upload_url } : {}) })
    }

    if (url.pathname === '/v2/post/publish/status/fetch/') {
      if (overLimit(token, 'status', 30)) return rateLimited()
      const post = posts.find((p) => p.publishId === body.publish_id)
      if (!post) return invalid('publish_id does not exist.')
      if (processing(post)) {
        if (post.pollsLeft > 0) post.pollsLeft--
        else finish(post)
      }
      const bytes =
        post.source === 'FILE_UPLOAD'
          ? { uploaded_bytes: post.uploaded }
          : { downloaded_bytes: post.status === 'PROCESSING_DOWNLOAD' ? 1024 : 2048 }
      return reply(200, {
        status: post.status,
        ...(post.status === 'FAILED' ? { fail_reason: post.failReason } : {}),
        publicaly_available_post_id: post.postId ? [post.postId] : [],
        ...bytes,
      })
    }

    // Display API video.list: the account's public posts, newest first, 1-20 a page, by create_time cursor (ms).
    if (url.pathname === '/v2/video/list/') {
      const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean)
      if (!fields.length) return invalid('fields is required.')
      const max = Number(body.max_count ?? 10)
      if (!(max >= 1 && max <= 20)) return invalid('max_count must be between 1 and 20.')
      settle()
      const listed = posts
        .filter((p) => p.status === 'PUBLISH_COMPLETE' && p.postId && !p.deleted)
        .filter((p) => !body.cursor || p.createdAt < Number(body.cursor))
        .reverse()
      const page = listed.slice(0, max)
      const videos = page.map((p) => {
        const all: Record<string, unknown> = {
          id: p.postId,
          create_time: Math.floor(p.createdAt / 1000),
          title:
            p.kind === 'photo' ? p.postInfo.title : String(p.postInfo.title ?? '').slice(0, 150),
          video_description: p.kind === 'photo' ? p.postInfo.description : p.postInfo.title,
          share_url: `https://www.tiktok.com/@${creator.creator_username}/video/${p.postId}`,
        }
        return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]))
      })
      return reply(200, {
        videos,
        cursor: page.length ? page[page.length - 1].createdAt : 0,
        has_more: listed.length > max,
      })
    }

    if (url.pathname === '/v2/video/query/') {
      if (overLimit(token, 'video_query', options.videoQueryLimit ?? 600)) return rateLimited()
      const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean)
      if (!fields.length) return invalid('fields is required.')
      const ids: unknown[] = body.filters?.video_ids ?? []
      if (!Array.isArray(ids) || !ids.length || ids.length > 20)
        return invalid('filters.video_ids must hold 1 to 20 ids.')
      const videos = ids
        .map(String)
        .filter((id) => stats.has(id))
        .map((id) => {
          const all: Record<string, unknown> = { id, ...stats.get(id) }
          return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]))
        })
      return reply(200, { videos, cursor: 0, has_more: false })
    }

    return tiktokError(404, 'invalid_params', `Unknown path ${url.pathname}.`)
  }

  const server: FakeServer = await startFakeServer(handler, { latencyMs: options.latencyMs })
  return {
    ...server,
    apiBaseUrl: server.url,
    get token() {
      return state.token
    },
    set token(value: string) {
      accepted.clear()
      accepted.set(value, Date.now() + lifetimeMs)
      state.token = value
    },
    clientKey: client.key,
    clientSecret: client.secret,
    get refreshToken() {
      return state.refreshToken
    },
    get refreshes() {
      return state.refreshes
    },
    posts,
    published: () => posts.filter((p) => p.status === 'PUBLISH_COMPLETE'),
    creator,
    verifiedPrefixes,
    get processingPolls() {
      return state.processingPolls
    },
    set processingPolls(n: number) {
      state.processingPolls = n
    },
    get settleMs() {
      return state.settleMs
    },
    set settleMs(ms: number | undefined) {
      state.settleMs = ms
    },
    failNextPost(reason) {
      state.failNext = reason
    },
    expireTokens() {
      for (const t of accepted.keys()) accepted.set(t, Date.now() - 1)
    },
    revokeGrant() {
      state.refreshToken = `revoked:${state.refreshToken}`
      accepted.clear()
    },
    grantAgain() {
      state.refreshToken = `rft.${randomUUID()}`
      return state.refreshToken
    },
    stats,
    callsTo: (path) => server.requests.filter((r) => new URL(r.path, 'http://f').pathname === path),
    rateLimitNext(times = 1) {
      server.inject(
        {
          kind: 'status',
          status: 429,
          body: rateLimited().body,
        },
        times,
      )
    },
  }
}
