/**
 * One date and number standard: a scan over every date and number field of every collection in the
 * built config (what the admin renders from), and the Vietnamese number reading and writing the
 * admin's number input and cells use. No database.
 */
import type { Field, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import configPromise from '@payload-config'
import {
  DATE_DISPLAY_FORMATS,
  NUMBER_CELL,
  NUMBER_FIELD,
  PLAIN_NUMBER_FIELDS,
  TIME_LIST_FORMAT,
  vietnameseFormats,
} from '@/admin/formats/vietnameseFormats'
import { formatFigure, formatForInput, parseVietnameseNumber } from '@/admin/formats/numbers'
import { DATE_TIME_FORMAT } from '@/lib/time'

type Found = { where: string; field: Field }

/** Every named field the admin can show, with its dotted path, into rows, tabs, groups, arrays and blocks. */
function walk(fields: Field[], where: string, out: Found[] = []): Found[] {
  for (const f of fields) {
    const here = 'name' in f && f.name ? `${where}.${f.name}` : where
    const admin = f.admin as { hidden?: boolean; disabled?: boolean } | undefined
    if (('hidden' in f && f.hidden) || admin?.hidden || admin?.disabled) continue
    if ('name' in f && f.name) out.push({ where: here, field: f })
    if ('fields' in f && Array.isArray(f.fields)) walk(f.fields, here, out)
    if (f.type === 'tabs') for (const t of f.tabs) walk(t.fields, here, out)
    if (f.type === 'blocks') for (const b of f.blocks) walk(b.fields, `${here}.${b.slug}`, out)
  }
  return out
}

// Payload's own timestamps show through the root admin.dateFormat (checked below).
const AUTOMATIC = new Set(['createdAt', 'updatedAt'])

describe('the date and number scan', async () => {
  const config: SanitizedConfig = await configPromise
  const all = [
    // Payload's own collections (migrations, preferences, locks) are not edited by people.
    ...config.collections
      .filter((c) => !c.slug.startsWith('payload-'))
      .flatMap((c) => walk(c.fields, c.slug)),
    ...(config.globals ?? []).flatMap((g) => walk(g.fields, g.slug)),
  ]

  it('the admin-wide date format is dd/MM/yyyy HH:mm', () => {
    expect(config.admin.dateFormat).toBe(DATE_TIME_FORMAT)
  })

  it('every date field reads dd/MM/yyyy (HH:mm) with a 24-hour time list', () => {
    const dates = all.filter(
      (f) => f.field.type === 'date' && !AUTOMATIC.has((f.field as { name: string }).name),
    )
    expect(dates.length).toBeGreaterThan(30)
    const wrong = dates.filter(({ field }) => {
      const date = (field.admin as { date?: Record<string, string> } | undefined)?.date ?? {}
      const allowed = DATE_DISPLAY_FORMATS[date.pickerAppearance ?? '']
      return !allowed?.includes(date.displayFormat) || date.timeFormat !== TIME_LIST_FORMAT
    })
    expect(wrong.map((f) => f.where)).toEqual([])
  })

  it('every quantity is typed and shown grouped; identifiers stay plain', () => {
    const numbers = all.filter((f) => f.field.type === 'number')
    expect(numbers.length).toBeGreaterThan(40)
    const quantities = numbers.filter(
      (f) => !PLAIN_NUMBER_FIELDS.has((f.field as { name: string }).name),
    )
    const wrong = quantities.filter(({ field }) => {
      const c = (field.admin as { components?: Record<string, unknown> } | undefined)?.components
      return c?.Field !== NUMBER_FIELD || c?.Cell !== NUMBER_CELL
    })
    expect(wrong.map((f) => f.where)).toEqual([])
    // The campaign budget is money: it is among them.
    expect(quantities.map((f) => f.where)).toContain('campaigns.budgets.planned')
    const plain = numbers.filter((f) => PLAIN_NUMBER_FIELDS.has((f.field as { name: string }).name))
    expect(plain.every((f) => !(f.field.admin as { components?: object })?.components)).toBe(true)
  })

  it('the standard reaches fields nested in tabs, arrays and blocks, and keeps seconds where asked', () => {
    const [c] = vietnameseFormats([
      {
        slug: 'x',
        fields: [
          {
            type: 'tabs',
            tabs: [
              {
                label: 't',
                fields: [
                  {
                    name: 'rows',
                    type: 'array',
                    fields: [
                      { name: 'at', type: 'date' },
                      { name: 'amount', type: 'number' },
                    ],
                  },
                ],
              },
            ],
          },
          {
            name: 'b',
            type: 'blocks',
            blocks: [
              {
                slug: 'k',
                fields: [
                  {
                    name: 'day',
                    type: 'date',
                    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'MM/dd/yyyy' } },
                  },
                ],
              },
            ],
          },
          {
            name: 'seen',
            type: 'date',
            admin: {
              date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' },
            },
          },
        ],
      },
    ])
    const found = Object.fromEntries(walk(c.fields, 'x').map((f) => [f.where, f.field]))
    const date = (w: string) => (found[w].admin as { date: Record<string, string> }).date
    expect(date('x.rows.at')).toMatchObject({
      pickerAppearance: 'dayAndTime',
      displayFormat: 'dd/MM/yyyy HH:mm',
      timeFormat: 'HH:mm',
    })
    expect(date('x.b.k.day').displayFormat).toBe('dd/MM/yyyy')
    expect(date('x.seen').displayFormat).toBe('dd/MM/yyyy HH:mm:ss')
    expect((found['x.rows.amount'].admin as { components: object }).components).toMatchObject({
      Field: NUMBER_FIELD,
    })
  })
})

describe('Vietnamese numbers', () => {
  it('reads grouped and plain numbers with a decimal comma', () => {
    expect(parseVietnameseNumber('1.450.000.000')).toBe(1_450_000_000)
    expect(parseVietnameseNumber('1450000000')).toBe(1_450_000_000)
    expect(parseVietnameseNumber(' 1 450 000 ')).toBe(1_450_000)
    expect(parseVietnameseNumber('4,5')).toBe(4.5)
    expect(parseVietnameseNumber('-1.234,25')).toBe(-1234.25)
    expect(parseVietnameseNumber('')).toBeNull()
  })

  it('refuses what is not written the Vietnamese way rather than guessing', () => {
    for (const s of ['4.5', '16.92', '1,450,000', '1.45.000', 'abc', '1.2345'])
      expect(parseVietnameseNumber(s), s).toBeNaN()
  })

  it('writes figures grouped with a decimal comma', () => {
    expect(formatFigure(17140)).toBe('17.140')
    expect(formatFigure(16.92)).toBe('16,92')
    expect(formatFigure(1_450_000_000)).toBe('1.450.000.000')
    expect(formatFigure(null)).toBe('')
    expect(formatForInput(12.345)).toBe('12,345')
  })
})
