import type { ComponentType } from 'react';
import type { Action } from '../permissions';

/** A domain's own screen: its address, who may open it, and its (lazy) page. */
export interface ScreenRoute {
  path: string;
  /** Omitted for screens every signed-in staff member has (their profile). */
  action?: Action;
  Page: ComponentType;
}
