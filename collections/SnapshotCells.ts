import type { CollectionConfig } from 'payload'
import { ownUnitCells } from '@/access/ownUnitCells'
import { l } from '@/lib/i18n'
import { CELL_FIELDS } from './RollupCells'

const readOnly = { readOnly: true }

/**
 * A snapshot's frozen cells, one row each (a copy of the year's `rollup-cells` when the snapshot
 * was taken, src/reporting/snapshot.ts). Rows of their own rather than one JSON value on the
 * snapshot, so an export pages through them (a 1,000,000-publication year has ~500,000 cells: as
 * one JSON value it had to be read and parsed whole). `key` is the cell's key (cellKey): the
 * order the checksum is taken in and the export's detail rows are listed in, unique per snapshot.
 * Read like the live cells (editors and contributors their unit's); only the server writes.
 */
export const SnapshotCells: CollectionConfig<'snapshot-cells'> = {
  slug: 'snapshot-cells',
  labels: {
    singular: l('Ô số liệu đã chốt', 'Frozen cell'),
    plural: l('Ô số liệu đã chốt', 'Frozen cells'),
  },
  admin: {
    hidden: true,
    defaultColumns: ['snapshot', 'year', 'month', 'metric', 'unitName', 'value'],
    group: l('Báo cáo', 'Reporting'),
  },
  access: { read: ownUnitCells, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
  indexes: [{ fields: ['snapshot', 'key'], unique: true }],
  fields: [
    {
      name: 'snapshot',
      type: 'text',
      required: true,
      label: l('Mã bản chốt', 'Snapshot id'),
      admin: readOnly,
    },
    { name: 'key', type: 'text', required: true, label: l('Khóa ô', 'Cell key'), admin: readOnly },
    ...CELL_FIELDS,
  ],
}
