import * as migration_20261122_111040_initial from './20261122_111040_initial';
import * as migration_20261122_131052_youtube_refresh from './20261122_131052_youtube_refresh';
import * as migration_20261125_211530_publication_titles from './20261125_211530_publication_titles';
import * as migration_20261125_213633_reporting_inputs from './20261125_213633_reporting_inputs';
import * as migration_20261125_220453_rollup from './20261125_220453_rollup';
import * as migration_20261125_222910_dispatch_lease_worker_and_due_indexes from './20261125_222910_dispatch_lease_worker_and_due_indexes';
import * as migration_20261125_225104_rollup_fast_writes from './20261125_225104_rollup_fast_writes';
import * as migration_20261126_000711_publication_content_ref from './20261126_000711_publication_content_ref';
import * as migration_20261126_030342_audit_trail from './20261126_030342_audit_trail';
import * as migration_20261126_032339_publication_lean_indexes from './20261126_032339_publication_lean_indexes';
import * as migration_20261126_041423_unit_reports from './20261126_041423_unit_reports';
import * as migration_20261126_042435_rollup_cells_without_key from './20261126_042435_rollup_cells_without_key';
import * as migration_20261126_055013_public_page from './20261126_055013_public_page';
import * as migration_20261126_055304_snapshot_cells from './20261126_055304_snapshot_cells';
import * as migration_20261126_055334_tiktok_channel_engagement_pull from './20261126_055334_tiktok_channel_engagement_pull';
import * as migration_20261126_055823_site_changes from './20261126_055823_site_changes';
import * as migration_20261126_061151_on_demand_exports from './20261126_061151_on_demand_exports';
import * as migration_20261126_073900_rollup_cells_rowid from './20261126_073900_rollup_cells_rowid';
import * as migration_20261126_091500_engagement_with_publications from './20261126_091500_engagement_with_publications';
import * as migration_20261126_093500_observation_latest_order from './20261126_093500_observation_latest_order';
import * as migration_20261126_102837_unit_reports_without_lock from './20261126_102837_unit_reports_without_lock';
import * as migration_20261204_232014_report_settings from './20261204_232014_report_settings';
import * as migration_20261205_004413_indicators from './20261205_004413_indicators';
import * as migration_20261205_004725_publication_outcome_unknown from './20261205_004725_publication_outcome_unknown';
import * as migration_20261205_005316_publication_return_reason from './20261205_005316_publication_return_reason';
import * as migration_20261205_005431_plan_tasks from './20261205_005431_plan_tasks';
import * as migration_20261205_005551_freeze_and_list_search from './20261205_005551_freeze_and_list_search';
import * as migration_20261205_005741_unit_tree from './20261205_005741_unit_tree';
import * as migration_20261205_005959_list_search_backfill from './20261205_005959_list_search_backfill';
import * as migration_20261205_010959_unit_parent_periods from './20261205_010959_unit_parent_periods';
import * as migration_20261205_030000_rollup_cells_all_family_index from './20261205_030000_rollup_cells_all_family_index';
import * as migration_20261205_030537_report_settings_logo from './20261205_030537_report_settings_logo';
import * as migration_20261205_030615_manual_report_reminders from './20261205_030615_manual_report_reminders';
import * as migration_20261205_060000_indicator_fact_sums from './20261205_060000_indicator_fact_sums';
import * as migration_20261205_060742_event_check_in from './20261205_060742_event_check_in';
import * as migration_20261205_061005_commissions_comments from './20261205_061005_commissions_comments';
import * as migration_20261205_061546_withdrawals from './20261205_061546_withdrawals';
import * as migration_20261205_061720_review_notifications from './20261205_061720_review_notifications';
import * as migration_20261205_064921_snapshot_indicator_facts from './20261205_064921_snapshot_indicator_facts';
import * as migration_20261205_212223_surveys from './20261205_212223_surveys';
import * as migration_20261206_001633_background_jobs from './20261206_001633_background_jobs';
import * as migration_20261206_005836_system_rows_without_edit_locks from './20261206_005836_system_rows_without_edit_locks';
import * as migration_20261206_041932_featured_published_indexes from './20261206_041932_featured_published_indexes';
import * as migration_20261206_044500_lease_partial_indexes from './20261206_044500_lease_partial_indexes';

