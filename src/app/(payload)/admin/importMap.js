import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewActions as ReviewActions_9db2450ab6dc8b3bb792fb31f556a0f3 } from '../../../admin/review/ReviewActions'
import { CommentsPanel as CommentsPanel_95d09c4c60d7c32b6310cd4a4913392f } from '../../../admin/comments/CommentsPanel'
import { AuditHistoryLink as AuditHistoryLink_619d2e94f061b20ac9694fdfa5fabc2b } from '../../../admin/AuditHistoryLink'
import { ScheduleLink as ScheduleLink_775342addc1f8619b090cf17718b7682 } from '../../../admin/publications/ScheduleLink'
import { WithdrawButton as WithdrawButton_8519e715902e8911680051a51b667ca6 } from '../../../admin/withdrawals/WithdrawButton'
import { NumberCell as NumberCell_85f88f3ffbc89bdbbf292eac1638c0ef } from '../../../admin/formats/NumberCell'
import { NumberField as NumberField_00e189cc2a0574034885dbb20ea0a48d } from '../../../admin/formats/NumberField'
import { CheckInSummary as CheckInSummary_9936d5504e22a184dd7ebb1eab0351df } from '../../../admin/events/CheckInSummary'
import { PlanCheck as PlanCheck_8ca26a684c40e12e71c570fd5af1f2c8 } from '../../../admin/campaigns/PlanCheck'
import { CampaignTaskBoard as CampaignTaskBoard_aa39edb1412ada303d9295326e0ffe73 } from '../../../admin/tasks/CampaignTaskBoard'
import { ApprovalActions as ApprovalActions_23cd41d23b66f696923a3070a97c10ff } from '../../../admin/publications/ApprovalActions'
import { BulkApproval as BulkApproval_2e6649db5fe33943d197e8d0b58582dd } from '../../../admin/publications/BulkApproval'
import { OverdueCell as OverdueCell_3212d33372b3ce2f7f59d2e5f671f71a } from '../../../admin/commissions/OverdueCell'
import { OverdueFilter as OverdueFilter_2dc7954c7795acf84a5d8ba4a6ca980f } from '../../../admin/commissions/OverdueFilter'
import { TaggedEvidence as TaggedEvidence_826e5b6f54927f3b54f7cdb1a7d12373 } from '../../../admin/tasks/TaggedEvidence'
import { OpenLink as OpenLink_4330f072c62685a81dd44be7729f2e27 } from '../../../admin/notifications/OpenLink'
import { MarkAllRead as MarkAllRead_abf7f90524ea5b0850ab944d4c0aefb5 } from '../../../admin/notifications/MarkAllRead'
import { DeadlineBadge as DeadlineBadge_868320aec97380c0b38b531bd76d9c4d } from '../../../admin/unitReports/DeadlineBadge'
import { ReviewActions as ReviewActions_2203ff79fea1fcfa5aa1b1036569abd2 } from '../../../admin/unitReports/ReviewActions'
import { FiguresTable as FiguresTable_390cceebd0519e869a2dbb97b84db37b } from '../../../admin/unitReports/FiguresTable'
import { UnitIndicators as UnitIndicators_c0728d2adb23052574af85546a236396 } from '../../../admin/unitReports/UnitIndicators'
import { UnitReportTasks as UnitReportTasks_969bc5d1f06ccd0d9240ab1dacc7f95c } from '../../../admin/tasks/UnitReportTasks'
import { FigureFileImport as FigureFileImport_51137af987aa8a9c25a4c6130084b723 } from '../../../admin/indicators/FigureFileImport'
import { SurveyResults as SurveyResults_dd705638a347288fca6e3aa69773f73d } from '../../../admin/surveys/SurveyResults'
import { UnitTreeLink as UnitTreeLink_f1efd9a536607b6877a4aff7f2c9ad48 } from '../../../admin/units/UnitTreeLink'
import { BrandBar as BrandBar_ebf1041dc141243b3606119b597e2e8c } from '../../../admin/branding/BrandBar'
import { Icon as Icon_f1306b7f4e702a7de15080a9800f6496 } from '../../../admin/branding/Icon'
import { Logo as Logo_a41d5e6efd03cf45e56fd4cc78df7359 } from '../../../admin/branding/Logo'
import { Bell as Bell_3341fcfa7ba6484b230ad1a556597f29 } from '../../../admin/notifications/Bell'
import { DispatcherWidget as DispatcherWidget_374cf172bb989a51fba8997dc316731e } from '../../../admin/DispatcherWidget'
import { BackupWidget as BackupWidget_923d2daa91953be31bee3c2cd3c0e245 } from '../../../admin/BackupWidget'
import { OverdueTasksWidget as OverdueTasksWidget_dfef4be991a56ee6b03c5568a84cc46d } from '../../../admin/tasks/OverdueTasksWidget'
import { NavLinks as NavLinks_01a9df7dd30cd430bd06ced3e5f29e90 } from '../../../admin/NavLinks'
import { TodoWidget as TodoWidget_5e1b8f60b937620914173bdd4133f61b } from '../../../admin/dashboard/TodoWidget'
import { CalendarView as CalendarView_d81710f9a4806f51db4eac087b3b137b } from '../../../admin/calendar/CalendarView'
import { ScheduleView as ScheduleView_8dc797229ed9349c49747cd16935846f } from '../../../admin/schedule/ScheduleView'
import { ReportsView as ReportsView_913b2914f8e2e330e988d68c960f4ecb } from '../../../admin/reports/ReportsView'
import { SubmissionsView as SubmissionsView_4b5edfaccefb78dcd6f4b3d16d02db8d } from '../../../admin/submissions/SubmissionsView'
import { IndicatorUnitsView as IndicatorUnitsView_fdfe38610e7e181822535ad4eb884ada } from '../../../admin/indicators/IndicatorUnitsView'
import { UnitTreeView as UnitTreeView_b0afa90a9b6cbf511e35cff21d5e11db } from '../../../admin/units/UnitTreeView'
import { ExportView as ExportView_072675bb0a441a5cc6ec7ce93b2edfdc } from '../../../admin/export/ExportView'
import { TaskBoardView as TaskBoardView_5cb4161f4a8ec16e21968eb3533471da } from '../../../admin/tasks/TaskBoardView'
import { TaskImportView as TaskImportView_25e748e73dc7275e1114129778c9d207 } from '../../../admin/tasks/TaskImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/review/ReviewActions#ReviewActions": ReviewActions_9db2450ab6dc8b3bb792fb31f556a0f3,
  "/admin/comments/CommentsPanel#CommentsPanel": CommentsPanel_95d09c4c60d7c32b6310cd4a4913392f,
  "/admin/AuditHistoryLink#AuditHistoryLink": AuditHistoryLink_619d2e94f061b20ac9694fdfa5fabc2b,
  "/admin/publications/ScheduleLink#ScheduleLink": ScheduleLink_775342addc1f8619b090cf17718b7682,
  "/admin/withdrawals/WithdrawButton#WithdrawButton": WithdrawButton_8519e715902e8911680051a51b667ca6,
  "/admin/formats/NumberCell#NumberCell": NumberCell_85f88f3ffbc89bdbbf292eac1638c0ef,
  "/admin/formats/NumberField#NumberField": NumberField_00e189cc2a0574034885dbb20ea0a48d,
  "/admin/events/CheckInSummary#CheckInSummary": CheckInSummary_9936d5504e22a184dd7ebb1eab0351df,
  "/admin/campaigns/PlanCheck#PlanCheck": PlanCheck_8ca26a684c40e12e71c570fd5af1f2c8,
  "/admin/tasks/CampaignTaskBoard#CampaignTaskBoard": CampaignTaskBoard_aa39edb1412ada303d9295326e0ffe73,
  "/admin/publications/ApprovalActions#ApprovalActions": ApprovalActions_23cd41d23b66f696923a3070a97c10ff,
  "/admin/publications/BulkApproval#BulkApproval": BulkApproval_2e6649db5fe33943d197e8d0b58582dd,
  "/admin/commissions/OverdueCell#OverdueCell": OverdueCell_3212d33372b3ce2f7f59d2e5f671f71a,
  "/admin/commissions/OverdueFilter#OverdueFilter": OverdueFilter_2dc7954c7795acf84a5d8ba4a6ca980f,
  "/admin/tasks/TaggedEvidence#TaggedEvidence": TaggedEvidence_826e5b6f54927f3b54f7cdb1a7d12373,
  "/admin/notifications/OpenLink#OpenLink": OpenLink_4330f072c62685a81dd44be7729f2e27,
  "/admin/notifications/MarkAllRead#MarkAllRead": MarkAllRead_abf7f90524ea5b0850ab944d4c0aefb5,
  "/admin/unitReports/DeadlineBadge#DeadlineBadge": DeadlineBadge_868320aec97380c0b38b531bd76d9c4d,
  "/admin/unitReports/ReviewActions#ReviewActions": ReviewActions_2203ff79fea1fcfa5aa1b1036569abd2,
  "/admin/unitReports/FiguresTable#FiguresTable": FiguresTable_390cceebd0519e869a2dbb97b84db37b,
  "/admin/unitReports/UnitIndicators#UnitIndicators": UnitIndicators_c0728d2adb23052574af85546a236396,
  "/admin/tasks/UnitReportTasks#UnitReportTasks": UnitReportTasks_969bc5d1f06ccd0d9240ab1dacc7f95c,
  "/admin/indicators/FigureFileImport#FigureFileImport": FigureFileImport_51137af987aa8a9c25a4c6130084b723,
  "/admin/surveys/SurveyResults#SurveyResults": SurveyResults_dd705638a347288fca6e3aa69773f73d,
  "/admin/units/UnitTreeLink#UnitTreeLink": UnitTreeLink_f1efd9a536607b6877a4aff7f2c9ad48,
  "/admin/branding/BrandBar#BrandBar": BrandBar_ebf1041dc141243b3606119b597e2e8c,
  "/admin/branding/Icon#Icon": Icon_f1306b7f4e702a7de15080a9800f6496,
  "/admin/branding/Logo#Logo": Logo_a41d5e6efd03cf45e56fd4cc78df7359,
  "/admin/notifications/Bell#Bell": Bell_3341fcfa7ba6484b230ad1a556597f29,
  "/admin/DispatcherWidget#DispatcherWidget": DispatcherWidget_374cf172bb989a51fba8997dc316731e,
  "/admin/BackupWidget#BackupWidget": BackupWidget_923d2daa91953be31bee3c2cd3c0e245,
  "/admin/tasks/OverdueTasksWidget#OverdueTasksWidget": OverdueTasksWidget_dfef4be991a56ee6b03c5568a84cc46d,
  "/admin/NavLinks#NavLinks": NavLinks_01a9df7dd30cd430bd06ced3e5f29e90,
  "/admin/dashboard/TodoWidget#TodoWidget": TodoWidget_5e1b8f60b937620914173bdd4133f61b,
  "/admin/calendar/CalendarView#CalendarView": CalendarView_d81710f9a4806f51db4eac087b3b137b,
  "/admin/schedule/ScheduleView#ScheduleView": ScheduleView_8dc797229ed9349c49747cd16935846f,
  "/admin/reports/ReportsView#ReportsView": ReportsView_913b2914f8e2e330e988d68c960f4ecb,
  "/admin/submissions/SubmissionsView#SubmissionsView": SubmissionsView_4b5edfaccefb78dcd6f4b3d16d02db8d,
  "/admin/indicators/IndicatorUnitsView#IndicatorUnitsView": IndicatorUnitsView_fdfe38610e7e181822535ad4eb884ada,
  "/admin/units/UnitTreeView#UnitTreeView": UnitTreeView_b0afa90a9b6cbf511e35cff21d5e11db,
  "/admin/export/ExportView#ExportView": ExportView_072675bb0a441a5cc6ec7ce93b2edfdc,
  "/admin/tasks/TaskBoardView#TaskBoardView": TaskBoardView_5cb4161f4a8ec16e21968eb3533471da,
  "/admin/tasks/TaskImportView#TaskImportView": TaskImportView_25e748e73dc7275e1114129778c9d207,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
