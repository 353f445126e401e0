import { startFakeServer, type FakeServer, type RecordedRequest } from './fakeServer'

/**
 * A Facebook Page on the Graph API, as the page adapter meets it:
 *
 * - `POST /{version}/{page-id}/feed` (message, link) → `{ id: '{page}_{n}' }`
 * - `POST /{version}/{page-id}/photos` (url, caption) → `{ id, post_id: '{page}_{n}' }`
 *
 * Parameters may come as JSON, as a form, or in the query string (Graph accepts all three). The page
 * token is read from `Authorization: Bearer …` (or an `access_token` parameter); a wrong one gets
 * Graph's real answer, HTTP 400 with an OAuthException code 190. Errors always carry Graph's
 * `{ error: { message, type, code, fbtrace_id } }` body.
 */
export type FacebookPost = {
  id: string
  postId: string
  pageId: string
  edge: 'feed' | 'photos'
  fields: Record<string, unknown>
  /** Unix seconds, as Graph's `created_time` is derived from. */
  createdTime: number
  /** Deleted through `DELETE /{post-id}`: gone from the page and from reads. */
  deleted?: boolean
}

export type FakeFacebook = FakeServer & {
  version: string
  pageId: string
  /** The token the page accepts now; change it to simulate an expired or revoked page token. */
  token: string
  /** Posts created so far, in order. */
  posts: FacebookPost[]
  /** Base URL for a channel's `settings.apiBaseUrl` (the fake's URL and the API version). */
  apiBaseUrl: string
  /** The next `times` calls meet a Graph rate limit (code 4 application, 32 page, 613 custom). */
  rateLimit: (
    code?: 4 | 17 | 32 | 613,
    options?: { times?: number; status?: number; retryAfterSeconds?: number },
  ) => void
  /** The next call is refused as a bad request (code 100, invalid parameter): permanent. */
  rejectNext: (message?: string) => void
  /** Figures a post's reads report (by post id; a post not listed reports zeros). */
  engagement: Map<string, PostFigures>
}

/** What the Graph reports for a post: reactions/comments summaries, shares, and two lifetime insights. */
export type PostFigures = {
  views: number
  reach: number
  reactions: number
  comments: number
  shares: number
}

/**
 * `GET /{version}/{page-id}/published_posts?fields=…&since=…&limit=…&after=…`: the page's posts, newest
 * first, `{ data: [{ id, message, created_time, attachments: { data: [{ unshimmed_url, url }] } }],
 * paging: { cursors: { before, after }, next? } }`. A photo post's message is its caption; a link
 * post's attachment keeps the link as sent (`unshimmed_url`; `url` is Facebook's l.php redirect).
 */
function publishedPosts(url: URL, params: Record<string, unknown>, posts: FacebookPost[]) {
  const limit = Math.min(Number(params.limit ?? 25), 100)
  if (!(limit >= 1))
    return { status: 400, body: graphError(100, '(#100) limit must be a positive number') }
  const since = params.since === undefined ? 0 : Number(params.since)
  const listed = posts.filter((p) => !p.deleted && p.createdTime >= since).reverse()
  const offset = params.after ? Number(Buffer.from(String(params.after), 'base64').toString()) : 0
  const page = listed.slice(offset, offset + limit)
  const fields = String(params.fields ?? 'id,created_time,message')
  const data = page.map((p) => {
    const out: Record<string, unknown> = { id: p.postId }
    if (fields.includes('created_time'))
      out.created_time = new Date(p.createdTime * 1000).toISOString().replace('.000Z', '+0000')
    const message = p.edge === 'photos' ? p.fields.caption : p.fields.message
    if (/(^|,)message(,|$)/.test(fields) && message) out.message = message
    if (fields.includes('attachments') && p.edge === 'feed' && p.fields.link)
      out.attachments = {
        data: [
          {
            unshimmed_url: p.fields.link,
            url: `https://l.facebook.com/l.php?u=${encodeURIComponent(String(p.fields.link))}`,
            type: 'share',
          },
        ],
      }
    return out
  })
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64')
  const more = offset + limit < listed.length
  const next = new URL(url.toString())
  next.searchParams.set('after', cursor(offset + limit))
  return {
    status: 200,
    body: {
      data,
      paging: {
        cursors: { before: cursor(offset), after: cursor(offset + limit) },
        ...(more ? { next: next.toString() } : {}),
      },
    },
  }
}

/** The insights metrics a post still has (post_impressions* were deprecated in 2025). */
const POST_METRICS = ['post_media_view', 'post_total_media_view_unique', 'post_clicks']