export const migrations = [
  {
    up: migration_20261122_111040_initial.up,
    down: migration_20261122_111040_initial.down,
    name: '20261122_111040_initial',
  },
  {
    up: migration_20261122_131052_youtube_refresh.up,
    down: migration_20261122_131052_youtube_refresh.down,
    name: '20261122_131052_youtube_refresh',
  },
  {
    up: migration_20261125_211530_publication_titles.up,
    down: migration_20261125_211530_publication_titles.down,
    name: '20261125_211530_publication_titles',
  },
  {
    up: migration_20261125_213633_reporting_inputs.up,
    down: migration_20261125_213633_reporting_inputs.down,
    name: '20261125_213633_reporting_inputs',
  },
  {
    up: migration_20261125_220453_rollup.up,
    down: migration_20261125_220453_rollup.down,
    name: '20261125_220453_rollup',
  },
  {
    up: migration_20261125_222910_dispatch_lease_worker_and_due_indexes.up,
    down: migration_20261125_222910_dispatch_lease_worker_and_due_indexes.down,
    name: '20261125_222910_dispatch_lease_worker_and_due_indexes',
  },
  {
    up: migration_20261125_225104_rollup_fast_writes.up,
    down: migration_20261125_225104_rollup_fast_writes.down,
    name: '20261125_225104_rollup_fast_writes',
  },
  {
    up: migration_20261126_000711_publication_content_ref.up,
    down: migration_20261126_000711_publication_content_ref.down,
    name: '20261126_000711_publication_content_ref',
  },
  {
    up: migration_20261126_030342_audit_trail.up,
    down: migration_20261126_030342_audit_trail.down,
    name: '20261126_030342_audit_trail',
  },
  {
    up: migration_20261126_032339_publication_lean_indexes.up,
    down: migration_20261126_032339_publication_lean_indexes.down,
    name: '20261126_032339_publication_lean_indexes',
  },
  {
    up: migration_20261126_041423_unit_reports.up,
    down: migration_20261126_041423_unit_reports.down,
    name: '20261126_041423_unit_reports',
  },
  {
    up: migration_20261126_042435_rollup_cells_without_key.up,
    down: migration_20261126_042435_rollup_cells_without_key.down,
    name: '20261126_042435_rollup_cells_without_key',
  },
  {
    up: migration_20261126_055013_public_page.up,
    down: migration_20261126_055013_public_page.down,
    name: '20261126_055013_public_page',
  },
  {
    up: migration_20261126_055304_snapshot_cells.up,
    down: migration_20261126_055304_snapshot_cells.down,
    name: '20261126_055304_snapshot_cells',
  },
  {
    up: migration_20261126_055334_tiktok_channel_engagement_pull.up,
    down: migration_20261126_055334_tiktok_channel_engagement_pull.down,
    name: '20261126_055334_tiktok_channel_engagement_pull',
  },
  {
    up: migration_20261126_055823_site_changes.up,
    down: migration_20261126_055823_site_changes.down,
    name: '20261126_055823_site_changes',
  },
  {
    up: migration_20261126_061151_on_demand_exports.up,
    down: migration_20261126_061151_on_demand_exports.down,
    name: '20261126_061151_on_demand_exports',
  },
  {
    up: migration_20261126_073900_rollup_cells_rowid.up,
    down: migration_20261126_073900_rollup_cells_rowid.down,
    name: '20261126_073900_rollup_cells_rowid',
  },
  {
    up: migration_20261126_091500_engagement_with_publications.up,
    down: migration_20261126_091500_engagement_with_publications.down,
    name: '20261126_091500_engagement_with_publications',
  },
  {
    up: migration_20261126_093500_observation_latest_order.up,
    down: migration_20261126_093500_observation_latest_order.down,
    name: '20261126_093500_observation_latest_order',
  },
  {
    up: migration_20261126_102837_unit_reports_without_lock.up,
    down: migration_20261126_102837_unit_reports_without_lock.down,
    name: '20261126_102837_unit_reports_without_lock',
  },
  {
    up: migration_20261204_232014_report_settings.up,
    down: migration_20261204_232014_report_settings.down,
    name: '20261204_232014_report_settings',
  },
  {
    up: migration_20261205_004413_indicators.up,
    down: migration_20261205_004413_indicators.down,
    name: '20261205_004413_indicators',
  },
  {
    up: migration_20261205_004725_publication_outcome_unknown.up,
    down: migration_20261205_004725_publication_outcome_unknown.down,
    name: '20261205_004725_publication_outcome_unknown',
  },
  {
    up: migration_20261205_005316_publication_return_reason.up,
    down: migration_20261205_005316_publication_return_reason.down,
    name: '20261205_005316_publication_return_reason',
  },
  {
    up: migration_20261205_005431_plan_tasks.up,
    down: migration_20261205_005431_plan_tasks.down,
    name: '20261205_005431_plan_tasks',
  },
  {
    up: migration_20261205_005551_freeze_and_list_search.up,
    down: migration_20261205_005551_freeze_and_list_search.down,
    name: '20261205_005551_freeze_and_list_search',
  },
  {
    up: migration_20261205_005741_unit_tree.up,
    down: migration_20261205_005741_unit_tree.down,
    name: '20261205_005741_unit_tree',
  },
  {
    up: migration_20261205_005959_list_search_backfill.up,
    down: migration_20261205_005959_list_search_backfill.down,
    name: '20261205_005959_list_search_backfill',
  },
  {
    up: migration_20261205_010959_unit_parent_periods.up,
    down: migration_20261205_010959_unit_parent_periods.down,
    name: '20261205_010959_unit_parent_periods',
  },
  {
    up: migration_20261205_030000_rollup_cells_all_family_index.up,
    down: migration_20261205_030000_rollup_cells_all_family_index.down,
    name: '20261205_030000_rollup_cells_all_family_index',
  },
  {
    up: migration_20261205_030537_report_settings_logo.up,
    down: migration_20261205_030537_report_settings_logo.down,
    name: '20261205_030537_report_settings_logo',
  },
  {
    up: migration_20261205_030615_manual_report_reminders.up,
    down: migration_20261205_030615_manual_report_reminders.down,
    name: '20261205_030615_manual_report_reminders',
  },
  {
    up: migration_20261205_060000_indicator_fact_sums.up,
    down: migration_20261205_060000_indicator_fact_sums.down,
    name: '20261205_060000_indicator_fact_sums',
  },
  {
    up: migration_20261205_060742_event_check_in.up,
    down: migration_20261205_060742_event_check_in.down,
    name: '20261205_060742_event_check_in',
  },
  {
    up: migration_20261205_061005_commissions_comments.up,
    down: migration_20261205_061005_commissions_comments.down,
    name: '20261205_061005_commissions_comments',
  },
  {
    up: migration_20261205_061546_withdrawals.up,
    down: migration_20261205_061546_withdrawals.down,
    name: '20261205_061546_withdrawals',
  },
  {
    up: migration_20261205_061720_review_notifications.up,
    down: migration_20261205_061720_review_notifications.down,
    name: '20261205_061720_review_notifications',
  },
  {
    up: migration_20261205_064921_snapshot_indicator_facts.up,
    down: migration_20261205_064921_snapshot_indicator_facts.down,
    name: '20261205_064921_snapshot_indicator_facts',
  },
  {
    up: migration_20261205_212223_surveys.up,
    down: migration_20261205_212223_surveys.down,
    name: '20261205_212223_surveys',
  },
  {
    up: migration_20261206_001633_background_jobs.up,
    down: migration_20261206_001633_background_jobs.down,
    name: '20261206_001633_background_jobs',
  },
  {
    up: migration_20261206_005836_system_rows_without_edit_locks.up,
    down: migration_20261206_005836_system_rows_without_edit_locks.down,
    name: '20261206_005836_system_rows_without_edit_locks',
  },
  {
    up: migration_20261206_041932_featured_published_indexes.up,
    down: migration_20261206_041932_featured_published_indexes.down,
    name: '20261206_041932_featured_published_indexes',
  },
  {
    up: migration_20261206_044500_lease_partial_indexes.up,
    down: migration_20261206_044500_lease_partial_indexes.down,
    name: '20261206_044500_lease_partial_indexes',
  },
];
