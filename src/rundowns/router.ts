import { Router } from 'express'
import type { Payload } from 'payload'

/** Daily broadcast rundowns per station. Being written; see issue 3. */
export function rundownsRouter(_payload: Payload): Router {
  return Router()
}
