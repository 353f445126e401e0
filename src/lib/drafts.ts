import type { CollectionConfig } from 'payload'

/** Drafts are validated like published documents, so a bad date is caught at once, not at publish time. */
export const draftVersions: CollectionConfig['versions'] = { drafts: { validate: true }, maxPerDoc: 50 }
