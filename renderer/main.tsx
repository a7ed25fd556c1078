// Renderer entry. The zod setup must run before any shared/ module is evaluated (see zodSetup.ts).
import './zodSetup';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
