import type { CollectionConfig } from 'payload'
import { unitContentAccess } from '@/access/unitContent'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { l, type Label } from '@/lib/i18n'
import type { ContentKind } from '@/vocabulary'
import { serverUrl } from '@/lib/env'
import { contentSidebar, reviewFields, titleField } from './fields'
import { cancelPublicationsOfDeletedContent } from './hooks/cancelPublicationsOfDeletedContent'
import { keepPublicFields } from './hooks/keepPublicFields'
import { keepPublishedFromContributors } from './hooks/keepPublishedFromContributors'
import { reopenApprovalsOnEdit } from './hooks/reopenApprovalsOnEdit'
import { notifyReview, reviewWorkflow } from './hooks/reviewWorkflow'
import { stampPublishedAt } from './hooks/stampPublishedAt'
import { foldListSearchQuery } from '@/fields/listSearch'

/** The draft-preview link of an item; null until it has a slug. */
const previewPath = (kind: ContentKind, slug: unknown) =>
  typeof slug === 'string' && slug
    ? `${serverUrl()}/next/preview?collection=${kind}&slug=${encodeURIComponent(slug)}`
    : null

/** What a content collection says of itself; the block supplies the rest. */
export type OwnContentConfig = Omit<
  CollectionConfig<ContentKind>,
  'access' | 'versions' | 'slug'
> & {
  slug: ContentKind
  /** The label of the owner unit field, where "owner" has a more precise name (an event's organiser). */
  ownerLabel?: Label
}

/**
 * The block every unit-owned content collection shares, applied in one place (as Payload's
 * multi-tenant plugin applies tenant access to the collections it is given): unit access, drafts
 * and versions, the title first and the sidebar (slug, owner unit, topics, campaigns, tags,
 * publish time) last, and the hooks that keep publications and units consistent. Hooks a
 * collection declares itself run after the block's.
 */
export function applyContentBlock({
  ownerLabel,
  ...own
}: OwnContentConfig): CollectionConfig<ContentKind> {
  const hooks = own.hooks ?? {}
  return {
    ...own,
    admin: {
      useAsTitle: 'title',
      // The folded text the public search uses (title, summary, body, tags): see src/fields/listSearch.ts.
      listSearchableFields: ['searchText'],
      group: l('Nội dung', 'Content'),
      // The admin's Preview button and live preview open the public page in draft mode (src/app/(frontend)/next/preview).
      preview: (doc) => previewPath(own.slug, doc.slug),
      livePreview: { url: ({ data }) => previewPath(own.slug, data?.slug) },
      ...own.admin,
      components: {
        ...own.admin?.components,
        edit: {
          ...own.admin?.components?.edit,
          // "Lên lịch đăng": the scheduling form with this item chosen (src/admin/publications/).
          beforeDocumentControls: [
            '/admin/publications/ScheduleLink#ScheduleLink',
            // "Gỡ bài": withdraw the item from the page and every channel (collections/Withdrawals).
            '/admin/withdrawals/WithdrawButton#WithdrawButton',
            ...(own.admin?.components?.edit?.beforeDocumentControls ?? []),
          ],
        },
      },
    },
    access: unitContentAccess,
    // The public page's "featured" strips (newest featured first): without it SQLite, with no
    // statistics, walks every item by publication date looking for a featured one (324 ms for
    // 100,000 articles with none featured, 7 ms with it).
    indexes: [{ fields: ['featured', 'publishedAt'] }, ...(own.indexes ?? [])],
    // Drafts are validated like published documents, so a bad date is caught at once, not at publish time.
    versions: { drafts: { validate: true }, maxPerDoc: 50 },
    hooks: {
      ...hooks,
      beforeOperation: [
        keepPublishedFromContributors,
        foldListSearchQuery(['searchText']),
        ...(hooks.beforeOperation ?? []),
      ],
      beforeChange: [
        enforceUnitRules,
        reviewWorkflow,
        stampPublishedAt,
        keepPublicFields,
        ...(hooks.beforeChange ?? []),
      ],
      afterChange: [reopenApprovalsOnEdit, notifyReview, ...(hooks.afterChange ?? [])],
      beforeDelete: [cancelPublicationsOfDeletedContent, ...(hooks.beforeDelete ?? [])],
    },
    fields: [titleField(), ...own.fields, ...reviewFields(), ...contentSidebar(ownerLabel)],
  }
}
