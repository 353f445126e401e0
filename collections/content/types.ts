import type { Article, Event, Infographic, Video } from '@/payload-types'

/** A document of any of the four content collections, as their shared hooks see it. */
export type ContentDoc = Article | Video | Infographic | Event
