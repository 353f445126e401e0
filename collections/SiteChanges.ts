import type { CollectionConfig } from 'payload'
import { l } from '@/lib/i18n'

/**
 * One row per committed change that can alter a public page (src/web/siteChanges.ts): written in
 * the changing transaction by the watched collections' hooks and by the dispatcher's batch, read
 * once a second by every web server process to empty its page cache. Rows, not a counter: on
 * MongoDB two transactions that update one hot document conflict (the second fails), while
 * inserts never do. Old rows are pruned by the servers. System only.
 */
export const SiteChanges: CollectionConfig<'site-changes'> = {
  slug: 'site-changes',
  labels: {
    singular: l('Thay đổi trang công khai', 'Site change'),
    plural: l('Thay đổi trang công khai', 'Site changes'),
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [{ name: 'source', type: 'text', label: l('Nguồn', 'Source') }],
}
