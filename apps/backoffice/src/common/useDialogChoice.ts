import { useState } from 'react';

/**
 * The choice whose dialog is open, if any: buttons open the dialog with their choice, the
 * dialog closes it — or closes it and reports that what it did is done.
 */
export const useDialogChoice = <T>(onDone: () => void) => {
  const [choice, setChoice] = useState<T | undefined>(undefined);
  return {
    choice,
    open: (value: T) => setChoice(() => value),
    close: () => setChoice(undefined),
    done: () => {
      setChoice(undefined);
      onDone();
    },
  };
};
