import { configure } from '@testing-library/dom';
import { TextDecoder, TextEncoder, format } from 'node:util';
import { captureOwnerStack } from 'react';

// jsdom lacks the encoders react-router reads when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// findBy…/waitFor give up after 1 s by default: on a loaded 2-core machine a react-admin page can take longer to
// settle. Waiting longer for the same state asserts the same thing; jest's testTimeout still bounds each test.
configure({ asyncUtilTimeout: 10_000 });

/**
 * react-admin 5.15 (ra-ui-materialui) passes MUI 5's `InputProps`, `InputLabelProps` and `inputProps` next to the
 * `slotProps` it gives MUI ≥ 6 (ResettableTextField, DateInput, LoadingInput, SelectPageCheckbox). MUI 9 no longer
 * reads them, so React warns when they reach the DOM. Only these props, and only when the element was created by a
 * react-admin component: the same props passed by our own code still print.
 */
const MUI5_PROPS_FROM_REACT_ADMIN = new Set(['InputProps', 'InputLabelProps', 'inputProps']);

const isReactAdminMui5Prop = (args: readonly unknown[]): boolean => {
  if (!String(args[0]).startsWith('React does not recognize the `%s` prop on a DOM element')) return false;
  if (!MUI5_PROPS_FROM_REACT_ADMIN.has(String(args[1]))) return false;
  // The first owner that is neither a DOM element nor MUI/emotion is whoever wrote the prop.
  const author = (captureOwnerStack() ?? '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at ') && !line.includes('(<anonymous>)') && !/node_modules\/@(mui|emotion)\//.test(line));
  return author?.includes('/node_modules/ra-ui-materialui/') ?? false;
};

/** ra-core 5.15's useDataProvider logs every failed call in development; the specs' refusals are deliberate. */
const isReactAdminFailedCall = (args: readonly unknown[]): boolean =>
  args.length === 1 && args[0] instanceof Error && args[0].name === 'HttpError';

// An update outside act() means a test stopped looking before the UI settled: it fails that test, so a new one
// cannot slip into CI. Collected and thrown from afterEach, since React logs them from its own scheduler.
const ACT_WARNING = /not wrapped in act\(|not configured to support act\(|`act` call was not awaited/;
const actWarnings: string[] = [];

const logError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const message = format(...args);
  if (ACT_WARNING.test(message)) {
    actWarnings.push(`${message}${captureOwnerStack() ?? ''}`);
    return;
  }
  if (isReactAdminMui5Prop(args) || isReactAdminFailedCall(args)) return;
  logError(...args);
};

const failOnActWarnings = () => {
  if (actWarnings.length === 0) return;
  const found = actWarnings.splice(0);
  throw new Error(`React warned ${found.length}× about act():\n\n${found.join('\n\n')}`);
};

afterEach(failOnActWarnings);
afterAll(failOnActWarnings);
