import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadMessages, readStoredLocale } from './i18n/i18nProvider';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// A stored English is fetched before the first render, so the first screen is already in it;
// should the fetch fail, the app starts in French.
loadMessages(readStoredLocale()).then(render, render);
