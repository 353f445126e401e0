import crypto from 'node:crypto'
import { Router, type Response } from 'express'
import type { Payload } from 'payload'
import { ContentKind } from '@/vocabulary'
import { findCampaign, findFeedChannel, loadFeedEntries, parseLimit, type FeedData } from './data'
import { renderIcs } from './ics'
import { feedUpdated, renderAtom, renderJsonFeed, renderRss } from './render'

type Format = { contentType: string; events?: boolean; render: (data: FeedData) => string }

const FORMATS: Record<string, Format> = {
  'rss.xml': { contentType: 'application/rss+xml; charset=utf-8', render: renderRss },
  'atom.xml': { contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  'feed.json': { contentType: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
  'events.ics': { contentType: 'text/calendar; charset=utf-8', events: true, render: renderIcs },
}

const NOT_FOUND =
  'Không tìm thấy nguồn cấp tin này: kênh không tồn tại, không phải kênh nguồn cấp tin hoặc đang tạm dừng.'

function sendError(res: Response, status: number, message: string) {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message }] })
}

const firstString = (value: unknown) => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.trim() ? v.trim() : undefined
}

/**
 * Public feeds of each feed channel, with only published items (a published publication on the
 * channel whose content is still published), newest first:
 *
 *   GET /feeds/:channelId/rss.xml     RSS 2.0
 *   GET /feeds/:channelId/atom.xml    Atom 1.0
 *   GET /feeds/:channelId/feed.json   JSON Feed 1.1
 *   GET /feeds/:channelId/events.ics  iCalendar of the events (Vietnam time, TZID Asia/Ho_Chi_Minh)
 *
 * `?campaign=<id>` keeps one campaign's publications; `?limit=` (default 50, at most 200).
 * An unknown, non-feed or disabled channel is a 404 with the same message, so the URL tells
 * nothing about channels that are not public feeds.
 */
export function feedsRouter(payload: Payload): Router {
  const router = Router()

  router.get('/:channelId/:file', async (req, res) => {
    const format = Object.hasOwn(FORMATS, req.params.file) ? FORMATS[req.params.file] : undefined
    if (!format) {
      sendError(
        res,
        404,
        `Không có định dạng "${req.params.file}". Các định dạng: ${Object.keys(FORMATS).join(', ')}.`,
      )
      return
    }
    try {
      const channel = await findFeedChannel(payload, req.params.channelId)
      if (!channel) {
        sendError(res, 404, NOT_FOUND)
        return
      }
      const campaignId = firstString(req.query.campaign)
      const campaign = campaignId ? await findCampaign(payload, campaignId) : undefined
      if (campaignId && !campaign) {
        sendError(res, 404, `Không tìm thấy chiến dịch "${campaignId}".`)
        return
      }
      const entries = await loadFeedEntries(payload, channel, {
        campaign: campaign?.id,
        limit: parseLimit(req.query.limit),
        kind: format.events ? ContentKind.Events : undefined,
      })
      const data: FeedData = { channel, campaign: campaign ?? undefined, entries }
      const body = format.render(data)
      res.set({
        'Content-Type': format.contentType,
        'Cache-Control': 'public, max-age=60',
        'Access-Control-Allow-Origin': '*',
        ETag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
        'Last-Modified': feedUpdated(data).toUTCString(),
      })
      // Revalidation by ETag only: an item leaving the feed (cancelled, unpublished) does not move
      // Last-Modified, so a 304 on If-Modified-Since could keep it alive in a reader. res.send
      // answers 304 itself when If-None-Match matches.
      delete req.headers['if-modified-since']
      res.send(body)
    } catch (err) {
      payload.logger.error({ err, url: req.originalUrl }, '[feeds] lỗi khi tạo nguồn cấp tin')
      sendError(res, 500, 'Không tạo được nguồn cấp tin lúc này, vui lòng thử lại sau.')
    }
  })

  // Everything else under /feeds is ours too: a JSON 404 rather than the site's page.
  router.use((_req, res) => sendError(res, 404, NOT_FOUND))

  return router
}
