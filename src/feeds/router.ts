import { Router } from 'express'
import type { Payload } from 'payload'

/** Feeds per feed channel (RSS 2.0, Atom, JSON Feed 1.1, iCalendar). Being written; see issue 3. */
export function feedsRouter(_payload: Payload): Router {
  return Router()
}
