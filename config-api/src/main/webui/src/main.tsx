import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromFragment, completeOidcSignIn, oidcSettings } from './lib/auth';
import './styles.css';

captureTokenFromFragment();
completeOidcSignIn(oidcSettings())
  .catch((e) => console.error(e))
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
