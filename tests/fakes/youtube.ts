import { bearerToken } from './facebook'
import { startFakeServer, type FakeServer } from './fakeServer'

/**
 * The YouTube Data API v3 `videos.update` call the YouTube adapter makes:
 *
 *   PUT /youtube/v3/videos?part=snippet,status   Authorization: Bearer <token>   { id, snippet, status }
 *
 * answers with the updated video resource. Errors use Google's error body
 * `{ error: { code, message, errors: [{ domain, reason, message }], status } }`: 401 authError for a bad
 * token, 403 quotaExceeded (see `quotaExceeded`), 404 videoNotFound for an id the channel does not own,
 * 400 for invalid metadata (title, category, a publishAt that is not private or not ahead).
 */
export type YoutubeVideo = {
  kind: 'youtube#video'
  etag: string
  id: string
  snippet: Record<string, any>
  status: Record<string, any>
}

export type FakeYoutube = FakeServer & {
  /** The OAuth access token accepted now; change it to simulate a revoked grant. */
  token: string
  /** The channel's videos, by id; `update` calls change them. */
  videos: Map<string, YoutubeVideo>
  /** Successful updates, in order: the body the adapter sent. */
  updates: { id: string; snippet: Record<string, any>; status: Record<string, any> }[]
  apiBaseUrl: string
  addVideo: (id: string) => YoutubeVideo
  /** The next `times` calls meet 403 quotaExceeded (the daily quota is spent). */
  quotaExceeded: (times?: number) => void
}

export const googleError = (code: number, reason: string, message: string, domain = 'youtube.video', status?: string) => ({
  error: { code, message, errors: [{ message, domain, reason }], ...(status ? { status } : {}) },
})

const STATUS_TEXT: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND' }
const err = (code: number, reason: string, message: string, domain?: string) => ({ status: code, body: googleError(code, reason, message, domain, STATUS_TEXT[code]) })

export async function startFakeYoutube(options: { token: string; videoIds?: string[]; channelId?: string; latencyMs?: number }): Promise<FakeYoutube> {
  const state = { token: options.token }
  const channelId = options.channelId ?? 'UCfakeChannel0000000000'
  const videos = new Map<string, YoutubeVideo>()
  const updates: FakeYoutube['updates'] = []
  let etag = 0

  const addVideo = (id: string): YoutubeVideo => {
    const video: YoutubeVideo = {
      kind: 'youtube#video',
      etag: `etag-${++etag}`,
      id,
      snippet: { publishedAt: new Date().toISOString(), channelId, title: `Tải lên ${id}`, description: '', categoryId: '22', tags: [] },
      status: { uploadStatus: 'processed', privacyStatus: 'private', license: 'youtube', embeddable: true, publicStatsViewable: true },
    }
    videos.set(id, video)
    return video
  }
  for (const id of options.videoIds ?? []) addVideo(id)

  const server = await startFakeServer((req) => {
    const url = new URL(req.path, 'http://fake')
    if (url.pathname !== '/youtube/v3/videos') return err(404, 'notFound', 'Not Found', 'global')
    if (req.method !== 'PUT') return err(400, 'badRequest', `Method ${req.method} not handled here.`, 'global')
    const token = bearerToken(req)
    if (!token || token !== state.token) {
      return {
        status: 401,
        body: {
          error: {
            code: 401,
            message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
            errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
            status: 'UNAUTHENTICATED',
          },
        },
        headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      }
    }
    const parts = (url.searchParams.get('part') ?? '').split(',').map((p) => p.trim()).filter(Boolean)
    if (!parts.length) return err(400, 'required', 'Required parameter: part', 'global')
    let body: Record<string, any>
    try {
      body = JSON.parse(req.body)
    } catch {
      return err(400, 'parseError', 'Parse Error', 'global')
    }
    if (!body.id) return err(400, 'required', 'Required parameter: id', 'global')
    const video = videos.get(String(body.id))
    if (!video) return err(404, 'videoNotFound', 'The video that you are trying to update cannot be found. Check the value of the id field in the request body to ensure that it is correct.')

    const snippet = parts.includes('snippet') ? (body.snippet ?? {}) : undefined
    const status = parts.includes('status') ? (body.status ?? {}) : undefined
    if (snippet) {
      if (typeof snippet.title !== 'string' || !snippet.title.trim() || snippet.title.length > 100 || /[<>]/.test(snippet.title)) {
        return err(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.')
      }
      if (!snippet.categoryId) return err(400, 'invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.')
      if (typeof snippet.description === 'string' && (snippet.description.length > 5000 || /[<>]/.test(snippet.description))) {
        return err(400, 'invalidDescription', 'The request metadata specifies an invalid video description.')
      }
      if (Array.isArray(snippet.tags) && snippet.tags.join(',').length > 500) return err(400, 'invalidTags', 'The request metadata specifies invalid video keywords.')
    }
    if (status) {
      if (!['public', 'private', 'unlisted'].includes(status.privacyStatus)) return err(400, 'invalidVideoMetadata', 'The request metadata is invalid.')
      if (status.publishAt !== undefined) {
        const at = Date.parse(status.publishAt)
        if (status.privacyStatus !== 'private' || Number.isNaN(at) || at <= Date.now()) {
          return err(400, 'invalidPublishAt', 'The request metadata specifies an invalid scheduled publishing time.')
        }
      }
    }
    if (snippet) video.snippet = { ...video.snippet, ...snippet, channelId }
    if (status) video.status = { ...video.status, ...status }
    if (status && status.publishAt === undefined) delete video.status.publishAt
    video.etag = `etag-${++etag}`
    updates.push({ id: video.id, snippet: snippet ?? {}, status: status ?? {} })
    return { status: 200, body: video }
  }, { latencyMs: options.latencyMs })

  return {
    ...server,
    videos,
    updates,
    apiBaseUrl: server.url,
    addVideo,
    get token() {
      return state.token
    },
    set token(value: string) {
      state.token = value
    },
    quotaExceeded(times = 1) {
      server.inject(
        {
          kind: 'status',
          status: 403,
          body: googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota', 'PERMISSION_DENIED'),
        },
        times,
      )
    },
  }
}
