import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { restoreSession } from './api/refresh';
import { App } from './app';
import { watchOtherTabs } from './auth/session-store';
import { initI18n } from './i18n/i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/pages.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/profile-editor.css';
import './styles/profile-widgets.css';
import './styles/expert-profile.css';
import './styles/curation.css';
import './styles/search.css';
import './styles/search-results.css';
import './styles/shortlists.css';
import './styles/print.css';

watchOtherTabs();
// Started here, before React renders, so StrictMode cannot run it twice.
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first render waits for the chosen language's messages (a chunk unless it is Vietnamese).
await initI18n();
createRoot(root).render(
  <StrictMode>
    {/* Navigations render at once, not in a transition: the search page's state is the URL,
        and a transition that Back supersedes would leave it showing the abandoned entry. */}
    <BrowserRouter useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
