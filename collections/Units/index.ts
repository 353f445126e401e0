import type { CollectionConfig, Validate } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { l } from '@/lib/i18n'
import { UnitKind, unitKinds } from '@/vocabulary'
import { relationId, sameId } from '@/lib/relation'
import { DATE_FORMAT } from '@/lib/time'
import { forgetUnitTree } from '@/units/load'
import { parentPeriods } from './hooks/parentPeriods'
import { LIST_SEARCH_SOURCES, withListSearch } from '@/fields/listSearch'

/**
 * A unit's parent chain must not lead back to the unit: A → B → A would make "the units under A"
 * endless. Walks up from the chosen parent (the chain is short: province, district, commune).
 */
const parentWithoutCycle: Validate = async (value, { id, req }) => {
  let current = relationId(value)
  const seen = new Set<string>()
  while (current && id) {
    if (sameId(current, id)) {
      return seen.size === 0
        ? 'Một đơn vị không thể là cấp trên của chính nó.'
        : 'Đơn vị cấp trên này lại trực thuộc đơn vị đang sửa; chọn như vậy sẽ tạo vòng lặp.'
    }
    if (seen.has(current)) break
    seen.add(current)
    const parent = await req.payload.findByID({
      collection: 'units',
      id: current,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
      select: { parent: true },
    })
    current = relationId(parent?.parent)
  }
  return true
}

const day = (name: string, vi: string, en: string, description?: string) => ({
  name,
  type: 'date' as const,
  label: l(vi, en),
  admin: {
    date: { pickerAppearance: 'dayOnly' as const, displayFormat: DATE_FORMAT },
    ...(description ? { description } : {}),
  },
})

/**
 * Units are data, not code: departments merge and districts are abolished. A unit's parent is
 * kept with its dates (`parents`: the tree on any day can be read); `parent` is today's, kept by
 * hooks/parentPeriods.ts. Merges, splits, renames and moves are `unit-events`.
 */
const config: CollectionConfig<'units'> = {
  slug: 'units',
  labels: { singular: l('Đơn vị', 'Unit'), plural: l('Đơn vị', 'Units') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'parent', 'active'],
    components: { beforeList: ['/admin/units/UnitTreeLink#UnitTreeLink'] },
    group: l('Quản trị', 'Administration'),
  },
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [parentPeriods],
    afterChange: [forgetUnitTree],
    afterDelete: [forgetUnitTree],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 200,
      label: l('Tên đơn vị', 'Name'),
    },
    { name: 'shortName', type: 'text', maxLength: 60, label: l('Tên viết tắt', 'Short name') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: UnitKind.Department,
      options: unitKinds.options,
      label: l('Loại đơn vị', 'Kind'),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị cấp trên', 'Parent unit'),
      validate: parentWithoutCycle,
      admin: {
        description: l(
          'Cấp trên hiện nay. Đổi ở đây là chuyển đơn vị từ hôm nay; lịch sử ở "Các giai đoạn trực thuộc".',
          'Today’s parent; changing it moves the unit from today (history below).',
        ),
      },
    },
    {
      type: 'row',
      fields: [
        day('validFrom', 'Thành lập từ ngày', 'Valid from', 'Để trống: có từ trước.'),
        day(
          'validTo',
          'Kết thúc ngày',
          'Valid to',
          'Ngày cuối cùng đơn vị còn tồn tại (sáp nhập, chia tách, giải thể).',
        ),
      ],
    },
    {
      name: 'parents',
      type: 'array',
      label: l('Các giai đoạn trực thuộc', 'Parent periods'),
      labels: { singular: l('Giai đoạn', 'Period'), plural: l('Giai đoạn', 'Periods') },
      admin: {
        initCollapsed: true,
        description: l(
          'Đơn vị cấp trên theo từng giai đoạn (ví dụ: xã thuộc huyện đến 30/06/2025, thuộc tỉnh từ 01/07/2025). Để trống ngày: từ trước / đến nay.',
          'The parent in each period; empty dates are open.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'parent',
              type: 'relationship',
              relationTo: 'units',
              required: true,
              label: l('Đơn vị cấp trên', 'Parent'),
              admin: { width: '50%' },
            },
            {
              ...day('from', 'Từ ngày', 'From'),
              admin: { ...day('from', '', '').admin, width: '25%' },
            },
            { ...day('to', 'Đến ngày', 'To'), admin: { ...day('to', '', '').admin, width: '25%' } },
          ],
        },
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: l('Đang hoạt động', 'Active') },
    {
      name: 'reviewRequired',
      type: 'checkbox',
      defaultValue: false,
      label: l('Đăng bài cần duyệt', 'Publishing needs review'),
      admin: {
        description: l(
          'Bật: biên tập viên, cộng tác viên của đơn vị gửi duyệt, chỉ người duyệt bài (thư ký tòa soạn) của đơn vị xuất bản. Tắt: biên tập viên xuất bản trực tiếp.',
          'On: the unit’s reviewers publish what others submit. Off: editors publish directly.',
        ),
      },
    },
  ],
}

/** The list's search folds Vietnamese (src/fields/listSearch.ts). */
export const Units = withListSearch(config, LIST_SEARCH_SOURCES.units, {
  vi: 'tên, tên viết tắt',
  en: 'name, short name',
})
