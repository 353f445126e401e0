import type { CollectionConfig, Field, GlobalConfig, Plugin } from 'payload'
import { DATE_FORMAT, DATE_TIME_FORMAT, DATE_TIME_SECONDS_FORMAT } from '@/lib/time'

/**
 * One date and number standard for the whole admin, applied to every collection's fields here rather
 * than field by field, so a field added later cannot fall back to Payload's US defaults
 * (MM/dd/yyyy, "h:mm a") or to an ungrouped `<input type="number">`:
 * - a date reads dd/MM/yyyy (a day) or dd/MM/yyyy HH:mm (a moment; seconds where the field asks),
 *   with a 24-hour time list, whatever the browser's language. A date field that does not say
 *   what it holds is a moment (`dayAndTime`): confirmation, error and heartbeat times all are.
 * - a quantity (money, people, items, minutes) is typed and shown grouped, with a decimal comma
 *   (src/admin/formats/NumberField.tsx, NumberCell.tsx). Years, months, process ids and HTTP
 *   statuses are identifiers, not quantities: 2.026 would be wrong, so they stay plain.
 */
export const PLAIN_NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'year',
  'yearTo',
  'month',
  'pid',
  'httpStatus',
])

export const DATE_DISPLAY_FORMATS: Record<string, readonly string[]> = {
  dayOnly: [DATE_FORMAT],
  default: [DATE_FORMAT],
  dayAndTime: [DATE_TIME_FORMAT, DATE_TIME_SECONDS_FORMAT],
  timeOnly: ['HH:mm'],
  monthOnly: ['MM/yyyy'],
}
export const TIME_LIST_FORMAT = 'HH:mm'

export const NUMBER_FIELD = '/admin/formats/NumberField#NumberField'
export const NUMBER_CELL = '/admin/formats/NumberCell#NumberCell'

type DateAdmin = { pickerAppearance?: string; displayFormat?: string; timeFormat?: string }

function withDateFormat(field: Field & { type: 'date' }): Field {
  const date = (field.admin?.date ?? {}) as DateAdmin
  const appearance = date.pickerAppearance ?? 'dayAndTime'
  const allowed = DATE_DISPLAY_FORMATS[appearance] ?? [DATE_TIME_FORMAT]
  const displayFormat =
    date.displayFormat && allowed.includes(date.displayFormat) ? date.displayFormat : allowed[0]
  return {
    ...field,
    admin: {
      ...field.admin,
      date: {
        ...field.admin?.date,
        pickerAppearance: appearance,
        displayFormat,
        timeFormat: TIME_LIST_FORMAT,
      } as NonNullable<typeof field.admin>['date'],
    },
  }
}

function withNumberFormat(field: Field & { type: 'number' }): Field {
  if (field.hasMany || PLAIN_NUMBER_FIELDS.has(field.name)) return field
  return {
    ...field,
    admin: {
      ...field.admin,
      components: {
        Field: NUMBER_FIELD,
        Cell: NUMBER_CELL,
        ...field.admin?.components,
      },
    },
  } as Field
}

/** Every field, however deeply nested in rows, tabs, groups, arrays and blocks, through `fn`. */
export function mapFields(fields: Field[], fn: (f: Field) => Field): Field[] {
  return fields.map((field) => {
    const own = fn(field)
    if ('fields' in own && Array.isArray(own.fields)) {
      return { ...own, fields: mapFields(own.fields, fn) } as Field
    }
    if (own.type === 'tabs') {
      return {
        ...own,
        tabs: own.tabs.map((tab) => ({ ...tab, fields: mapFields(tab.fields, fn) })),
      }
    }
    if (own.type === 'blocks') {
      return {
        ...own,
        blocks: own.blocks.map((b) => ({ ...b, fields: mapFields(b.fields, fn) })),
      }
    }
    return own
  })
}

const formatField = (field: Field): Field =>
  field.type === 'date'
    ? withDateFormat(field)
    : field.type === 'number'
      ? withNumberFormat(field)
      : field

/** The collections (or globals) with the Vietnamese date and number standard on every field. */
export function vietnameseFormats<T extends CollectionConfig | GlobalConfig>(configs: T[]): T[] {
  return configs.map((c) => ({ ...c, fields: mapFields(c.fields, formatField) }))
}

/** The plugin: the standard on every collection's fields. */
export const vietnameseFormatsPlugin = (): Plugin => (config) => ({
  ...config,
  collections: vietnameseFormats(config.collections ?? []),
})
