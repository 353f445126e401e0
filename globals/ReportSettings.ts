import type { ArrayField, Field, GlobalAfterChangeHook, GlobalConfig, Validate } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { changedFields } from '@/audit/hooks'
import { recordAudit } from '@/audit/record'
import { l } from '@/lib/i18n'
import { AuditAction } from '@/vocabulary'

/** A person's change of the settings joins the audit trail, as a collection's does (audit/hooks.ts). */
const audit: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!req.user) return doc
  const fields = changedFields(previousDoc, doc)
  if (fields.length)
    await recordAudit(
      req.payload,
      {
        action: AuditAction.Update,
        user: req.user,
        collection: 'report-settings',
        documentTitle: 'Cài đặt báo cáo',
        summary: `Sửa cài đặt báo cáo: ${fields.join(', ')}`,
        changedFields: fields,
      },
      req,
    )
  return doc
}

const recipients = (description: string): ArrayField => ({
  name: 'recipients',
  type: 'array',
  label: l('Nơi nhận', 'Recipients'),
  labels: { singular: l('Nơi nhận', 'Recipient'), plural: l('Nơi nhận', 'Recipients') },
  admin: { description },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 200,
      label: l('Tên cơ quan, đơn vị', 'Name'),
    },
  ],
})

/** Number and symbol, signer: the fields a year may set, falling back to the general ones. */
const signer = (general: boolean): Field[] => [
  {
    name: 'symbol',
    type: 'text',
    maxLength: 40,
    label: l('Ký hiệu văn bản', 'Document symbol'),
    admin: {
      description: general
        ? 'Phần sau dấu "/" của số văn bản, ví dụ BC-STTTT. Mặc định BC-STTTT.'
        : 'Để trống: dùng ký hiệu chung.',
    },
  },
  {
    name: 'signerAuthority',
    type: 'text',
    maxLength: 60,
    label: l('Thẩm quyền ký', 'Signing authority'),
    admin: {
      description: general
        ? 'Khi ký thay: "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC"… Để trống khi người đứng đầu ký.'
        : 'Để trống: dùng thẩm quyền ký chung.',
    },
  },
  {
    name: 'signerTitle',
    type: 'text',
    maxLength: 60,
    label: l('Chức vụ người ký', 'Signer’s title'),
    admin: { description: general ? 'Mặc định GIÁM ĐỐC.' : 'Để trống: dùng chức vụ chung.' },
  },
  {
    name: 'signerName',
    type: 'text',
    maxLength: 100,
    label: l('Họ tên người ký', 'Signer’s name'),
    admin: general ? undefined : { description: 'Để trống: dùng họ tên chung.' },
  },
]

/** One row per year: a year appears once. */
const distinctYears: Validate = (value) => {
  const years = ((value as { year?: number | null }[] | null) ?? []).map((r) => r.year)
  const twice = years.find((y, i) => y != null && years.indexOf(y) !== i)
  return twice == null ? true : `Năm ${twice} được khai báo hai lần: mỗi năm chỉ một dòng.`
}

/**
 * The province's report settings (Decree 30/2020/NĐ-CP's header, number and symbol, recipients and
 * signer): the general ones, and per year a number, symbol, recipients and signer that replace
 * them. Unset: the `REPORT_*` environment values, then Tây Ninh's Sở TT&TT
 * (src/reporting/export/issuer.ts). Admins and campaign managers edit; any staff member reads.
 */
export const ReportSettings: GlobalConfig = {
  slug: 'report-settings',
  label: l('Cài đặt báo cáo', 'Report settings'),
  admin: {
    group: l('Báo cáo', 'Reporting'),
    description: l(
      'Thông tin thể thức (Nghị định 30/2020/NĐ-CP) của báo cáo tỉnh: cơ quan ban hành, số và ký hiệu, nơi nhận, người ký. Để trống dùng giá trị mặc định.',
      'The province report’s header, number and symbol, recipients and signer (Decree 30/2020). Empty fields use the defaults.',
    ),
  },
  access: { read: loggedIn, update: crossUnit },
  hooks: { afterChange: [audit] },
  fields: [
    {
      name: 'parentBody',
      type: 'text',
      maxLength: 120,
      label: l('Cơ quan chủ quản', 'Parent body'),
      admin: {
        description:
          'Dòng trên cùng bên trái, ví dụ UBND TỈNH TÂY NINH. Cũng là tên tỉnh trên trang đăng nhập và đầu trang quản trị.',
      },
    },
    {
      name: 'issuingBody',
      type: 'text',
      maxLength: 120,
      label: l('Cơ quan ban hành', 'Issuing body'),
      admin: {
        description:
          'Ví dụ SỞ THÔNG TIN VÀ TRUYỀN THÔNG. Cũng là tên cơ quan trên trang đăng nhập, đầu trang quản trị và tiêu đề trang.',
      },
    },
    {
      // With the two names above, the admin's identity too: login page, header, page titles (src/admin/branding/).
      name: 'logo',
      type: 'upload',
      relationTo: 'media',
      label: l('Biểu trưng (logo)', 'Logo'),
      filterOptions: { mimeType: { contains: 'image/' } },
      admin: {
        description:
          'Hiện cùng tên cơ quan chủ quản và cơ quan ban hành trên trang đăng nhập, đầu trang quản trị và tiêu đề trang. Để trống: dùng biểu tượng mặc định.',
      },
    },
    {
      name: 'place',
      type: 'text',
      maxLength: 60,
      label: l('Địa danh', 'Place'),
      admin: { description: 'Địa danh ghi trước ngày tháng, ví dụ Tây Ninh.' },
    },
    ...signer(true),
    recipients('Mặc định: UBND tỉnh; Bộ Thông tin và Truyền thông; Lưu: VT, STTTT.'),
    {
      name: 'years',
      type: 'array',
      label: l('Theo năm báo cáo', 'Per report year'),
      labels: { singular: l('Năm', 'Year'), plural: l('Các năm', 'Years') },
      validate: distinctYears,
      admin: {
        description:
          'Số văn bản, ký hiệu, nơi nhận và người ký của báo cáo từng năm; ô để trống dùng giá trị chung ở trên.',
      },
      fields: [
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2100,
          label: l('Năm báo cáo', 'Report year'),
        },
        {
          name: 'number',
          type: 'text',
          maxLength: 20,
          label: l('Số văn bản', 'Number'),
          admin: { description: 'Để trống khi văn thư ghi số lúc phát hành.' },
        },
        ...signer(false),
        recipients('Để trống: dùng nơi nhận chung.'),
      ],
    },
  ],
}
