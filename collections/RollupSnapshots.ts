import type { CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { hasRole, isCrossUnit } from '@/access/roles'
import { l } from '@/lib/i18n'
import { indicatorFactsToFreeze } from '@/reporting/indicators/frozen'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'
import {
  FREEZE_CONTEXT,
  foldYear,
  freezeContextOf,
  releaseFreezeLease,
  takeFreezeLease,
} from '@/reporting/freeze'
import { checksumOfSnapshot, copyCellsToSnapshot } from '@/reporting/snapshot'
import { READ_ALL_ROLES } from '@/vocabulary'

const system = { readOnly: true }

const validYear = (year: unknown) =>
  typeof year === 'number' ? Number.isInteger(year) && year >= 2000 && year <= 2100 : false

/**
 * A year's figures frozen at a moment (who, when, which year), so a report can be reproduced:
 * the cells are copied from the live table into `snapshot-cells` when the snapshot is created,
 * with their count and a checksum. However it is created (admin, REST, export, schedule), the
 * freeze first takes the rollup's lease (waiting for a run in progress, or refusing), folds the
 * year's pending changes, copies, and only then gives the lease back: what was saved before the
 * freeze is in it, and `dataAsOf` is the newest change it includes. Nobody
 * changes or deletes a snapshot through the API; a change made anyway is refused by the hook.
 */
export const RollupSnapshots: CollectionConfig<'rollup-snapshots'> = {
  slug: 'rollup-snapshots',
  labels: {
    singular: l('Bản chốt số liệu', 'Snapshot'),
    plural: l('Bản chốt số liệu', 'Snapshots'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'takenAt', 'takenBy', 'cellCount'],
    group: l('Báo cáo', 'Reporting'),
  },
  // Every unit's figures are in a snapshot: readable by those who read every unit's cells.
  access: {
    read: ({ req }) => hasRole(req.user, ...READ_ALL_ROLES),
    create: crossUnit,
    update: () => false,
    delete: () => false,
  },
  hooks: {
    // Before anything is written (and, on MongoDB, before the request's transaction reads): the
    // lease and the fold, which commit on their own.
    beforeOperation: [
      async ({ args, operation, req }) => {
        if (operation !== 'create') return args
        const year = Number((args.data as { year?: unknown } | undefined)?.year)
        // A bad year is left to validation, which refuses it before the lease is taken.
        if (!validYear(year)) return args
        // Nor is a fold done for a user whom the access check, next, refuses.
        if (!args.overrideAccess && !isCrossUnit(req.user)) return args
        const owner = await takeFreezeLease(req.payload)
        try {
          const folded = await foldYear(req.payload, year)
          // Set on the context object itself: a Local API caller holding it (freezeYear) sees it.
          req.context[FREEZE_CONTEXT] = { owner, folded }
        } catch (err) {
          await releaseFreezeLease(req.payload, owner)
          throw err
        }
        return args
      },
    ],
    // A REST or GraphQL create that failed after the lease was taken gives it back (the Local API
    // callers, src/reporting/freeze.ts freezeYear, do it in their own `finally`).
    afterError: [
      async ({ req }) => {
        const held = freezeContextOf(req)
        if (held) {
          delete req.context[FREEZE_CONTEXT]
          await releaseFreezeLease(req.payload, held.owner)
        }
      },
    ],
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation !== 'create')
          throw new APIError('Bản chốt số liệu không thể sửa sau khi đã tạo.', 403, undefined, true)
        return {
          ...data,
          title: `Số liệu năm ${data.year}`,
          takenAt: new Date().toISOString(),
          takenBy: req.user?.id ?? null,
          dataAsOf: freezeContextOf(req)?.folded.changedAt ?? null,
          foldedChanges: freezeContextOf(req)?.folded.marks ?? 0,
        }
      },
    ],
    // The cells are copied once the snapshot has its id (snapshot-cells rows point to it), in the
    // same transaction; their count and checksum are then written to the snapshot directly
    // (through the adapter: the hook above refuses every update).
    afterChange: [
      async ({ doc, operation, req }) => {
        if (operation !== 'create') return doc
        const id = String(doc.id)
        const held = freezeContextOf(req)
        try {
          // `portableSnapshot`: the path other databases take, forced (tests run it on SQLite).
          const portable = !!req.context?.portableSnapshot
          await copyCellsToSnapshot(req.payload, id, Number(doc.year), req, { portable })
          const frozen = {
            ...(await checksumOfSnapshot(req.payload, id, req, portable)),
            indicatorFacts: await indicatorFactsToFreeze(req.payload, Number(doc.year), req),
          }
          await req.payload.db.updateOne({
            collection: 'rollup-snapshots',
            id,
            data: frozen,
            req,
            returning: false,
          })
          return { ...doc, ...frozen }
        } finally {
          if (held) {
            delete req.context[FREEZE_CONTEXT]
            await releaseFreezeLease(req.payload, held.owner)
          }
        }
      },
    ],
  },
  fields: [
    { name: 'title', type: 'text', admin: system, label: l('Tên', 'Title') },
    { name: 'year', type: 'number', required: true, min: 2000, max: 2100, label: l('Năm', 'Year') },
    { name: 'note', type: 'textarea', maxLength: 2000, label: l('Ghi chú', 'Note') },
    {
      name: 'takenAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
      label: l('Chốt lúc', 'Taken at'),
    },
    {
      name: 'dataAsOf',
      type: 'date',
      admin: {
        ...system,
        date: dateTimePicker(DATE_TIME_SECONDS_FORMAT),
        description: l(
          'Thời điểm của thay đổi mới nhất có trong bản chốt (các thay đổi còn chờ được tổng hợp trước khi chốt).',
          'When the newest change the snapshot includes was saved (pending changes are folded in first).',
        ),
      },
      label: l('Số liệu tính đến', 'Data as of'),
    },
    {
      name: 'foldedChanges',
      type: 'number',
      admin: system,
      label: l('Thay đổi được cập nhật khi chốt', 'Changes folded at freeze'),
    },
    {
      name: 'takenBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người chốt', 'Taken by'),
    },
    { name: 'cellCount', type: 'number', admin: system, label: l('Số ô số liệu', 'Cells') },
    // Each unit's indicator facts of the year as they stood at the freeze (rollup sides filled in),
    // as [indicator, unit, numerator, denominator, weight, complete] rows: the frozen export's
    // indicators sheet is computed from these, not from today's forms (src/reporting/indicators/frozen.ts).
    {
      name: 'indicatorFacts',
      type: 'json',
      admin: { ...system, hidden: true },
      label: l('Số liệu chỉ tiêu lúc chốt', 'Indicator facts at the freeze'),
    },
    {
      name: 'checksum',
      type: 'text',
      admin: system,
      label: l('Mã kiểm tra (SHA-256)', 'Checksum (SHA-256)'),
    },
  ],
}
