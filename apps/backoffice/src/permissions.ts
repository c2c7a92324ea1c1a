// The rights matrix lives in @vigie/contracts so the API's guards and the UI's menus
// cannot disagree; the UI imports it from here only.
export { ACTIONS, canAccess, isAction, type Action } from '@vigie/contracts';
