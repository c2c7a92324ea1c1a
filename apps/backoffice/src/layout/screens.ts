import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HowToRegOutlined from '@mui/icons-material/HowToRegOutlined';
import HourglassBottomOutlined from '@mui/icons-material/HourglassBottomOutlined';
import HowToVoteOutlined from '@mui/icons-material/HowToVoteOutlined';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import NotificationImportantOutlined from '@mui/icons-material/NotificationImportantOutlined';
import ManageSearchOutlined from '@mui/icons-material/ManageSearchOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import OutboxOutlined from '@mui/icons-material/OutboxOutlined';
import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import GavelOutlined from '@mui/icons-material/GavelOutlined';
import type SvgIcon from '@mui/material/SvgIcon';
import type { Action } from '../permissions';

export interface ScreenDefinition {
  /** Names the screen's messages: `vigie.menu.<id>` and `vigie.screens.<id>.*`. */
  id: string;
  /** The menu label's i18n key, when the screen's messages live elsewhere than `vigie.menu`. */
  label?: string;
  path: string;
  /** What a staff member needs to see the screen in the menu and to open it. */
  action: Action;
  icon: typeof SvgIcon;
  /** Not built yet: the route shows what the screen will do. Built screens bring their own routes. */
  upcoming: boolean;
}

/** The screens besides the dashboard, in menu order. */
export const SCREENS = [
  // The cases resource (cases/) serves this path.
  { id: 'queue', path: '/cases', action: 'queue.view', icon: InboxOutlined, upcoming: false },
  {
    id: 'approvals',
    label: 'vigie.decisions.menu.approvals',
    path: '/approvals',
    action: 'decision.approve',
    icon: HowToVoteOutlined,
    // Served by decisions/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'register',
    path: '/register',
    action: 'register.view',
    icon: FactCheckOutlined,
    // Served by register/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'alerts',
    label: 'vigie.alerts.menu',
    path: '/alerts',
    action: 'alerts.view',
    icon: NotificationImportantOutlined,
    // Served by alerts/, routed in App.tsx; its menu item carries the count of open alerts.
    upcoming: false,
  },
  {
    id: 'journal',
    label: 'vigie.journal.menu',
    path: '/journal',
    action: 'journal.view',
    icon: ManageSearchOutlined,
    // Served by journal/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'subjects',
    label: 'vigie.subjects.menu',
    path: '/subjects',
    action: 'subject.report',
    icon: PersonSearchOutlined,
    // Served by subjects/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'processing_record',
    label: 'vigie.processing_record.menu',
    path: '/processing-record',
    action: 'processing_record.view',
    icon: MenuBookOutlined,
    // Served by processing-record/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'lia',
    label: 'vigie.lia.menu',
    path: '/lia',
    action: 'lia.manage',
    icon: GavelOutlined,
    // Served by lia/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'retention',
    path: '/retention',
    action: 'retention.view',
    icon: HourglassBottomOutlined,
    // Served by retention/, routed in App.tsx.
    upcoming: false,
  },
  {
    id: 'deliveries',
    label: 'vigie.decisions.menu.deliveries',
    path: '/deliveries',
    action: 'deliveries.view',
    icon: OutboxOutlined,
    // Served by deliveries/, routed in App.tsx.
    upcoming: false,
  },
  // The staff resource (staff/) serves this path.
  { id: 'staff', path: '/staff', action: 'staff.manage', icon: GroupOutlined, upcoming: false },
  {
    id: 'role_requests',
    path: '/role-requests',
    action: 'staff.approve_roles',
    icon: HowToRegOutlined,
    // Served by staff/, routed in App.tsx.
    upcoming: false,
  },
] as const satisfies readonly ScreenDefinition[];

export type Screen = (typeof SCREENS)[number];

/** The i18n key of a screen's menu label. */
export const screenLabel = (screen: ScreenDefinition): string => screen.label ?? `vigie.menu.${screen.id}`;

// Typed from the definition, not from SCREENS: with every screen built the list is empty,
// and the route and page that show an upcoming screen must still compile for the next one.
export type UpcomingScreenDefinition = ScreenDefinition & { upcoming: true };

export const UPCOMING_SCREENS = (SCREENS as readonly ScreenDefinition[]).filter(
  (screen): screen is UpcomingScreenDefinition => screen.upcoming,
);
