import type { CollectionConfig, Plugin } from 'payload'

type Change = (collection: CollectionConfig) => CollectionConfig

/**
 * A Payload plugin that changes the collections named at its call site in payload.config.ts. A
 * name that matches no collection stops the start, so a renamed collection cannot silently lose
 * its audit trail or its page-cache marks.
 */
export function forCollections(plugin: string, slugs: readonly string[], change: Change): Plugin {
  return (config) => {
    const known = new Set((config.collections ?? []).map((c) => c.slug))
    const unknown = slugs.filter((s) => !known.has(s))
    if (unknown.length) throw new Error(`${plugin}: no collection named ${unknown.join(', ')}`)
    const named = new Set(slugs)
    return {
      ...config,
      collections: config.collections?.map((c) => (named.has(c.slug) ? change(c) : c)),
    }
  }
}

/** Every collection but those named (each must exist). */
export function forCollectionsExcept(
  plugin: string,
  except: readonly string[],
  change: Change,
): Plugin {
  return (config) => {
    const all = (config.collections ?? []).map((c) => c.slug)
    const skipped = new Set(except)
    return forCollections(plugin, [...except, ...all.filter((s) => !skipped.has(s))], (c) =>
      skipped.has(c.slug) ? c : change(c),
    )(config)
  }
}

/** Appends hooks to a collection, after its own. */
export function appendHooks(
  collection: CollectionConfig,
  add: {
    [K in keyof NonNullable<CollectionConfig['hooks']>]?: NonNullable<CollectionConfig['hooks']>[K]
  },
): CollectionConfig {
  const hooks: Record<string, unknown[] | undefined> = { ...collection.hooks }
  for (const [name, list] of Object.entries(add))
    hooks[name] = [...(hooks[name] ?? []), ...(list as unknown[])]
  return { ...collection, hooks: hooks as CollectionConfig['hooks'] }
}
