import crypto from 'node:crypto'
import { startFakeServer, type FakeServer } from './fakeServer'

/**
 * A Zalo Official Account's article API, as the Zalo OA adapter meets it:
 *
 * - `POST /v2.0/article/create` with header `access_token` → `{ error: 0, message: 'Success', data: { token } }`
 * - `POST /v2.0/article/verify` `{ token }` → `{ error: 0, message: 'Success', data: { id } }`
 * - `GET /v2.0/article/getslice?offset&limit&type` → `{ data: { medias: [{ id, title, create_date, … }], total } }`
 * - `GET /v2.0/article/getdetail?id` → `{ data: { id, title, …, tracking_link, status, create_date } }`
 * - `POST /v2.0/article/remove` `{ id }` → `{ error: 0, message: 'Success' }`
 *
 * Like the real API, application errors come with HTTP 200 and a non-zero `error`: -216 for a bad
 * access token, -201 for invalid parameters, -32 when the OA calls too often.
 */
export type ZaloArticle = {
  token: string
  /** Given at creation: Zalo processes the article on its own; `verify` only reports it. */
  id?: string
  fields: Record<string, any>
  createdAt: number
  /** Removed through `/v2.0/article/remove`: gone from the list and from getdetail. */
  removed?: boolean
}

export type FakeZalo = FakeServer & {
  /** The OA access token accepted now; change it to simulate an expired or revoked token. */
  token: string
  /** Articles created (with their id once verified), in order. */
  articles: ZaloArticle[]
  /** Base URL for a channel's `settings.apiBaseUrl`. */
  apiBaseUrl: string
  /** The next `times` calls answer with a Zalo application error (HTTP 200, non-zero `error`). */
  failNext: (error: number, message: string, times?: number) => void
  /** The next `times` verify calls answer HTTP 500 (after create succeeded). */
  failVerify: (times?: number) => void
  /** What the article list reports for an article id: total_view and total_share. */
  stats: Map<string, { views: number; shares: number }>
}

export const zaloError = (error: number, message: string) => ({ error, message })

const ok = (data: Record<string, unknown>) => ({
  status: 200,
  body: { error: 0, message: 'Success', data },
})
const fail = (error: number, message: string) => ({ status: 200, body: zaloError(error, message) })

export async function startFakeZalo(options: {
  token: string
  latencyMs?: number
}): Promise<FakeZalo> {
  const articles: ZaloArticle[] = []
  const byToken = new Map<string, ZaloArticle>()
  const state = { token: options.token }
  let n = 0

  let verifyFailures = 0
  const stats = new Map<string, { views: number; shares: number }>()
  const server = await startFakeServer(
    (req) => {
      const url = new URL(req.path, 'http://fake')
      const token = req.headers.access_token
      if (typeof token !== 'string' || token !== state.token)
        return fail(-216, 'Access token is invalid')
      // GET /v2.0/article/getslice?offset&limit&type: the OA's articles, newest first, with their counts.
      if (req.method === 'GET' && url.pathname === '/v2.0/article/getslice') {
        const offset = Number(url.searchParams.get('offset') ?? 0)
        const limit = Number(url.searchParams.get('limit') ?? 10)
        if (!(limit >= 1 && limit <= 10) || !(offset >= 0))
          return fail(-201, 'Parameters are invalid: limit')
        const listed = articles.filter((a) => a.id && !a.removed).reverse()
        const medias = listed.slice(offset, offset + limit).map((a) => ({
          id: a.id,
          type: 'normal',
          title: a.fields.title,
          status: 'show',
          total_view: stats.get(a.id!)?.views ?? 0,
          total_share: stats.get(a.id!)?.shares ?? 0,
          create_date: a.createdAt,
          update_date: a.createdAt,
          thumb: a.fields.cover?.photo_url,
          link: `https://zalo.me/article/${a.id}`,
        }))
        return ok({ medias, total: listed.length })
      }
      if (req.method === 'GET' && url.pathname === '/v2.0/article/getdetail') {
        const a = articles.find((x) => x.id === url.searchParams.get('id') && !x.removed)
        if (!a) return fail(-201, 'Article id is invalid')
        const { type, title, author, description, cover, body, status, comment, tracking_link } =
          a.fields
        return ok({
          id: a.id,
          ...{ type, title, author, description, cover, body, status, comment, tracking_link },
          create_date: a.createdAt,
          update_date: a.createdAt,
          total_view: stats.get(a.id!)?.views ?? 0,
          total_share: stats.get(a.id!)?.shares ?? 0,
        })
      }
      let body: Record<string, any>
      try {
        body = JSON.parse(req.body || '{}')
      } catch {
        return fail(-201, 'Parameters are invalid')
      }
      if (req.method !== 'POST') return { status: 404, body: { error: 404, message: 'Not found' } }

      if (url.pathname === '/v2.0/article/create') {
        const problems: string[] = []
        if (body.type !== 'normal' && body.type !== 'video') problems.push('type')
        if (typeof body.title !== 'string' || !body.title || body.title.length > 150)
          problems.push('title')
        if (typeof body.author !== 'string' || !body.author) problems.push('author')
        if (typeof body.description !== 'string' || body.description.length > 300)
          problems.push('description')
        if (body.type === 'normal') {
          if (
            !body.cover ||
            (body.cover.cover_type === 'photo' &&
              !/^https?:\/\//.test(String(body.cover.photo_url ?? '')))
          )
            problems.push('cover')
          if (!Array.isArray(body.body) || !body.body.length) problems.push('body')
        }
        if (problems.length) return fail(-201, `Parameters are invalid: ${problems.join(', ')}`)
        const article: ZaloArticle = {
          token: `zt-${Date.now().toString(36)}-${++n}`,
          id: crypto.randomBytes(16).toString('hex'),
          fields: body,
          createdAt: Date.now(),
        }
        articles.push(article)
        byToken.set(article.token, article)
        return ok({ token: article.token })
      }

      if (url.pathname === '/v2.0/article/verify') {
        if (verifyFailures > 0) {
          verifyFailures--
          return { status: 500, body: { error: -1, message: 'Internal server error' } }
        }
        const article = typeof body.token === 'string' ? byToken.get(body.token) : undefined
        if (!article) return fail(-201, 'Token is invalid')
        article.id ??= crypto.randomBytes(16).toString('hex')
        return ok({ id: article.id })
      }

      if (url.pathname === '/v2.0/article/remove') {
        const a = articles.find((x) => x.id === body.id && !x.removed)
        if (!a) return fail(-201, 'Article id is invalid')
        a.removed = true
        return ok({})
      }

      return { status: 404, body: { error: 404, message: 'Not found' } }
    },
    { latencyMs: options.latencyMs },
  )

  return {
    ...server,
    articles,
    stats,
    apiBaseUrl: server.url,
    get token() {
      return state.token
    },
    set token(value: string) {
      state.token = value
    },
    failVerify(times = 1) {
      verifyFailures += times
    },
    failNext(error, message, times = 1) {
      server.inject({ kind: 'status', status: 200, body: zaloError(error, message) }, times)
    },
  }
}