/**
 * `GET /{version}/?ids=a,b&fields=…`: Graph's multiple-ID read, with field expansion
 * (`reactions.summary(total_count).limit(0)`, `insights.metric(m1,m2)`): an object keyed by id.
 */
function readPosts(
  params: Record<string, unknown>,
  known: (id: string) => boolean,
  figures: (id: string) => PostFigures,
) {
  const ids = String(params.ids ?? '')
    .split(',')
    .filter(Boolean)
  if (!ids.length || ids.length > 50)
    return {
      status: 400,
      body: graphError(100, '(#100) ids must hold 1 to 50 ids', 'OAuthException'),
    }
  const missing = ids.filter((id) => !known(id))
  if (missing.length)
    return {
      status: 404,
      body: graphError(
        803,
        `(#803) Some of the aliases you requested do not exist: ${missing.join(',')}`,
        'OAuthException',
      ),
    }
  const fields = String(params.fields ?? '')
  const metrics = fields
    .match(/insights\.metric\(([^)]*)\)/)?.[1]
    ?.split(',')
    .map((m) => m.trim())
  const invalid = metrics?.find((m) => !POST_METRICS.includes(m))
  if (invalid)
    return {
      status: 400,
      body: graphError(
        100,
        `(#100) The value must be a valid insights metric: ${invalid}`,
        'OAuthException',
      ),
    }
  const out: Record<string, unknown> = {}
  for (const id of ids) {
    const f = figures(id)
    const post: Record<string, unknown> = { id }
    if (/(^|,)shares(,|$)/.test(fields) && f.shares) post.shares = { count: f.shares }
    if (fields.includes('reactions'))
      post.reactions = { data: [], summary: { total_count: f.reactions, viewer_reaction: 'NONE' } }
    if (fields.includes('comments'))
      post.comments = {
        data: [],
        summary: { order: 'ranked', total_count: f.comments, can_comment: true },
      }
    if (metrics)
      post.insights = {
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [
            {
              value:
                name === 'post_media_view'
                  ? f.views
                  : name === 'post_total_media_view_unique'
                    ? f.reach
                    : 0,
            },
          ],
          title: name,
          description: `Lifetime: ${name}`,
          id: `${id}/insights/${name}/lifetime`,
        })),
        paging: { previous: '', next: '' },
      }
    out[id] = post
  }
  return { status: 200, body: out }
}

export type GraphErrorBody = {
  error: {
    message: string
    type: string
    code: number
    error_subcode?: number
    is_transient?: boolean
    fbtrace_id: string
  }
}

const trace = () => `A${Math.random().toString(36).slice(2, 12)}`

export const graphError = (
  code: number,
  message: string,
  type = 'OAuthException',
  extra: Partial<GraphErrorBody['error']> = {},
): GraphErrorBody => ({
  error: { message, type, code, ...extra, fbtrace_id: trace() },
})

const RATE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
}

/** The request's parameters, whatever way they were sent. */
export function graphParams(req: RecordedRequest): Record<string, unknown> {
  const url = new URL(req.path, 'http://fake')
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams)
  const type = String(req.headers['content-type'] ?? '')
  if (!req.body) return params
  if (type.includes('application/json')) {
    try {
      return { ...params, ...(JSON.parse(req.body) as Record<string, unknown>) }
    } catch {
      return { ...params, __invalidJson: true }
    }
  }
  if (type.includes('application/x-www-form-urlencoded'))
    return { ...params, ...Object.fromEntries(new URLSearchParams(req.body)) }
  return params
}

export function bearerToken(req: RecordedRequest): string | undefined {
  const m = String(req.headers.authorization ?? '').match(/^Bearer\s+(.+)$/i)
  return m?.[1]
}

