import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'
import { appendHooks, forCollections, forCollectionsExcept } from '@/lib/plugins'

const collection = (slug: string): CollectionConfig => ({
  slug,
  fields: [],
  hooks: { afterChange: [() => 'own'] },
})
const config = { collections: ['articles', 'media', 'audit-log'].map(collection) } as Config
const mark = (c: CollectionConfig) =>
  appendHooks(c, { afterChange: [() => 'added'], afterDelete: [() => 'added'] })
const hooksOf = (c: Config, slug: string) =>
  c.collections!.find((x) => x.slug === slug)!.hooks!

describe('the cross-cutting plugins name their collections in payload.config.ts', () => {
  it('changes only the named collections, after their own hooks', async () => {
    const out = await forCollections('test', ['articles'], mark)(config)
    expect(hooksOf(out, 'articles').afterChange!.map((h) => (h as () => string)())).toEqual([
      'own',
      'added',
    ])
    expect(hooksOf(out, 'articles').afterDelete).toHaveLength(1)
    expect(hooksOf(out, 'media').afterChange).toHaveLength(1)
    expect(hooksOf(out, 'media').afterDelete).toBeUndefined()
  })

  it('refuses a name that matches no collection, so nothing is silently left out', () => {
    expect(() => forCollections('siteChanges', ['article'], mark)(config)).toThrow(
      'siteChanges: no collection named article',
    )
    expect(() => forCollectionsExcept('auditTrail', ['audit-logs'], mark)(config)).toThrow(
      'auditTrail: no collection named audit-logs',
    )
  })

  it('"except" changes every other collection', async () => {
    const out = await forCollectionsExcept('auditTrail', ['audit-log'], mark)(config)
    expect(hooksOf(out, 'articles').afterDelete).toHaveLength(1)
    expect(hooksOf(out, 'media').afterDelete).toHaveLength(1)
    expect(hooksOf(out, 'audit-log').afterDelete).toBeUndefined()
  })
})
