import { Init1764147600000 } from './1764147600000-init';
import { Staff1764151200000 } from './1764151200000-staff';
import { ReportsAndCases1764154800000 } from './1764154800000-reports-and-cases';
import { AccessRegister1764158400000 } from './1764158400000-access-register';
import { Retention1764162000000 } from './1764162000000-retention';
import { Decisions1764165600000 } from './1764165600000-decisions';
import { ReportCategoryIndex1764169200000 } from './1764169200000-report-category-index';
import { CaseCategories1764172800000 } from './1764172800000-case-categories';
import { TotpLastStep1764180000000 } from './1764180000000-totp-last-step';
import { GrantSessionStepUp1764183600000 } from './1764183600000-grant-session-step-up';
import { StaffJournal1764187200000 } from './1764187200000-staff-journal';
import { RoleRequestsAndPasswordLinks1764190800000 } from './1764190800000-role-requests-and-password-links';
import { GateInTheDatabase1764194400000 } from './1764194400000-gate-in-the-database';
import { RegisterErasureRecord1764198000000 } from './1764198000000-register-erasure-record';
import { IntakeCleanedFieldsAndRateWindows1764201600000 } from './1764201600000-intake-cleaned-fields-and-rate-windows';
import { AccessAlerts1764216000000 } from './1764216000000-access-alerts';
import { LiaVersions1764219600000 } from './1764219600000-lia-versions';
import { SubjectRights1764223200000 } from './1764223200000-subject-rights';
import { SystemAlerts1764226800000 } from './1764226800000-system-alerts';
import { RegisterConversationIndex1764230400000 } from './1764230400000-register-conversation-index';
import { StaffJournalRetention1764234000000 } from './1764234000000-staff-journal-retention';

/** Every migration, in order. New ones are appended, their SHA-256 recorded in checksums.json; committed ones are never edited. */
export const MIGRATIONS = [Init1764147600000, Staff1764151200000, ReportsAndCases1764154800000, AccessRegister1764158400000, Retention1764162000000, Decisions1764165600000, ReportCategoryIndex1764169200000, CaseCategories1764172800000, TotpLastStep1764180000000, GrantSessionStepUp1764183600000, StaffJournal1764187200000, RoleRequestsAndPasswordLinks1764190800000, GateInTheDatabase1764194400000, RegisterErasureRecord1764198000000, IntakeCleanedFieldsAndRateWindows1764201600000, AccessAlerts1764216000000, LiaVersions1764219600000, SubjectRights1764223200000, SystemAlerts1764226800000, RegisterConversationIndex1764230400000, StaffJournalRetention1764234000000];
