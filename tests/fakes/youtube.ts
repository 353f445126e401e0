import { randomUUID } from 'node:crypto'
import { bearerToken } from './facebook'
import { startFakeServer, type FakeServer, type RecordedRequest } from './fakeServer'

/**
 * The YouTube Data API v3 `videos.update` call the YouTube adapter makes:
 *
 *   PUT /youtube/v3/videos?part=snippet,status   Authorization: Bearer <token>   { id, snippet, status }
 *
 * answers with the updated video resource. Errors use Google's error body
 * `{ error: { code, message, errors: [{ domain, reason, message }], status } }`: 401 authError for a bad
 * or expired token, 403 quotaExceeded (see `quotaExceeded`), 404 videoNotFound for an id the channel
 * does not own, 400 for invalid metadata (title, category, a publishAt that is not private or not ahead).
 *
 * Beside it, on its own loopback server as Google has it on its own host, the OAuth 2.0 token
 * endpoint's refresh_token grant:
 *
 *   POST /token   application/x-www-form-urlencoded   grant_type=refresh_token&client_id&client_secret&refresh_token
 *
 * answers `{ access_token, expires_in, scope, token_type: 'Bearer' }`; errors are
 * `{ error, error_description }`: 400 invalid_grant for a revoked or unknown refresh token, 401
 * invalid_client for an unknown client or wrong secret, 400 invalid_request / unsupported_grant_type.
 */
export type YoutubeVideo = {
  kind: 'youtube#video'
  etag: string
  id: string
  snippet: Record<string, any>
  status: Record<string, any>
}

export type FakeYoutube = FakeServer & {
  /** The OAuth access token accepted now (the latest issued); setting it makes it the only one accepted. */
  token: string
  /** The channel's videos, by id; `update` calls change them. */
  videos: Map<string, YoutubeVideo>
  /** Successful updates, in order: the body the adapter sent. */
  updates: { id: string; snippet: Record<string, any>; status: Record<string, any> }[]
  apiBaseUrl: string
  addVideo: (id: string) => YoutubeVideo
  /** The next `times` calls meet 403 quotaExceeded (the daily quota is spent). */
  quotaExceeded: (times?: number) => void
  /** What videos.list part=statistics reports for a video (strings of digits, as the API sends them). */
  statistics: Map<string, { viewCount: number; likeCount: number; commentCount: number }>
  /** The token endpoint's server (its requests, failure injection). */
  oauth: FakeServer
  oauthBaseUrl: string
  /** The OAuth client the token endpoint knows, and the refresh token it honours now. */
  clientId: string
  clientSecret: string
  refreshToken: string
  /** Access tokens the token endpoint issued, in order. */
  issued: string[]
  /** Successful refresh_token grants so far. */
  readonly refreshes: number
  /** The hour went by: every access token accepted so far has expired (YouTube answers 401). */
  expireTokens: () => void
  /** The account revoked the app: the refresh token meets invalid_grant and its access tokens stop working. */
  revokeGrant: () => void
  /** The account grants access again (an admin re-authorises): a new refresh token, returned. */
  grantAgain: () => string
}

export const googleError = (
  code: number,
  reason: string,
  message: string,
  domain = 'youtube.video',
  status?: string,
) => ({
  error: { code, message, errors: [{ message, domain, reason }], ...(status ? { status } : {}) },
})

const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
}
const err = (code: number, reason: string, message: string, domain?: string) => ({
  status: code,
  body: googleError(code, reason, message, domain, STATUS_TEXT[code]),
})

const NO_STORE = {
  'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
  pragma: 'no-cache',
}
const oauthError = (status: number, error: string, description: string) => ({
  status,
  body: { error, error_description: description },
  headers: NO_STORE,
})

