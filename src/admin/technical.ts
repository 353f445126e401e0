import type { CollectionConfig, Plugin } from 'payload'
import { hasRole } from '@/access/roles'
import { Role } from '@/vocabulary'

/**
 * The document view's "API" tab (raw JSON and the REST address) is a technical tool: shown to
 * admins only, on every collection. The REST API itself keeps its own access rules.
 */
export const apiTabForAdmins = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((c) => {
    const views = c.admin?.components?.views
    const edit = views?.edit
    return {
      ...c,
      admin: {
        ...c.admin,
        components: {
          ...c.admin?.components,
          views: {
            ...views,
            edit: {
              ...edit,
              api: {
                ...edit?.api,
                tab: { ...edit?.api?.tab, condition: ({ req }) => hasRole(req.user, Role.Admin) },
              },
            },
          },
        },
      },
    } as CollectionConfig
  }),
})
