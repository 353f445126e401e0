import type { CollectionConfig } from 'payload'
import { APIError } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { hasRole } from '@/access/roles'
import { l } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'
import { checksumOfSnapshot, copyCellsToSnapshot } from '@/reporting/snapshot'
import { READ_ALL_ROLES } from '@/vocabulary'

const system = { readOnly: true }

/**
 * A year's figures frozen at a moment (who, when, which year), so a report can be reproduced:
 * the cells are copied from the live table into `snapshot-cells` when the snapshot is created,
 * with their count and a checksum. Nobody
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
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation !== 'create')
          throw new APIError('Bản chốt số liệu không thể sửa sau khi đã tạo.', 403, undefined, true)
        return {
          ...data,
          title: `Số liệu năm ${data.year}`,
          takenAt: new Date().toISOString(),
          takenBy: req.user?.id ?? null,
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
        // `portableSnapshot`: the path other databases take, forced (tests run it on SQLite).
        const portable = !!req.context?.portableSnapshot
        await copyCellsToSnapshot(req.payload, id, Number(doc.year), req, { portable })
        const frozen = await checksumOfSnapshot(req.payload, id, req, portable)
        await req.payload.db.updateOne({
          collection: 'rollup-snapshots',
          id,
          data: frozen,
          req,
          returning: false,
        })
        return { ...doc, ...frozen }
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
      name: 'takenBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người chốt', 'Taken by'),
    },
    { name: 'cellCount', type: 'number', admin: system, label: l('Số ô số liệu', 'Cells') },
    {
      name: 'checksum',
      type: 'text',
      admin: system,
      label: l('Mã kiểm tra (SHA-256)', 'Checksum (SHA-256)'),
    },
  ],
}
