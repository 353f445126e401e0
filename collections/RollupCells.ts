import type { CollectionConfig, Field } from 'payload'
import { ownUnitCells } from '@/access/ownUnitCells'
import { l } from '@/lib/i18n'
import { channelKinds, contentKinds, metrics } from '@/vocabulary'

const readOnly = { readOnly: true }

/** A cell's fields, shared by the live cells and the snapshots' frozen copies (SnapshotCells). */
export const CELL_FIELDS: Field[] = [
  { name: 'year', type: 'number', required: true, label: l('Năm', 'Year'), admin: readOnly },
  {
    name: 'month',
    type: 'number',
    required: true,
    min: 0,
    max: 12,
    label: l('Tháng (0 = cả năm)', 'Month (0 = whole year)'),
    admin: readOnly,
  },
  {
    name: 'metric',
    type: 'select',
    required: true,
    options: metrics.options,
    label: l('Chỉ số', 'Measure'),
    admin: readOnly,
  },
  {
    name: 'value',
    type: 'number',
    required: true,
    label: l('Giá trị', 'Value'),
    admin: readOnly,
  },
  {
    name: 'campaign',
    type: 'text',
    label: l('Mã chiến dịch (trống = tất cả)', 'Campaign id (empty = all)'),
    admin: readOnly,
  },
  { name: 'unit', type: 'text', label: l('Mã đơn vị', 'Unit id'), admin: readOnly },
  // The unit's name when the figure was computed: a unit merged or renamed later keeps its past figures under its own name.
  {
    name: 'unitName',
    type: 'text',
    label: l('Tên đơn vị (khi tổng hợp)', 'Unit name (when computed)'),
    admin: readOnly,
  },
  {
    name: 'contentType',
    type: 'select',
    options: contentKinds.options,
    label: l('Loại nội dung', 'Content type'),
    admin: readOnly,
  },
  {
    name: 'channel',
    type: 'text',
    label: l('Mã kênh (trống = không theo kênh)', 'Channel id (empty = not a channel figure)'),
    admin: readOnly,
  },
  {
    name: 'channelKind',
    type: 'select',
    options: channelKinds.options,
    label: l('Loại kênh', 'Channel kind'),
    admin: readOnly,
  },
  {
    name: 'topic',
    type: 'text',
    label: l('Mã chủ đề (trống = tất cả)', 'Topic id (empty = all)'),
    admin: readOnly,
  },
]

/**
 * The totals of issue 7, one row per figure: a measure for a year and month (0 = the whole year,
 * for yearly measures such as budgets) along single-valued dimensions (unit, content type,
 * channel) and at most one multi-valued one (campaign or topic).
 *
 * Content has many campaigns and many topics, so cells come in three families that never
 * cross-expand: (campaign = all, topic = all), (campaign = X, topic = all), (campaign = all,
 * topic = T); "all" is empty. Within a family the single-valued dimensions may be summed.
 * Campaign and topic cells must NOT be summed across their values: an item in two campaigns is
 * counted once in each, so the sum over campaigns overstates the total; the total is the (all, all)
 * family. Which dimensions each family carries:
 *   (all, all)       month, unit, content type, channel and channel kind: everything (the summary,
 *                    the reports page, drill-down);
 *   (campaign X, all) the same: the reports page filtered on a campaign shows it per channel, and
 *                    KPI targets may name a channel;
 *   (all, topic T)   month, unit and content type only: channel and channel kind are left empty
 *                    (nothing reads topics per channel, and the channel made this family the
 *                    largest; the unit stays for read access by unit, the type for drill-down).
 *
 * Built for writing hundreds of thousands of rows at once: a whole-number id (on SQLite the table's
 * rowid, migration *_rollup_cells_rowid: no separate id index to write; a text id cost a third of
 * the time of writing a year's cells and its commit), campaign, unit, channel and topic as
 * plain text ids (no foreign keys to check, no index each), no timestamps, and no stored key (the
 * engine deletes a window's cells before it writes them, and its grouping makes them distinct; the
 * key, cellKey() in src/reporting/cells.ts, is computed where one is needed). One index: (year,
 * month, metric), for the engine's deletes and the yearly reads.
 * Only the rollup engine writes here (through overrideAccess): every write through the API is refused.
 */
export const RollupCells: CollectionConfig<'rollup-cells'> = {
  slug: 'rollup-cells',
  labels: {
    singular: l('Số liệu tổng hợp', 'Rollup cell'),
    plural: l('Số liệu tổng hợp', 'Rollup cells'),
  },
  admin: {
    defaultColumns: ['year', 'month', 'metric', 'unitName', 'contentType', 'channelKind', 'value'],
    group: l('Báo cáo', 'Reporting'),
  },
  access: { read: ownUnitCells, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
  indexes: [{ fields: ['year', 'month', 'metric'] }],
  // A whole-number id (see above), then the cell's fields, which snapshot cells share.
  fields: [{ name: 'id', type: 'number', label: l('Mã', 'Id'), admin: readOnly }, ...CELL_FIELDS],
}
