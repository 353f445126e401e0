/**
 * The project's one vocabulary: statuses, kinds and roles with their labels and groups. It sits
 * below everything (it imports nothing of the project's), so collections, hooks, dispatch, feeds,
 * rundowns and the admin all read the same values.
 */
export * from './audit'
export * from './campaigns'
export * from './channels'
export * from './commissions'
export * from './checkIn'
export * from './content'
export * from './define'
export * from './engagement'
export * from './indicators'
export * from './jobs'
export * from './metrics'
export * from './publications'
export * from './reports'
export * from './roles'
export * from './tasks'
export * from './trainings'
export * from './unitReports'
export * from './units'
export * from './review'
export * from './surveys'