export async function startFakeYoutube(options: {
  token: string
  videoIds?: string[]
  channelId?: string
  latencyMs?: number
}): Promise<FakeYoutube> {
  /** Google's access tokens: expires_in 3599. */
  const lifetimeMs = 3599 * 1000
  /** Accepted access tokens and when each expires (ms). */
  const accepted = new Map<string, number>([[options.token, Date.now() + lifetimeMs]])
  const state = { token: options.token, refreshToken: `1//0g-lam-moi-${randomUUID()}` }
  const issued: string[] = []
  const client = {
    id: `${randomUUID()}.apps.googleusercontent.com`,
    secret: `GOCSPX-${randomUUID()}`,
  }
  const channelId = options.channelId ?? 'UCfakeChannel0000000000'
  const videos = new Map<string, YoutubeVideo>()
  const updates: FakeYoutube['updates'] = []
  const statistics: FakeYoutube['statistics'] = new Map()
  let etag = 0

  const addVideo = (id: string): YoutubeVideo => {
    const video: YoutubeVideo = {
      kind: 'youtube#video',
      etag: `etag-${++etag}`,
      id,
      snippet: {
        publishedAt: new Date().toISOString(),
        channelId,
        title: `Tải lên ${id}`,
        description: '',
        categoryId: '22',
        tags: [],
      },
      status: {
        uploadStatus: 'processed',
        privacyStatus: 'private',
        license: 'youtube',
        embeddable: true,
        publicStatsViewable: true,
      },
    }
    videos.set(id, video)
    return video
  }
  for (const id of options.videoIds ?? []) addVideo(id)

  /**
   * videos.list: `GET /youtube/v3/videos?part=snippet,status,statistics&id=a,b` (≤ 50 ids) → `{ kind:
   * 'youtube#videoListResponse', items: [{ id, statistics: { viewCount: '…', likeCount, favoriteCount,
   * commentCount } }], pageInfo }`; ids the channel does not have are simply absent.
   */
  const listVideos = (req: RecordedRequest, url: URL) => {
    const token = bearerToken(req)
    if (!token || !((accepted.get(token) ?? 0) > Date.now()))
      return err(401, 'authError', 'Request had invalid authentication credentials.', 'global')
    const parts = (url.searchParams.get('part') ?? '').split(',').filter(Boolean)
    if (!parts.length) return err(400, 'required', 'Required parameter: part', 'global')
    const ids = (url.searchParams.get('id') ?? '').split(',').filter(Boolean)
    if (ids.length > 50)
      return err(
        400,
        'invalidValue',
        'Invalid value for id: more than 50 ids.',
        'youtube.parameter',
      )
    const items = ids
      .filter((id) => videos.has(id))
      .map((id) => {
        const st = statistics.get(id) ?? { viewCount: 0, likeCount: 0, commentCount: 0 }
        return {
          kind: 'youtube#video',
          etag: videos.get(id)!.etag,
          id,
          ...(parts.includes('snippet') ? { snippet: videos.get(id)!.snippet } : {}),
          ...(parts.includes('status') ? { status: videos.get(id)!.status } : {}),
          ...(parts.includes('statistics')
            ? {
                statistics: {
                  viewCount: String(st.viewCount),
                  likeCount: String(st.likeCount),
                  favoriteCount: '0',
                  commentCount: String(st.commentCount),
                },
              }
            : {}),
        }
      })
    return {
      status: 200,
      body: {
        kind: 'youtube#videoListResponse',
        etag: `etag-list-${etag}`,
        items,
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      },
    }
  }

  const server = await startFakeServer(
    (req) => {
      const url = new URL(req.path, 'http://fake')
      if (url.pathname !== '/youtube/v3/videos') return err(404, 'notFound', 'Not Found', 'global')
      if (req.method === 'GET') return listVideos(req, url)
      if (req.method !== 'PUT')
        return err(400, 'badRequest', `Method ${req.method} not handled here.`, 'global')
      const token = bearerToken(req)
      if (!token || !((accepted.get(token) ?? 0) > Date.now())) {
        return {
          status: 401,
          body: {
            error: {
              code: 401,
              message:
                'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
              errors: [
                {
                  message: 'Invalid Credentials',
                  domain: 'global',
                  reason: 'authError',
                  location: 'Authorization',
                  locationType: 'header',
                },
              ],
              status: 'UNAUTHENTICATED',
            },
          },
          headers: {
            'WWW-Authenticate':
              'Bearer realm="https://accounts.google.com/", error="invalid_token"',
          },
        }
      }
      const parts = (url.searchParams.get('part') ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
      if (!parts.length) return err(400, 'required', 'Required parameter: part', 'global')
      let body: Record<string, any>
      try {
        body = JSON.parse(req.body)
      } catch {
        return err(400, 'parseError', 'Parse Error', 'global')
      }
      if (!body.id) return err(400, 'required', 'Required parameter: id', 'global')
      const video = videos.get(String(body.id))
      if (!video)
        return err(
          404,
          'videoNotFound',
          'The video that you are trying to update cannot be found. Check the value of the id field in the request body to ensure that it is correct.',
        )

      const snippet = parts.includes('snippet') ? (body.snippet ?? {}) : undefined
      const status = parts.includes('status') ? (body.status ?? {}) : undefined
      if (snippet) {
        if (
          typeof snippet.title !== 'string' ||
          !snippet.title.trim() ||
          snippet.title.length > 100 ||
          /[<>]/.test(snippet.title)
        ) {
          return err(
            400,
            'invalidTitle',
            'The request metadata specifies an invalid or empty video title.',
          )
        }
        if (!snippet.categoryId)
          return err(
            400,
            'invalidCategoryId',
            'The snippet.categoryId property specifies an invalid category ID.',
          )
        if (
          typeof snippet.description === 'string' &&
          (snippet.description.length > 5000 || /[<>]/.test(snippet.description))
        ) {
          return err(
            400,
            'invalidDescription',
            'The request metadata specifies an invalid video description.',
          )
        }
        if (Array.isArray(snippet.tags) && snippet.tags.join(',').length > 500)
          return err(400, 'invalidTags', 'The request metadata specifies invalid video keywords.')
      }
      if (status) {
        if (!['public', 'private', 'unlisted'].includes(status.privacyStatus))
          return err(400, 'invalidVideoMetadata', 'The request metadata is invalid.')
        if (status.publishAt !== undefined) {
          const at = Date.parse(status.publishAt)
          if (status.privacyStatus !== 'private' || Number.isNaN(at) || at <= Date.now()) {
            return err(
              400,
              'invalidPublishAt',
              'The request metadata specifies an invalid scheduled publishing time.',
            )
          }
        }
      }
      if (snippet) video.snippet = { ...video.snippet, ...snippet, channelId }
      if (status) video.status = { ...video.status, ...status }
      if (status && status.publishAt === undefined) delete video.status.publishAt
      video.etag = `etag-${++etag}`
      updates.push({ id: video.id, snippet: snippet ?? {}, status: status ?? {} })
      return { status: 200, body: video }
    },
    { latencyMs: options.latencyMs },
  )

  const oauth = await startFakeServer((req) => {
    if (new URL(req.path, 'http://fake').pathname !== '/token')
      return { status: 404, body: { error: 'not_found' } }
    if (req.method !== 'POST')
      return oauthError(400, 'invalid_request', `Method ${req.method} not allowed; use POST.`)
    if (
      !String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    ) {
      return oauthError(
        400,
        'invalid_request',
        'Request must be application/x-www-form-urlencoded.',
      )
    }
    const form = new URLSearchParams(req.body)
    if (form.get('grant_type') !== 'refresh_token')
      return oauthError(
        400,
        'unsupported_grant_type',
        `Invalid grant_type: ${form.get('grant_type') ?? ''}`,
      )
    if (form.get('client_id') !== client.id)
      return oauthError(401, 'invalid_client', 'The OAuth client was not found.')
    if (form.get('client_secret') !== client.secret)
      return oauthError(401, 'invalid_client', 'Unauthorized')
    if (!form.get('refresh_token'))
      return oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token')
    if (form.get('refresh_token') !== state.refreshToken)
      return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.')
    const accessToken = `ya29.a0-lam-moi-${issued.length + 1}-${randomUUID()}`
    accepted.set(accessToken, Date.now() + lifetimeMs)
    issued.push(accessToken)
    state.token = accessToken
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: lifetimeMs / 1000,
        scope: 'https://www.googleapis.com/auth/youtube',
        token_type: 'Bearer',
      },
      headers: NO_STORE,
    }
  })

  return {
    ...server,
    close: async () => {
      await Promise.all([server.close(), oauth.close()])
    },
    videos,
    updates,
    statistics,
    apiBaseUrl: server.url,
    addVideo,
    get token() {
      return state.token
    },
    set token(value: string) {
      accepted.clear()
      accepted.set(value, Date.now() + lifetimeMs)
      state.token = value
    },
    oauth,
    oauthBaseUrl: oauth.url,
    clientId: client.id,
    clientSecret: client.secret,
    get refreshToken() {
      return state.refreshToken
    },
    issued,
    get refreshes() {
      return issued.length
    },
    expireTokens() {
      for (const token of accepted.keys()) accepted.set(token, Date.now() - 1)
    },
    revokeGrant() {
      state.refreshToken = `revoked:${state.refreshToken}`
      accepted.clear()
    },
    grantAgain() {
      state.refreshToken = `1//0g-lam-moi-${randomUUID()}`
      return state.refreshToken
    },
    quotaExceeded(times = 1) {
      server.inject(
        {
          kind: 'status',
          status: 403,
          body: googleError(
            403,
            'quotaExceeded',
            'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
            'youtube.quota',
            'PERMISSION_DENIED',
          ),
        },
        times,
      )
    },
  }
}