export async function startFakeFacebook(options: {
  token: string
  pageId?: string
  version?: string
  latencyMs?: number
}): Promise<FakeFacebook> {
  const version = options.version ?? 'v21.0'
  const pageId = options.pageId ?? '104857600123456'
  const posts: FacebookPost[] = []
  const engagement = new Map<string, PostFigures>()
  let n = 0
  const state = { token: options.token }
  const now = () => Math.floor(Date.now() / 1000)

  const server: FakeServer = await startFakeServer(
    (req) => {
      const url = new URL(req.path, 'http://fake')
      const params = graphParams(req)
      if (params.__invalidJson)
        return {
          status: 400,
          body: graphError(100, 'Invalid JSON in request body', 'GraphMethodException'),
        }
      const token =
        bearerToken(req) ??
        (typeof params.access_token === 'string' ? params.access_token : undefined)
      if (!token)
        return {
          status: 400,
          body: graphError(
            2500,
            'An active access token must be used to query information about the current user.',
          ),
        }
      if (token !== state.token) {
        return {
          status: 400,
          body: graphError(
            190,
            'Invalid OAuth access token - Cannot parse access token',
            'OAuthException',
          ),
        }
      }
      if (req.method === 'GET' && url.pathname === `/${version}/` && params.ids !== undefined)
        return readPosts(
          params,
          (id) => posts.some((p) => p.postId === id),
          (id) =>
            engagement.get(id) ?? { views: 0, reach: 0, reactions: 0, comments: 0, shares: 0 },
        )
      const listing = url.pathname.match(/^\/(v\d+\.\d+)\/([^/]+)\/published_posts\/?$/)
      if (req.method === 'GET' && listing) {
        if (decodeURIComponent(listing[2]) !== pageId)
          return { status: 400, body: graphError(100, `Unknown page ${listing[2]}`) }
        // Graph's `next` links point at graph.facebook.com; ours at this fake (the adapter follows them as given).
        return publishedPosts(new URL(req.path, server.url), params, posts)
      }
      // DELETE /{version}/{post-id} → { success: true }; a post already gone is Graph's 100/33.
      const one = url.pathname.match(/^\/(v\d+\.\d+)\/(\d+_\d+)\/?$/)
      if (req.method === 'DELETE' && one) {
        const post = posts.find((p) => p.postId === one[2] && !p.deleted)
        if (!post)
          return {
            status: 400,
            body: graphError(
              100,
              `Unsupported delete request. Object with ID '${one[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
              'GraphMethodException',
              { error_subcode: 33 },
            ),
          }
        post.deleted = true
        return { status: 200, body: { success: true } }
      }
      const m = url.pathname.match(/^\/(v\d+\.\d+)\/([^/]+)\/(feed|photos)\/?$/)
      if (!m || req.method !== 'POST') {
        return {
          status: 400,
          body: graphError(100, `Unknown path components: ${url.pathname}`, 'OAuthException'),
        }
      }
      const [, v, page, edge] = m
      if (v !== version)
        return {
          status: 400,
          body: graphError(
            2635,
            `You are calling a deprecated version of the Ads API. Please update to the latest version: ${version}.`,
          ),
        }
      if (decodeURIComponent(page) !== pageId) {
        return {
          status: 400,
          body: graphError(
            100,
            `Unsupported post request. Object with ID '${page}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
            'GraphMethodException',
            { error_subcode: 33 },
          ),
        }
      }
      const postId = `${pageId}_${1_000_000_000 + ++n}`
      if (edge === 'feed') {
        if (!params.message && !params.link)
          return { status: 400, body: graphError(100, 'Invalid parameter', 'OAuthException') }
        posts.push({ id: postId, postId, pageId, edge: 'feed', fields: params, createdTime: now() })
        return { status: 200, body: { id: postId } }
      }
      if (!params.url)
        return {
          status: 400,
          body: graphError(324, '(#324) Requires upload file', 'OAuthException'),
        }
      const photoId = String(2_000_000_000 + n)
      posts.push({
        id: photoId,
        postId,
        pageId,
        edge: 'photos',
        fields: params,
        createdTime: now(),
      })
      return { status: 200, body: { id: photoId, post_id: postId } }
    },
    { latencyMs: options.latencyMs },
  )

  return {
    ...server,
    version,
    pageId,
    posts,
    engagement,
    apiBaseUrl: `${server.url}/${version}`,
    get token() {
      return state.token
    },
    set token(value: string) {
      state.token = value
    },
    rateLimit(
      code: 4 | 17 | 32 | 613 = 4,
      o: { times?: number; status?: number; retryAfterSeconds?: number } = {},
    ) {
      const headers =
        o.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(o.retryAfterSeconds) }
          : undefined
      server.inject(
        {
          kind: 'status',
          status: o.status ?? (code === 32 ? 403 : 400),
          body: graphError(code, RATE_MESSAGES[code], 'OAuthException', { is_transient: true }),
          headers,
        },
        o.times ?? 1,
      )
    },
    rejectNext(message = '(#100) Invalid parameter') {
      server.inject({
        kind: 'status',
        status: 400,
        body: graphError(100, message, 'OAuthException'),
      })
    },
  }
}
