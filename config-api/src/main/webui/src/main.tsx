import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromFragment, completeOidcSignIn, oidcSettings } from './lib/auth';
import './styles.css';

captureTokenFromFragment();
// a sign-in link pasted onto the page's own address only changes the fragment: take it then too
window.addEventListener('hashchange', () => {
  if (captureTokenFromFragment()) window.location.reload();
});
completeOidcSignIn(oidcSettings())
  .catch((e) => console.error(e))
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
