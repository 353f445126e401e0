import type { CollectionConfig } from 'payload'
import { ownUnitCells } from '@/access/ownUnitCells'
import { l } from '@/lib/i18n'
import { channelKinds, contentKinds, metrics } from '@/vocabulary'

const readOnly = { readOnly: true }

/**
 * The totals of issue 7, one row per figure: a measure for a year and month (0 = the whole year,
 * for yearly measures such as budgets) along single-valued dimensions (unit, content type,
 * channel) and at most one multi-valued one (campaign or topic).
 *
 * Content has many campaigns and many topics, so cells come in three families that never
 * cross-expand: (campaign = all, topic = all), (campaign = X, topic = all), (campaign = all,
 * topic = T); "all" is an empty relation. Within a family the single-valued dimensions (month,
 * unit, content type, channel) may be summed. Campaign and topic cells must NOT be summed across
 * their values: an item in two campaigns is counted once in each, so the sum over campaigns
 * overstates the total; the total is the (all, all) family. Only the rollup engine writes here
 * (through overrideAccess): every write through the API is refused.
 */
export const RollupCells: CollectionConfig<'rollup-cells'> = {
  slug: 'rollup-cells',
  labels: { singular: l('Số liệu tổng hợp', 'Rollup cell'), plural: l('Số liệu tổng hợp', 'Rollup cells') },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['year', 'month', 'metric', 'unitName', 'contentType', 'channel', 'campaign', 'topic', 'value'],
    group: l('Báo cáo', 'Reporting'),
  },
  access: { read: ownUnitCells, create: () => false, update: () => false, delete: () => false },
  // The yearly table reads (year, metric); the incremental path deletes (year, month).
  indexes: [{ fields: ['year', 'metric'] }, { fields: ['year', 'month'] }],
  fields: [
    { name: 'year', type: 'number', required: true, label: l('Năm', 'Year'), admin: readOnly },
    { name: 'month', type: 'number', required: true, min: 0, max: 12, label: l('Tháng (0 = cả năm)', 'Month (0 = whole year)'), admin: readOnly },
    { name: 'metric', type: 'select', required: true, options: metrics.options, label: l('Chỉ số', 'Measure'), admin: readOnly },
    { name: 'value', type: 'number', required: true, label: l('Giá trị', 'Value'), admin: readOnly },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', label: l('Chiến dịch (trống = tất cả)', 'Campaign (empty = all)'), admin: readOnly },
    { name: 'unit', type: 'relationship', relationTo: 'units', index: true, label: l('Đơn vị', 'Unit'), admin: readOnly },
    // The unit's name when the figure was computed: a unit merged or renamed later keeps its past figures under its own name.
    { name: 'unitName', type: 'text', label: l('Tên đơn vị (khi tổng hợp)', 'Unit name (when computed)'), admin: readOnly },
    { name: 'contentType', type: 'select', options: contentKinds.options, label: l('Loại nội dung', 'Content type'), admin: readOnly },
    { name: 'channel', type: 'relationship', relationTo: 'channels', label: l('Kênh (trống = không theo kênh)', 'Channel (empty = not a channel figure)'), admin: readOnly },
    { name: 'channelKind', type: 'select', options: channelKinds.options, label: l('Loại kênh', 'Channel kind'), admin: readOnly },
    { name: 'topic', type: 'relationship', relationTo: 'topics', label: l('Chủ đề (trống = tất cả)', 'Topic (empty = all)'), admin: readOnly },
    { name: 'key', type: 'text', required: true, unique: true, label: l('Khoá ô số liệu', 'Cell key'), admin: readOnly },
  ],
}
