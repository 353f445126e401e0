import type { Payload } from 'payload'
import type { Filters } from '@/content/public'
import { vnYearMonth } from '@/lib/time'
import {
  CONTENT_KINDS,
  type ContentKind,
  contentKinds,
  eventKinds,
  infographicKinds,
  videoKinds,
} from '@/vocabulary'
import type { FilterField } from '../_components/FilterForm'
import { strParam } from './site'

/** The kinds within each collection, where it has them. */
const SUB_KINDS: Partial<
  Record<ContentKind, { options: { value: string; label: { vi: string } }[] }>
> = {
  videos: videoKinds,
  infographics: infographicKinds,
  events: eventKinds,
}

const FIRST_YEAR = 2022

/** The filters from a page's query string: `chu-de`, `don-vi`, `nam`, `loai` (and `kieu`, a content type). */
export function readFilters(sp: Record<string, string | string[] | undefined>) {
  const year = Number(strParam(sp.nam))
  const kind = strParam(sp.kieu)
  const filters: Filters = {
    topic: strParam(sp['chu-de']),
    unit: strParam(sp['don-vi']),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    subKind: strParam(sp.loai),
  }
  return {
    filters,
    kind: contentKinds.includes(kind) ? (kind as ContentKind) : undefined,
    params: {
      'chu-de': filters.topic,
      'don-vi': filters.unit,
      nam: filters.year ? String(filters.year) : undefined,
      loai: filters.subKind,
      kieu: contentKinds.includes(kind) ? kind : undefined,
    } as Record<string, string | undefined>,
  }
}

/** The filter form's fields: topic, unit, year, and the kind within a collection or the content type. */
export async function filterFields(
  payload: Payload,
  opts: { kind?: ContentKind; filters: Filters; contentType?: ContentKind | null; omit?: string[] },
): Promise<FilterField[]> {
  const [topics, units] = await Promise.all([
    payload.find({
      collection: 'topics',
      limit: 200,
      sort: 'title',
      depth: 0,
      overrideAccess: false,
      select: { title: true },
    }),
    payload.find({
      collection: 'units',
      where: { active: { equals: true } },
      limit: 500,
      sort: 'name',
      depth: 0,
      overrideAccess: false,
      select: { name: true },
    }),
  ])
  const thisYear = vnYearMonth(new Date()).year
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i))
  const fields: FilterField[] = []
  if (opts.contentType !== undefined)
    fields.push({
      name: 'kieu',
      label: 'Loại nội dung',
      options: CONTENT_KINDS.map((k) => ({ value: k, label: contentKinds.label(k) })),
      value: opts.contentType ?? undefined,
    })
  const sub = opts.kind ? SUB_KINDS[opts.kind] : undefined
  if (sub)
    fields.push({
      name: 'loai',
      label: 'Thể loại',
      options: sub.options.map((o) => ({ value: o.value, label: o.label.vi })),
      value: opts.filters.subKind,
    })
  fields.push(
    {
      name: 'chu-de',
      label: 'Chủ đề',
      options: topics.docs.map((t) => ({ value: String(t.id), label: t.title })),
      value: opts.filters.topic,
    },
    {
      name: 'don-vi',
      label: 'Đơn vị',
      options: units.docs.map((u) => ({ value: String(u.id), label: u.name })),
      value: opts.filters.unit,
    },
    {
      name: 'nam',
      label: 'Năm',
      options: years.map((y) => ({ value: y, label: y })),
      value: opts.filters.year ? String(opts.filters.year) : undefined,
    },
  )
  return fields.filter((f) => !opts.omit?.includes(f.name))
}
