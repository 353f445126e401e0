import type { CollectionConfig, FieldAccess } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { unitEditors } from '@/access/ownUnitEditors'
import { readOwnUnit } from '@/access/readOwnUnit'
import { choiceField } from '@/fields/choice'
import { countField } from '@/fields/count'
import { l } from '@/lib/i18n'
import { dateTimePicker } from '@/lib/time'
import { EngagementSource, engagementMetrics, engagementSources } from '@/vocabulary'
import { engagementTemplate, importEngagementCsv } from './endpoints/importCsv'
import { checkObservation } from './hooks/checkObservation'

const systemOnly: FieldAccess = () => false

/**
 * Reach and engagement of one publication at one date. Observations are kept, never overwritten, so
 * growth over time can be shown; the latest one of a publication is its current figure.
 */
export const EngagementObservations: CollectionConfig<'engagement-observations'> = {
  slug: 'engagement-observations',
  labels: {
    singular: l('Số liệu tương tác', 'Engagement figure'),
    plural: l('Số liệu tiếp cận, tương tác', 'Reach and engagement'),
  },
  admin: {
    useAsTitle: 'publicationTitle',
    defaultColumns: [
      'publicationTitle',
      'channelName',
      'observedAt',
      'views',
      'reach',
      'reactions',
      'source',
    ],
    group: l('Kế hoạch', 'Planning'),
    description: l(
      'Nhập tay hoặc nhập từ tệp CSV (tải mẫu tại /api/engagement-observations/template). Mỗi lần ghi nhận là một dòng mới; số liệu cũ được giữ để thấy mức tăng.',
      'Typed in or imported from CSV (template at /api/engagement-observations/template). Each observation is kept.',
    ),
  },
  // History is kept: units add figures, only campaign managers correct or remove them.
  access: { read: readOwnUnit, create: unitEditors, update: crossUnit, delete: crossUnit },
  hooks: { beforeChange: [checkObservation] },
  endpoints: [importEngagementCsv, engagementTemplate],
  fields: [
    {
      name: 'publication',
      type: 'relationship',
      relationTo: 'publications',
      required: true,
      index: true,
      label: l('Lịch đăng', 'Publication'),
    },
    {
      name: 'observedAt',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      label: l('Thời điểm ghi nhận', 'Observed at'),
      admin: { date: dateTimePicker() },
    },
    {
      type: 'row',
      fields: engagementMetrics.values.map((metric) =>
        countField(metric, engagementMetrics.labels[metric]),
      ),
    },
    choiceField('source', l('Nguồn số liệu', 'Source'), engagementSources, EngagementSource.Manual),
    { name: 'note', type: 'text', maxLength: 500, label: l('Ghi chú', 'Note') },
    // Copied from the publication by checkObservation: access by unit, and totals by channel, without joins.
    {
      name: 'publicationTitle',
      type: 'text',
      label: l('Nội dung', 'Content'),
      admin: { readOnly: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'channelName',
      type: 'text',
      label: l('Kênh', 'Channel'),
      admin: { readOnly: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'channel',
      type: 'relationship',
      relationTo: 'channels',
      index: true,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị', 'Unit'),
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: systemOnly, update: systemOnly },
    },
  ],
}
