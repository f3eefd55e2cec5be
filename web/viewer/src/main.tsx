import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { adoptKeyFromFragment } from './key.js';
import './viewer.css';

// Before anything renders or fetches: the key leaves the address bar at once.
adoptKeyFromFragment();
createRoot(document.getElementById('root')!).render(<App />);
