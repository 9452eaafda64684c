import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence } from './store/persistence';
import { App } from './ui/App';
import './ui/app.css';

startPersistence({
  storage: window.localStorage,
  hash: window.location.hash,
  clearHash: () => history.replaceState(null, '', window.location.pathname + window.location.search),
  onPageHide: (flush) => {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
