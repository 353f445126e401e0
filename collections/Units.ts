import type { CollectionConfig, Validate } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { l } from '@/lib/i18n'
import { UnitKind, unitKinds } from '@/vocabulary'
import { relationId, sameId } from '@/lib/relation'
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

/** Units are data, not code: departments merge and districts are abolished. */
const config: CollectionConfig<'units'> = {
  slug: 'units',
  labels: { singular: l('Đơn vị', 'Unit'), plural: l('Đơn vị', 'Units') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'active'],
    group: l('Quản trị', 'Administration'),
  },
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
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
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: l('Đang hoạt động', 'Active') },
  ],
}

/** The list's search folds Vietnamese (src/fields/listSearch.ts). */
export const Units = withListSearch(config, LIST_SEARCH_SOURCES.units, { vi: 'tên, tên viết tắt', en: 'name, short name' })
